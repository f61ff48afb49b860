// The pages of `npm run bench`: the same article (bench/pages/template.html) with, in the gallery's place,
// each contestant embedded as its own docs say, or one of the two references that bound what a widget can
// do for the host page's reader:
// - `none`: the article without any gallery, for the host page's first contentful paint;
// - `static`: the article with the first photo as a plain <figure><img> at a slide's size, for the
//   largest contentful paint (a widget cannot show its first photo sooner than a page that has it inline).
//
// Each entry: what the page loads in <head>, what goes where the gallery goes (`{{FEED}}` is the feed URL of
// the visit), where the first photo lives (`scope`), and which served files are the contestant's own (its
// JS and CSS bytes). Every gallery shows the same things: the photo, the caption (quote + name),
// previous/next arrows and a pagination, 3 slides per view, 1rem between slides. Library defaults are kept
// for everything else.
//
// Ours is the snippet the embed builder hands out (src/embed/snippets.ts, built to dist/esm), which the
// README's "Script tag" section shows: it is read from the build at run time, so the page always embeds
// what a site owner would paste.

export const PER_VIEW = 3;
export const MAX_DOTS = 30;

/** The bundle's URL on the bench server, as a site would host it next to its feed. */
export const BUNDLE_URL = '/dist/notwiththem-gallery.bundle.js';

/**
 * The contestants and references. `ours(feedUrl)` is filled in by the runner from the built snippets
 * module (see `withOurSnippet`), so the bench never keeps a copy of the snippet that could drift.
 */
/** An optional variant of our snippet (run with `--only`): its body is our snippet, edited in withOurSnippet. */
const ourVariant = (id, label) => ({
  id,
  label,
  peer: false,
  optional: true,
  head: '',
  body: null,
  scope: 'shadow',
  own: ['/dist/'],
});

