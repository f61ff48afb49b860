/**
 * Checking an untrusted feed: `unknown` in, `ParsedFeed` out. Pure: no DOM, no console, no globals but
 * `URL`, so the Node CLI imports it too. Written for size (it ships in the script-tag bundle).
 *
 * Decisions the feed format leaves open:
 * - Only own properties of plain objects are read, and every output object is built fresh from known
 *   keys, so `__proto__`, `constructor`, `prototype` (or a polluted `Object.prototype`) change nothing.
 * - Warnings: exactly one per entry left out (`{ index, reason }`, several problems joined by "; "), plus
 *   `index: -1` for the feed itself (entries past the limit, an unusable `baseUrl`). A bad optional
 *   field (wrong type, bad URL, bad colour…) is dropped silently: the entry still renders.
 * - URLs: trimmed, then refused if longer than 8,192 characters or if they still contain a C0 control
 *   character or DEL (tabs and newlines included, although the URL parser would strip them: a URL that
 *   needs them is broken or hostile). Then resolved with the WHATWG parser and the protocol of the
 *   RESULT is checked, which is what catches `JaVaScRiPt:`, leading controls and `java\tscript:`.
 *   Without a base URL, a relative URL resolves against nothing and is invalid: this module never falls
 *   back to the page's URL (that would be the wrong base, and there is no page in Node). Every URL takes
 *   one `new URL()`: 50,000 entries with a srcset each parse well under a second (tests/feed-parse).
 * - Text is trimmed and cut at `LIMITS.maxTextLength` UTF-16 units, never inside a surrogate pair; an
 *   empty string counts as absent.
 * - `color` `#rgb` is expanded to `#rrggbb`; `sizes` is kept only with a valid `srcset` (browsers
 *   ignore it otherwise) and may not contain `<`/`>`, so use `min-width` rather than range syntax.
 * - `id` may be a string or a finite number. When it slugifies to nothing, the id comes from the name,
 *   then the quote, then `t-<index in the feed + 1>`.
 * - The entry limit counts the feed's entries, valid or not: work is bounded by the input.
 * - `image.focus` is two percentages from 0% to 100% (`"50% 22%"`), written back with one space. Any
 *   other value is dropped, and, since a focal point is usually written by hand and a wrong one crops
 *   faces silently, the feed gets one warning (`index: -1`) counting the entries whose focus was dropped.
 */
import { own, setTruthy as set } from './own.js';
import {
  FeedError,
  type FeedWarning,
  type ParsedFeed,
  type SubmitLink,
  type Testimonial,
  type TestimonialImage,
} from './types.js';

export interface ParseOptions {
  /**
   * Absolute URL of the feed itself; relative URLs in the feed resolve against it. The element passes
   * the feed's `src` resolved against the page. Without it (or when it is not an absolute URL) only
   * absolute URLs in the feed are accepted.
   */
  baseUrl?: string;
}

/** Entries read from one feed (or from all its pages, joined). */
export const MAX_ENTRIES = 50_000;
const MAX_TEXT_LENGTH = 2_000;
export const LIMITS = { maxEntries: MAX_ENTRIES, maxTextLength: MAX_TEXT_LENGTH } as const;

const MAX_URL_LENGTH = 8_192;
const MAX_ID_LENGTH = 64;

const HTTP = ['http:', 'https:'];
const SUBMIT = ['http:', 'https:', 'mailto:'];

/** Why a URL is refused, by the number `checkUrl` returns. */
const URL_PROBLEMS = [
  'is not a string',
  `is longer than ${MAX_URL_LENGTH} characters`,
  'contains control characters',
  'is relative and the feed has no base URL',
  'is not a valid URL',
  'has a user name or password',
];

// Compiled once: a valid entry builds no RegExp (a regular expression literal in a function is a new
// object each time it runs) unless it has a colour or its id is folded from text.
const CONTROL = /[\0-\x1f\x7f]/;
/** No control character and a plain last segment (see `prefixes`): one run for most URLs, not two. */
const PLAIN = /^(?:[^\0-\x1f\x7f]*\/)?[\w~-][\w.~-]*$/;
/**
 * One srcset candidate, tokenized as HTML does: a URL is a run of non-whitespace (so it may contain
 * commas), trailing commas end a candidate, else the descriptors run to the next comma.
 */
