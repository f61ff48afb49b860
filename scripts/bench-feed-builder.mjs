#!/usr/bin/env node
// Benchmark of `notwiththem-gallery build-feed` on 12-megapixel phone-like JPEGs (4000x3000, camera
// EXIF with GPS): photos per second for a first build, time of a rebuild with nothing changed, and the
// size of the renditions against the originals. Needs the CLI built (npx tsc -p tsconfig.cli.json).
// With --share-pages, also the cards (1200x630 and 1080x1350) and share pages: time and bytes per card.
//   node scripts/bench-feed-builder.mjs [photos=6] [--share-pages]
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const SHARE = process.argv.includes('--share-pages');
const COUNT = Number(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 6);
/** Captions of every length and script the cards meet: short, long (cut), accented Spanish, Arabic. */
const QUOTES = [
  '#NotWithThem because workers, not bosses, must decide',
  '#NoConEllos porque representan a la clase capitalista: ¿quién defiende a los trabajadores?',
  'لسنا معهم لأنهم يمثلون الطبقة الرأسمالية، والعمال لا الرؤساء هم من يجب أن يقرروا',
  '#NotWithThem because both deny rights for immigrants, because both are imperialists and because Black Lives Matter, and because the people who build everything deserve to decide everything',
];
const bin = fileURLToPath(new URL('../bin/notwiththem-gallery.mjs', import.meta.url));
const work = await mkdtemp(join(tmpdir(), 'nwt-bench-'));

/** A photo-like 4000x3000 JPEG: gradients, shapes and sensor noise, so it compresses like a real one. */
async function photo(i) {
  const hue = (i * 57) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},60%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 140) % 360},50%,30%)"/></linearGradient></defs>
    <rect width="4000" height="3000" fill="url(#g)"/>
    ${Array.from({ length: 40 }, (_, k) => `<circle cx="${(k * 613 + i * 97) % 4000}" cy="${(k * 331 + i * 53) % 3000}" r="${80 + ((k * 37) % 400)}" fill="hsl(${(hue + k * 23) % 360},55%,${30 + (k % 5) * 10}%)" opacity="0.7"/>`).join('')}
    <rect x="1200" y="1700" width="1600" height="900" fill="#f3e6c8" transform="rotate(-3 2000 2150)"/>
    <text x="2000" y="2200" font-family="sans-serif" font-weight="bold" font-size="180" text-anchor="middle" fill="#c8102e">#NotWithThem</text></svg>`;
  // Texture at every scale (like foliage, fabric, skin and sensor noise), blended over the drawing.
  const texture = async (w, h, sigma) => ({
    input: await sharp({
      create: { width: w, height: h, channels: 3, noise: { type: 'gaussian', mean: 128, sigma } },
    })
      .resize(4000, 3000, { kernel: 'cubic' })
      .raw()
      .toBuffer(),
    raw: { width: 4000, height: 3000, channels: 3 },
    blend: 'soft-light',
  });
  const layers = [await texture(250, 188, 60), await texture(1000, 750, 45), await texture(4000, 3000, 25)];
  const pixels = await sharp(Buffer.from(svg)).removeAlpha().composite(layers).raw().toBuffer();
  return sharp(pixels, { raw: { width: 4000, height: 3000, channels: 3 } })
    .withExif({
      IFD0: { Make: 'BenchCam', Model: '12MP' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '34/1 36/1 12/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '58/1 22/1 54/1',
      },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
}

function run(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    execFile(process.execPath, [bin, ...args], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${err.message}\n${stderr}`));
      else resolve({ report: JSON.parse(stdout), wallMs: performance.now() - started });
    });
  });
}

try {
  await mkdir(join(work, 'photos'));
  const rows = ['file,quote,name'];
  for (let i = 0; i < COUNT; i++) {
    await writeFile(join(work, 'photos', `IMG_${1000 + i}.jpg`), await photo(i));
    const quote = SHARE ? QUOTES[i % QUOTES.length] : `#NotWithThem because benchmark ${i + 1}`;
    rows.push(`IMG_${1000 + i}.jpg,"${quote}",Person ${i + 1}`);
  }
  await writeFile(join(work, 'captions.csv'), rows.join('\n'));
  const args = [
    'build-feed',
    join(work, 'photos'),
    '--captions',
    join(work, 'captions.csv'),
    '--out',
    join(work, 'out'),
    '--json',
    ...(SHARE ? ['--share-pages', '--base-url', 'https://bench.example/gallery/'] : []),
  ];

  const first = await run(args);
  const again = await run(args);
  const r = first.report;
  const mb = (b) => (b / 1024 / 1024).toFixed(2);
  const perWidth = {};
  for (const p of r.photos)
    for (const x of p.renditions) perWidth[x.width] = (perWidth[x.width] ?? 0) + x.bytes;
  console.log(
    `Machine: ${cpus()[0]?.model ?? '?'} (${availableParallelism()} CPUs), Node ${process.version}, sharp ${sharp.versions.sharp} / libvips ${sharp.versions.vips}`,
  );
  console.log(
    `${COUNT} JPEGs 4000x3000 (12 MP), ${mb(r.bytes.in)} MB in all (${mb(r.bytes.in / COUNT)} MB each)`,
  );
  console.log(
    `First build: photos ${(r.timings.photosMs / 1000).toFixed(2)} s → ${(COUNT / (r.timings.photosMs / 1000)).toFixed(2)} photos/s; ` +
      `whole command ${(first.wallMs / 1000).toFixed(2)} s wall (${(COUNT / (first.wallMs / 1000)).toFixed(2)} photos/s, start-up, hashing and checks included)`,
  );
  console.log(
    `Rebuild, nothing changed: ${(again.wallMs / 1000).toFixed(2)} s wall, ${again.report.counts.processed} processed, ${again.report.counts.reused} reused`,
  );
  console.log(
    `Renditions: ${mb(r.bytes.out)} MB = ${((100 * r.bytes.out) / r.bytes.in).toFixed(1)} % of the originals; per photo ` +
      Object.entries(perWidth)
        .map(([w, b]) => `${w}w ${(b / COUNT / 1024).toFixed(0)} kB`)
        .join(', ') +
      `; a reader's 960w download is ${((100 * (perWidth[960] ?? 0)) / r.bytes.in).toFixed(1)} % of the original`,
  );
  if (SHARE) {
    const stats = (values) => {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = sorted.length / 2;
      const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
      return { median, min: sorted[0], max: sorted[sorted.length - 1] };
    };
    console.log(
      `Cards: ${r.counts.cards} for ${COUNT} testimonials and ${r.counts.sharePages} share pages; card step ${(r.timings.cardsMs / 1000).toFixed(2)} s ` +
        `(${(r.timings.cardsMs / COUNT).toFixed(0)} ms per testimonial, both cards, ${availableParallelism() >= 2 ? 'several at once' : 'one at a time'})`,
    );
    for (const field of ['card', 'cardPortrait']) {
      const cards = r.cards.filter((card) => card.field === field);
      const ms = stats(cards.map((card) => card.ms));
      const kb = stats(cards.map((card) => card.bytes / 1024));
      console.log(
        `  ${cards[0].width}x${cards[0].height}: ${ms.median} ms median (${ms.min}–${ms.max}), ` +
          `${kb.median.toFixed(0)} kB median (${kb.min.toFixed(0)}–${kb.max.toFixed(0)})`,
      );
    }
    console.log(
      `Rebuild, nothing changed: ${again.report.cards.filter((card) => card.reused).length} cards reused`,
    );
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
