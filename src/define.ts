/**
 * Registers <notwiththem-gallery>. Importing this file twice, or loading the script bundle twice on one
 * page, is harmless: the second registration is skipped.
 */
import { NotWithThemGallery } from './notwiththem-gallery.js';
import { pagePosterReported } from './poster.js';

// After the page's poster has been reported as painted: the upgrade gives the poster a new layout box,
// and a box the browser has painted but not yet reported is dropped from the page's largest paints.
void pagePosterReported().then(() => NotWithThemGallery.define());

export { NotWithThemGallery };
export type { NotWithThemGalleryEventMap } from './tag-types.js';
