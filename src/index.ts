/** Public API without side effects: import `notwiththem-gallery/define` to register the tag. */
import { en, type GalleryStrings } from './i18n/en.js';

export { NotWithThemGallery } from './notwiththem-gallery.js';
export type { NwtErrorDetail, NwtLoadDetail, NwtSlideChangeDetail, NwtShareDetail } from './events.js';
export type { Testimonial, TestimonialImage, FeedMeta, FeedErrorCode } from './feed/types.js';
export { FeedError } from './feed/types.js';
export type { GalleryStrings } from './i18n/en.js';
export type { ShareTarget } from './share/targets.js';
// Types the tag and its events on elements, document and window, from this entry too.
export type { NotWithThemGalleryEventMap } from './tag-types.js';

/**
 * The English labels: the defaults that `strings` overrides are merged over, and a template for a
 * translation (same keys, same `{placeholders}`). Read-only: copy it to change it.
 */
export const englishStrings: Readonly<GalleryStrings> = en;
