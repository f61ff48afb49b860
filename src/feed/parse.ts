/**
 * Checking an untrusted feed: `unknown` in, `ParsedFeed` out. Pure: no DOM, no console, no globals but
 * `URL`, so the Node CLI imports it too.
 *
 * Decisions where DESIGN.md is silent:
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
 *   back to the page's URL (that would be the wrong base, and there is no page in Node).
 * - Text is trimmed and cut at `LIMITS.maxTextLength` UTF-16 units, never inside a surrogate pair; an
 *   empty string counts as absent.
 * - `color` `#rgb` is expanded to `#rrggbb`; `sizes` is kept only with a valid `srcset` (browsers
 *   ignore it otherwise) and may not contain `<`/`>`, so use `min-width` rather than range syntax.
 * - `id` may be a string or a finite number. When it slugifies to nothing, the id comes from the name,
 *   then the quote, then `t-<index in the feed + 1>`.
 * - The entry limit counts the feed's entries, valid or not: work is bounded by the input.
 */
import { FeedError, type FeedMeta, type FeedWarning, type ParsedFeed, type SubmitLink, type Testimonial, type TestimonialImage } from './types.js';

export interface ParseOptions {
  /**
   * Absolute URL of the feed itself; relative URLs in the feed resolve against it. The element passes
   * the feed's `src` resolved against the page. Without it (or when it is not an absolute URL) only
   * absolute URLs in the feed are accepted.
   */
  baseUrl?: string;
}

export const LIMITS = { maxEntries: 50_000, maxTextLength: 2_000 } as const;

const MAX_URL_LENGTH = 8_192;
const MAX_ID_LENGTH = 64;
const MAX_LANG_LENGTH = 64;
const MAX_DIMENSION = 100_000;

const HTTP = ['http:', 'https:'] as const;
const SUBMIT = ['http:', 'https:', 'mailto:'] as const;

// Compiled once: nothing below builds a RegExp per entry.
const CONTROL = /[\u0000-\u001f\u007f]/;
const TRAILING_COMMAS = /,+$/;
const SRCSET_DESCRIPTOR = /^(?:[1-9]\d*w|(?:\d+(?:\.\d+)?|\.\d+)x)$/;
const COLOR_SHORT = /^#[0-9a-f]{3}$/;
const COLOR_LONG = /^#[0-9a-f]{6}$/;
const LANG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;
const SIZES = /^[a-zA-Z0-9\s().,:%+\-*/]+$/;
const HASHTAG_DROP = /[^\p{L}\p{M}\p{Nd}_]/gu;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const FOLD_SPECIAL = /[ßæœøđðþłıħŧŋĸ]/g;
const FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'ng', ĸ: 'k',
};
const NOT_SLUG = /[^a-z0-9]+/g;
const EDGE_HYPHENS = /^-+|-+$/g;

type Json = Record<string, unknown>;

/**
 * Parses and checks a feed (either shape of DESIGN.md). Throws `FeedError('schema')` only when the
 * top-level shape is wrong; invalid entries are left out with a warning, so a feed whose entries are
 * all invalid returns `testimonials: []`.
 */
export function parseFeed(data: unknown, options: ParseOptions = {}): ParsedFeed {
  const warnings: FeedWarning[] = [];
  const urls = new UrlResolver(parseBase(options.baseUrl, warnings));

  let entries: unknown[];
  const meta: FeedMeta = {};
  if (Array.isArray(data)) {
    entries = data;
  } else if (isRecord(data) && Array.isArray(own(data, 'testimonials'))) {
    entries = own(data, 'testimonials') as unknown[];
    readMeta(data, urls, meta);
  } else {
    throw new FeedError('schema', schemaMessage(data));
  }

  const count = Math.min(entries.length, LIMITS.maxEntries);
  if (entries.length > LIMITS.maxEntries) {
    warnings.push({
      index: -1,
      reason: `the feed has ${entries.length} entries; only the first ${LIMITS.maxEntries} are used`,
    });
  }

  const testimonials: Testimonial[] = [];
  const ids = new IdRegistry();
  for (let index = 0; index < count; index++) {
    const result = readEntry(entries[index], index, urls, ids);
    if (typeof result === 'string') warnings.push({ index, reason: result });
    else testimonials.push(result);
  }

  return { ...meta, testimonials, warnings };
}

/**
 * `value` as an absolute URL string if it is a string that resolves (against `baseUrl` when relative)
 * to one of the `allowed` protocols, written as `URL.protocol` writes them (`'https:'`, `'mailto:'`);
 * otherwise `undefined`. Rules as in the module comment: trimmed, at most 8,192 characters, no control
 * characters, protocol checked on the resolved URL.
 */
