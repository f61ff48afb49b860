import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { expectAccessible } from './helpers/axe.js';
import { isWebKit } from './helpers/engine.js';
import { countFetches } from './helpers/fetches.js';
import { atRest, requestsRecorded, waitUntil } from './helpers/waits.js';

const FEED = '/tests/fixtures/gallery-feed.json';

/** A unique query string so the test server's per-key routes never see two tests at once. */
const key = () => Math.random().toString(36).slice(2);

function shadow(el: NotWithThemGallery): ShadowRoot {
  return el.shadowRoot!;
}

function stateText(el: NotWithThemGallery): string {
  return shadow(el).querySelector('[part~="state"]')?.textContent?.trim() ?? '';
}

async function readyGallery(template = html`<notwiththem-gallery src=${FEED}></notwiththem-gallery>`) {
  const el = await fixture<NotWithThemGallery>(template);
  await waitUntil(() => shadow(el).querySelector('[part~="slide"]'), 'slides never rendered', {
    timeout: 5000,
  });
  return el;
}

describe('<notwiththem-gallery> states', () => {
  let warn: typeof console.warn;
  let warnings: unknown[][];
  beforeEach(() => {
    warnings = [];
    warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('without a source shows its fallback content and a quiet message', async () => {
    const el = await fixture<NotWithThemGallery>(html`<notwiththem-gallery></notwiththem-gallery>`);
    expect(stateText(el)).to.equal('No testimonials to show.');
    expect(shadow(el).querySelector('[part~="slide"]')).to.equal(null);
    await expectAccessible(el);
  });

  it('while loading shows a message and marks the viewport busy', async () => {
    const el = await fixture<NotWithThemGallery>(
      html`<notwiththem-gallery src=${`/__feeds/slow?ms=1500&key=${key()}`}></notwiththem-gallery>`,
    );
    await el.updateComplete;
    expect(stateText(el)).to.equal('Loading testimonials…');
    expect(shadow(el).querySelector('[part~="viewport"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(shadow(el).querySelector('section')!.hasAttribute('aria-busy')).to.equal(false);
    await expectAccessible(el);
  });

  it('announces loading: a live region there before its text, outside the busy part', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('notwiththem-gallery');
    el.setAttribute('src', `/__feeds/slow?ms=3000&key=${key()}`);
    wrapper.append(el);
    await el.updateComplete;
    // At the first render: every live region, with its text then.
    const first = new Map(
      [...shadow(el).querySelectorAll('[role="status"], [aria-live]')].map((node) => [
        node,
        node.textContent!.trim(),
      ]),
    );
    const announcing = () =>
      [...shadow(el).querySelectorAll('[role="status"], [aria-live]')].find(
        (node) => node.textContent!.trim() === 'Loading testimonials…',
      );
    await waitUntil(announcing, 'no live region says "Loading testimonials…"');
    const region = announcing()!;
    expect(first.has(region), 'the region was in the first render').to.equal(true);
    expect(first.get(region), 'its text came after it').to.equal('');
    expect(region.closest('[aria-busy="true"]'), 'outside the busy part').to.equal(null);
    expect(shadow(el).querySelector('[aria-busy="true"]'), 'the viewport is busy').to.not.equal(null);
    // One announcement: the visible message is not a second live region.
    expect(
      [...shadow(el).querySelectorAll('[role="status"], [aria-live]')].filter((node) =>
        node.textContent!.includes('Loading'),
      ).length,
    ).to.equal(1);
    await waitUntil(() => !announcing(), 'still announcing loading once ready', { timeout: 8000 });
  });

  it('when ready renders one slide per testimonial with photo, quote and who', async () => {
    const loaded = oneEvent(document, 'nwt-load');
    const el = await readyGallery();
    const { detail } = await loaded;
    expect(detail).to.deep.equal({ count: 4 });
    const slides = shadow(el).querySelectorAll('[part~="slide"]');
    expect(slides.length).to.equal(4);
    const first = slides[0]!;
    expect(first.querySelector('[part~="quote"]')!.textContent).to.equal(
      '#NotWithThem because they represent the capitalist class',
    );
    expect(first.querySelector('.name')!.textContent).to.equal('Laura Vilches');
    expect(first.querySelector('[part~="who"]')!.textContent).to.contain('Legislator · Córdoba, Argentina');
    expect(first.querySelector('[part~="who"]')!.textContent).to.contain("Left and Workers' Front – PTS");
    expect(shadow(el).querySelector('.title')!.textContent).to.equal('Test gallery');
    expect(shadow(el).querySelector('section')!.getAttribute('aria-labelledby')).to.equal('title');
    expect(shadow(el).querySelector('#title')!.textContent).to.equal('Test gallery');
    await expectAccessible(el);
  });

  it('loads photos politely: only the first eagerly, all async, no referrer, with a fixed box', async () => {
    const el = await readyGallery();
    const images = [...shadow(el).querySelectorAll<HTMLImageElement>('img[part~="image"]')];
    expect(images.map((img) => img.loading)).to.deep.equal(['eager', 'lazy', 'lazy', 'lazy']);
    for (const img of images) {
      expect(img.decoding).to.equal('async');
      expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
      expect(img.alt).to.not.equal('');
    }
    // Relative image URLs resolve against the feed's URL, not the page's.
    expect(images[0]!.src).to.equal(new URL('/tests/fixtures/photos/sign-1.svg', location.href).href);
    expect(images[0]!.getAttribute('width')).to.equal('800');
    expect(images[1]!.alt).to.equal('Two legislators hold a sign');
    const photo = images[0]!.parentElement!;
    expect(getComputedStyle(photo).backgroundColor).to.equal('rgb(217, 72, 95)');
  });

  it('starts the first photo before its slide is drawn, and the photo is fetched once', async () => {
    const src = new URL(`/tests/fixtures/photos/sign-2.svg?first=${Math.random()}`, location.href).href;
    const other = new URL(`/tests/fixtures/photos/sign-3.svg?other=${Math.random()}`, location.href).href;
    const el = await fixture<NotWithThemGallery>(html`<notwiththem-gallery></notwiththem-gallery>`);
    // The moment after the render that drew the first <img> and before the layout the element forces
    // next. An image, the preload's as the <img>'s, queues its load as a microtask: the preload's was
    // queued before the render, the <img>'s during it, and the element's measure (the forced layout) in
    // `updated()`, after this controller's hostUpdated. A microtask queued here runs after the preload's
    // and before the measure: the photo's request must have left by then. WebKit's loader starts the
    // request from a task of its own after that microtask (Resource Timing puts it 2–4 ms after the mark
    // in about one run of four), so there the mark is the first frame after the render: the request
    // leaves before the slide is first painted.
    let drawnAt = Infinity;
    el.addController({
      hostUpdated: () => {
        if (drawnAt !== Infinity || !shadow(el).querySelector('img[part~="image"]')) return;
        drawnAt = -1;
        if (isWebKit) requestAnimationFrame(() => (drawnAt = performance.now()));
        else queueMicrotask(() => (drawnAt = performance.now()));
      },
    });
    el.testimonials = [
      { id: 'first', image: src, quote: 'A reason', name: 'Ana' },
      { id: 'second', image: other, quote: 'Another', name: 'Bea' },
    ];
    const photo = () => shadow(el).querySelector<HTMLImageElement>('img[part~="image"]');
    await waitUntil(() => photo()?.complete && photo()!.naturalWidth > 0, 'the photo never loaded');
    await waitUntil(() => performance.getEntriesByName(src).length > 0, 'no resource timing for the photo');
    // A second fetch would come from a later render: wait until none is pending and the layout holds,
    // then until Resource Timing has every request that ended before now.
    await atRest(el);
    await requestsRecorded();
    const fetches = performance.getEntriesByName(src);
    expect(fetches.length, 'the photo was fetched more than once').to.equal(1);
    expect(
      fetches[0]!.startTime,
      'the photo was requested only after its <img> was drawn and laid out',
    ).to.be.at.most(drawnAt);
  });

  it('shows a designed fallback, still named, when a photo fails to load', async () => {
    const el = await fixture<NotWithThemGallery>(html`<notwiththem-gallery></notwiththem-gallery>`);
    el.testimonials = [
      { id: 'gone', image: '/tests/fixtures/photos/missing.png', quote: 'A reason', name: 'Ana' },
    ];
    await waitUntil(() => shadow(el).querySelector('[part~="image-fallback"]'), 'no fallback', {
      timeout: 5000,
    });
    const fallback = shadow(el).querySelector('[part~="image-fallback"]')!;
    expect(fallback.getAttribute('role')).to.equal('img');
    expect(fallback.getAttribute('aria-label')).to.equal('Ana: A reason');
    expect(fallback.textContent).to.contain('Photo unavailable');
    await expectAccessible(el);
  });

  it('renders the testimonials property without fetching', async () => {
    const fetches = countFetches();
    try {
      const el = await fixture<NotWithThemGallery>(html`<notwiththem-gallery></notwiththem-gallery>`);
      el.testimonials = [
        { image: 'https://example.org/a.jpg', quote: 'First reason' },
        { image: 'https://example.org/b.jpg', quote: 'Second reason' },
      ];
      await waitUntil(() => shadow(el).querySelectorAll('[part~="slide"]').length === 2);
      expect(fetches.count).to.equal(0);
    } finally {
      fetches.restore();
    }
  });

  it('with no valid entry shows the empty state, not an empty carousel, and warns per entry', async () => {
    const el = await fixture<NotWithThemGallery>(html`<notwiththem-gallery></notwiththem-gallery>`);
    el.testimonials = [{ image: 'javascript:alert(1)', quote: 'x' }, { quote: 'no image' }];
    await waitUntil(() => stateText(el) === 'This feed has no testimonials to show yet.', 'no empty state');
    expect(shadow(el).querySelector('[part~="slide"]')).to.equal(null);
    expect(warnings.length).to.equal(2);
    expect(String(warnings[0]![0])).to.contain('entry 0');
    await expectAccessible(el);
  });

  it('on a 404 shows a localized message without Retry; Retry on a network error moves focus', async () => {
    const originalFetch = window.fetch;
    let fault: '404' | 'network' | '' = '404';
    window.fetch = (input, init) =>
      fault === '404'
        ? Promise.resolve(new Response('gone', { status: 404 }))
        : fault === 'network'
          ? Promise.reject(new TypeError('offline'))
          : originalFetch(input, init);
    let gallery: typeof NotWithThemGallery | undefined;
    try {
      const errors: CustomEvent[] = [];
      const onError = (event: Event) => errors.push(event as CustomEvent);
      document.addEventListener('nwt-error', onError);
      const el = await fixture<NotWithThemGallery>(
        html`<notwiththem-gallery lang="es" src=${FEED}></notwiththem-gallery>`,
      );
      await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'no error message', {
        timeout: 5000,
      });
      document.removeEventListener('nwt-error', onError);
      // Trying again cannot mend a missing file: no useless button.
      expect(shadow(el).querySelector('[part~="retry"]')).to.equal(null);
      expect(errors.length).to.equal(1);
      expect(errors[0]!.detail.code).to.equal('http');
      expect(errors[0]!.detail.status).to.equal(404);
      expect(stateText(el)).to.contain('No se pudieron cargar los testimonios (error HTTP 404).');
      expect(shadow(el).querySelector('[role="alert"]')).to.not.equal(null);
      expect(warnings.length).to.equal(1);
      await expectAccessible(el);

      // A network error offers Retry.
      gallery = el.constructor as typeof NotWithThemGallery;
      gallery.loaderOptions = { retryDelay: 1 };
      fault = 'network';
      void el.reload();
      await waitUntil(() => shadow(el).querySelector('[part~="retry"]'), 'no Retry after a network error', {
        timeout: 5000,
      });

      // Focus follows Try again to the new state: the new Retry when it fails again…
      const retry = shadow(el).querySelector<HTMLButtonElement>('[part~="retry"]')!;
      retry.focus();
      retry.click();
      await waitUntil(
        () => shadow(el).activeElement?.matches('[part~="retry"]') && shadow(el).activeElement !== retry,
        'focus never reached the new Retry',
      );

      // …and the first slide when it loads.
      fault = '';
      const loaded = oneEvent(el, 'nwt-load');
      shadow(el).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await loaded;
      await waitUntil(() => shadow(el).querySelectorAll('[part~="slide"]').length === 4);
      console.log(
        'DEBUGF',
        shadow(el).activeElement?.outerHTML.slice(0, 100),
        document.activeElement?.localName,
      );
      await waitUntil(() => shadow(el).activeElement?.id === 'slide-0', 'focus never reached the slides');
    } finally {
      window.fetch = originalFetch;
      if (gallery) gallery.loaderOptions = {};
    }
  });

  it('reports each error code of a bad feed without throwing into the page', async () => {
    const cases: [string, string][] = [
      [`/__feeds/html?key=${key()}`, 'parse'],
      [`/__feeds/truncated?key=${key()}`, 'parse'],
      [`/__feeds/huge?key=${key()}`, 'too-large'],
      ['/tests/fixtures/gallery-states-not-a-feed.json', 'http'],
    ];
    for (const [src, code] of cases) {
      const el = await fixture<NotWithThemGallery>(html`<notwiththem-gallery></notwiththem-gallery>`);
      const failed = oneEvent(el, 'nwt-error');
      el.src = src;
      const { detail } = await failed;
      expect(detail.code, src).to.equal(code);
    }
  });

  it('an empty, unparseable or non-http(s) src says so on the card: no request, no Retry, one warning', async () => {
    const fetches = countFetches();
    try {
      for (const [src, lang] of [
        ['javascript:alert(1)', 'en'],
        ['data:application/json,[]', 'es'],
        ['http://[::1', 'en'],
        ['', 'es'],
        ['  ', 'en'],
      ] as const) {
        warnings = [];
        const el = document.createElement('notwiththem-gallery');
        el.lang = lang;
        const failed = oneEvent(el, 'nwt-error');
        el.setAttribute('src', src);
        (await fixture<HTMLDivElement>(html`<div style="width: 360px"></div>`)).append(el);
        const { detail } = await failed;
        expect(detail.code, src).to.equal('src');
        await waitUntil(() => shadow(el).querySelector('[role="alert"]'), `no message for ${src}`);
        expect(stateText(el), src).to.equal(
          lang === 'es'
            ? 'Esta galería no tiene una dirección de feed válida (src).'
            : 'This gallery has no usable feed address (src).',
        );
        expect(shadow(el).querySelector('[part~="retry"]'), src).to.equal(null);
        expect(warnings.length, src).to.equal(1);
        expect(String(warnings[0]![0]), src).to.contain('src');
      }
      expect(fetches.count).to.equal(0);
      const el = document.querySelector('notwiththem-gallery')!;
      await expectAccessible(el);
    } finally {
      fetches.restore();
    }
  });

  it('a schema error is reported as schema', async () => {
    const el = await fixture<NotWithThemGallery>(html`<notwiththem-gallery></notwiththem-gallery>`);
    const failed = oneEvent(el, 'nwt-error');
    el.testimonials = { nothing: 'here' };
    const { detail } = await failed;
    expect(detail.code).to.equal('schema');
    await waitUntil(() => stateText(el).includes('not in the expected format'), 'no schema message');
  });

  it('keeps the same height from loading to ready (no layout shift)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 360px"></div>`);
    const el = document.createElement('notwiththem-gallery');
    el.src = `/__feeds/slow?ms=600&key=${key()}`;
    wrapper.append(el);
    await el.updateComplete;
    const loadingHeight = el.getBoundingClientRect().height;
    el.testimonials = [
      {
        image: '/tests/fixtures/photos/sign-1.svg',
        quote: 'A very long reason '.repeat(40),
        name: 'Someone with a long name '.repeat(5),
      },
    ];
    await waitUntil(() => shadow(el).querySelector('[part~="slide"]'));
    expect(el.getBoundingClientRect().height).to.equal(loadingHeight);
    // And once the photo is in and the measures and renders it causes are done.
    await waitUntil(() => shadow(el).querySelector('img')?.complete, 'the photo never loaded');
    await atRest(el);
    expect(el.getBoundingClientRect().height).to.equal(loadingHeight);
  });

  it('picks Spanish from the nearest ancestor and lets strings override any label', async () => {
    const host = await fixture<HTMLDivElement>(
      html`<div lang="es-AR"><notwiththem-gallery></notwiththem-gallery></div>`,
    );
    const el = host.querySelector('notwiththem-gallery')!;
    await el.updateComplete;
    expect(stateText(el)).to.equal('No hay testimonios para mostrar.');
    el.strings = { noSource: 'Nada por aquí', label: 'Galería' };
    await el.updateComplete;
    expect(stateText(el)).to.equal('Nada por aquí');
    expect(shadow(el).querySelector('.title')!.textContent).to.equal('Galería');
  });

  it('moves between testimonials with the previous and next buttons', async () => {
    const el = await readyGallery(
      html`<notwiththem-gallery src=${FEED} style="width: 360px"></notwiththem-gallery>`,
    );
    const next = shadow(el).querySelector<HTMLButtonElement>('[part~="next"]')!;
    const previous = shadow(el).querySelector<HTMLButtonElement>('[part~="previous"]')!;
    expect(previous.getAttribute('aria-disabled')).to.equal('true');
    next.click();
    await waitUntil(() => el.currentIndex === 1, 'did not move', { timeout: 3000 });
    const selected = shadow(el).querySelector('[role="tab"][aria-selected="true"]');
    expect(selected!.getAttribute('aria-label')).to.equal('Testimonial 2');
    expect(previous.getAttribute('aria-disabled')).to.equal('false');
  });
});
