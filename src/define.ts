/**
 * Registers <notwiththem-gallery>. Importing this file twice, or loading the script bundle twice on one
 * page, is harmless: the second registration is skipped.
 */
import { NotWithThemGallery } from './notwiththem-gallery.js';

NotWithThemGallery.define();

export { NotWithThemGallery };
export type { NotWithThemGalleryEventMap } from './tag-types.js';
