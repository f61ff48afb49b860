/**
 * The box a page reserves for `<notwiththem-gallery>` before its script has run, so that a page loading
 * the script with `defer` (which never delays the page's first paint) still moves nothing when the
 * element is defined: the reserved height is the gallery's own, computed by CSS from the element's width
 * with the same rules the element's styles use (notwiththem-gallery.styles.ts).
 *
 * How the gallery's height follows from its width W (all `em` at the gallery's font size):
 *   padding p = min(gap, 5% of W), top and bottom
 *   3 row gaps of 0.75 × gap between header, slides, controls and footer
 *   header   = the title's box: 2 lines of 1.2em × 1.3 (1 line from 48rem wide); with `autoplay`, at
 *              least c (its rotation button)
 *   slide    = photo ((W − 2p − (s − 1) × gap) / s ÷ aspect ratio) + 0.6em
 *              + quote and who ((lines × 1.05 + 2.7) × lh) + 0.35em + 0.35em + actions (the share
 *              buttons: max(c, 2.75em)), where lh is the line height, 1.45em
 *   controls = c, the control size: min(2.75rem, 16% of W)
 *   footer   = 2 lh
 * with s slides per view: 1, 2 from 36rem wide, 3 from 60rem wide.
 *
 * It applies only to an element without `<figure>` children: one with figures shows those until it is
 * defined, laid out as the page styles them.
 *
 * The poster (an `<img slot="poster">` child, the first slide's photo, written by the embed builder) is
 * laid where the first slide's photo will be: p from the inline start, p + header + 0.75 × gap from the
 * top, one slide wide (in whole pixels, as the slides' photos: see the element's styles), at the
 * photo's aspect ratio. The page paints the photo as early as a plain `<img>`
 * (the largest paint of the page), and the element, once defined, shows it in the same box while the
 * feed loads.
 */

/** The custom properties the element's styles read, with the same defaults. */
const vars = [
  '--g:var(--nwt-gap,1rem)',
  '--p:min(var(--g),5cqi)',
  '--c:min(var(--nwt-control-size,2.75rem),16cqi)',
  '--s:var(--nwt-slides-per-view,1)',
  '--t:3.12em',
  '--a:0px',
].join(';');

/**
 * The gallery's height, from the variables above and the container's width (100cqi). The boxes the
 * element sizes in lines (the quote and who box, the footer) are in `lh` here too, at the element's line
 * height: WebKit rounds `lh` to whole pixels (23px for 1.45 × 16px), and the reserve must round the same.
 */
const heightOf = (aspect: string, lines: string) =>
  'calc(2*var(--p) + 2.25*var(--g) + max(var(--t),var(--a))' +
  ` + (100cqi - 2*var(--p) - (var(--s) - 1)*var(--g))/var(--s)/(${aspect})` +
  ` + var(--c) + max(var(--c),2.75em) + 1.3em + (4.7 + 1.05*${lines})*1lh)`;
const height = heightOf('var(--nwt-aspect-ratio,4/5)', 'var(--nwt-caption-lines,4)');

/** The first slide's photo box: where the poster goes, in the same terms as the height above. */
const slideWidth = '(100cqi - 2*var(--p) - (var(--s) - 1)*var(--g))/var(--s)';
const poster =
  'position:absolute;inset-inline-start:var(--p);top:calc(var(--p) + max(var(--t),var(--a)) + .75*var(--g));' +
  `width:round(down,${slideWidth} + .03px,1px);height:calc(${slideWidth}/(var(--nwt-aspect-ratio,4/5)));` +
  'max-width:none;margin:0;padding:0;border:0;border-radius:var(--nwt-radius,.75rem);object-fit:cover';

/**
 * A style sheet (minified, nested, for a `<style>` in the page) that gives every not yet defined `tag`
 * without figures the height the gallery will have.
 */
export function reservedBoxCss(tag = 'notwiththem-gallery'): string {
  // The element is the query container of its own ::before and of the poster: its width drives the
  // breakpoints. Both take the variables and the font size the height is computed in.
  const both = (self = '') => `&${self}::before,&${self}>[slot=poster]`;
  return (
    `${tag}:not(:defined,[hidden],:has(>figure)){display:block;position:relative;container-type:inline-size;` +
    `${both()}{${vars};font-size:var(--nwt-font-size,1rem);line-height:1.45}` +
    `&::before{content:"";display:block;height:${height}}` +
    `&>[slot=poster]{${poster}}` +
    `${both('[autoplay]')}{--a:var(--c)}` +
    `@container (min-width:36rem){${both()}{--s:var(--nwt-slides-per-view,2)}}` +
    `@container (min-width:48rem){${both()}{--t:1.56em}}` +
    `@container (min-width:60rem){${both()}{--s:var(--nwt-slides-per-view,3)}}}`
  );
}

/**
 * A style sheet for the iframe embed: the element `#${boxId}` wraps the iframe, and the iframe gets the
 * height of the gallery inside it at its width, rounded up to the pixel as the embed page reports it, so
 * the parent page does not move when the frame's content loads and its height message arrives. The
 * frame's document knows nothing of the parent's styles: its font is the browser's default (`medium`,
 * which is what its rem is), hence em here where the element's own rules say rem.
 */
export function reservedFrameCss(boxId: string, autoplay = false): string {
  const frameVars = [
    '--g:1em',
    '--p:min(var(--g),5cqi)',
    '--c:min(2.75em,16cqi)',
    '--s:1',
    '--t:3.12em',
    `--a:${autoplay ? 'var(--c)' : '0px'}`,
  ].join(';');
  return (
    `#${boxId}{container-type:inline-size;font-size:medium;` +
    `&>iframe{${frameVars};line-height:1.45;height:round(up,${heightOf('4/5', '4')},1px)}` +
    `@container (min-width:36em){&>iframe{--s:2}}` +
    `@container (min-width:48em){&>iframe{--t:1.56em}}` +
    `@container (min-width:60em){&>iframe{--s:3}}}`
  );
}
