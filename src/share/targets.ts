/**
 * Share targets: which buttons a gallery shows, and the text and links they share.
 *
 * Pure functions (no DOM, no Lit): every link is a plain `<a href>` built here, so nothing of a
 * third party is loaded or contacted before a reader clicks. Written for size: it ships in the
 * script-tag bundle.
 */
import { deepLinkHash } from '../deep-link.js';
import type { Testimonial } from '../feed/types.js';

export type ShareTarget =
  'native' | 'facebook' | 'x' | 'whatsapp' | 'telegram' | 'bluesky' | 'linkedin' | 'email' | 'copy';

/** Every target, in order (one string: the bundle is smaller). */
export const SHARE_TARGETS = 'native facebook x whatsapp telegram bluesky linkedin email copy'.split(
  ' ',
) as readonly ShareTarget[];

/** The targets that are social networks: their buttons read "Share on {network}". */
export type NetworkTarget = 'facebook' | 'x' | 'whatsapp' | 'telegram' | 'bluesky' | 'linkedin';

/** Every target, in the order of `SHARE_TARGETS`. */
export const DEFAULT_SHARE_TARGETS: readonly ShareTarget[] = SHARE_TARGETS;

/** Human names for "Share on {network}" labels. Brand names: not translated. */
export const NETWORK_NAMES: Readonly<Record<NetworkTarget, string>> = {
  facebook: 'Facebook',
  x: 'X',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  bluesky: 'Bluesky',
  linkedin: 'LinkedIn',
};

export function isShareTarget(value: string): value is ShareTarget {
  return (SHARE_TARGETS as readonly string[]).includes(value);
}

