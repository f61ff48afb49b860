/**
 * Share targets: which buttons a gallery shows, and the text and links they share.
 *
 * Pure functions (no DOM, no Lit): every link is a plain `<a href>` built here, so nothing of a
 * third party is loaded or contacted before a reader clicks.
 */
import type { Testimonial } from '../feed/types.js';

export const SHARE_TARGETS = [
  'native',
  'facebook',
  'x',
  'whatsapp',
  'telegram',
  'bluesky',
  'linkedin',
  'email',
  'copy',
] as const;

export type ShareTarget = (typeof SHARE_TARGETS)[number];

/** The targets that are social networks: their buttons read "Share on {network}". */
export type NetworkTarget = 'facebook' | 'x' | 'whatsapp' | 'telegram' | 'bluesky' | 'linkedin';

/** Every target, in the order of `SHARE_TARGETS`. */
export const DEFAULT_SHARE_TARGETS: readonly ShareTarget[] = Object.freeze([...SHARE_TARGETS]);

/** Human names for "Share on {network}" labels. Brand names: not translated. */
export const NETWORK_NAMES: Readonly<Record<NetworkTarget, string>> = Object.freeze({
  facebook: 'Facebook',
  x: 'X',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  bluesky: 'Bluesky',
  linkedin: 'LinkedIn',
});

export function isShareTarget(value: string): value is ShareTarget {
  return (SHARE_TARGETS as readonly string[]).includes(value);
}

export function isNetworkTarget(target: ShareTarget): target is NetworkTarget {
  return Object.prototype.hasOwnProperty.call(NETWORK_NAMES, target);
}

/**
 * Parses the `share` attribute: names separated by spaces (commas are tolerated), case-insensitive,
 * deduplicated, first occurrence's order kept.
 * - `null`, `undefined`, empty or blank → every target (`DEFAULT_SHARE_TARGETS`);
 * - `none` (alone) → no target;
 * - unknown names (as written, deduplicated) come back in `unknown`, for the element to warn about
 *   once; they are skipped, so `share="facebok"` shows nothing rather than guessing. `none` mixed with
 *   real names is reported as unknown and ignored.
 */
export function parseShareList(value: string | null | undefined): { targets: ShareTarget[]; unknown: string[] } {
  const tokens = (value ?? '').split(/[\s,]+/u).filter((token) => token !== '');
  if (tokens.length === 0) return { targets: [...DEFAULT_SHARE_TARGETS], unknown: [] };
  if (tokens.every((token) => token.toLowerCase() === 'none')) return { targets: [], unknown: [] };
  const targets: ShareTarget[] = [];
  const unknown: string[] = [];
  const seenUnknown = new Set<string>();
  for (const token of tokens) {
    const name = token.toLowerCase();
    if (isShareTarget(name)) {
      if (!targets.includes(name)) targets.push(name);
    } else if (!seenUnknown.has(name)) {
      seenUnknown.add(name);
      unknown.push(token);
    }
  }
  return { targets, unknown };
}

/**
 * The URL shared for one testimonial: `shareUrl` without its hash, plus `#nwt-<id>`.
 * `shareUrl` should be absolute; a relative one is resolved against `base` when given (the element
 * passes `document.baseURI`).
 */
export function testimonialUrl(shareUrl: string, id: string, base?: string): string {
  let href: string;
  try {
    const url = base === undefined ? new URL(shareUrl) : new URL(shareUrl, base);
    url.hash = '';
    href = url.href;
  } catch {
    const hash = shareUrl.indexOf('#');
    href = hash === -1 ? shareUrl : shareUrl.slice(0, hash);
  }
  return `${href}#nwt-${encodeURIComponent(id)}`;
}

// ---------------------------------------------------------------------------------------------
// Measuring and cutting text

/** What a cut text ends with. */
export const ELLIPSIS = '…';

/** A length: how a network (or the caller) counts a string. */
type Measure = (text: string) => number;

let segmenter: Intl.Segmenter | null | undefined;

