/**
 * The iframe embed's query string, checked like the element's attributes would be: only known names,
 * each value checked, anything else dropped with a warning. Pure (no DOM): the embed page and the embed
 * builder use it, and tests call it directly.
 *
 * `embed.html?src=…&share-url=…&lang=es&theme=dark&autoplay&share=whatsapp+x+copy&accent=%23b3122e&id=nwt-1`
 *
 * - `src`: the feed, `http(s):` or relative to the embed page, passed on as given: the element rejects an
 *   unusable one (and a missing one, which the embed passes as empty) with its `src` error on the card.
 * - `share-url`: the page shares point at: the blog post, absolute `http(s):`.
 * - `lang`, `theme`, `fit`, `autoplay`, `loop`, `interval`, `start`, `share`, `hashtag`, `label`: as the attributes.
 * - `accent`: `#rgb` or `#rrggbb`, set as `--nwt-accent`.
 * - `id`: echoed in the height messages, so a parent page with several embeds can tell them apart.
 */

/** Query parameters that become attributes of the element, with the same names. */
export const EMBED_ATTRIBUTES = [
  'src',
  'lang',
  'theme',
  'autoplay',
  'share',
  'share-url',
  'start',
  'hashtag',
  'label',
  'fit',
  'interval',
  'loop',
] as const;

/** Query parameters of the embed page itself. */
export const EMBED_EXTRAS = ['accent', 'id'] as const;

export type EmbedAttribute = (typeof EMBED_ATTRIBUTES)[number];

export interface EmbedParams {
  /** Attributes to set on the element (value `''` for boolean attributes that are on). */
  attributes: Partial<Record<EmbedAttribute, string>>;
  /** `#rrggbb` or `#rgb`, for `--nwt-accent`. */
  accent?: string;
  /** Echoed in `nwt-embed-height` messages. */
  id?: string;
  /** One line per dropped parameter, for a console warning. */
  warnings: string[];
}

/** The message the embed page posts to its parent whenever its height changes. */
export interface EmbedHeightMessage {
  type: 'nwt-embed-height';
  /** The document's height in CSS pixels (an integer). */
  height: number;
  /** The `id` query parameter, when one was given. */
  id?: string;
}

export const EMBED_MESSAGE_TYPE = 'nwt-embed-height';

const CONTROL = /[\u0000-\u001f\u007f]/;
const LANG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;
const SHARE_TOKEN = /^[a-z]{1,16}$/;
const START = /^[\w-]{1,64}$/;
const HASHTAG = /^[\p{L}\p{M}\p{Nd}_]{1,100}$/u;
const COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const ID = /^[\w-]{1,64}$/;
const MAX_URL = 2048;
const MAX_LABEL = 200;

/** Checks one value; returns the value to use, or `null` (with the reason) to drop it. */
type Check = (value: string, base: string) => string | { drop: string };

const isHttp = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';

function checkUrl(value: string): string | { drop: string } {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > MAX_URL || CONTROL.test(trimmed)) return { drop: 'not a usable URL' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { drop: 'must be an absolute http(s) URL' };
  }
  return isHttp(url) ? trimmed : { drop: 'must be http(s)' };
}

function flag(value: string): string | { drop: string } {
  const v = value.trim().toLowerCase();
  if (v === '' || v === '1' || v === 'true' || v === 'yes' || v === 'on') return '';
  if (v === '0' || v === 'false' || v === 'no' || v === 'off') return { drop: 'off' };
  return { drop: 'expected no value, 1 or true' };
}

function oneOf(...allowed: string[]): Check {
  return (value) =>
    allowed.includes(value.trim()) ? value.trim() : { drop: `expected ${allowed.join(', ')}` };
}

const checks: Record<EmbedAttribute, Check> = {
  // The element checks the feed address and says on its card why one is unusable (one warning there).
  src: (value) => value.trim(),
  'share-url': checkUrl,
  lang: (value) => (LANG.test(value.trim()) ? value.trim() : { drop: 'not a language tag' }),
  theme: oneOf('light', 'dark', 'auto'),
  fit: oneOf('cover', 'contain'),
  autoplay: flag,
  loop: flag,
  interval: (value) => {
    const ms = Number(value.trim());
    return Number.isInteger(ms) && ms >= 2000 && ms <= 3_600_000
      ? String(ms)
      : { drop: 'expected whole milliseconds, 2000 or more' };
  },
  start: (value) => (START.test(value.trim()) ? value.trim() : { drop: 'expected an index or an id' }),
  share: (value) => {
    const tokens = value
      .trim()
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean);
    if (tokens.length > 12 || !tokens.every((token) => SHARE_TOKEN.test(token)))
      return { drop: 'expected share target names' };
    return tokens.join(' ');
  },
  hashtag: (value) => {
    const tag = value.trim().replace(/^#/, '');
    return HASHTAG.test(tag) ? tag : { drop: 'expected letters, digits or _' };
  },
  label: (value) => {
    const text = value.replace(/\s+/g, ' ').trim();
    return text && text.length <= MAX_LABEL && !CONTROL.test(text)
      ? text
      : { drop: `expected text of at most ${MAX_LABEL} characters` };
  },
};

/**
 * Reads the embed page's query string. `base` is the embed page's own URL (relative feed URLs resolve
 * against it, as the element resolves them). A repeated parameter keeps its first value.
 */
export function readEmbedParams(search: string, base: string): EmbedParams {
  const query = new URLSearchParams(search);
  const result: EmbedParams = { attributes: {}, warnings: [] };
  const seen = new Set<string>();
  for (const [name, value] of query) {
    if (seen.has(name)) continue;
    seen.add(name);
    if ((EMBED_ATTRIBUTES as readonly string[]).includes(name)) {
      const checked = checks[name as EmbedAttribute](value, base);
      if (typeof checked === 'string') result.attributes[name as EmbedAttribute] = checked;
      else if (checked.drop !== 'off') result.warnings.push(`${name} ignored: ${checked.drop}`);
    } else if (name === 'accent') {
      if (COLOR.test(value.trim())) result.accent = value.trim();
      else result.warnings.push('accent ignored: expected #rgb or #rrggbb');
    } else if (name === 'id') {
      if (ID.test(value.trim())) result.id = value.trim();
      else result.warnings.push('id ignored: expected letters, digits, _ or -');
    } else {
      result.warnings.push(`${name.slice(0, 40)} ignored: not a parameter of the embed`);
    }
  }
  return result;
}

/** Whether `data` is a well-formed height message (what a parent page should check before using it). */
export function isEmbedHeightMessage(data: unknown): data is EmbedHeightMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return (
    message.type === EMBED_MESSAGE_TYPE &&
    typeof message.height === 'number' &&
    Number.isFinite(message.height) &&
    message.height >= 0 &&
    (message.id === undefined || typeof message.id === 'string')
  );
}
