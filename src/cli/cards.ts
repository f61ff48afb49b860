/**
 * Share cards: one image per testimonial and format (1200×630 for link previews, 1080×1350 for
 * stories and status updates) with the photo cropped at its focal point, the quote, the name and the
 * hashtag. Drawn with sharp: the photo resized with its attention strategy (the crop keeps the most
 * salient region, usually the person and the sign), the words rendered by Pango with the font of
 * `fonts.ts`, everything composited onto the campaign's colour and saved as a metadata-free JPEG.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OverlayOptions } from 'sharp';
import { attentionCover } from './attention.js';
import {
  cutText,
  describeCharacter,
  graphemes,
  missingCharacters,
  oneLine,
  pangoEscape,
  textDirection,
} from './card-text.js';
import { loadCardFont, type CardFont } from './fonts.js';
import { assertNoMetadata, loadSharp } from './photos.js';

/** The campaign's red (the gallery's accent) and the light tints written on it (contrast ≥ 6:1). */
const PANEL = '#b3122e';
const INK = '#ffffff';
const SOFT_INK = '#ffd9df';
/** Every card stays under this, whatever the photo: the largest image previews accept without trouble. */
export const MAX_CARD_BYTES = 300 * 1024;
/**
 * JPEG qualities tried in turn until the card fits. libjpeg-turbo's Huffman-optimised progressive
 * JPEG: mozjpeg's trellis saves about 30 % but takes ten times as long.
 */
const QUALITIES = [84, 76, 68, 60, 50];
const RECIPE = 'nwt-card-2';

export interface CardFormat {
  /** The feed field that carries it. */
  field: 'card' | 'cardPortrait';
  width: number;
  height: number;
  /** The photo's box when the quote reads left to right (mirrored for right-to-left quotes). */
  photo: { left: number; top: number; width: number; height: number };
  /** The words' box. */
  text: { left: number; top: number; width: number; height: number };
  /** Quote size in px for a short quote and for a long one; the most graphemes shown. */
  quote: { short: number; long: number; max: number };
  name: number;
  meta: number;
  hashtag: number;
  gap: number;
}

export const CARD_FORMATS: readonly CardFormat[] = [
  {
    field: 'card',
    width: 1200,
    height: 630,
    photo: { left: 0, top: 0, width: 480, height: 630 },
    text: { left: 536, top: 52, width: 608, height: 630 - 52 - 48 },
    quote: { short: 52, long: 42, max: 160 },
    name: 32,
    meta: 24,
    hashtag: 30,
    gap: 24,
  },
  {
    field: 'cardPortrait',
    width: 1080,
    height: 1350,
    photo: { left: 0, top: 0, width: 1080, height: 700 },
    text: { left: 64, top: 700 + 52, width: 952, height: 650 - 52 - 56 },
    quote: { short: 62, long: 50, max: 200 },
    name: 40,
    meta: 30,
    hashtag: 36,
    gap: 28,
  },
];

/** A quote up to this many graphemes is drawn at the short size. */
const SHORT_QUOTE = 80;

export interface CardWords {
  quote: string;
  name?: string;
  role?: string;
  place?: string;
  /** Without '#'. */
  hashtag: string;
}

export interface Card {
  field: CardFormat['field'];
  width: number;
  height: number;
  /** File name in the cards folder: `<slug>-<hash8>-<width>x<height>.jpg`. */
  name: string;
  bytes: number;
  ms: number;
  reused: boolean;
}

/** A card that cannot be drawn as it should (a script the font lacks): a warning, never a wrong card. */
export class CardError extends Error {}

/** What each card shows: the words cut to fit, one line each except the quote. */
export function cardLines(words: CardWords, format: CardFormat) {
  return {
    quote: cutText(words.quote, format.quote.max),
    name: words.name ? cutText(words.name, 60) : '',
    meta: cutText([words.role, words.place].filter(Boolean).join(' · '), 64),
    hashtag: words.hashtag ? `#${oneLine(words.hashtag)}` : '',
  };
}

export const cardName = (slug: string, hash: string, format: CardFormat) =>
  `${slug}-${hash}-${format.width}x${format.height}.jpg`;

/**
 * The cards of one testimonial, into `tmpDir`, or reused from `publishedDir` when a card of the same
 * photo, words, font and recipe is already there. Throws CardError when the font cannot draw a word.
 */
export async function renderCards(
  photo: { path: string; hash: string },
  words: CardWords,
  slug: string,
  publishedDir: string,
  tmpDir: string,
): Promise<Card[]> {
  const font = await registeredFont();
  const all = CARD_FORMATS.map((format) => cardLines(words, format));
  const missing = missingCharacters(all.flatMap((l) => Object.values(l)).join(' '), font.covers);
  if (missing.length > 0) {
    throw new CardError(
      `the card font (${font.family}) has no letters for ${missing.slice(0, 5).map(describeCharacter).join(', ')}` +
        `${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}: no card for this testimonial`,
    );
  }
  const cards: Card[] = [];
  for (const [i, format] of CARD_FORMATS.entries()) {
    const started = performance.now();
    const hash = createHash('sha256')
      .update(`${RECIPE}\0${font.version}\0${photo.hash}\0${JSON.stringify(all[i])}`)
      .digest('hex')
      .slice(0, 8);
    const name = cardName(slug, hash, format);
    const existing = await readCard(join(publishedDir, name), format);
    if (existing) {
      cards.push({ ...existing, field: format.field, name, ms: Math.round(performance.now() - started) });
      continue;
    }
    const data = await drawCard(photo.path, all[i]!, format, font);
    await assertNoMetadata(data, name);
    await writeFile(join(tmpDir, name), data);
    cards.push({
      field: format.field,
      width: format.width,
      height: format.height,
      name,
      bytes: data.length,
      ms: Math.round(performance.now() - started),
      reused: false,
    });
  }
  return cards;
}

