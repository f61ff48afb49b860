/**
 * The shapes the rest of the gallery works with once a feed has been checked.
 * The raw feed is `unknown`: only `parseFeed` ever looks at it.
 */

export interface TestimonialImage {
  /** Absolute `http(s):` URL (relative URLs are resolved against the feed's URL). */
  src: string;
  /** Never empty: image.alt, else the entry's alt, else made from name and quote. */
  alt: string;
  width?: number;
  height?: number;
  /** Every candidate URL resolved and checked like `src`. */
  srcset?: string;
  sizes?: string;
  /** `#rrggbb` placeholder colour shown while the photo loads. */
  color?: string;
  /**
   * The point to keep in view when the photo is cropped into a box (usually the face): `"x% y%"`, two
   * percentages from 0% to 100% measured from the top left, as CSS `object-position` reads them.
   */
  focus?: string;
}

/** The words of a testimonial and who says them: the same fields in a feed as written and once checked. */
export interface TestimonialText {
  quote: string;
  name?: string;
  role?: string;
  place?: string;
  affiliation?: string;
  /** `http(s):` link to more about this testimonial (absolute once checked). */
  url?: string;
  /** BCP 47 language of the quote. */
  lang?: string;
  /** `http(s):` URL of the testimonial's share page, whose link preview shows it (absolute once checked). */
  sharePage?: string;
  /** `http(s):` URL of its 1200×630 card image: photo, quote, name and hashtag. */
  card?: string;
  /** `http(s):` URL of its 1080×1350 card image, for stories and status updates. */
  cardPortrait?: string;
}

export interface Testimonial extends TestimonialText {
  /** Stable slug, unique within one gallery; used in `#nwt-<id>` deep links. */
  id: string;
  image: TestimonialImage;
}

export interface SubmitLink {
  /** `http(s):` or `mailto:` URL. */
  url: string;
  label?: string;
}

export interface FeedMeta {
  title?: string;
  description?: string;
  /** Without the leading '#'. */
  hashtag?: string;
  submit?: SubmitLink;
  /** Absolute URL of the next page of the feed. */
  next?: string;
}

export interface FeedWarning {
  /** Index of the entry in the feed's testimonials, or -1 for the feed itself. */
  index: number;
  reason: string;
}

export interface ParsedFeed extends FeedMeta {
  testimonials: Testimonial[];
  warnings: FeedWarning[];
}

/**
 * Why a feed could not be used; `nwt-error` carries one of these. `src`: the feed address is empty, not a URL
 * or neither `http(s):` nor `blob:` (nothing was requested).
 */
export type FeedErrorCode = 'src' | 'network' | 'timeout' | 'http' | 'parse' | 'schema' | 'too-large';

/** Whether trying again can help: the network, a timeout, a server error or "too many requests". */
export const retryable = ({ code, status = 0 }: FeedError): boolean =>
  code === 'http' ? status > 499 || status === 429 : code === 'network' || code === 'timeout';

/** A failure to get a usable feed. Plain data plus a code, so the element can localize it. */
export class FeedError extends Error {
  readonly code: FeedErrorCode;
  readonly status?: number;
  constructor(code: FeedErrorCode, message: string, status?: number) {
    super(message);
    this.name = 'FeedError';
    this.code = code;
    if (status !== undefined) this.status = status;
  }
}