export function safeUrl(value: unknown, baseUrl: string | undefined, allowed: readonly string[]): string | undefined {
  return new UrlResolver(baseUrl === undefined ? undefined : toBase(baseUrl)).href(value, allowed);
}

/**
 * A slug of `[a-z0-9-]`, at most 64 characters: lower-cased, accents and ligatures folded to ASCII
 * ("Raúl Godoy" → "raul-godoy"), every other run of characters turned into one hyphen, cut at a word
 * boundary when it can. Text with no Latin letters or digits gives `''`.
 */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(FOLD_SPECIAL, (c) => FOLDS[c] ?? '')
    .replace(NOT_SLUG, '-')
    .replace(EDGE_HYPHENS, '');
  return fitSlug(slug, MAX_ID_LENGTH);
}

// ---------------------------------------------------------------------------------------------------
// Feed level

function readMeta(data: Json, urls: UrlResolver, meta: FeedMeta): void {
  const title = text(own(data, 'title'));
  if (title) meta.title = title;
  const description = text(own(data, 'description'));
  if (description) meta.description = description;
  const hashtag = readHashtag(own(data, 'hashtag'));
  if (hashtag) meta.hashtag = hashtag;
  const submit = readSubmit(own(data, 'submit'), urls);
  if (submit) meta.submit = submit;
  const next = urls.href(own(data, 'next'), HTTP);
  if (next) meta.next = next;
}

function readHashtag(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return text(value.replace(HASHTAG_DROP, ''));
}

function readSubmit(value: unknown, urls: UrlResolver): SubmitLink | undefined {
  if (!isRecord(value)) return undefined;
  const url = urls.href(own(value, 'url'), SUBMIT);
  if (!url) return undefined;
  const submit: SubmitLink = { url };
  const label = text(own(value, 'label'));
  if (label) submit.label = label;
  return submit;
}

function schemaMessage(data: unknown): string {
  const expected = 'a feed must be an array of testimonials or an object with a "testimonials" array';
  if (data === null) return `${expected}; got null`;
  if (Array.isArray(data) || typeof data !== 'object') return `${expected}; got ${typeof data}`;
  if (!Object.hasOwn(data, 'testimonials')) return `${expected}; got an object without "testimonials"`;
  const value = (data as Json)['testimonials'];
  return `${expected}; "testimonials" is ${value === null ? 'null' : typeof value}`;
}

function parseBase(baseUrl: string | undefined, warnings: FeedWarning[]): URL | undefined {
  if (baseUrl === undefined) return undefined;
  const base = toBase(baseUrl);
  if (!base) warnings.push({ index: -1, reason: 'baseUrl is not an absolute URL; relative URLs in the feed are refused' });
  return base;
}

