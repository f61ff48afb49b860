// The test harness of the element: mount a gallery, query its parts, wait for its states. Every suite
// that drives a gallery uses these, so a change of markup or timing is made once.
//
//   import { mount, $, slides, settled } from './helpers/gallery.js';
//   const el = await mount({ width: 800, attrs: 'loop' });
//   $(el, '[part~="next"]')!.click();
//   await settled(el);
import { fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
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

/** Waits until the track has stopped scrolling (same position twice, `interval` ms apart). */
export async function settled(el: NotWithThemGallery, interval = 80): Promise<void> {
  const track = $(el, TRACK)!;
  let last = NaN;
  await waitUntil(
    async () => {
      await new Promise((resolve) => setTimeout(resolve, interval));
      const still = track.scrollLeft === last;
      last = track.scrollLeft;
      return still;
    },
    'track never settled',
    { timeout: 5000 },
  );
  await el.updateComplete;
}
