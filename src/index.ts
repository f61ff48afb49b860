/** Public API without side effects: import `notwiththem-gallery/define` to register the tag. */
export { NotWithThemGallery } from './notwiththem-gallery.js';
export type { NwtErrorDetail, NwtLoadDetail, NwtSlideChangeDetail, NwtShareDetail } from './events.js';
export type { Testimonial, TestimonialImage, FeedMeta, FeedErrorCode } from './feed/types.js';
export { FeedError } from './feed/types.js';
export type { GalleryStrings } from './i18n/en.js';
export type { ShareTarget } from './share/targets.js';
