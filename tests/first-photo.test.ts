// The first photo's request leaves as early as the page can know it: from the snippet's preload while the
// page is parsed, else from the feed's first testimonial before the rest of the feed is checked; and the
// gallery's <img> takes that request (the photo is fetched once).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { photoPoster } from '../src/embed/snippets.js';
import { afterPosterPaint } from '../src/poster.js';
import { frame, nextTask, requestsRecorded, waitUntil } from './helpers/waits.js';

const photoUrl = (name: string) =>
  new URL(`/tests/fixtures/photos/${name}?r=${Math.random()}`, location.href).href;

/** Testimonial `i` of the test feeds, its photo `src`. */
const testimonialAt = (i: number, src = photoUrl('sign-3.svg')) => ({
  id: `t-${i}`,
  image: { src, alt: `Sign ${i}`, width: 800, height: 600 },
  quote: `Reason number ${i}, long enough to be a sentence a person would write on a sign.`,
  name: `Person ${i}`,
});

/** A feed of `count` testimonials, the first with the photo `first`, served from a blob: URL. */
function feedUrl(first: string, count: number): string {
  const testimonials = Array.from({ length: count }, (_, i) => testimonialAt(i, i ? undefined : first));
  return URL.createObjectURL(new Blob([JSON.stringify({ testimonials })], { type: 'application/json' }));
}

const image = (el: NotWithThemGallery) =>
  el.shadowRoot!.querySelector<HTMLImageElement>('img[part~="image"]');

async function photoShown(el: NotWithThemGallery, src: string): Promise<PerformanceResourceTiming[]> {
  await waitUntil(() => image(el)?.complete && image(el)!.naturalWidth > 0, 'the photo never loaded');
  expect(image(el)!.src).to.equal(src);
  await waitUntil(() => performance.getEntriesByName(src).length > 0, 'no resource timing for the photo');
  // Every request that ended before now is in Resource Timing: a second one for the photo would be.
  await requestsRecorded();
  return performance.getEntriesByName(src) as PerformanceResourceTiming[];
}

