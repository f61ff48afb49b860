// Shared by the build-feed tests: run the real command (bin shim → dist/esm/cli), make photos with sharp.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin/notwiththem-gallery.mjs');

/** Runs `notwiththem-gallery …args`; never rejects: resolves with the exit code and both outputs. */
export function cli(args, options = {}) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [options.bin ?? BIN, ...args],
      { cwd: options.cwd ?? ROOT, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

/** A fresh temporary folder, removed after the test. */
export async function scratch(t) {
  const dir = await mkdtemp(join(tmpdir(), 'nwt-cli-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A build-feed project in a fresh temporary folder: `photos/` holding `photos` (file name → bytes), and
 * `captions.csv` with `header` and `rows` when rows are given (a test may write its own sheet).
 */
export async function project(t, photos, rows, header = CSV_HEADER) {
  const dir = await scratch(t);
  await mkdir(join(dir, 'photos'));
  for (const [name, bytes] of Object.entries(photos)) await writeFile(join(dir, 'photos', name), bytes);
  if (rows) await writeFile(join(dir, 'captions.csv'), [header, ...rows].join('\n') + '\n');
  return dir;
}

/** `build-feed` on a `project()`: its photos and sheet in, its `site/` out, `extra` arguments after. */
export const buildFeed = (dir, ...extra) =>
  cli([
    'build-feed',
    join(dir, 'photos'),
    '--captions',
    join(dir, 'captions.csv'),
    '--out',
    join(dir, 'site'),
    ...extra,
  ]);

export const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/"
 xmp:CreatorTool="TestCam X" exif:GPSLatitude="34,36.2S" exif:GPSLongitude="58,22.9W"/>
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** A JPEG APP13 segment with an IPTC caption, as cameras and photo apps write it. */
function iptcSegment(caption) {
  const data = Buffer.from(caption, 'latin1');
  const iptc = Buffer.concat([Buffer.from([0x1c, 2, 120, data.length >> 8, data.length & 255]), data]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iptc.length);
  const resource = Buffer.concat([
    Buffer.from('8BIM'),
    Buffer.from([0x04, 0x04, 0, 0]),
    size,
    iptc,
    Buffer.alloc(iptc.length % 2),
  ]);
  const body = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xed]), length, body]);
}

/**
 * A phone-like JPEG: camera EXIF with a GPS position, XMP, IPTC, a Display P3 ICC profile and, when
 * asked, an EXIF orientation. The stored top half is red and the bottom half blue, so the
 * orientation of the output can be read from its pixels.
 */
export async function phoneJpeg({ width = 1600, height = 1200, orientation, seed = 0 } = {}) {
  const half = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#1040d0"/>` +
      `<rect width="100%" height="50%" fill="#d02010"/><circle cx="${20 + seed}" cy="20" r="8" fill="#ffffff"/></svg>`,
  );
  let image = sharp(half)
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'X', Software: 'TestCam firmware 1.0' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '34/1 36/1 12/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '58/1 22/1 54/1',
      },
    })
    .withIccProfile('p3')
    .withXmp(XMP);
  if (orientation) image = image.withMetadata({ orientation });
  const jpeg = await image.jpeg({ quality: 90 }).toBuffer();
  return Buffer.concat([
    jpeg.subarray(0, 2),
    iptcSegment('Taken at Plaza de Mayo, Buenos Aires'),
    jpeg.subarray(2),
  ]);
}

export const png = (width, height, colour = '#2a9d8f') =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();

/** Number of entries of the GPS IFD in an EXIF block (0 when there is none). */
export function gpsEntries(exif) {
  if (!exif) return 0;
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') === 0 ? 6 : 0);
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd0 = u32(4);
  for (let i = 0; i < u16(ifd0); i++) {
    const entry = ifd0 + 2 + i * 12;
    if (u16(entry) === 0x8825) return u16(u32(entry + 8));
  }
  return 0;
}

/** FourCCs of the chunks of a WebP (RIFF) file. */
export function riffChunks(webp) {
  const chunks = [];
  for (let at = 12; at + 8 <= webp.length;) {
    const size = webp.readUInt32LE(at + 4);
    chunks.push(webp.toString('latin1', at, at + 4));
    at += 8 + size + (size % 2);
  }
  return chunks;
}

/** The `--json` report of a run. */
export function report(result) {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`no JSON report (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
}

export const CSV_HEADER = 'file,quote,name,role,place,affiliation,alt,lang,id,url';

/**
 * A photo of a person: a plain grey-green background and, at `x`, `y` (fractions of the width and the
 * height), a skin-toned face with eyes over a white sign, the salient region sharp's attention finds.
 */
export const personPhoto = (width, height, x, y) => {
  const r = Math.round(Math.min(width, height) * 0.09);
  const cx = Math.round(width * x);
  const cy = Math.round(height * y);
  return sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
        `<rect width="100%" height="100%" fill="#6b7468"/>` +
        `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#d9a07b"/>` +
        `<circle cx="${cx - r / 3}" cy="${cy - r / 5}" r="${r / 8}" fill="#1d1d1d"/>` +
        `<circle cx="${cx + r / 3}" cy="${cy - r / 5}" r="${r / 8}" fill="#1d1d1d"/>` +
        `<rect x="${cx - r * 1.6}" y="${cy + r * 1.3}" width="${r * 3.2}" height="${r * 1.6}" fill="#fafafa"/>` +
        `</svg>`,
    ),
  )
    .jpeg({ quality: 90 })
    .toBuffer();
};