export function isNetworkTarget(target: ShareTarget): target is NetworkTarget {
  return Object.hasOwn(NETWORK_NAMES, target);
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
export function parseShareList(value: string | null | undefined): {
  targets: ShareTarget[];
  unknown: string[];
} {
  const tokens = (value ?? '').split(/[\s,]+/).filter(Boolean);
  const names = tokens.map((token) => token.toLowerCase());
  const targets: ShareTarget[] = tokens.length ? [] : [...SHARE_TARGETS];
  const unknown: string[] = [];
  if (names.some((name) => name !== 'none')) {
    names.forEach((name, i) => {
      if (names.indexOf(name) === i) isShareTarget(name) ? targets.push(name) : unknown.push(tokens[i]!);
    });
  }
  return { targets, unknown };
}

/**
 * `value` as an absolute `http:` or `https:` URL (resolved against `base` when relative), else
 * `undefined`: a `javascript:`, `data:` or `vbscript:` share URL would reach the clipboard, the share
 * sheet and `nwt-share`, and a URL with a user name (`https://campaign.example@evil.example/`) reads as
 * another site.
 */
export function httpUrl(value: unknown, base?: string): string | undefined {
  try {
    const url = new URL(String(value), base);
    return /^https?:$/.test(url.protocol) && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The URL shared for one testimonial: `shareUrl` without its hash, plus `#nwt-<id>`.
 * `shareUrl` should be absolute; a relative one is resolved against `base` when given (the element
 * passes `document.baseURI`).
 */
export function testimonialUrl(shareUrl: string, id: string, base?: string): string {
  const hash = deepLinkHash(id);
  try {
    const url = new URL(shareUrl, base);
    url.hash = hash;
    return url.href;
  } catch {
    // Not a URL: kept as written, without its hash.
    return shareUrl.split('#')[0] + hash;
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring and cutting text

/** What a cut text ends with. */
export const ELLIPSIS = '…';

/** A length: how a network (or the caller) counts a string. */
type Measure = (text: string) => number;

let segmenter: Intl.Segmenter | undefined;

/**
 * Splits text into user-perceived characters with `Intl.Segmenter`. Engines without it (Firefox before
 * 125) get code points: never a split surrogate pair, and every count errs long (a ZWJ emoji counts as
 * several), so the limits below still hold; only a cut may then fall inside an emoji sequence.
 */
export function graphemes(text: string): string[] {
  if (SIMPLE_TEXT.test(text) || !Intl.Segmenter) return [...text];
  return Array.from((segmenter ??= new Intl.Segmenter()).segment(text), (part) => part.segment);
}

/**
 * Text in which every code point is a grapheme of its own: printable ASCII, Latin-1 and Latin Extended-A/B
 * (no combining marks), the general punctuation block's dashes, quotes and ellipsis. Most quotes are this,
 * and skipping the segmenter for them saves its start-up (milliseconds on first use) and its allocations.
 */
const SIMPLE_TEXT = /^[\x20-\x7e\xa0-\u024f\u2010-\u2027]*$/;

export const graphemeCount: Measure = (text) => graphemes(text).length;

const codePointCount: Measure = (text) => [...text].length;

const enc = encodeURIComponent;

/** Length of the text once percent-encoded in a URL. */
const encodedLength: Measure = (text) => enc(text).length;

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

/** Code points X counts as two: all but the twitter-text v3 light `ranges`. */
const X_HEAVY = /[^\0-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]/gu;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
/** A URL or a bare domain, which X replaces with a 23-character link. */
const URL_LIKE = /(?:https?:\/\/)?(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?![\p{L}\p{N}])/giu;

/** X's weight of some text, grapheme by grapheme: an emoji 2, else 1 or 2 per code point after NFC. */
const xWeight: Measure = (text) =>
  graphemes(text).reduce(
    (sum, g) => sum + (EMOJI.test(g) ? 2 : g.normalize('NFC').replace(X_HEAVY, '..').length),
    0,
  );

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
  let total = xWeight(text);
  for (const [url] of text.matchAll(URL_LIKE)) total += Math.max(0, X_URL_LENGTH - xWeight(url));
  return total;
}

/**
 * Replaces unpaired surrogates (which `encodeURIComponent` throws on), drops bidi embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069: on the page they are closed by `dir="auto"` elements, but
 * left open in a shared text they reverse what follows, the link and hashtag included) and collapses
 * whitespace.
 */
export function clean(text: string | undefined): string {
  return (text ?? '')
    .replace(/\p{Cs}/gu, '\ufffd') // with `u`, only unpaired surrogates match
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The last hashtag looked for and its compiled pattern. */
let hashtagPattern: [string, RegExp] | undefined;

/** Whether `#tag` appears in the text as a whole hashtag (case-insensitive, as networks match them). */
function containsHashtag(text: string, tag: string): boolean {
  // One tag per gallery: its pattern is compiled once, not for every slide and target.
  if (hashtagPattern?.[0] !== tag) {
    const word = '\\p{L}\\p{N}\\p{M}_';
    hashtagPattern = [
      tag,
      new RegExp(`(?:^|[^${word}])#${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![${word}])`, 'iu'),
    ];
  }
  return hashtagPattern[1].test(text);
}

const TRAILING = /[\s,;:、，\-–—]+$/u;

/**
 * The longest start of `text`, cut between grapheme clusters and preferably between words (moving back
 * at most 24 graphemes to a space), for which `render(start)` still measures at most `budget`; undefined
 * when not even `minimum` graphemes fit. The measures used here never shrink as the start grows, so a
 * binary search finds it.
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
  // Past either end, `test` reads undefined as "undefined": no space.
  const isSpace = (i: number) => /^\s/.test(parts[i]!);
  let low = 0;
  let high = parts.length - 1; // the whole text did not fit, or we would not be cutting
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  let count = low;
  if (!isSpace(count) && !isSpace(count - 1)) {
    for (let i = count - 1; i > 0 && count - i <= 24; i--) {
      if (isSpace(i)) {
        count = i;
        break;
      }
    }
  }
  const start = startOf(count);
  return start && graphemes(start).length >= minimum && fits(count) ? start : undefined;
}

/**
 * The quote, `— name` and `#hashtag` within `budget` as `measure` counts. The whole text if it fits;
 * else the quote cut (with '…'), the name kept while at least 12 graphemes of the quote stay; else the
 * quote (whole or cut, at least 8 graphemes) without the name; else the hashtag alone. A quote that
 * already carries the hashtag (as in "#NotWithThem because…") keeps it there if the cut spares it,
 * rather than repeating it at the end.
 */
function composeShareText(
  t: Pick<Testimonial, 'quote' | 'name'>,
  hashtag: string,
  budget = Infinity,
  measure = codePointCount,
): string {
  const quote = clean(t.quote);
  const name = clean(t.name);
  const tag = clean(hashtag).replace(/^#+|\s/g, '');
  const tagText = tag && `#${tag}`;
  const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
  const tagInQuote = tag && containsHashtag(quote, tag);

  for (const attr of name ? [`— ${name}`, ''] : ['']) {
    const whole = join(quote, attr, tagInQuote ? '' : tagText);
    if (measure(whole) <= budget) return whole;
    for (const end of tagInQuote ? ['', tagText] : [tagText]) {
      const start = cutToFit(quote, (s) => join(s + ELLIPSIS, attr, end), budget, measure, attr ? 12 : 8);
      if (start !== undefined && (end === tagText || containsHashtag(start, tag)))
        return join(start + ELLIPSIS, attr, end);
    }
  }
  return measure(tagText) <= budget ? tagText : '';
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
export const shareText: (
  t: Pick<Testimonial, 'quote' | 'name'>,
  hashtag: string,
  maxLength?: number,
) => string = composeShareText;

export interface ShareInput {
  /** The testimonial's URL, from `testimonialUrl()`. */
  url: string;
  testimonial: Pick<Testimonial, 'quote' | 'name'>;
  /** Without '#'; a leading '#' is tolerated. */
  hashtag: string;
}

/**
 * The `href` of a link target; undefined for `native` and `copy`, which are buttons.
 * Every value goes through `encodeURIComponent` (so spaces are `%20`, never `+`). Each text is cut to
 * what its destination accepts:
 * - x: the text and the link X appends after a space fit 280 as `xWeightedLength` counts (URL = 23);
 * - bluesky: text, space and the full URL are at most 300 grapheme clusters;
 * - whatsapp, telegram, email: the text takes at most `MAX_ENCODED_TEXT` characters once encoded.
 * The email subject is the name, else the quote cut to 60 code points.
 */
export function shareHref(
  target: ShareTarget,
  { url, testimonial, hashtag }: ShareInput,
): string | undefined {
  const text = (budget: number, measure: Measure) => composeShareText(testimonial, hashtag, budget, measure);
  const long = () => text(MAX_ENCODED_TEXT, encodedLength);
  const withUrl = (body: string, separator = ' ') => enc(body ? body + separator + url : url);
  const u = enc(url);
  const links: Partial<Record<ShareTarget, () => string>> = {
    facebook: () => `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    // Documented Web Intent endpoint (docs.x.com, "Web intent"); X adds the `url` after a space.
    x: () =>
      `https://x.com/intent/tweet?text=${enc(text(X_MAX_LENGTH - X_URL_LENGTH - 1, xWeightedLength))}&url=${u}`,
    whatsapp: () => `https://wa.me/?text=${withUrl(long())}`,
    telegram: () => `https://t.me/share/url?url=${u}&text=${enc(long())}`,
    bluesky: () =>
      `https://bsky.app/intent/compose?text=${withUrl(text(BLUESKY_MAX_LENGTH - 1 - graphemeCount(url), graphemeCount))}`,
    linkedin: () => `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
    // RFC 6068 §5: line breaks in a mailto body are CRLF.
    email: () =>
      `mailto:?subject=${enc(clean(testimonial.name) || composeShareText({ quote: testimonial.quote }, '', 60))}&body=${withUrl(long(), '\r\n\r\n')}`,
  };
  return links[target]?.();
}
