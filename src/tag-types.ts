/**
 * The tag and its events for TypeScript, wherever an app listens: on the element, and on `document` or
 * `window`, which the events reach because they bubble out of the shadow root. Types only: importing this
 * module registers nothing. Both the main entry and the define module re-export it, so either import
 * types `document.querySelector('notwiththem-gallery')` and `addEventListener('nwt-load', …)`.
 */
import type {
  NotWithThemGallery,
  NwtErrorDetail,
  NwtLoadDetail,
  NwtSlideChangeDetail,
} from './notwiththem-gallery.js';
import type { NwtShareDetail } from './share/share-area.js';

/** Every event of `<notwiththem-gallery>`, by name. */
export interface NotWithThemGalleryEventMap {
  'nwt-load': CustomEvent<NwtLoadDetail>;
  'nwt-error': CustomEvent<NwtErrorDetail>;
  'nwt-slide-change': CustomEvent<NwtSlideChangeDetail>;
  'nwt-share': CustomEvent<NwtShareDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'notwiththem-gallery': NotWithThemGallery;
  }
  interface HTMLElementEventMap extends NotWithThemGalleryEventMap {}
  interface DocumentEventMap extends NotWithThemGalleryEventMap {}
  interface WindowEventMap extends NotWithThemGalleryEventMap {}
}
