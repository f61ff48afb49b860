/** The words on a card, prepared without drawing anything: cut, direction, Pango markup, coverage. */

const segmenter = new Intl.Segmenter();

export const ELLIPSIS = '…';

export const graphemes = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);

/** Whitespace runs (line breaks included) become single spaces: a card has its own lines. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The text cut to at most `max` graphemes, between words when a space is within the last 30, with '…';
 * the text itself when it fits.
 */
export function cutText(text: string, max: number): string {
  const parts = graphemes(oneLine(text));
  if (parts.length <= max) return parts.join('');
  let end = max - 1;
  for (let i = end; i > 0 && end - i <= 30; i--) {
    if (parts[i] === ' ') {
      end = i;
      break;
    }
  }
  return (
    parts
      .slice(0, end)
      .join('')
      .replace(/[\s,;:.\-–—]+$/u, '') + ELLIPSIS
  );
}

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const STRONG = /[\p{L}]/u;

/** The direction of a text by its first strong letter (Unicode bidi's rule P2), 'ltr' without one. */
export function textDirection(text: string): 'ltr' | 'rtl' {
  for (const char of text) {
    if (RTL_LETTER.test(char)) return 'rtl';
    if (STRONG.test(char)) return 'ltr';
  }
  return 'ltr';
}

/** Text as Pango markup shows it literally: sharp's `text` input is always markup. */
export const pangoEscape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Characters that draw nothing (spaces, joiners, bidi controls, variation selectors): need no glyph. */
const NO_GLYPH = /[\s\p{Default_Ignorable_Code_Point}\p{Cc}]/u;

/** The characters of `text` the font cannot draw, each once, in order of appearance. */
export function missingCharacters(text: string, covers: (codePoint: number) => boolean): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    if (!NO_GLYPH.test(char) && !covers(char.codePointAt(0)!)) missing.add(char);
  }
  return [...missing];
}

/** `"你" (U+4F60)`: how a problem names a character the font lacks. */
export const describeCharacter = (char: string): string =>
  `"${char}" (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
