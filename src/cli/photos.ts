/**
 * Photo processing with sharp: upright (EXIF orientation), sRGB, every metadata block removed, WebP
 * renditions 480, 960 and 1440 px wide (never upscaled), dominant colour. Originals are only read.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Metadata, Sharp, SharpOptions } from 'sharp';
import { attentionFocus } from './attention.js';

type SharpFactory = (input?: Buffer | string | SharpOptions, options?: SharpOptions) => Sharp;

export const WIDTHS = [480, 960, 1440] as const;
/** Three columns on wide screens, two on tablets, one on phones; the gallery may override it. */
export const SIZES = '(min-width: 60rem) 33vw, (min-width: 36rem) 50vw, 100vw';
const WEBP = { quality: 80, effort: 4 } as const;
/** Part of the content hash: changing how renditions are made changes every file name. */
const RECIPE = `nwt-renditions-1 webp q${WEBP.quality} e${WEBP.effort} srgb no-metadata`;

export const PHOTO_EXTENSIONS = [
  '.jpg',
  '.jpeg',
  '.png',
  '.webp',
  '.avif',
  '.tif',
  '.tiff',
  '.gif',
  '.heic',
  '.heif',
  '.svg',
];

let sharpPromise: Promise<SharpFactory> | undefined;

/** sharp is an optional peer dependency: only build-feed needs it, and says so when it is missing. */
export function loadSharp(): Promise<SharpFactory> {
  sharpPromise ??= import('sharp').then(
    (mod) => mod.default as unknown as SharpFactory,
    (cause: Error) => {
      throw new Error(`build-feed needs the "sharp" package (npm install sharp): ${cause.message}`);
    },
  );
  return sharpPromise;
}

export interface Rendition {
  width: number;
  height: number;
  /** File name inside the photos output folder: `<slug>-<hash8>-<width>.webp`. */
  name: string;
  bytes: number;
}

export interface ProcessedPhoto {
  hash: string;
  renditions: Rendition[];
  /** Size of the largest rendition. */
  width: number;
  height: number;
  /** Dominant colour, `#rrggbb`. */
  color: string;
  /** Focal point found by sharp's attention strategy, `"x% y%"` (the feed's `image.focus`). */
  focus: string;
  /** True when every rendition was already in the output folder and nothing was processed. */
  reused: boolean;
  bytesIn: number;
  bytesOut: number;
  ms: number;
}

/** A photo checked and hashed; its bytes are read again when rendered, so a big folder is never all in memory. */
export interface PhotoInput {
  path: string;
  size: number;
  hash: string;
  meta: Metadata;
}

export class PhotoError extends Error {
  constructor(
    readonly code: 'photo-unreadable' | 'metadata-left',
    message: string,
  ) {
    super(message);
  }
}

export const contentHash = (bytes: Buffer): string =>
  createHash('sha256').update(RECIPE).update('\0').update(bytes).digest('hex').slice(0, 8);

/** Reads a photo and its header; throws PhotoError('photo-unreadable') for anything sharp cannot open. */
export async function openPhoto(path: string): Promise<PhotoInput> {
  const sharp = await loadSharp();
  const bytes = await readFile(path);
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch (cause) {
    const heic = /\.hei[cf]$/i.test(path)
      ? '; HEIC photos from iPhones use a codec sharp does not ship: export them as JPEG'
      : '';
    throw new PhotoError(
      'photo-unreadable',
      `not an image sharp can read (${(cause as Error).message})${heic}`,
    );
  }
  if (!meta.width || !meta.height) throw new PhotoError('photo-unreadable', 'the image has no size');
  return { path, size: bytes.length, hash: contentHash(bytes), meta };
}

/** Widths to make for a photo this wide (after orientation): never upscaled, always at least one. */
export function plannedWidths(width: number): number[] {
  const widths = WIDTHS.filter((w) => w <= width);
  return widths.length > 0 ? widths : [width];
}

export const renditionName = (slug: string, hash: string, width: number) => `${slug}-${hash}-${width}.webp`;

/**
 * Makes the renditions of one photo into `tmpDir`, or reuses them when `publishedDir` already holds
 * every rendition for the same content hash (checked by reading their headers back).
 */