const SRCSET_CANDIDATE = /[\s,]*(\S*[^\s,])(?:,+|([^,]*),?)/g;
const SRCSET_DESCRIPTOR = /^(?:[1-9]\d*w|(?:\d+(?:\.\d+)?|\.\d+)x)$/;
const LANG = /^[a-z]{2,3}(-[a-z\d]{1,8})*$/i;
const SIZES = /^[\w\s().,:%+\-*/]+$/;
/** Two percentages from 0% to 100%: `50% 22%` (build-feed checks its sheet's focus column with it). */
export const FOCUS = /^(\d?\d(?:\.\d+)?|100)%\s+(\d?\d(?:\.\d+)?|100)%$/;
const HASHTAG_DROP = /[^\p{L}\p{M}\p{Nd}_]/gu;
/** Letters NFKD leaves whole, as ASCII (slugify reads every other character through it, unchanged). */
const FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'ng',
  ĸ: 'k',
};
const EDGE_HYPHENS = /^-+|-+$/g;
/** What `slugify` makes, and so gives back unchanged. */
const SLUG = /^[a-z\d]+(-[a-z\d]+)*$/;

type Json = Record<string, unknown>;

/**
 * Parses and checks a feed (either shape the README's feed format allows: an array of testimonials, or
 * an object with `testimonials`). Throws `FeedError('schema')` only when the top-level shape is wrong;
 * invalid entries are left out with a warning, so a feed whose entries are all invalid returns
 * `testimonials: []`.
 */
export function parseFeed(data: unknown, options?: ParseOptions): ParsedFeed {
  const feed = {} as ParsedFeed;
  // A loop, not a spread: terser drops a spread whose array is unused, and the steps with it.
  for (const _ of parseSteps(feed, data, options));
  return feed;
}

/** Entries checked between two yields of `parseFeedInSlices`: a few milliseconds of work. */
export const SLICE = 500;

/** The next task: `scheduler.yield()` where there is one (it keeps the task's priority), else a timer. */
export const nextTask = (): Promise<unknown> =>
  (globalThis as { scheduler?: { yield?(): Promise<void> } }).scheduler?.yield?.() ??
  new Promise((resolve) => setTimeout(resolve));

/**
 * parseFeed, the same result, in slices with `pause(checked)` between them (the testimonials checked so
 * far): after the first entry, then every `SLICE` entries. A large feed is checked without a long task,
 * so the page paints and answers input meanwhile.
 */
export async function parseFeedInSlices(
  data: unknown,
  options: ParseOptions,
  pause: (checked: readonly Testimonial[]) => unknown,
): Promise<ParsedFeed> {
  const feed = {} as ParsedFeed;
  for (const checked of parseSteps(feed, data, options)) await pause(checked);
  return feed;
}