export const contestants = [
  {
    id: 'none',
    label: 'reference: no gallery',
    reference: true,
    head: '',
    body: '',
    own: [],
  },
  {
    id: 'static',
    label: 'reference: static first photo',
    reference: true,
    head: '',
    // The first testimonial's photo at the size of one slide of three, eager, high priority: what the
    // fastest possible gallery would show first.
    body: `<figure class="static-photo" data-bench-gallery><div class="t-photo"><img src="/img/0.webp" width="480" height="640" alt="" fetchpriority="high" decoding="async"></div></figure>`,
    own: [],
  },
  {
    id: 'nwt',
    label: 'notwiththem-gallery',
    peer: false,
    head: '',
    body: null, // the builder's snippet, see withOurSnippet()
    scope: 'shadow',
    own: ['/dist/'],
  },
  {
    id: 'swiper',
    label: 'Swiper Element',
    peer: true,
    // `swiper/element/bundle`, its CDN build (the IIFE that registers <swiper-container> and <swiper-slide>).
    head: `<script src="/nm/swiper/swiper-element-bundle.min.js" defer></script>
<script type="module" src="/bench/adapters/swiper.js"></script>`,
    body: `<div id="gallery" data-feed="{{FEED}}" data-bench-gallery></div>`,
    own: ['/nm/swiper/'],
  },
  {
    id: 'splide',
    label: 'Splide',
    peer: true,
    head: `<link rel="stylesheet" href="/nm/@splidejs/splide/dist/css/splide-core.min.css">
<script src="/nm/@splidejs/splide/dist/js/splide.min.js" defer></script>
<script type="module" src="/bench/adapters/splide.js"></script>`,
    body: `<div id="gallery" data-feed="{{FEED}}" data-bench-gallery></div>`,
    own: ['/nm/@splidejs/splide/'],
  },
  {
    id: 'shoelace',
    label: 'Shoelace sl-carousel',
    peer: true,
    // Cherry-picked from the CDN build, as its docs show: the light theme (its design tokens) and the two
    // components; their chunks (Lit, sl-icon for the arrows, localization) load through their own imports.
    head: `<link rel="stylesheet" href="/nm/@shoelace-style/shoelace/cdn/themes/light.css">
<script type="module" src="/nm/@shoelace-style/shoelace/cdn/components/carousel/carousel.js"></script>
<script type="module" src="/nm/@shoelace-style/shoelace/cdn/components/carousel-item/carousel-item.js"></script>
<script type="module" src="/bench/adapters/shoelace.js"></script>`,
    body: `<div id="gallery" data-feed="{{FEED}}" data-bench-gallery></div>`,
    own: ['/nm/@shoelace-style/shoelace/'],
  },
  {
    // Not run by default (`--only nwt-before,…`): our snippet with the bundle found in bench/.work/before/
    // (built from an earlier revision), to compare two builds in the same run.
    id: 'nwt-before',
    label: 'notwiththem-gallery, an earlier build',
    peer: false,
    optional: true,
    head: '',
    body: null,
    scope: 'shadow',
    own: ['/before/'],
  },
  // Not run by default (`--only nwt-async,…`): our snippet with the poster decoded off the first frame
  // (`decoding="async"`), to compare against in the same run.
  ourVariant('nwt-async', 'notwiththem-gallery, poster decoding="async"'),
  // Not run by default (`--only nwt-lazy,…`): our snippet with the poster preloaded and lazy, so that it
  // is painted in the frame after the page's first one.
  ourVariant('nwt-lazy', 'notwiththem-gallery, poster preloaded and lazy'),
  // Not run by default (`--only nwt-plainposter,…`): our snippet with the poster at the default priority.
  ourVariant('nwt-plainposter', 'notwiththem-gallery, poster at default priority'),
  // Not run by default (`--only nwt-nopreload,…`): our snippet without the feed's preload, so that a
  // large feed's response does not compete with the poster; the feed leaves when the element upgrades.
  ourVariant('nwt-nopreload', 'notwiththem-gallery, no feed preload'),
  // Not run by default (`--only nwt-lowpreload,…`): our snippet with the feed's preload at low priority.
  ourVariant('nwt-lowpreload', 'notwiththem-gallery, feed preload fetchpriority="low"'),
  // Not run by default (`--only nwt-noscript,…`): our snippet without its script: the feed's preload, the
  // style that reserves the box and the poster, and nothing that runs. Is our first frame later than the
  // static page's for what runs, or for what the snippet lays out? (Its first photo is the poster.)
  ourVariant('nwt-noscript', 'notwiththem-gallery snippet without its script'),
  {
    // Not run by default (`--only static-sync,…`): the static reference without `decoding="async"`.
    id: 'static-sync',
    label: 'static first photo, decoding="auto"',
    peer: false,
    optional: true,
    head: '',
    body: `<figure class="static-photo" data-bench-gallery><div class="t-photo"><img src="/img/0.webp" width="480" height="640" alt="" fetchpriority="high"></div></figure>`,
    own: [],
  },
  {
    // Not run by default (`--only static-late,…`): the static reference with its photo served 1.5 s late,
    // so that the page's first frame is made while the photo is still in flight: is the static page's later
    // first paint the photo's own arrival and paint, or the page's layout with an image in it?
    id: 'static-late',
    label: 'static first photo, served 1.5 s late',
    peer: false,
    optional: true,
    head: '',
    body: `<figure class="static-photo" data-bench-gallery><div class="t-photo"><img src="/img/0.webp?delay=1500" width="480" height="640" alt="" fetchpriority="high" decoding="async"></div></figure>`,
    own: [],
  },
  {
    // Not run by default (`--only static-box,…`): the static reference's box, without the photo (and
    // without the gallery mark: there is no photo to wait for, the visit ends at `load` as for `none`).
    id: 'static-box',
    label: "static first photo's box, no photo",
    peer: false,
    optional: true,
    head: '',
    body: `<figure class="static-photo"><div class="t-photo"></div></figure>`,
    own: [],
  },
  {
    // Not run by default (`--only static-plain,…`): the static reference without `fetchpriority="high"`,
    // to see what the photo's priority costs the page's first paint.
    id: 'static-plain',
    label: 'static first photo, default priority',
    peer: false,
    optional: true,
    head: '',
    body: `<figure class="static-photo" data-bench-gallery><div class="t-photo"><img src="/img/0.webp" width="480" height="640" alt="" decoding="async"></div></figure>`,
    own: [],
  },
  {
    // Not run by default (`--only nwt-head,…`): the embed the README recommended before the builder's
    // snippet, a classic script in <head> without defer, kept to compare against.
    id: 'nwt-head',
    label: 'notwiththem-gallery, classic script in <head>',
    peer: false,
    optional: true,
    head: `<script src="${BUNDLE_URL}"></script>`,
    body: `<notwiththem-gallery src="{{FEED}}" label="Testimonials"></notwiththem-gallery>`,
    scope: 'shadow',
    own: ['/dist/'],
  },
];

