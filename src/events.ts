/** What the gallery tells the page: its events (details, types on `addEventListener`) and console warnings. */
import type { FeedErrorCode, Testimonial } from './feed/types.js';
import type { ShareTarget } from './share/targets.js';

export interface NwtLoadDetail {
  count: number;
}

export interface NwtSlideChangeDetail {
  index: number;
  testimonial: Testimonial;
}

export interface NwtErrorDetail {
  code: FeedErrorCode;
  message: string;
  status?: number;
}

export interface NwtShareDetail {
  target: ShareTarget;
  testimonial: Testimonial;
  /** The testimonial's own URL (`share-url` or the page, plus `#nwt-<id>`). */
  url: string;
}

/** Every event of `<notwiththem-gallery>`, by name. */
export interface NotWithThemGalleryEventMap {
  'nwt-load': CustomEvent<NwtLoadDetail>;
  'nwt-error': CustomEvent<NwtErrorDetail>;
  'nwt-slide-change': CustomEvent<NwtSlideChangeDetail>;
  'nwt-share': CustomEvent<NwtShareDetail>;
}

// The events bubble out of the shadow root, so listeners on `document` and `window` are typed too.
declare global {
  interface HTMLElementEventMap extends NotWithThemGalleryEventMap {}
  interface DocumentEventMap extends NotWithThemGalleryEventMap {}
  interface WindowEventMap extends NotWithThemGalleryEventMap {}
}

type GalleryEvent = keyof NotWithThemGalleryEventMap;
type DetailOf<K extends GalleryEvent> =
  NotWithThemGalleryEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches one of the gallery's events from `host`: it bubbles out of any shadow tree the gallery sits
 * in. Returns false when a listener cancelled a cancelable one.
 */
export function emit<K extends GalleryEvent>(
  host: HTMLElement,
  type: K,
  detail: DetailOf<K>,
  cancelable?: boolean,
): boolean {
  return host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

/** One console warning, named after the gallery; `details` are logged as they are (an error, say). */
export function warn(text: string, ...details: unknown[]): void {
  console.warn(`<notwiththem-gallery>: ${text}`, ...details);
}