/**
 * Approximate extended grapheme clusters for engines without `Intl.Segmenter`: a regional-indicator
 * pair (a flag), or one code point followed by its combining marks (variation selectors included),
 * skin-tone modifiers, tag characters (subdivision flags) and ZWJ-joined code points.
 */
const FALLBACK_GRAPHEME =
  /\r\n|\p{Regional_Indicator}{2}|[\s\S](?:[\p{M}\p{Emoji_Modifier}\u{E0020}-\u{E007F}]|\u200D[\s\S])*/gu;

/** @internal The fallback segmentation, exported for tests. */
export function graphemesWithoutSegmenter(text: string): string[] {
  return text.match(FALLBACK_GRAPHEME) ?? [];
}

/** Splits text into user-perceived characters: `Intl.Segmenter` when the engine has it. */
export function graphemes(text: string): string[] {
  if (segmenter === undefined) {
    segmenter =
      typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function'
        ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
        : null;
  }
  if (segmenter === null) return graphemesWithoutSegmenter(text);
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

export function graphemeCount(text: string): number {
  return graphemes(text).length;
}

// Without the `u` flag, so that the pattern sees the UTF-16 halves of each pair.
const codePointCount: Measure = (text) => text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);

/** Length of the text once percent-encoded in a URL. */
const encodedLength: Measure = (text) => encodeURIComponent(text).length;

/** The longest post X accepts, in its weighted characters. */
export const X_MAX_LENGTH = 280;
/** What X counts any URL as (its t.co link). */
export const X_URL_LENGTH = 23;
/** The longest Bluesky post, in grapheme clusters (link included). */
export const BLUESKY_MAX_LENGTH = 300;
/**
 * Most characters the text of a WhatsApp, Telegram or email link may take once percent-encoded:
 * keeps those links near 2,000 characters plus the page URL, which every mail client (Windows'
 * `mailto:` handling is the tightest) and share endpoint accepts. A long quote is cut, never dropped.
 */
export const MAX_ENCODED_TEXT = 1800;

/** Code points X counts as one character (twitter-text v3 `ranges`); every other weighs two. */
const X_LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x10ff], // Latin, Greek, Cyrillic, Hebrew, Arabic, Indic scripts…
  [0x2000, 0x200d], // spaces up to the zero width joiner
  [0x2010, 0x201f], // dashes and quotation marks
  [0x2032, 0x2037], // primes
];
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
/** A URL or a bare domain, which X replaces with a 23-character link. */
const URL_LIKE = /(?:https?:\/\/)?(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?![\p{L}\p{N}])/giu;

function xGraphemeWeight(grapheme: string): number {
  if (EMOJI.test(grapheme)) return 2;
  let weight = 0;
  for (const char of grapheme.normalize('NFC')) {
    const cp = char.codePointAt(0)!;
    weight += X_LIGHT_RANGES.some(([from, to]) => cp >= from && cp <= to) ? 1 : 2;
  }
  return weight;
}

/**
 * How long X counts a text, erring long, never short. X's documented rule (twitter-text v3): after
 * NFC, a code point in Latin-1…Georgian (U+0000–U+10FF, so Latin, Arabic, Hebrew), U+2000–U+200D,
 * U+2010–U+201F or U+2032–U+2037 counts 1, any other counts 2 (CJK, '…'); an emoji counts 2 however
 * many code points it joins (skin tones, ZWJ sequences like 👩🏽‍🔧, flags like 🇦🇷); a URL counts 23.
 * Conservative where the rule is fuzzy: every grapheme holding a pictographic character counts 2
 * (X counts a bare '©' as 1), and anything that looks like a URL or a bare domain counts at least 23
 * (X counts exactly 23, but only for what it recognizes).
 */
export function xWeightedLength(text: string): number {
  let total = 0;
  for (const grapheme of graphemes(text)) total += xGraphemeWeight(grapheme);
  for (const match of text.matchAll(URL_LIKE)) {
    let weight = 0;
    for (const grapheme of graphemes(match[0])) weight += xGraphemeWeight(grapheme);
    if (weight < X_URL_LENGTH) total += X_URL_LENGTH - weight;
  }
  return total;
}

