/**
 * The tag and its events for TypeScript, wherever an app listens: on the element, and on `document` or
 * `window`, which the events reach because they bubble out of the shadow root. Types only: importing this
 * module registers nothing. Both the main entry and the define module re-export it, so either import
 * types `document.querySelector('notwiththem-gallery')` and `addEventListener('nwt-load', …)`.
 */
import type { NotWithThemGallery } from './notwiththem-gallery.js';

export type { NotWithThemGalleryEventMap } from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'notwiththem-gallery': NotWithThemGallery;
  }
}
