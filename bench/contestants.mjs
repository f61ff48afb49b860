// The contestants of `npm run bench`: what each page loads in <head>, where its gallery goes in <body>, how
// to find its next button, and which served files are the contestant's own (its JS and CSS bytes).
// `{{FEED}}` is replaced by the feed URL of the run. Every page shows the same things: the photo, the
// caption (quote + name), previous/next arrows and a pagination, 3 slides per view, 1rem between slides,
// and `next` moves one page (3 slides). Library defaults are kept for everything else (speed, easing).
//
// Pagination: dots when they fit in the row (30 or fewer slides, the same width rule as ours); with more
// slides, the library's compact pagination when it has one (ours: a "3 / 1000" counter; Swiper: its
// `fraction` type). Splide and Shoelace have no compact pagination: they keep one dot per page.

export const PER_VIEW = 3;
export const MAX_DOTS = 30;

export const contestants = [
  {
    id: 'nwt',
    label: 'notwiththem-gallery',
    peer: false,
    // The embed snippet of the README, as is (the script in <head>, without defer, which is what keeps the
    // layout still): the feed adapter is the `src` attribute.
    head: `<script src="/dist/notwiththem-gallery.bundle.js"></script>`,
    body: `<notwiththem-gallery src="{{FEED}}" label="Testimonials" data-bench-gallery data-bench-scope="shadow"></notwiththem-gallery>`,
    next: 'notwiththem-gallery button.next',
    own: ['/dist/'],
  },
  {
    id: 'swiper',
    label: 'Swiper Element',
    peer: true,
    // `swiper/element/bundle`, as its CDN build (the IIFE that registers <swiper-container> and <swiper-slide>).
    head: `<script src="/nm/swiper/swiper-element-bundle.min.js" defer></script>
<script type="module" src="/bench/adapters/swiper.js"></script>`,
    body: `<div id="gallery" data-feed="{{FEED}}" data-bench-gallery></div>`,
    next: 'swiper-container .swiper-button-next',
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
    next: '.splide__arrow--next',
    own: ['/nm/@splidejs/splide/'],
  },
  {
    id: 'shoelace',
    label: 'Shoelace sl-carousel',
    peer: true,
    // Cherry-picked from the CDN build: the light theme (its design tokens) and the two components; their
    // chunks (Lit, sl-icon for the arrows, localization) load through the modules' own imports.
    head: `<link rel="stylesheet" href="/nm/@shoelace-style/shoelace/cdn/themes/light.css">
<script type="module" src="/nm/@shoelace-style/shoelace/cdn/components/carousel/carousel.js"></script>
<script type="module" src="/nm/@shoelace-style/shoelace/cdn/components/carousel-item/carousel-item.js"></script>
<script type="module" src="/bench/adapters/shoelace.js"></script>`,
    body: `<div id="gallery" data-feed="{{FEED}}" data-bench-gallery></div>`,
    next: 'sl-carousel .carousel__navigation-button--next',
    own: ['/nm/@shoelace-style/shoelace/'],
  },
];

/** node_modules folders the server may serve (nothing else under node_modules is reachable). */
export const servedPackages = ['swiper', '@splidejs/splide', '@shoelace-style/shoelace'];