/** Replaces unpaired surrogates (which `encodeURIComponent` throws on) and collapses whitespace. */
function clean(text: string | undefined): string {
  return (text ?? '')
    .replace(/[\uD800-\uDFFF]/gu, '\uFFFD') // with `u`, only unpaired surrogates match
    .replace(/\s+/gu, ' ')
    .trim();
}

function cleanHashtag(hashtag: string): string {
  return clean(hashtag).replace(/^#+/u, '').replace(/\s+/gu, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Whether `#tag` appears in the text as a whole hashtag (case-insensitive, as networks match them). */
function containsHashtag(text: string, tag: string): boolean {
  return new RegExp(`(?:^|[^\\p{L}\\p{N}\\p{M}_])#${escapeRegExp(tag)}(?![\\p{L}\\p{N}\\p{M}_])`, 'iu').test(text);
}

const TRAILING = /[\s,;:、，\-–—]+$/u;
/** How far back (in graphemes) a cut may move to end on a word boundary instead of mid-word. */
const WORD_BACKOFF = 24;

/**
 * The longest start of `text`, cut between grapheme clusters and preferably between words, for which
 * `render(start)` still measures at most `budget`; undefined when not even `minimum` graphemes fit.
 * The measures used here never shrink as the start grows, so a binary search finds it.
 */
function cutToFit(
  text: string,
  render: (start: string) => string,
  budget: number,
  measure: Measure,
  minimum: number,
): string | undefined {
  const parts = graphemes(text);
  const startOf = (count: number) => parts.slice(0, count).join('').replace(TRAILING, '');
  const fits = (count: number) => measure(render(startOf(count))) <= budget;
  let low = 0;
  let high = parts.length - 1; // the whole text did not fit, or we would not be cutting
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  let count = low;
  const isSpace = (i: number) => /^\s+$/u.test(parts[i] ?? '');
  if (count > 0 && count < parts.length && !isSpace(count) && !isSpace(count - 1)) {
    for (let i = count - 1; i > 0 && count - i <= WORD_BACKOFF; i--) {
      if (isSpace(i)) {
        count = i;
        break;
      }
    }
  }
  const start = startOf(count);
  if (start === '' || graphemes(start).length < minimum || !fits(count)) return undefined;
  return start;
}

/** A cut quote shorter than this (in graphemes) says nothing: share the hashtag alone instead. */
const MIN_QUOTE = 8;
/** Keeps the name after a cut quote only when at least this many graphemes of the quote remain. */
const MIN_QUOTE_WITH_NAME = 12;

function composeShareText(
  t: Pick<Testimonial, 'quote' | 'name'>,
  hashtag: string,
  budget: number,
  measure: Measure,
): string {
  const quote = clean(t.quote);
  const name = clean(t.name);
  const tag = cleanHashtag(hashtag);
  const tagText = tag === '' ? '' : `#${tag}`;
  const attribution = name === '' ? '' : `— ${name}`;
  const join = (...parts: string[]) => parts.filter((part) => part !== '').join(' ');
  const withTag = (text: string) => (tag === '' || containsHashtag(text, tag) ? text : join(text, tagText));

  // The whole text if it fits; else the quote cut, the name kept while enough of the quote stays;
  // else the quote (whole or cut) without the name; else the hashtag alone.
  for (const attr of attribution === '' ? [''] : [attribution, '']) {
    const whole = withTag(join(quote, attr));
    if (measure(whole) <= budget) return whole;
    const minimum = attr === '' ? MIN_QUOTE : MIN_QUOTE_WITH_NAME;
    // The quote already carries the hashtag (as in "#NotWithThem because…"): keep it there if the cut
    // spares it, rather than repeating it at the end.
    if (tag !== '' && containsHashtag(quote, tag)) {
      const start = cutToFit(quote, (s) => join(s + ELLIPSIS, attr), budget, measure, minimum);
      if (start !== undefined && containsHashtag(start, tag)) return join(start + ELLIPSIS, attr);
    }
    const start = cutToFit(quote, (s) => join(s + ELLIPSIS, attr, tagText), budget, measure, minimum);
    if (start !== undefined) return join(start + ELLIPSIS, attr, tagText);
  }
  return measure(tagText) <= budget ? tagText : '';
}

/** Cuts text to `budget` (as `measure` counts), ending with an ellipsis when cut. */
function truncate(text: string, budget: number, measure: Measure): string {
  const cleaned = clean(text);
  if (measure(cleaned) <= budget) return cleaned;
  const start = cutToFit(cleaned, (s) => s + ELLIPSIS, budget, measure, 1);
  return start === undefined ? '' : start + ELLIPSIS;
}

/**
 * The text shared for one testimonial: the quote, then `— name` when there is a name, then `#hashtag`
 * (left out when the quote already holds that hashtag). Whitespace runs become single spaces.
 *
 * With `maxLength`, the result is at most that many code points: the quote is cut between grapheme
 * clusters (never inside a surrogate pair, a ZWJ emoji sequence or a flag), preferably between words,
 * and ends with '…'; the name stays when enough of the quote still fits; the hashtag is always kept
 * (when it fits at all).
 */
export function shareText(t: Pick<Testimonial, 'quote' | 'name'>, hashtag: string, maxLength?: number): string {
  return composeShareText(t, hashtag, maxLength ?? Number.POSITIVE_INFINITY, codePointCount);
}

export interface ShareInput {
  /** The testimonial's URL, from `testimonialUrl()`. */
  url: string;
  testimonial: Pick<Testimonial, 'quote' | 'name'>;
  /** Without '#'; a leading '#' is tolerated. */
  hashtag: string;
}

/** Subject of a shared email: the name, else the quote's start. */
const EMAIL_SUBJECT_LENGTH = 60;

const enc = encodeURIComponent;

/**
 * The `href` of a link target; undefined for `native` and `copy`, which are buttons.
 * Every value goes through `encodeURIComponent` (so spaces are `%20`, never `+`). Each text is cut to
 * what its destination accepts:
 * - x: the text and the link X appends after a space fit 280 as `xWeightedLength` counts (URL = 23);
 * - bluesky: text, space and the full URL are at most 300 grapheme clusters;
 * - whatsapp, telegram, email: the text takes at most `MAX_ENCODED_TEXT` characters once encoded.
 */
export function shareHref(target: ShareTarget, input: ShareInput): string | undefined {
  const { url, testimonial, hashtag } = input;
  const text = (budget: number, measure: Measure) => composeShareText(testimonial, hashtag, budget, measure);
  switch (target) {
    case 'native':
    case 'copy':
      return undefined;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`;
    case 'x': {
      // Documented Web Intent endpoint (docs.x.com, "Web intent"); X adds the `url` after a space.
      const body = text(X_MAX_LENGTH - X_URL_LENGTH - 1, xWeightedLength);
      return `https://x.com/intent/tweet?text=${enc(body)}&url=${enc(url)}`;
    }
    case 'whatsapp': {
      const body = text(MAX_ENCODED_TEXT, encodedLength);
      return `https://wa.me/?text=${enc(withUrl(body, url))}`;
    }
    case 'telegram': {
      const body = text(MAX_ENCODED_TEXT, encodedLength);
      return `https://t.me/share/url?url=${enc(url)}&text=${enc(body)}`;
    }
    case 'bluesky': {
      const body = text(BLUESKY_MAX_LENGTH - 1 - graphemeCount(url), graphemeCount);
      return `https://bsky.app/intent/compose?text=${enc(withUrl(body, url))}`;
    }
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}`;
    case 'email': {
      const name = clean(testimonial.name);
      const subject = name !== '' ? name : truncate(testimonial.quote, EMAIL_SUBJECT_LENGTH, codePointCount);
      const body = text(MAX_ENCODED_TEXT, encodedLength);
      // RFC 6068 §5: line breaks in a mailto body are CRLF.
      return `mailto:?subject=${enc(subject)}&body=${enc(body === '' ? url : `${body}\r\n\r\n${url}`)}`;
    }
  }
}

function withUrl(text: string, url: string): string {
  return text === '' ? url : `${text} ${url}`;
}
