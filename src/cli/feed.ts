/**
 * Feed assembly: sheet rows + processed photos → the feed object of the README's feed format, checked with the very
 * parser the element uses (`parseFeed`) before anything is written.
 */
import { parseFeed, slugify } from '../feed/parse.js';
import type { FeedMeta, ParsedFeed, TestimonialText } from '../feed/types.js';
import { error, type Problem } from './problems.js';
import { SIZES, type ProcessedPhoto } from './photos.js';

export interface FeedImage {
  src: string;
  srcset: string;
  sizes: string;
  width: number;
  height: number;
  color: string;
  /** `"x% y%"`: the sheet's focus column, else the one sharp's attention strategy found. */
  focus: string;
  alt?: string;
}

export interface FeedEntry extends TestimonialText {
  id: string;
  image: FeedImage;
}

export interface FeedFile extends Omit<FeedMeta, 'next'> {
  testimonials: FeedEntry[];
}

export interface EntryInput {
  row: number;
  id: string;
  quote: string;
  name?: string;
  role?: string;
  place?: string;
  affiliation?: string;
  alt?: string;
  url?: string;
  lang?: string;
  /** The sheet's focal point for this photo, overriding the one found in the picture. */
  focus?: string;
  photo: ProcessedPhoto;
  /** Absolute URLs of the share page and the cards, when they were made. */
  sharePage?: string;
  card?: string;
  cardPortrait?: string;
}

/** The optional URL fields of an entry, copied as given and checked like `url`. */
const LINKS = ['url', 'sharePage', 'card', 'cardPortrait'] as const;

/**
 * One testimonial. `imageBase` is where the renditions are, relative to the feed file ("photos/") or
 * absolute when a base URL was given, so the feed works wherever it is hosted.
 */
export function feedEntry(input: EntryInput, imageBase: string): FeedEntry {
  const { photo } = input;
  const largest = photo.renditions[photo.renditions.length - 1]!;
  const fallback = photo.renditions.find((r) => r.width === 960) ?? largest;
  const image: FeedImage = {
    src: imageBase + fallback.name,
    srcset: photo.renditions.map((r) => `${imageBase}${r.name} ${r.width}w`).join(', '),
    sizes: SIZES,
    width: photo.width,
    height: photo.height,
    color: photo.color,
    focus: input.focus ?? photo.focus,
  };
  if (input.alt) image.alt = input.alt;
  const entry: FeedEntry = { id: input.id, image, quote: input.quote };
  for (const key of [
    'name',
    'role',
    'place',
    'affiliation',
    'url',
    'lang',
    'sharePage',
    'card',
    'cardPortrait',
  ] as const) {
    const value = input[key];
    if (value) entry[key] = value;
  }
  return entry;
}

export function assembleFeed(meta: Omit<FeedMeta, 'next'>, entries: FeedEntry[]): FeedFile {
  const feed: FeedFile = { ...meta, testimonials: entries };
  // Key order of the file: meta first, testimonials last, whatever order meta came in.
  const { testimonials, ...rest } = feed;
  return { ...rest, testimonials };
}

/**
 * Runs `parseFeed` on the feed as it will be served from `feedUrl` and turns every warning, and every
 * field the parser dropped or changed, into a problem on the sheet row it came from.
 */
export function validateFeed(
  feed: FeedFile,
  rows: number[],
  feedUrl: string,
): { problems: Problem[]; parsed?: ParsedFeed } {
  let parsed: ParsedFeed;
  try {
    parsed = parseFeed(JSON.parse(JSON.stringify(feed)), { baseUrl: feedUrl });
  } catch (cause) {
    return {
      problems: [error('feed-invalid', `the feed parser refused the feed: ${(cause as Error).message}`)],
    };
  }
  const problems: Problem[] = [];
  for (const w of parsed.warnings) {
    const where = w.index >= 0 && rows[w.index] !== undefined ? { row: rows[w.index]! } : {};
    problems.push(error('feed-invalid', `the gallery would leave this testimonial out: ${w.reason}`, where));
  }
  if (parsed.warnings.length === 0) {
    feed.testimonials.forEach((entry, i) => {
      const got = parsed.testimonials[i];
      const row = rows[i]!;
      if (!got) return;
      if (got.id !== entry.id)
        problems.push(
          error('feed-invalid', `id "${entry.id}" would become "${got.id}"`, { row, column: 'id' }),
        );
      for (const key of ['quote', 'name', 'role', 'place', 'affiliation', 'lang'] as const) {
        if (entry[key] !== undefined && got[key] !== entry[key]) {
          problems.push(
            error(
              'feed-invalid',
              got[key] === undefined
                ? `${key} is not valid and would be dropped`
                : `${key} would be changed (too long?)`,
              { row, column: key },
            ),
          );
        }
      }
      for (const key of LINKS) {
        if (entry[key] !== undefined && got[key] === undefined)
          problems.push(
            error('feed-invalid', `${key} is not an http(s) URL and would be dropped`, {
              row,
              ...(key === 'url' ? { column: 'url' } : {}),
            }),
          );
      }
      if (entry.image.alt !== undefined && got.image.alt !== entry.image.alt)
        problems.push(error('feed-invalid', 'alt would be changed (too long?)', { row, column: 'alt' }));
      for (const key of ['srcset', 'sizes', 'width', 'height', 'color', 'focus'] as const) {
        if (got.image[key] === undefined)
          problems.push(error('feed-invalid', `image ${key} would be dropped by the gallery`, { row }));
      }
    });
    for (const key of ['title', 'description', 'hashtag'] as const) {
      if (feed[key] !== undefined && parsed[key] !== feed[key])
        problems.push(
          error(
            'feed-invalid',
            `--${key} "${feed[key]}" is not valid${parsed[key] ? ` (would be "${parsed[key]}")` : ''}`,
          ),
        );
    }
    if (feed.submit && !parsed.submit) problems.push(error('feed-invalid', '--submit-url is not valid'));
  }
  return { problems, parsed };
}

/** The id written for a row: the sheet's id as a slug, else made from the name or the file name. */
export function idFor(explicit: string | undefined, name: string | undefined, file: string): string {
  return slugify(explicit ?? '') || slugify(name ?? '') || slugify(file.replace(/\.[^./]+$/, '')) || 'photo';
}

/** Short, file-name-safe slug for rendition names. */
export const fileSlug = (id: string) => slugify(id).slice(0, 40).replace(/-+$/, '') || 'photo';