describe('the first photo', () => {
  it('leaves once the feed’s first testimonial is read, before the rest is checked', async () => {
    const first = photoUrl('sign-2.svg');
    const el = await fixture<NotWithThemGallery>(html`<notwiththem-gallery></notwiththem-gallery>`);
    // When the page asks for the photo: the moment an image is given its address. (Resource Timing's
    // start is the network's, not the page's: under load, WebKit's network process started the request
    // after `nwt-load`, although the page had asked for it a task before the rest was checked.)
    const srcProperty = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!;
    let loaded = false;
    let loadedByTheAsk: boolean | undefined;
    Object.defineProperty(HTMLImageElement.prototype, 'src', {
      ...srcProperty,
      set(this: HTMLImageElement, value: string) {
        // Whether `nwt-load` has fired by the end of the code that asked: asked at ready, the same code
        // goes on to fire it; asked after the first entry, the rest is checked in later tasks.
        if (value === first && loadedByTheAsk === undefined) queueMicrotask(() => (loadedByTheAsk = loaded));
        srcProperty.set!.call(this, value);
      },
    });
    try {
      const ready = oneEvent(el, 'nwt-load');
      el.addEventListener('nwt-load', () => (loaded = true), { once: true });
      el.src = feedUrl(first, 400);
      await ready;
    } finally {
      Object.defineProperty(HTMLImageElement.prototype, 'src', srcProperty);
    }
    expect(loadedByTheAsk, 'the photo was not asked for before the feed was checked').to.equal(false);
    const fetches = await photoShown(el, first);
    expect(fetches.length, 'the photo was fetched more than once').to.equal(1);
  });

  it('is not started early when the gallery opens elsewhere (a `start` past the first page)', async () => {
    const first = photoUrl('sign-2.svg');
    const el = await fixture<NotWithThemGallery>(
      html`<notwiththem-gallery start="t-30"></notwiththem-gallery>`,
    );
    let loadedAt = Infinity;
    el.addEventListener('nwt-load', () => (loadedAt = performance.now()), { once: true });
    const loaded = oneEvent(el, 'nwt-load');
    el.src = feedUrl(first, 40);
    await loaded;
    const shown = () => el.shadowRoot!.querySelector<HTMLImageElement>('img[fetchpriority="high"]');
    await waitUntil(() => shown()?.complete && shown()!.naturalWidth > 0, 'the photo in view never loaded');
    expect(shown()!.src).not.to.equal(first);
    await requestsRecorded();
    // A lazy <img> of the first slide may still load (WebKit lays it out in view before the jump to the
    // start), but nothing asked for it before the feed was ready.
    for (const entry of performance.getEntriesByName(first))
      expect(entry.startTime, 'the first testimonial’s photo was started early').to.be.at.least(loadedAt);
  });

  it('keeps the slides waiting while the poster shown is still loading, until it is decoded', async () => {
    // A poster whose photo has not arrived when the feed has: the slides' first render waits for it, so
    // the page paints the poster (its largest paint) before the slides replace the skeleton.
    const holder = document.createElement('div');
    holder.innerHTML = `<notwiththem-gallery src="/__feeds/hang?ms=60000&key=${Math.random()}"><img slot="poster" alt="" src="/__feeds/hang?ms=60000&key=${Math.random()}"></notwiththem-gallery>`;
    const el = holder.firstElementChild as NotWithThemGallery;
    const poster = el.querySelector('img')!;
    let decoded!: () => void;
    poster.decode = () => new Promise<void>((resolve) => (decoded = resolve));
    document.body.append(holder);
    try {
      await waitUntil(() => poster.assignedSlot, 'the poster was not shown while the feed loaded');
      // Its timers are held (the cap is read, not waited for), so a slow machine cannot end the wait.
      const timers: unknown[] = [];
      const { setTimeout } = window;
      window.setTimeout = ((_: unknown, ms: unknown) => timers.push(ms)) as typeof window.setTimeout;
      let done = false;
      let painted: Promise<unknown>;
      try {
        painted = afterPosterPaint(el).then(() => (done = true));
      } finally {
        window.setTimeout = setTimeout;
      }
      expect(timers, 'the wait is not capped at 1 s').to.deep.equal([1e3]);
      await nextTask();
      await frame();
      await nextTask();
      expect(done, 'the slides did not wait for the poster').to.equal(false);
      decoded();
      await painted;
    } finally {
      holder.remove();
    }
  });

  it('waits for the poster shown to be decoded before the feed is parsed', async () => {
    // JSON.parse of a large feed is one long task: before the poster has painted, it would hold back that
    // paint (the page's largest) and the page's first one.
    const marker = `t-${Math.random()}`;
    const url = URL.createObjectURL(
      new Blob([JSON.stringify({ testimonials: [{ ...testimonialAt(0), id: marker }] })], {
        type: 'application/json',
      }),
    );
    const holder = document.createElement('div');
    holder.innerHTML = `<notwiththem-gallery><img slot="poster" alt="" src="/__feeds/hang?ms=60000&key=${Math.random()}"></notwiththem-gallery>`;
    const el = holder.firstElementChild as NotWithThemGallery;
    const poster = el.querySelector('img')!;
    let decoded!: () => void;
    poster.decode = () => new Promise<void>((resolve) => (decoded = resolve));
    const { parse } = JSON;
    const { fetch, setTimeout } = window;
    let parsed = false;
    let fetched: Promise<unknown> | undefined;
    JSON.parse = ((text: string, ...rest: []) => {
      if (typeof text === 'string' && text.includes(marker)) parsed = true;
      return parse(text, ...rest);
    }) as typeof JSON.parse;
    // The body, read in full by a copy: after that, the feed could be parsed.
    window.fetch = (...args: Parameters<typeof fetch>) => {
      const response = fetch(...args);
      fetched = response.then((r) => r.clone().text());
      return response;
    };
    // The poster wait's 1 s cap is held, so a slow machine cannot end the wait; other timers run.
    window.setTimeout = ((run: () => void, ms?: number) =>
      ms === 1e3 ? 0 : setTimeout(run, ms)) as typeof window.setTimeout;
    document.body.append(holder);
    try {
      const loaded = oneEvent(el, 'nwt-load');
      el.src = url;
      await waitUntil(() => fetched, 'the feed was not requested');
      await fetched;
      await nextTask();
      await frame();
      await nextTask();
      expect(parsed, 'the feed was parsed before the poster was decoded').to.equal(false);
      decoded();
      await loaded;
      expect(parsed).to.equal(true);
    } finally {
      JSON.parse = parse;
      window.fetch = fetch;
      window.setTimeout = setTimeout;
      holder.remove();
      URL.revokeObjectURL(url);
    }
  });

  it('is taken from the snippet’s poster when the page has one, and shown while the feed loads', async () => {
    const first = photoUrl('sign-4.svg');
    const holder = document.createElement('div');
    holder.innerHTML = `<notwiththem-gallery>${photoPoster({ src: '/feed.json', firstPhoto: { src: first } })}</notwiththem-gallery>`;
    const el = holder.firstElementChild as NotWithThemGallery;
    const poster = el.querySelector('img')!;
    document.body.append(holder);
    try {
      await waitUntil(() => poster.complete && poster.naturalWidth > 0, 'the poster never loaded');
      // Loading: the poster is in the first photo box of the skeleton.
      el.src = `/__feeds/hang?ms=60000&key=${Math.random()}`;
      await waitUntil(() => poster.assignedSlot, 'the poster was not shown while the feed loaded');
      el.src = feedUrl(first, 7);
      const fetches = await photoShown(el, first);
      expect(fetches.length, 'the gallery asked again for the poster’s photo').to.equal(1);
      expect(poster.assignedSlot, 'the poster outlived the loading state').to.equal(null);
    } finally {
      holder.remove();
    }
  });
});
