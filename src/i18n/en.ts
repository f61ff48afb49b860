/**
 * Every visible and spoken label of the gallery. Placeholders in braces (`{count}`) are filled by
 * `format()`; overrides given through the `strings` property use the same placeholders.
 */
export const en = {
  /** Accessible name of the gallery when neither `label` nor the feed's title is given. */
  label: 'Testimonials',
  /** aria-roledescription of the gallery region. */
  carousel: 'carousel',
  /** aria-roledescription of each slide. */
  slide: 'slide',
  /** Name of each slide. */
  slideLabel: '{index} of {count}',
  previous: 'Previous testimonial',
  next: 'Next testimonial',
  /** Name of the slide picker (the tab list). */
  picker: 'Choose a testimonial',
  /** Name of one tab of the slide picker. */
  pickerItem: 'Testimonial {index}',
  /** Compact position shown instead of dots when there are many slides. */
  counter: '{index} / {count}',
  startRotation: 'Start automatic slide show',
  stopRotation: 'Stop automatic slide show',
  readMore: 'Read more',
  close: 'Close',
  loading: 'Loading testimonials…',
  retry: 'Try again',
  noSource: 'No testimonials to show.',
  empty: 'This feed has no testimonials to show yet.',
  /** The feed address (`src`) is empty, not a URL or not http(s). */
  errorSrc: 'This gallery has no usable feed address (src).',
  errorNetwork: 'The testimonials could not be loaded: the network did not answer.',
  errorTimeout: 'The testimonials took too long to load.',
  errorHttp: 'The testimonials could not be loaded (HTTP error {status}).',
  errorParse: 'The testimonials file is not valid JSON.',
  errorSchema: 'The testimonials file is not in the expected format.',
  errorTooLarge: 'The testimonials file is too large to load.',
  imageError: 'Photo unavailable',
  share: 'Share',
  shareNative: 'Share…',
  shareOn: 'Share on {network}',
  shareEmail: 'Share by email',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  copyFailed: 'Copy this link:',
  /** The dialog's link to the testimonial's card image. */
  downloadCard: 'Download card',
  submit: 'Send us your pic saying why you are #{hashtag}',
};

export type GalleryStrings = typeof en;
