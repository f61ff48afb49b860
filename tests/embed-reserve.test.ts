import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { scriptSnippet, type EmbedOptions } from '../src/embed/snippets.js';
import { waitUntil } from './helpers/waits.js';

/**
 * The box the script snippet reserves before the element is defined has the gallery's own height, in
 * every engine, at every width and with the options that change the gallery's height. Two pages per
 * case: the snippet without its script (the element never defined: the reserved box), and the snippet
 * as is (the gallery, once its feed has rendered).
 */
const files = {
  bundle: '/dist/notwiththem-gallery.bundle.js',
  embed: new URL('/dist/embed.html', location.href).href,
};

function page(options: EmbedOptions, hostCss: string, withScript: boolean): string {
  const lines = scriptSnippet(options, files).split('\n');
  const snippet = (withScript ? lines : lines.filter((line) => !line.startsWith('<script'))).join('\n');
  // A scrollbar from the start, as on an article longer than the window: Firefox may keep the container
  // width it saw while a scrollbar came and went during the frame's first layouts.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>html{overflow-y:scroll}body{margin:0}${hostCss}</style></head><body>${snippet}<p>Below</p></body></html>`;
}

/** Runs `read` on a page `width` px wide made of `html`, once it has loaded; the frame goes after. */
async function inFrame<T>(
  width: number,
  html: string,
  read: (frame: HTMLIFrameElement) => Promise<T>,
): Promise<T> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:1400px;border:0`;
  frame.srcdoc = html;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  try {
    await loaded;
    return await read(frame);
  } finally {
    frame.remove();
  }
}

/** The element's height in a page `width` px wide (or, with `pseudo`, its ::before's `content`). */
async function heightIn(
  width: number,
  html: string,
  ready: boolean,
  pseudo = false,
): Promise<number | string> {
  return inFrame(width, html, async (frame) => {
    const gallery = () => frame.contentDocument!.querySelector('notwiththem-gallery')!;
    if (ready)
      await waitUntil(
        () => gallery().shadowRoot?.querySelector('.track[part~="track"] .slide'),
        'the gallery never rendered its slides',
        { timeout: 10000 },
      );
    else expect(frame.contentWindow!.customElements.get('notwiththem-gallery')).to.equal(undefined);
    if (pseudo) return frame.contentWindow!.getComputedStyle(gallery(), '::before').content;
    return gallery().getBoundingClientRect().height;
  });
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * In a page `width` px wide, the box (relative to the element) of the poster before the element is
 * defined, of the poster in the loading gallery, or of the first slide's photo in the ready gallery.
 */
async function photoBox(width: number, html: string, state: 'undefined' | 'loading' | 'ready'): Promise<Box> {
  return inFrame(width, html, async (frame) => {
    const gallery = frame.contentDocument!.querySelector('notwiththem-gallery')!;
    const poster = gallery.querySelector('img[slot="poster"]')!;
    const shadow = () => gallery.shadowRoot;
    let target: Element;
    if (state === 'undefined') {
      expect(frame.contentWindow!.customElements.get('notwiththem-gallery')).to.equal(undefined);
      target = poster;
    } else if (state === 'loading') {
      await waitUntil(() => (poster as HTMLSlotElement).assignedSlot, 'the poster was never shown', {
        timeout: 10000,
      });
      target = poster;
    } else {
      await waitUntil(
        () => shadow()?.querySelector('.track[part~="track"] .slide .photo img'),
        'the gallery never rendered its slides',
        { timeout: 10000 },
      );
      expect((poster as HTMLImageElement).assignedSlot, 'the poster outlived the loading state').to.equal(
        null,
      );
      target = shadow()!.querySelector('.track[part~="track"] .slide .photo img')!;
      // Every photo is whole pixels wide, so those in view paint at one size: none is a larger paint
      // than the first (the poster) by a pixel of rounding.
      for (const img of shadow()!.querySelectorAll('.track[part~="track"] .slide .photo img'))
        expect(img.getBoundingClientRect().width % 1, 'a photo is not whole pixels wide').to.equal(0);
    }
    const host = gallery.getBoundingClientRect();
    const box = target.getBoundingClientRect();
    expect(box.width, `the ${state} photo box is empty`).to.be.above(0);
    return { x: box.x - host.x, y: box.y - host.y, width: box.width, height: box.height };
  });
}

const feed = (n: number) => `/__feeds/many?n=${n}`;
const cases: [string, EmbedOptions, string][] = [
  ['the defaults', { src: feed(7) }, ''],
  [
    'autoplay, Spanish, dark, two share targets',
    { src: feed(7), autoplay: true, lang: 'es', theme: 'dark', share: ['x', 'copy'] },
    '',
  ],
  [
    'a larger font and gap set by the page',
    { src: feed(40) },
    'notwiththem-gallery{--nwt-font-size:20px;--nwt-gap:1.5rem}',
  ],
];

describe('the box the script snippet reserves', () => {
  before(() => setViewport({ width: 1300, height: 1000 }));

  for (const [name, options, css] of cases) {
    // Ten pages each (fifteen for the poster): on a loaded machine that takes longer than one test's
    // default 20 s, though each page is awaited by its state.
    it(`is the gallery's height with ${name}, from 320 to 1200 px`, async function () {
      this.timeout(90_000);
      for (const width of [320, 600, 800, 1000, 1200]) {
        const reserved = (await heightIn(width, page(options, css, false), false)) as number;
        const gallery = (await heightIn(width, page(options, css, true), true)) as number;
        expect(
          Math.abs(reserved - gallery),
          `at ${width} px: reserved ${reserved}, gallery ${gallery}`,
        ).to.be.below(0.5);
      }
    });
  }

  // The poster (the first slide's photo, written by the builder as a child of the element) is painted
  // by the page where that photo will be: before the script runs (the snippet's style), while the feed
  // loads (the element's skeleton) and once the slides are there, the box is the same.
  for (const [name, options, css] of cases) {
    it(`places the poster on the first slide's photo with ${name}, from 320 to 1200 px`, async function () {
      this.timeout(120_000);
      const photo = '/__feeds/slow-image?ms=0&hue=0';
      const withPoster = (src: string): EmbedOptions => ({ ...options, src, firstPhoto: { src: photo } });
      for (const width of [320, 600, 800, 1000, 1200]) {
        const before = await photoBox(width, page(withPoster(options.src), css, false), 'undefined');
        const loading = await photoBox(
          width,
          page(withPoster(options.src.replace('/many?', '/slow-feed-of-many?ms=60000&')), css, true),
          'loading',
        );
        const ready = await photoBox(width, page(withPoster(options.src), css, true), 'ready');
        for (const [state, box] of Object.entries({ loading, ready }))
          for (const side of ['x', 'y', 'width', 'height'] as const)
            expect(
              Math.abs(box[side] - before[side]),
              `at ${width} px, ${state}: ${side} ${box[side]} against ${before[side]} before the script`,
            ).to.be.below(0.5);
      }
    });
  }

  it('is not reserved around figures written inside the element', async () => {
    const html = `<!doctype html><html><head><style>body{margin:0}</style></head><body>${scriptSnippet(
      { src: '' },
      files,
    )
      .split('\n')
      .filter((line) => !line.startsWith('<script'))
      .join('\n')
      .replace('></notwiththem-gallery>', '><figure>A figure</figure></notwiththem-gallery>')}</body></html>`;
    expect(await heightIn(600, html, false, true)).to.equal('none');
  });
});

