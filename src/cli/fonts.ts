/**
 * The cards' font: Noto Sans Arabic from the @fontsource/noto-sans-arabic package (its Arabic, Latin
 * and Latin Extended files), so every machine draws the same letters. sharp renders text with Pango
 * and HarfBuzz (Arabic joining, right-to-left order), but its FreeType reads no WOFF: the package's
 * WOFF files are unpacked here to plain TrueType, once, into a folder named by their content.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';

export const FONT_PACKAGE = '@fontsource/noto-sans-arabic';
export const FONT_FAMILY = 'Noto Sans Arabic';
const SUBSETS = ['arabic', 'latin', 'latin-ext'] as const;
const WEIGHTS = [400, 700] as const;

export interface CardFont {
  family: string;
  /** TrueType files to hand to sharp's `text.fontfile`. */
  files: string[];
  /** Whether the font has a glyph for this code point. */
  covers(codePoint: number): boolean;
  /** Package version, part of every card's hash. */
  version: string;
}

let fontPromise: Promise<CardFont> | undefined;

/** Finds the font package, unpacks it once per process (and once per machine on disk). */
export function loadCardFont(): Promise<CardFont> {
  fontPromise ??= unpackFont().catch((cause: Error) => {
    fontPromise = undefined;
    throw new Error(
      `cards need the "${FONT_PACKAGE}" package (npm install ${FONT_PACKAGE}): ${cause.message}`,
    );
  });
  return fontPromise;
}

async function unpackFont(): Promise<CardFont> {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve(`${FONT_PACKAGE}/package.json`);
  const { version } = JSON.parse(await readFile(packageJson, 'utf8')) as { version: string };
  const sources = SUBSETS.flatMap((subset) =>
    WEIGHTS.map((weight) =>
      join(dirname(packageJson), 'files', `noto-sans-arabic-${subset}-${weight}-normal.woff`),
    ),
  );
  const fonts = await Promise.all(sources.map(async (path) => woffToSfnt(await readFile(path))));
  const hash = createHash('sha256');
  for (const font of fonts) hash.update(font);
  const dir = join(tmpdir(), `notwiththem-gallery-fonts-${hash.digest('hex').slice(0, 12)}`);
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  const ranges: [number, number][] = [];
  for (const [i, font] of fonts.entries()) {
    const file = join(dir, sources[i]!.replace(/^.*\//, '').replace(/\.woff$/, '.ttf'));
    // Written beside and renamed: two runs at once never see half a file.
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, font);
    await rename(partial, file);
    files.push(file);
    ranges.push(...cmapRanges(font));
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return {
    family: FONT_FAMILY,
    files,
    version,
    covers: (codePoint) => ranges.some(([first, last]) => codePoint >= first && codePoint <= last),
  };
}

/** WOFF 1.0 → the TrueType/OpenType file it wraps: each table is stored zlib-compressed or as is. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF file');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const stored = woff.readUInt32BE(at + 8);
    const length = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + stored);
    return {
      tag: woff.readUInt32BE(at),
      checksum: woff.readUInt32BE(at + 16),
      data: stored < length ? inflateSync(raw) : raw,
    };
  });
  let power = 1;
  let log = 0;
  while (power * 2 <= count) {
    power *= 2;
    log++;
  }
  const header = 12 + count * 16;
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(tables.reduce((sum, t) => sum + padded(t.data.length), header));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(log, 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = header;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(table.tag, at);
    out.writeUInt32BE(table.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(table.data.length, at + 12);
    table.data.copy(out, offset);
    offset += padded(table.data.length);
  });
  return out;
}

/** The code point ranges a font maps to glyphs (its Unicode cmap subtable, format 4 or 12). */
export function cmapRanges(font: Buffer): [number, number][] {
  const count = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < count; i++) {
    if (font.toString('latin1', 12 + i * 16, 16 + i * 16) === 'cmap') cmap = font.readUInt32BE(20 + i * 16);
  }
  if (cmap < 0) return [];
  const ranges: [number, number][] = [];
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const platform = font.readUInt16BE(cmap + 4 + i * 8);
    const at = cmap + font.readUInt32BE(cmap + 8 + i * 8);
    const format = font.readUInt16BE(at);
    if (platform !== 0 && platform !== 3) continue;
    if (format === 12) {
      const groups = font.readUInt32BE(at + 12);
      for (let g = 0; g < groups; g++) {
        const group = at + 16 + g * 12;
        if (font.readUInt32BE(group + 8) !== 0)
          ranges.push([font.readUInt32BE(group), font.readUInt32BE(group + 4)]);
      }
      return ranges;
    }
    if (format === 4) {
      const segments = font.readUInt16BE(at + 6) / 2;
      const ends = at + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const rangeOffsets = deltas + segments * 2;
      for (let s = 0; s < segments; s++) {
        const first = font.readUInt16BE(starts + s * 2);
        const last = font.readUInt16BE(ends + s * 2);
        if (first === 0xffff) continue;
        const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
        if (rangeOffset === 0) {
          ranges.push([first, last]);
          continue;
        }
        // Glyph ids from the glyph array: a 0 there means "no glyph" for that one code point.
        for (let c = first; c <= last; c++) {
          const glyph = font.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - first) * 2);
          if (glyph !== 0) ranges.push([c, c]);
        }
      }
    }
  }
  return ranges;
}