let fontReady: Promise<CardFont> | undefined;

/**
 * The font, with each of its files handed to sharp once: libvips adds a `fontfile` to fontconfig the
 * first time it sees it, and Pango then picks, letter by letter, the file that has it.
 */
function registeredFont(): Promise<CardFont> {
  fontReady ??= (async () => {
    const [sharp, font] = await Promise.all([loadSharp(), loadCardFont()]);
    for (const fontfile of font.files)
      await sharp({ text: { text: 'x', font: font.family, fontfile } })
        .png()
        .toBuffer();
    return font;
  })();
  fontReady.catch(() => (fontReady = undefined));
  return fontReady;
}

async function readCard(path: string, format: CardFormat) {
  const sharp = await loadSharp();
  try {
    const data = await readFile(path);
    const meta = await sharp(data).metadata();
    if (meta.width !== format.width || meta.height !== format.height || meta.exif || meta.xmp || meta.icc)
      return undefined;
    return { width: format.width, height: format.height, bytes: data.length, reused: true };
  } catch {
    return undefined;
  }
}

/** One card as JPEG bytes, at the best quality that stays under MAX_CARD_BYTES. */
export async function drawCard(
  photoPath: string,
  lines: ReturnType<typeof cardLines>,
  format: CardFormat,
  font: CardFont,
): Promise<Buffer> {
  const sharp = await loadSharp();
  const rtl = textDirection(lines.quote) === 'rtl';
  const mirror = (box: { left: number; width: number }) =>
    rtl ? format.width - box.left - box.width : box.left;
  const { photo: photoBox, text: box } = format;

  const photo = await attentionCover(sharp(photoPath).rotate(), photoBox.width, photoBox.height)
    .flatten({ background: PANEL })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });

  const write = async (markup: string, size: number, bold: boolean, width = box.width) => {
    const { data, info } = await sharp({
      text: {
        text: markup,
        font: `${font.family} ${bold ? 'Bold ' : ''}${size}`,
        fontfile: font.files[0]!,
        width,
        wrap: 'word-char',
        rgba: true,
      },
    })
      .png()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  };
  // The font's own line height makes room for stacked Arabic marks: far too loose for a card.
  const span = (text: string, colour: string, size: number) =>
    `<span foreground="${colour}" line_height="${Math.round(size * 1.28 * 1024)}">${pangoEscape(text)}</span>`;
  const textLeft = mirror(box);
  // A right-to-left card aligns every block to the right edge of the words' box.
  const place = (image: { data: Buffer; width: number }, top: number): OverlayOptions => ({
    input: image.data,
    top: Math.round(top),
    left: rtl ? textLeft + box.width - image.width : textLeft,
  });

  const layers: OverlayOptions[] = [
    {
      input: photo.data,
      raw: { width: photo.info.width, height: photo.info.height, channels: photo.info.channels },
      left: mirror(photoBox),
      top: photoBox.top,
    },
  ];
  let top = box.top;
  let bottom = box.top + box.height;
  if (lines.hashtag) {
    const tag = await write(span(lines.hashtag, SOFT_INK, format.hashtag), format.hashtag, true);
    layers.push(place(tag, top));
    top += tag.height + format.gap;
  }
  if (lines.meta) {
    const meta = await write(span(lines.meta, SOFT_INK, format.meta), format.meta, false);
    bottom -= meta.height;
    layers.push(place(meta, bottom));
  }
  if (lines.name) {
    const name = await write(span(lines.name, INK, format.name), format.name, true);
    bottom -= name.height + (lines.meta ? 10 : 0);
    layers.push(place(name, bottom));
  }
  bottom -= format.gap;

  // The quote at its size; shorter (and cut again) until it fits above the name.
  let quote = lines.quote;
  const size = graphemes(quote).length <= SHORT_QUOTE ? format.quote.short : format.quote.long;
  let image = await write(span(quote, INK, size), size, true);
  while (image.height > bottom - top && graphemes(quote).length > 12) {
    quote = cutText(quote.replace(/…$/, ''), Math.floor(graphemes(quote).length * 0.85));
    image = await write(span(quote, INK, size), size, true);
  }
  layers.push(place(image, top));

  const canvas = await sharp({
    create: { width: format.width, height: format.height, channels: 3, background: PANEL },
  })
    .composite(layers)
    .raw()
    .toBuffer({ resolveWithObject: true });
  let jpeg: Buffer | undefined;
  for (const quality of QUALITIES) {
    jpeg = await sharp(canvas.data, { raw: canvas.info })
      .toColourspace('srgb')
      .jpeg({ quality, progressive: true })
      .toBuffer();
    if (jpeg.length <= MAX_CARD_BYTES) return jpeg;
  }
  throw new CardError(`the card stays over ${MAX_CARD_BYTES / 1024} KB even at JPEG quality 50`);
}