/** Checks `data` into `feed`, yielding the testimonials checked so far after the first entry and each slice. */
function* parseSteps(
  feed: ParsedFeed,
  data: unknown,
  { baseUrl }: ParseOptions = {},
): Generator<Testimonial[]> {
  prefixes = new Map();
  badFocus = 0;
  const warnings: FeedWarning[] = [];
  const warn = (index: number, reason: string) => warnings.push({ index, reason });
  const base = toBase(baseUrl);
  if (baseUrl !== undefined && !base) warn(-1, 'baseUrl is not an absolute URL: relative URLs are refused');

  const meta = isRecord(data);
  const entries = meta ? own(data, 'testimonials') : data;
  if (!Array.isArray(entries)) {
    throw new FeedError(
      'schema',
      `expected an array of testimonials or an object with a "testimonials" array; ${meta ? '"testimonials" is ' : 'got '}${kind(entries)}`,
    );
  }
  const testimonials: Testimonial[] = (feed.testimonials = []);
  feed.warnings = warnings;
  if (meta) {
    for (const key of ['title', 'description'] as const) set(feed, key, text(own(data, key)));
    const hashtag = own(data, 'hashtag');
    set(feed, 'hashtag', typeof hashtag === 'string' ? text(hashtag.replace(HASHTAG_DROP, '')) : undefined);
    const submit = own(data, 'submit');
    const submitUrl = isRecord(submit) ? href(own(submit, 'url'), base, SUBMIT) : undefined;
    if (submitUrl)
      feed.submit = set<SubmitLink, 'label'>({ url: submitUrl }, 'label', text(own(submit as Json, 'label')));
    set(feed, 'next', href(own(data, 'next'), base, HTTP));
  }

  if (entries.length > MAX_ENTRIES)
    warn(-1, `the feed has ${entries.length} entries; only the first ${MAX_ENTRIES} are used`);

  for (let index = 0; index < Math.min(entries.length, MAX_ENTRIES); index++) {
    const entry = readEntry(entries[index], index, base);
    if (typeof entry === 'string') warn(index, entry);
    else testimonials.push(entry);
    if (index % SLICE === 0) {
      // Another parse may run between two slices: this one's counters come back after it.
      const saved = [prefixes, badFocus] as const;
      yield testimonials;
      [prefixes, badFocus] = saved;
    }
  }
  if (badFocus)
    warn(-1, `image.focus ignored in ${badFocus} entries: expected two percentages such as "50% 22%"`);
  // Unique ids: a taken one gets `-2`, `-3`…, still within 64 characters, and never an id that another
  // entry asks for (so `#nwt-a-2` reaches the entry whose id is `a-2`, not a second `a`). `taken` maps
  // every id given out to the suffix to try when it comes again, so a thousand equal names cost a
  // thousand steps, not a million, and an id that is free costs one lookup.
  const wanted = new Set(testimonials.map((entry) => entry.id));
  const taken = new Map<string, number>();
  for (const entry of testimonials) {
    const { id } = entry;
    let n = taken.get(id);
    if (n) {
      do entry.id = fitSlug(id, MAX_ID_LENGTH - `-${n}`.length) + `-${n++}`;
      while (taken.has(entry.id) || wanted.has(entry.id));
      taken.set(id, n);
    }
    taken.set(entry.id, 2);
  }
}

/**
 * `value` as an absolute URL string if it is a string that resolves (against `baseUrl` when relative)
 * to one of the `allowed` protocols, written as `URL.protocol` writes them (`'https:'`, `'mailto:'`);
 * otherwise `undefined`. Rules as in the module comment: trimmed, at most 8,192 characters, no control
 * characters, protocol checked on the resolved URL.
 */
export function safeUrl(
  value: unknown,
  baseUrl: string | undefined,
  allowed: readonly string[],
): string | undefined {
  prefixes = new Map();
  const url = href(value, toBase(baseUrl), allowed);
  // `href` leaves out the check for URLs under a cached http(s) prefix (see `checkUrl`): made here.
  return url && allowed.includes(new URL(url).protocol) ? url : undefined;
}

/**
 * A slug of `[a-z0-9-]`, at most 64 characters: lower-cased, accents and ligatures folded to ASCII
 * ("Raúl Godoy" → "raul-godoy"), every other run of characters turned into one hyphen, cut at a word
 * boundary when it can. Text with no Latin letters or digits gives `''`.
 */
export function slugify(text: string): string {
  // Most ids in a feed are slugs already: one test instead of the folds.
  const slug = SLUG.test(text)
    ? text
    : text
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^\0-~]/g, (c) => FOLDS[c] ?? c)
        .replace(/[^a-z\d]+/g, '-')
        .replace(EDGE_HYPHENS, '');
  return fitSlug(slug, MAX_ID_LENGTH);
}

/** `slug` cut to `max` characters, at a hyphen when one is near enough, never ending in a hyphen. */
function fitSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const head = slug.slice(0, max + 1);
  const boundary = head.lastIndexOf('-');
  return head.slice(0, boundary > max / 2 ? boundary : max).replace(EDGE_HYPHENS, '');
}

// ---------------------------------------------------------------------------------------------------
// Entries

