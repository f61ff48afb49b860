/**
 * Registers <notwiththem-gallery>. Importing this file twice, or loading the script bundle twice on one
 * page, is harmless: the second registration is skipped.
 */
import { NotWithThemGallery } from './notwiththem-gallery.js';
import { afterPagePosterReported } from './poster.js';

// At once, or after the page's loaded poster has been reported as painted: the upgrade gives the poster a
// new layout box, and a box the browser has painted but not yet reported is dropped from the page's
// largest paints.
afterPagePosterReported(() => NotWithThemGallery.define());

export { NotWithThemGallery };
export type { NotWithThemGalleryEventMap } from './tag-types.js';