export async function renderPhoto(
  photo: PhotoInput,
  slug: string,
  publishedDir: string,
  tmpDir: string,
): Promise<ProcessedPhoto> {
  const started = performance.now();
  const upright = photo.meta.autoOrient ?? { width: photo.meta.width, height: photo.meta.height };
  const widths = plannedWidths(upright.width);
  const names = widths.map((w) => renditionName(slug, photo.hash, w));

  const reused = await readExisting(publishedDir, names, widths);
  if (reused) {
    return summarize(photo, reused, await look(reused.smallest), true, started);
  }

  const sharp = await loadSharp();
  const bytes = await readFile(photo.path);
  if (contentHash(bytes) !== photo.hash)
    throw new PhotoError('photo-unreadable', 'the photo changed while the feed was being built');
  const renditions: Rendition[] = [];
  let smallest: Buffer | undefined;
  // Largest first: a truncated or corrupt photo fails on the first, most complete decode. sharp's
  // default failOn ('warning') refuses truncated files rather than publishing half a grey photo.
  for (const [i, width] of [...widths.entries()].reverse()) {
    let data: Buffer;
    let info: { width: number; height: number; size: number };
    try {
      ({ data, info } = await sharp(bytes)
        .rotate()
        .resize({ width, withoutEnlargement: true })
        .toColourspace('srgb')
        .webp(WEBP)
        .toBuffer({ resolveWithObject: true }));
    } catch (cause) {
      throw new PhotoError('photo-unreadable', `the image cannot be decoded (${(cause as Error).message})`);
    }
    await assertNoMetadata(data, names[i]!);
    await writeFile(join(tmpDir, names[i]!), data);
    renditions.unshift({ width: info.width, height: info.height, name: names[i]!, bytes: info.size });
    smallest = data;
  }
  return summarize(photo, { renditions }, await look(smallest!), false, started);
}

function summarize(
  photo: PhotoInput,
  made: { renditions: Rendition[] },
  { color, focus }: { color: string; focus: string },
  reused: boolean,
  started: number,
): ProcessedPhoto {
  const largest = made.renditions[made.renditions.length - 1]!;
  return {
    hash: photo.hash,
    renditions: made.renditions,
    width: largest.width,
    height: largest.height,
    color,
    focus,
    reused,
    bytesIn: photo.size,
    bytesOut: made.renditions.reduce((sum, r) => sum + r.bytes, 0),
    ms: Math.round(performance.now() - started),
  };
}

/** The renditions already published for this content, or undefined when any is missing or odd. */
async function readExisting(dir: string, names: string[], widths: number[]) {
  const sharp = await loadSharp();
  const renditions: Rendition[] = [];
  let smallest: Buffer | undefined;
  for (const [i, name] of names.entries()) {
    let data: Buffer;
    try {
      data = await readFile(join(dir, name));
    } catch {
      return undefined;
    }
    try {
      const meta = await sharp(data).metadata();
      if (meta.format !== 'webp' || meta.width !== widths[i] || !meta.height || hasMetadata(meta))
        return undefined;
      renditions.push({ width: meta.width, height: meta.height, name, bytes: data.length });
    } catch {
      return undefined;
    }
    smallest ??= data;
  }
  return { renditions, smallest: smallest! };
}

const hasMetadata = (meta: Metadata) =>
  meta.exif !== undefined ||
  meta.icc !== undefined ||
  meta.iptc !== undefined ||
  meta.xmp !== undefined ||
  meta.orientation !== undefined;

/** Reads the output back: no EXIF (so no GPS), XMP, IPTC or ICC block, and plain sRGB. */
export async function assertNoMetadata(data: Buffer, name: string): Promise<void> {
  const sharp = await loadSharp();
  const meta = await sharp(data).metadata();
  const left = (['exif', 'icc', 'iptc', 'xmp', 'orientation'] as const).filter(
    (key) => meta[key] !== undefined,
  );
  if (meta.space !== 'srgb') left.push(`colour space ${meta.space}` as never);
  if (left.length > 0)
    throw new PhotoError('metadata-left', `${name} still carries ${left.join(', ')}; it was not written`);
}

/** Dominant colour and focal point, read from the smallest rendition (a percentage does not depend on the size). */
async function look(data: Buffer): Promise<{ color: string; focus: string }> {
  const sharp = await loadSharp();
  const { width, height } = await sharp(data).metadata();
  return { color: await dominantColour(data), focus: await attentionFocus(sharp(data), width!, height!) };
}

async function dominantColour(data: Buffer): Promise<string> {
  const sharp = await loadSharp();
  const { dominant } = await sharp(data).stats();
  return `#${[dominant.r, dominant.g, dominant.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}
