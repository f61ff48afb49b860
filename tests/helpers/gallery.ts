// The test harness of the element: mount a gallery, query its parts, wait for its states. Every suite
// that drives a gallery uses these, so a change of markup or timing is made once.
//
//   import { mount, $, slides, settled } from './helpers/gallery.js';
//   const el = await mount({ width: 800, attrs: 'loop' });
//   $(el, '[part~="next"]')!.click();
//   await settled(el);
import { fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { frame } from './waits.js';
import '../../src/define.js';
import type { NotWithThemGallery } from '../../src/notwiththem-gallery.js';

/** The feed most suites show: seven testimonials with local photos. */
export const FEED = '/tests/fixtures/gallery-feed.json';

/** The track of slides (the loading skeleton has a `.track` too, without the part). */
export const TRACK = '.track[part~="track"]';

const rootOf = (target: NotWithThemGallery | ParentNode): ParentNode =>
  (target as Element).shadowRoot ?? target;

/** The first match in a gallery's shadow tree (or in any other node). */
export const $ = <T extends Element = HTMLElement>(
  target: NotWithThemGallery | ParentNode,
  selector: string,
) => rootOf(target).querySelector<T>(selector);

/** Every match in a gallery's shadow tree (or in any other node). */
export const $$ = <T extends Element = HTMLElement>(
  target: NotWithThemGallery | ParentNode,
  selector: string,
) => [...rootOf(target).querySelectorAll<T>(selector)];

/** The rendered slides, in order. */
export const slides = (el: NotWithThemGallery) => $$(el, `${TRACK} > .slide`);

export interface MountOptions {
  /** Width of the wrapper in px (the gallery fills it). Default 800. */
  width?: number;
  /** Attributes written into the tag, e.g. `loop share="none"`. */
  attrs?: string;
  /** The `src` attribute; default FEED; null for none (with `testimonials`). */
  src?: string | null;
  /** Testimonials given directly, set before the first update. */
  testimonials?: unknown;
  /** How long to wait for the slides (ms). Default 5000. */
  timeout?: number;
}

/** A gallery in a wrapper of its own, ready: slides rendered, measured and laid out. */
export async function mount(options: MountOptions = {}): Promise<NotWithThemGallery> {
  const { width = 800, attrs = '', timeout = 5000 } = options;
  const src = options.testimonials !== undefined ? (options.src ?? null) : (options.src ?? FEED);
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`width:${width}px`}></div>`);
  wrapper.innerHTML = `<notwiththem-gallery ${src ? `src="${src}"` : ''} ${attrs}></notwiththem-gallery>`;
  const el = wrapper.firstElementChild as NotWithThemGallery;
  if (options.testimonials !== undefined) el.testimonials = options.testimonials;
  await rendered(el, timeout);
  return el;
}

/**
 * Waits for the slides, then for what follows them: the measure after the first render (a microtask
 * and a ResizeObserver callback) and the render it asks for.
 */
export async function rendered(el: NotWithThemGallery, timeout = 5000): Promise<void> {
  await waitUntil(() => slides(el).length > 0, 'slides never rendered', { timeout });
  await nextFrame();
  await nextFrame();
  await el.updateComplete;
}

/**
 * Waits until the track is at rest after whatever moved it. A scroll that the browser reports ends with
 * `scrollend`; then its position must hold for two animation frames (the element may move it again
 * after the end, e.g. a windowed track re-centred). Without a scroll event, or in an engine without
 * `scrollend`, the position must hold for `frames` animation frames: a smooth scroll moves on every frame
 * it gets, however slow the frames come on a loaded machine, so frames count where milliseconds would not.
 */
export async function settled(el: NotWithThemGallery, { frames = 8, timeout = 10_000 } = {}): Promise<void> {
  // A move asked for (goTo, a key) scrolls after the render that shows it.
  await el.updateComplete;
  const track = $(el, TRACK)!;
  const reportsEnd = 'onscrollend' in window;
  let ended = false;
  const onScroll = () => (ended = false);
  const onEnd = () => (ended = true);
  track.addEventListener('scroll', onScroll);
  track.addEventListener('scrollend', onEnd);
  try {
    const deadline = performance.now() + timeout;
    let last = track.scrollLeft;
    let still = 0;
    for (;;) {
      await frame();
      still = track.scrollLeft === last ? still + 1 : 0;
      last = track.scrollLeft;
      const needed = reportsEnd && ended ? 2 : frames;
      if (still >= needed && !el.isUpdatePending) break;
      if (performance.now() > deadline) throw new Error(`track never settled (at ${last})`);
    }
  } finally {
    track.removeEventListener('scroll', onScroll);
    track.removeEventListener('scrollend', onEnd);
  }
  await el.updateComplete;
}