/** A valid testimonial (the caller makes its `id` unique), or why the entry is left out. */
function readEntry(entry: unknown, index: number, base: URL | undefined): Testimonial | string {
  if (!isRecord(entry)) return `entry is not an object (got ${kind(entry)})`;

  const rawQuote = own(entry, 'quote');
  const quote = text(rawQuote);
  const image = readImage(own(entry, 'image'), base);
  if (!quote) {
    const problem = `quote is ${rawQuote === undefined ? 'missing' : typeof rawQuote !== 'string' ? 'not a string' : 'empty'}`;
    return typeof image === 'string' ? `${problem}; ${image}` : problem;
  }
  if (typeof image === 'string') return image;

  const name = text(own(entry, 'name'));
  image.alt ||= text(own(entry, 'alt')) ?? text(name ? `${name}: ${quote}` : quote)!;
  const rawId = own(entry, 'id');
  const id =
    ((typeof rawId === 'string' || Number.isFinite(rawId)) && slugify(String(rawId))) ||
    (name && slugify(name)) ||
    slugify(quote) ||
    `t-${index + 1}`;
  const testimonial = set<Testimonial, 'name'>({ id, image, quote }, 'name', name);
  for (const key of ['role', 'place', 'affiliation'] as const) set(testimonial, key, text(own(entry, key)));
  for (const key of ['url', 'sharePage', 'card', 'cardPortrait'] as const)
    set(testimonial, key, href(own(entry, key), base, HTTP));
  const lang = text(own(entry, 'lang'));
  if (lang && LANG.test(lang) && lang.length <= 64) testimonial.lang = lang;
  return testimonial;
}

/** The image with every optional field checked (`alt` is the image's own, or '': the caller falls back), or why it is unusable. */
function readImage(value: unknown, base: URL | undefined): TestimonialImage | string {
  const fields = isRecord(value) ? value : undefined;
  const src = fields ? own(fields, 'src') : value;
  if (value === undefined) return 'image is missing';
  if (src === undefined) return 'image has no src';
  if (!fields && typeof value !== 'string') return 'image is not a URL string or an object with src';
  const url = checkUrl(src, base, HTTP);
  if (typeof url === 'number') return `image URL ${URL_PROBLEMS[url]}`;
  if (typeof url === 'object') return `image URL is not http(s) (${url[0]})`;

  // The image's own alt, or '': the caller falls back to the entry's.
  const image: TestimonialImage = { src: url, alt: (fields && text(own(fields, 'alt'))) || '' };
  if (!fields) return image;
  set(image, 'width', dimension(own(fields, 'width')));
  set(image, 'height', dimension(own(fields, 'height')));
  const srcset = readSrcset(own(fields, 'srcset'), base);
  if (srcset) {
    image.srcset = srcset;
    const sizes = text(own(fields, 'sizes'));
    if (sizes && SIZES.test(sizes)) image.sizes = sizes;
  }
  const color = own(fields, 'color');
  if (typeof color === 'string') {
    const hex = color.trim().toLowerCase();
    set(
      image,
      'color',
      /^#[\da-f]{6}$/.test(hex)
        ? hex
        : /^#[\da-f]{3}$/.test(hex)
          ? hex.replace(/[\da-f]/g, '$&$&')
          : undefined,
    );
  }
  const focus = own(fields, 'focus');
  if (focus !== undefined) {
    const point = typeof focus === 'string' && FOCUS.exec(focus.trim());
    if (point) image.focus = `${point[1]}% ${point[2]}%`;
    else badFocus++;
  }
  return image;
}

/** A srcset whose every candidate URL is checked like `src` and whose descriptors are `Nw` or `Nx`; `undefined` if any candidate is bad. */
function readSrcset(value: unknown, base: URL | undefined): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return undefined;
  const candidates: string[] = [];
  for (const [, url, rawDescriptor = ''] of value.matchAll(SRCSET_CANDIDATE)) {
    const descriptor = rawDescriptor.trim();
    const src = href(url, base, HTTP);
    if (!src || (descriptor && !(SRCSET_DESCRIPTOR.test(descriptor) && parseFloat(descriptor) > 0)))
      return undefined;
    candidates.push(descriptor ? `${src} ${descriptor}` : src);
  }
  return candidates.join(', ') || undefined;
}