// A deferred bundle often runs before the page's first paint: the poster is painted in the frame after,
// and Chromium reports it as the largest paint a moment later. The element's upgrade gives the poster a
// new layout box; a box that goes before its paint is reported is dropped from the largest paints, and
// the slides' photo, painted later, becomes the page's LCP. So the bundle defines the element only once
// the poster's largest-contentful-paint entry is reported. The page's PerformanceObserver is a stand-in
// here, so the test says when the entry comes, in every engine.
describe('the bundle with a poster on the page', () => {
  it('defines the element once the poster’s largest paint is reported, not before', async () => {
    const photo = '/__feeds/slow-image?ms=0&hue=120';
    const markup = page({ src: feed(7), firstPhoto: { src: photo } }, '', false)
      .replace(/^[\s\S]*<body>/, '')
      .replace(/<\/body>[\s\S]*$/, '');
    const html = `<!doctype html><html><head><meta charset="utf-8"></head><body><script>
      const observers = [];
      window.PerformanceObserver = class {
        static supportedEntryTypes = ['largest-contentful-paint'];
        constructor(callback) { this.callback = callback; observers.push(this); }
        observe() {}
        disconnect() { this.off = true; }
      };
      window.report = (element) =>
        observers.forEach((o) => o.off || o.callback({ getEntries: () => [{ element }] }, o));
    </script></body></html>`;
    await inFrame(800, html, async (frame) => {
      const win = frame.contentWindow! as Window & typeof globalThis & { report(element: Element): void };
      const doc = frame.contentDocument!;
      const bundle = await (await fetch(files.bundle)).text();
      const loaded = new win.Image();
      loaded.src = photo;
      await loaded.decode();
      // The poster (loaded, from the cache) and the bundle in one task, as a deferred script before
      // the first paint.
      doc.body.insertAdjacentHTML('beforeend', markup);
      const script = doc.createElement('script');
      script.textContent = bundle;
      doc.body.append(script);
      const poster = doc.querySelector('notwiththem-gallery>img[slot=poster]')!;
      expect((poster as HTMLImageElement).complete, 'the poster was not loaded').to.equal(true);
      // A task later (before the wait's 300 ms cap, a later timer): still not defined.
      await new Promise((resolve) => win.setTimeout(resolve));
      expect(
        win.customElements.get('notwiththem-gallery') === undefined,
        'defined before the poster was reported',
      ).to.equal(true);
      win.report(poster);
      await win.customElements.whenDefined('notwiththem-gallery');
    });
  });

  it('defines the element in the bundle’s own task when no poster is loaded', async () => {
    // Frameworks create the element and set its properties right after the script: it must be
    // upgraded by then (a Vue app's `lang` would otherwise go to a plain element and be lost).
    await inFrame(
      800,
      '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>',
      async (frame) => {
        const win = frame.contentWindow! as Window & typeof globalThis;
        const doc = frame.contentDocument!;
        doc.body.insertAdjacentHTML(
          'beforeend',
          '<notwiththem-gallery><img slot="poster" alt=""></notwiththem-gallery>',
        );
        const script = doc.createElement('script');
        script.textContent = await (await fetch(files.bundle)).text();
        doc.body.append(script);
        expect(
          win.customElements.get('notwiththem-gallery') !== undefined,
          'not defined in the task that ran the bundle',
        ).to.equal(true);
      },
    );
  });
});