function toBase(baseUrl: string): URL | undefined {
  try {
    return new URL(baseUrl);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------
// Entries

/** A valid testimonial, or why the entry is left out. */
function readEntry(entry: unknown, index: number, urls: UrlResolver, ids: IdRegistry): Testimonial | string {
  if (!isRecord(entry)) return `entry is not an object (got ${entry === null ? 'null' : Array.isArray(entry) ? 'array' : typeof entry})`;

  const problems: string[] = [];
  const rawQuote = own(entry, 'quote');
  const quote = text(rawQuote);
  if (!quote) {
    problems.push(rawQuote === undefined ? 'quote is missing' : typeof rawQuote !== 'string' ? 'quote is not a string' : 'quote is empty');
  }
  const image = readImage(own(entry, 'image'), urls);
  if (typeof image === 'string') problems.push(image);
  if (problems.length > 0 || !quote || typeof image === 'string') return problems.join('; ');

  const name = text(own(entry, 'name'));
  image.alt = text(image.alt) ?? text(own(entry, 'alt')) ?? text(name ? `${name}: ${quote}` : quote) ?? quote;

  const testimonial: Testimonial = { id: ids.claim(entryId(own(entry, 'id'), name, quote, index)), image, quote };
  if (name) testimonial.name = name;
  const role = text(own(entry, 'role'));
  if (role) testimonial.role = role;
  const place = text(own(entry, 'place'));
  if (place) testimonial.place = place;
  const affiliation = text(own(entry, 'affiliation'));
  if (affiliation) testimonial.affiliation = affiliation;
  const url = urls.href(own(entry, 'url'), HTTP);
  if (url) testimonial.url = url;
  const lang = readLang(own(entry, 'lang'));
  if (lang) testimonial.lang = lang;
  return testimonial;
}

/**
 * The image with every optional field checked, or why it is unusable. `alt` holds the raw image alt
 * (checked by the caller, which knows the fallbacks).
 */
function readImage(value: unknown, urls: UrlResolver): TestimonialImage | string {
  if (value === undefined) return 'image is missing';
  let fields: Json | undefined;
  let src: unknown = value;
  if (isRecord(value)) {
    fields = value;
    src = own(value, 'src');
    if (src === undefined) return 'image has no src';
  } else if (typeof value !== 'string') {
    return 'image is not a URL string or an object with src';
  }

  const resolved = urls.resolve(src, HTTP);
  if (typeof resolved === 'number') return urls.explain('image URL', resolved, src);

  const image: TestimonialImage = { src: resolved, alt: '' };
  if (!fields) return image;

  const alt = own(fields, 'alt');
  if (typeof alt === 'string') image.alt = alt;
  const width = dimension(own(fields, 'width'));
  if (width) image.width = width;
  const height = dimension(own(fields, 'height'));
  if (height) image.height = height;
  const srcset = readSrcset(own(fields, 'srcset'), urls);
  if (srcset) {
    image.srcset = srcset;
    const sizes = readSizes(own(fields, 'sizes'));
    if (sizes) image.sizes = sizes;
  }
  const color = readColor(own(fields, 'color'));
  if (color) image.color = color;
  return image;
}

/**
 * A srcset whose every candidate URL is resolved and checked like `src` and whose descriptors are `Nw`
 * or `Nx`; `undefined` if any candidate is bad. Tokenized as HTML does: a URL is a run of
 * non-whitespace (so it may contain commas), trailing commas end a candidate.
 */
function readSrcset(value: unknown, urls: UrlResolver): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return undefined;
  const candidates: string[] = [];
  const length = value.length;
  let pos = 0;
  while (pos < length) {
    while (pos < length && (value.charCodeAt(pos) === COMMA || isSpace(value.charCodeAt(pos)))) pos++;
    if (pos >= length) break;
    const urlStart = pos;
    while (pos < length && !isSpace(value.charCodeAt(pos))) pos++;
    let url = value.slice(urlStart, pos);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(TRAILING_COMMAS, '');
    } else {
      const descriptorStart = pos;
      while (pos < length && value[pos] !== ',') pos++;
      descriptor = value.slice(descriptorStart, pos).trim();
      pos++; // past the comma
    }
    if (descriptor !== '' && (!SRCSET_DESCRIPTOR.test(descriptor) || parseFloat(descriptor) <= 0)) return undefined;
    const resolved = urls.resolve(url, HTTP);
    if (typeof resolved === 'number') return undefined;
    candidates.push(descriptor ? `${resolved} ${descriptor}` : resolved);
  }
  return candidates.length > 0 ? candidates.join(', ') : undefined;
}

const COMMA = 0x2c;

/** HTML's "ASCII whitespace": space, tab, LF, FF, CR. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

function readSizes(value: unknown): string | undefined {
  const sizes = text(value);
  return sizes && SIZES.test(sizes) ? sizes : undefined;
}

function readColor(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const color = value.trim().toLowerCase();
  if (COLOR_LONG.test(color)) return color;
  if (COLOR_SHORT.test(color)) return `#${color[1]}${color[1]}${color[2]}${color[2]}${color[3]}${color[3]}`;
  return undefined;
}

function readLang(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const lang = value.trim();
  return lang.length <= MAX_LANG_LENGTH && LANG.test(lang) ? lang : undefined;
}

function dimension(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_DIMENSION ? value : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Ids

function entryId(rawId: unknown, name: string | undefined, quote: string, index: number): string {
  if (typeof rawId === 'string' || (typeof rawId === 'number' && Number.isFinite(rawId))) {
    const id = slugify(String(rawId));
    if (id) return id;
  }
  return (name && slugify(name)) || slugify(quote) || `t-${index + 1}`;
}

/** Hands out unique ids: a taken one gets `-2`, `-3`…, still within 64 characters. */
class IdRegistry {
  private readonly taken = new Set<string>();
  /** Next suffix to try per base, so a thousand equal names cost a thousand steps, not a million. */
  private readonly nextSuffix = new Map<string, number>();

  claim(id: string): string {
    let unique = id;
    if (this.taken.has(id)) {
      let n = this.nextSuffix.get(id) ?? 2;
      do {
        const suffix = `-${n++}`;
        unique = fitSlug(id, MAX_ID_LENGTH - suffix.length) + suffix;
      } while (this.taken.has(unique));
      this.nextSuffix.set(id, n);
    }
    this.taken.add(unique);
    return unique;
  }
}

/** `slug` cut to `max` characters, at a hyphen when one is near enough, never ending in a hyphen. */
function fitSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const head = slug.slice(0, max + 1);
  const boundary = head.lastIndexOf('-');
  const cut = boundary > max / 2 ? head.slice(0, boundary) : head.slice(0, max);
  return cut.replace(EDGE_HYPHENS, '');
}