function dimension(value: unknown): number | undefined {
  return Number.isInteger(value) && (value as number) > 0 && (value as number) <= 100_000
    ? (value as number)
    : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Values

/**
 * `href`s of the URL prefixes (up to the last '/') of the current parse, so that `photos/1.webp` …
 * `photos/50000.webp` cost one `new URL()`, not 50,000 (in Chromium the URL parser is half the time of a
 * large feed). Used only when the last segment is plain (`[A-Za-z0-9._~-]`, no dot segment) and the
 * prefix has no `?`/`#` and resolves to an `http(s):` URL ending in '/': then parse(prefix + segment) is
 * exactly parse(prefix) + segment (a property test checks it against the parser). 0: the prefix does not
 * qualify. Emptied per parse.
 */
let prefixes = new Map<string, string | 0>();

/** How many entries of the current parse had an `image.focus` that was dropped (one warning says so). */
let badFocus = 0;

/**
 * The absolute URL (`URL.href`) if `value` resolves to one of the `allowed` protocols; else the index in
 * `URL_PROBLEMS` of why it is refused, or the protocol it resolves to when that is not allowed. A URL
 * under a cached prefix is http(s), which HTTP and SUBMIT both allow (`safeUrl`, which takes any list,
 * checks again).
 *
 * The protocol is checked here, on the parsed URL, rather than by the caller on the returned string:
 * that string is usually a prefix and a segment joined, and reading it with a regular expression would
 * copy every one of them into a new flat string, garbage that a large feed pays for in collections while
 * the whole parsed JSON is still young.
 */
function checkUrl(
  value: unknown,
  base: URL | undefined,
  allowed: readonly string[],
): string | number | [refused: string] {
  if (typeof value !== 'string') return 0;
  const url = value.trim();
  if (url.length > MAX_URL_LENGTH) return 1;
  if (PLAIN.test(url)) {
    const slash = url.lastIndexOf('/') + 1;
    const key = url.slice(0, slash);
    let prefix = prefixes.get(key);
    if (prefix === undefined) {
      // './' keeps a bare file name relative to the base's directory, as the full parse does.
      const parsed = /[?#]/.test(key) ? undefined : toBase(key || './', base);
      prefix =
        parsed &&
        HTTP.includes(parsed.protocol) &&
        parsed.href.endsWith('/') &&
        !(parsed.username + parsed.password)
          ? parsed.href
          : 0;
      if (prefixes.size < 10_000) prefixes.set(key, prefix);
    }
    if (prefix) return prefix + url.slice(slash);
  } else if (CONTROL.test(url)) return 2;
  // '' would resolve to the feed's own URL.
  if (url) {
    try {
      const parsed = new URL(url, base);
      // `https://campaign.example@evil.example/` reads as the campaign's site and goes to another.
      if (parsed.username + parsed.password) return 5;
      return allowed.includes(parsed.protocol) ? parsed.href : [parsed.protocol];
    } catch {
      if (!base && toBase(url, 'https://example.invalid/')) return 3;
    }
  }
  return 4;
}

/** The absolute URL if it is valid and its protocol is `allowed`. */
function href(value: unknown, base: URL | undefined, allowed: readonly string[]): string | undefined {
  const url = checkUrl(value, base, allowed);
  return typeof url === 'string' ? url : undefined;
}

function toBase(url: string | undefined, base?: string | URL): URL | undefined {
  try {
    // `undefined` throws too: it is read as the relative URL "undefined", and no base comes with it.
    return new URL(url!, base);
  } catch {
    return undefined;
  }
}

/** Trimmed text cut at the limit on a code-point boundary; `undefined` for non-strings and ''. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let result = value.trim();
  if (result.length > MAX_TEXT_LENGTH)
    result = result
      .slice(0, MAX_TEXT_LENGTH)
      .replace(/[\ud800-\udbff]$/, '')
      .trimEnd();
  return result || undefined;
}

function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function isRecord(value: unknown): value is Json {
  return kind(value) === 'object';
}
