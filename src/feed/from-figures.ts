/**
 * Progressive enhancement: testimonials written as plain HTML inside the element, readable before the script
 * runs, without JavaScript and by crawlers. The element uses them as its data when it has no `src` and no
 * `testimonials`. This module only reads the markup into the raw feed shape; `parseFeed` checks it like any
 * feed (URLs, lengths, alt text), so nothing here trusts the page more than a feed.
 *
 * The markup, one `<figure>` per testimonial, as direct children of the element:
 *
 * ```html
 * <notwiththem-gallery label="#NotWithThem">
 *   <figure data-id="laura-vilches">
 *     <img src="photos/laura-960.webp" width="960" height="720" alt="Laura Vilches holds a sign" />
 *     <figcaption>
 *       <blockquote lang="en">#NotWithThem because they represent the capitalist class</blockquote>
 *       <cite>Laura Vilches</cite>
 *       <span class="role">Legislator, Province of Córdoba</span>
 *       <span class="place">Córdoba, Argentina</span>
 *       <span class="affiliation">Left and Workers' Front – PTS</span>
 *       <a href="https://example.org/laura">More</a>
 *     </figcaption>
 *   </figure>
 * </notwiththem-gallery>
 * ```
 *
 * - image: the first `img` (`src`, `alt`, `width`, `height`, `srcset`, `sizes`; `data-color` for the placeholder).
 * - quote: the `blockquote`'s text, else the figcaption's text without the parts below.
 * - name: `cite` or `.name`; role, place, affiliation: `.role`, `.place`, `.affiliation`.
 * - url: the first `a[href]` in the figcaption. id: the figure's `data-id`, else its `id`.
 * - lang: `lang` on the blockquote, else on the figure.
 * Relative URLs resolve against the page (the caller passes `document.baseURI` to `parseFeed`).
 */

/** One testimonial as written in a feed (before `parseFeed`). */
export interface RawFigureTestimonial {
  id?: string;
  image: { src: string; alt?: string; width?: number; height?: number; srcset?: string; sizes?: string; color?: string };
  quote: string;
  name?: string;
  role?: string;
  place?: string;
  affiliation?: string;
  url?: string;
  lang?: string;
}

const WHO = ['cite', '.name', '.role', '.place', '.affiliation'];

/** The `<figure>` children of `host`, as raw testimonials (entries without an image or quote still go to parseFeed, which warns). */
export function readFigures(host: Element): RawFigureTestimonial[] {
  return [...host.children].filter((child) => child.localName === 'figure').map(readFigure);
}

/** Whether `host` has figure children to read. */
export function hasFigures(host: Element): boolean {
  return [...host.children].some((child) => child.localName === 'figure');
}

function readFigure(figure: Element): RawFigureTestimonial {
  const img = figure.querySelector('img');
  const caption = figure.querySelector('figcaption');
  const blockquote = caption?.querySelector('blockquote') ?? figure.querySelector('blockquote');
  const entry: RawFigureTestimonial = {
    image: { src: img?.getAttribute('src') ?? '' },
    quote: blockquote ? text(blockquote) : caption ? captionText(caption) : '',
  };
  if (img) {
    assign(entry.image, 'alt', img.getAttribute('alt') ?? undefined);
    assign(entry.image, 'width', dimension(img.getAttribute('width')));
    assign(entry.image, 'height', dimension(img.getAttribute('height')));
    assign(entry.image, 'srcset', img.getAttribute('srcset') ?? undefined);
    assign(entry.image, 'sizes', img.getAttribute('sizes') ?? undefined);
    assign(entry.image, 'color', img.getAttribute('data-color') ?? undefined);
  }
  const scope = caption ?? figure;
  assign(entry, 'id', figure.getAttribute('data-id') ?? (figure.id || undefined));
  assign(entry, 'name', textOf(scope.querySelector('cite, .name')));
  assign(entry, 'role', textOf(scope.querySelector('.role')));
  assign(entry, 'place', textOf(scope.querySelector('.place')));
  assign(entry, 'affiliation', textOf(scope.querySelector('.affiliation')));
  assign(entry, 'url', scope.querySelector('a[href]')?.getAttribute('href') ?? undefined);
  assign(entry, 'lang', blockquote?.getAttribute('lang') || figure.getAttribute('lang') || undefined);
  return entry;
}

/** The caption's text without who said it (and without the link), for captions that have no blockquote. */
function captionText(caption: Element): string {
  const copy = caption.cloneNode(true) as Element;
  for (const part of copy.querySelectorAll([...WHO, 'a[href]'].join(','))) part.remove();
  return text(copy);
}

function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function textOf(element: Element | null): string | undefined {
  return element ? text(element) || undefined : undefined;
}

function dimension(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined && value !== '') target[key] = value;
}