// ---------------------------------------------------------------------------------------------------
// Values

/** Why a URL was refused (numbers, so they never look like a resolved URL). */
const UrlProblem = { NotString: 1, TooLong: 2, Control: 3, Relative: 4, Invalid: 5, Protocol: 6 } as const;
type UrlProblem = (typeof UrlProblem)[keyof typeof UrlProblem];

/** A last path segment that needs no encoding and is not a dot segment. */
const PLAIN_SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;
const MAX_CACHED_PREFIXES = 10_000;

/**
 * Resolves and checks URLs against one base. Every URL goes through the WHATWG parser, but the part up
 * to the last '/' is parsed once per distinct prefix: `photos/1.webp` … `photos/50000.webp` cost one
 * parse, not 50,000 (in Chromium `new URL` is the bulk of parsing a large feed). The shortcut only
 * applies when the last segment is plain (`[A-Za-z0-9._~-]`, no dot segment) and the prefix has no
 * `?`/`#` and resolves to an `http(s):` URL ending in '/': then parse(prefix + segment) is exactly
 * parse(prefix) + segment. Anything else takes the full parse.
 */
class UrlResolver {
  readonly base: URL | undefined;
  private readonly prefixes = new Map<string, URL | null>();

  constructor(base: URL | undefined) {
    this.base = base;
  }

  /** The absolute URL, or `undefined` if it is refused. */
  href(value: unknown, allowed: readonly string[]): string | undefined {
    const result = this.resolve(value, allowed);
    return typeof result === 'number' ? undefined : result;
  }

  /** The absolute URL, or why it is refused. */
  resolve(value: unknown, allowed: readonly string[]): string | UrlProblem {
    if (typeof value !== 'string') return UrlProblem.NotString;
    const trimmed = value.trim();
    if (trimmed.length === 0) return UrlProblem.Invalid;
    if (trimmed.length > MAX_URL_LENGTH) return UrlProblem.TooLong;
    if (CONTROL.test(trimmed)) return UrlProblem.Control;

    const slash = trimmed.lastIndexOf('/');
    const segment = trimmed.slice(slash + 1);
    if (PLAIN_SEGMENT.test(segment)) {
      const prefix = this.prefix(trimmed.slice(0, slash + 1));
      if (prefix) return allowed.includes(prefix.protocol) ? prefix.href + segment : UrlProblem.Protocol;
    }

    let url: URL;
    try {
      url = new URL(trimmed, this.base);
    } catch {
      return this.base === undefined && parses(trimmed, 'https://example.invalid/') ? UrlProblem.Relative : UrlProblem.Invalid;
    }
    return allowed.includes(url.protocol) ? url.href : UrlProblem.Protocol;
  }

  /** A developer-facing reason; only computed for entries that are left out. */
  explain(field: string, problem: UrlProblem, value: unknown): string {
    switch (problem) {
      case UrlProblem.NotString:
        return `${field} is not a string`;
      case UrlProblem.TooLong:
        return `${field} is longer than ${MAX_URL_LENGTH} characters`;
      case UrlProblem.Control:
        return `${field} contains control characters`;
      case UrlProblem.Relative:
        return `${field} is relative and the feed has no base URL`;
      case UrlProblem.Invalid:
        return `${field} is not a valid URL`;
      case UrlProblem.Protocol:
        return `${field} is not http(s) (${new URL(String(value).trim(), this.base).protocol})`;
    }
  }

  /** The parsed prefix when the shortcut applies to it, else `null`. */
  private prefix(prefix: string): URL | null {
    let url = this.prefixes.get(prefix);
    if (url !== undefined) return url;
    url = null;
    if (!prefix.includes('?') && !prefix.includes('#')) {
      try {
        // './' keeps a bare file name relative to the base's directory, as the full parse does.
        const parsed = new URL(prefix || './', this.base);
        if ((parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.href.endsWith('/')) url = parsed;
      } catch {
        // Not a shortcut: the full parse decides and explains.
      }
    }
    if (this.prefixes.size < MAX_CACHED_PREFIXES) this.prefixes.set(prefix, url);
    return url;
  }
}

function parses(value: string, base: string): boolean {
  try {
    new URL(value, base);
    return true;
  } catch {
    return false;
  }
}

/** Trimmed text cut at the limit on a code-point boundary; `undefined` for non-strings and ''. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let result = value.trim();
  if (result.length > LIMITS.maxTextLength) {
    let end = LIMITS.maxTextLength;
    const last = result.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    result = result.slice(0, end).trimEnd();
  }
  return result || undefined;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: an inherited (polluted) property is never read. */
function own(object: Json, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}
