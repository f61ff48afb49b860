// Hydration of a server's render. The page gets HTML that @lit-labs/ssr rendered at the time of the test
// (GET /__ssr/gallery, tests/server/ssr-route.mjs) from the npm build, loads Lit's hydrate support
// before Lit, as an app does, then defines the element: no error, no "Hydration value mismatch", the
// server's slides kept (the same nodes), and a gallery that works (slides, Next, the share controls and
// the page's language that only the browser knows).
//
// Hydrate support must run before Lit's element class is evaluated: this import stays first.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect } from '@open-wc/testing';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { atRest, until } from './helpers/waits.js';

/** The npm build, the one the server rendered (its templates, minified at build, must be the same). */
const NPM_BUILD = '/dist/esm/index.js';
const TRACK = '.track[part~="track"]';

interface Rendered {
  html: string;
  testimonials?: unknown[];
}

const problems: string[] = [];
const original = { error: console.error, warn: console.warn };
const onError = (event: ErrorEvent) => problems.push(`error: ${event.message}`);
const onRejection = (event: PromiseRejectionEvent) =>
  problems.push(`unhandled rejection: ${String(event.reason?.message ?? event.reason)}`);

before(() => {
  console.error = (...args: unknown[]) => {
    problems.push(`console.error: ${args.map(String).join(' ')}`);
    original.error.apply(console, args);
  };
  // Our own warnings and Lit's: a hydration problem is reported as either.
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.includes('<notwiththem-gallery>') || /hydrat/i.test(text))
      problems.push(`console.warn: ${text}`);
    original.warn.apply(console, args);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});
after(() => {
  Object.assign(console, original);
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
});
afterEach(() => document.querySelectorAll('.ssr-host').forEach((host) => host.remove()));

let n = 0;
/** A tag of its own for each test: its element is not defined until the test says so. */
let tag = '';
beforeEach(() => (tag = `nwt-ssr-${++n}`));

/** The server's HTML in the page (declarative shadow root parsed), not upgraded yet. */
async function serverRendered(query: string, pageLang?: string): Promise<[NotWithThemGallery, Rendered]> {
  const response = await fetch(`/__ssr/gallery?tag=${tag}&${query}`);
  expect(response.ok, `the server render failed (${response.status}): run npm run build first`).to.equal(
    true,
  );
  const rendered = (await response.json()) as Rendered;
  const host = document.createElement('div');
  host.className = 'ssr-host';
  host.style.width = '800px';
  if (pageLang) host.lang = pageLang;
  host.setHTMLUnsafe(rendered.html);
  document.body.append(host);
  const el = host.querySelector(tag) as NotWithThemGallery;
  expect(el.shadowRoot, 'no declarative shadow root').to.not.equal(null);
  return [el, rendered];
}

/** Defines the element from the npm build, as an app's own import would. */
async function define(): Promise<void> {
  const { NotWithThemGallery } = (await import(NPM_BUILD)) as {
    NotWithThemGallery: { define(tag: string): void };
  };
  NotWithThemGallery.define(tag);
}

const slidesOf = (el: NotWithThemGallery) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`${TRACK} > .slide`),
];
const $ = (el: NotWithThemGallery, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

describe('server rendering, hydrated', () => {
  it('hydrates the ready gallery without an error and keeps the server’s slides', async () => {
    const [el, { testimonials }] = await serverRendered('');
    const serverSlides = slidesOf(el);
    const serverPhoto = el.shadowRoot!.querySelector('img');
    expect(serverSlides).to.have.length(testimonials!.length);
    // The page gives the same testimonials, before the element is defined (React and Vue do so too).
    el.testimonials = testimonials;
    problems.length = 0;
    await define();
    await until(() => $(el, '[part~="share-more"], [part~="share"]'), 'the share controls never rendered');
    await atRest(el);
    expect(problems).to.deep.equal([]);
    // Hydrated, not rendered again: the same nodes, and no second copy of them.
    expect(slidesOf(el)).to.have.length(testimonials!.length);
    expect(slidesOf(el)[0]).to.equal(serverSlides[0]);
    expect(el.shadowRoot!.querySelector('img')).to.equal(serverPhoto);
    expect(el.shadowRoot!.querySelectorAll('section.gallery')).to.have.length(1);

    // It works: Next moves by a page and tells the page.
    const perView = slidesOf(el).filter((slide) => !slide.inert).length;
    const moved = new Promise((resolve) => el.addEventListener('nwt-slide-change', resolve, { once: true }));
    $(el, '[part~="next"]')!.click();
    await moved;
    expect(el.currentIndex).to.equal(perView);
    await until(() => !slidesOf(el)[perView]!.inert, 'the next page never came into view');
    await atRest(el);
    expect(slidesOf(el)).to.have.length(testimonials!.length);
    expect(problems).to.deep.equal([]);
  });

  it('renders the page’s language once hydrated, for a server render without lang', async () => {
    const [el, { testimonials }] = await serverRendered('', 'es');
    // The server knows only the element's own lang.
    expect($(el, '[part~="next"]')!.getAttribute('aria-label')).to.equal('Next testimonial');
    el.testimonials = testimonials;
    problems.length = 0;
    await define();
    await until(
      () => $(el, '[part~="next"]')!.getAttribute('aria-label') === 'Testimonio siguiente',
      'the labels never followed the page’s language',
    );
    await atRest(el);
    expect(problems).to.deep.equal([]);
  });

  it('hydrates the no-source state of figures, then shows them as slides', async () => {
    const [el] = await serverRendered('figures=1&lang=en');
    // The server cannot read the element's children: its figures show through the slot.
    expect(el.querySelectorAll('figure')).to.have.length(2);
    expect(slidesOf(el)).to.have.length(0);
    problems.length = 0;
    await define();
    await until(() => slidesOf(el).length === 2, 'the figures never became slides');
    await atRest(el);
    expect(problems).to.deep.equal([]);
  });

  it('is rendered anew, without an error, by the script-tag bundle (which does not hydrate)', async () => {
    tag = 'notwiththem-gallery'; // the bundle's own tag
    const [el, { testimonials }] = await serverRendered('');
    const serverSlide = slidesOf(el)[0];
    el.testimonials = testimonials;
    problems.length = 0;
    const script = Object.assign(document.createElement('script'), {
      src: '/dist/notwiththem-gallery.bundle.js',
    });
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve);
      script.addEventListener('error', reject);
    });
    document.head.append(script);
    await loaded;
    await until(
      () => slidesOf(el).length === testimonials!.length && slidesOf(el)[0] !== serverSlide,
      'the bundle never rendered',
    );
    await atRest(el);
    expect(el.shadowRoot!.querySelectorAll('section.gallery')).to.have.length(1);
    expect(problems).to.deep.equal([]);
  });

  it('hydrates the loading state of a src render, then loads the feed', async () => {
    const [el] = await serverRendered('src=/tests/fixtures/gallery-feed.json&lang=en');
    expect(el.shadowRoot!.querySelector('.skeleton-track')).to.not.equal(null);
    problems.length = 0;
    await define();
    await until(() => slidesOf(el).length === 4, 'the feed never rendered');
    await atRest(el);
    expect(problems).to.deep.equal([]);
  });
});