/**
 * Fills in our entry with `scriptSnippet` from the built snippets module: the builder's defaults plus the
 * title the peers' pages carry, the bundle at BUNDLE_URL. The bench's marker attributes are added to the
 * element (they change nothing in how it loads).
 */
export function withOurSnippet(list, snippets) {
  const mark = (html) =>
    html.replace('<notwiththem-gallery', '<notwiththem-gallery data-bench-gallery data-bench-scope="shadow"');
  // The snippet of the builder (with the first photo's poster and preload unless `firstPhoto` is false),
  // with the given bundle.
  const ours = (bundle = BUNDLE_URL, firstPhoto = true) =>
    snippets.scriptSnippet(
      { src: '{{FEED}}', label: 'Testimonials', ...(firstPhoto && { firstPhoto: { src: '/img/0.webp' } }) },
      { bundle, embed: 'http://127.0.0.1/dist/embed.html' },
    );
  // Variants of ours: the snippet as the builder writes it, then edited.
  const variants = {
    // The builder adds the first photo's preload once its preview has read the feed: the bench feed's
    // first photo is /img/0.webp, without srcset.
    nwt: () => ours(),
    'nwt-before': () => ours('/before/notwiththem-gallery.bundle.js'),
    'nwt-async': () => ours().replace('<img slot="poster"', '<img slot="poster" decoding="async"'),
    'nwt-lazy': () =>
      ours()
        .replace(
          '<link rel="preload"',
          '<link rel="preload" href="/img/0.webp" as="image" fetchpriority="high" referrerpolicy="no-referrer">\n<link rel="preload"',
        )
        .replace('<img slot="poster"', '<img slot="poster" loading="lazy"'),
    'nwt-plainposter': () => ours().replace(' fetchpriority="high"', ''),
    'nwt-nopreload': () => ours().replace(/<link rel="preload"[^>]*as="fetch"[^>]*>\n?/, ''),
    'nwt-lowpreload': () => ours().replace('as="fetch"', 'as="fetch" fetchpriority="low"'),
    'nwt-noscript': () => ours().replace(/<script[^>]*><\/script>\n?/, ''),
  };
  return list.map((c) => {
    // Without the script there is no shadow root: the first photo is the poster, in the element itself.
    if (c.id === 'nwt-noscript')
      return {
        ...c,
        body: variants[c.id]().replace('<notwiththem-gallery', '<notwiththem-gallery data-bench-gallery'),
      };
    if (variants[c.id]) return { ...c, body: mark(variants[c.id]()) };
    if (c.id === 'nwt-head') return { ...c, body: mark(c.body) };
    return c;
  });
}

/** node_modules folders the server may serve (nothing else under node_modules is reachable). */
export const servedPackages = ['swiper', '@splidejs/splide', '@shoelace-style/shoelace'];
