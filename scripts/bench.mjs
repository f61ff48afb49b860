#!/usr/bin/env node
// `npm run bench [-- --runs 5 --n 7,1000,10000 --only nwt,swiper --no-build]`
//
// Builds the bundle, serves the contestants' pages on 127.0.0.1 (node:http, every file local: the page,
// the feed, the photos, each library from node_modules) and drives headless Chromium over one page per
// contestant, fed the same feed, for 7, 1,000 and 10,000 testimonials. Each run visits every contestant
// once per size, in an order that rotates from run to run; the median, min and max of the runs go to
// bench/results.json and bench/RESULTS.md. Method: bench/README.md.
import { execSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlib } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { contestants, servedPackages, PER_VIEW } from '../bench/contestants.mjs';
import { makeFeed, photos } from '../bench/feed.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const workDir = join(benchDir, '.work');

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    n: { type: 'string', default: '7,1000,10000' },
    only: { type: 'string' },
    build: { type: 'boolean', default: true },
    'no-build': { type: 'boolean', default: false },
    'slow-feed-ms': { type: 'string', default: '1000' },
    // The slow-feed visit measures whether the box is kept while the feed is late, which does not depend
    // on the feed's size; at 10,000 it would cost a minute a run for the same figure.
    'slow-feed-n': { type: 'string', default: '7,1000' },
    out: { type: 'string', default: benchDir },
    shots: { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const RUNS = Math.max(1, Number(args.runs));
const SIZES = args.n.split(',').map(Number);
const SLOW_FEED_MS = Number(args['slow-feed-ms']);
const SLOW_FEED_SIZES = args['slow-feed-n'].split(',').map(Number);
const NEXT_CAP_MS = 10_000;
const chosen = args.only ? contestants.filter((c) => args.only.split(',').includes(c.id)) : contestants;
const VIEWPORT = { width: 1280, height: 900 };
const started = performance.now();
const log = (...parts) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...parts);

// 1. The bundle ------------------------------------------------------------------------------------
if (args.build && !args['no-build']) {
  log('building: node scripts/build.mjs');
  execSync('node scripts/build.mjs', { cwd: root, stdio: 'inherit' });
}
if (!existsSync(join(root, 'dist/notwiththem-gallery.bundle.js')))
  throw new Error('dist/notwiththem-gallery.bundle.js is missing: run without --no-build');

// 2. The feeds: N testimonials, from bench/feed.mjs --------------------------------------------------
mkdirSync(join(workDir, 'feeds'), { recursive: true });
for (const n of SIZES) writeFileSync(join(workDir, 'feeds', `${n}.json`), JSON.stringify(makeFeed(n)));

// 3. The server --------------------------------------------------------------------------------------
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};
const template = readFileSync(join(benchDir, 'pages/template.html'), 'utf8');

/** The file a URL path serves, or null (nothing outside the allowed folders is reachable). */
function fileFor(pathname) {
  const inside = (base, rest) => {
    const file = normalize(join(base, rest));
    return file.startsWith(base + sep) && existsSync(file) && statSync(file).isFile() ? file : null;
  };
  if (pathname.startsWith('/dist/')) return inside(join(root, 'dist'), pathname.slice(6));
  if (pathname.startsWith('/bench/adapters/')) return inside(join(benchDir, 'adapters'), pathname.slice(16));
  if (pathname.startsWith('/nm/')) {
    const pkg = servedPackages.find((p) => pathname.startsWith(`/nm/${p}/`));
    return pkg ? inside(join(root, 'node_modules', pkg), pathname.slice(5 + pkg.length)) : null;
  }
  if (pathname.startsWith('/feeds/')) return inside(join(workDir, 'feeds'), pathname.slice(7));
  return null;
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const send = (status, body, type = 'text/plain') => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
    res.end(body);
  };
  const page = url.pathname.match(/^\/page\/([a-z]+)\.html$/);
  if (page) {
    const c = contestants.find((x) => x.id === page[1]);
    if (!c) return send(404, 'no such contestant');
    const n = Number(url.searchParams.get('n') ?? 7);
    const feed = `/feeds/${n}.json?delay=${Number(url.searchParams.get('delay') ?? 0)}`;
    const html = template
      .replace('{{LABEL}}', c.label)
      .replace('{{N}}', String(n))
      .replace('{{HEAD}}', c.head)
      .replace('{{GALLERY}}', c.body.replace('{{FEED}}', feed));
    return send(200, html, types['.html']);
  }
  const img = url.pathname.match(/^\/img\/(\d+)\.webp$/);
  if (img)
    return send(
      200,
      readFileSync(join(root, 'demo/photos', photos[Number(img[1]) % photos.length])),
      types['.webp'],
    );
  const file = fileFor(decodeURIComponent(url.pathname));
  if (!file) return send(404, 'not found');
  const body = readFileSync(file);
  const delay = Number(url.searchParams.get('delay') ?? 0);
  if (delay > 0) setTimeout(() => send(200, body, types[extname(file)] ?? 'application/octet-stream'), delay);
  else send(200, body, types[extname(file)] ?? 'application/octet-stream');
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;
log(`serving on ${base}`);
if (args.serve) {
  log(`pages: ${contestants.map((c) => `${base}/page/${c.id}.html?n=${SIZES[0]}`).join(' ')} (Ctrl+C stops)`);
  await new Promise(() => {});
}

// 4. Bytes: every JS and CSS file the page loaded from the contestant's own folders, minified with esbuild
//    when that makes it smaller (the Shoelace CDN build is not minified), then gzipped at level 9. -------
let esbuild = null;
try {
  esbuild = await import('esbuild');
} catch {
  log('esbuild not found: files are gzipped as served');
}
const byteCache = new Map();
async function minGzip(file) {
  if (byteCache.has(file)) return byteCache.get(file);
  const source = readFileSync(file, 'utf8');
  const loader = file.endsWith('.css') ? 'css' : 'js';
  let smallest = source;
  if (esbuild) {
    try {
      const { code } = await esbuild.transform(source, {
        loader,
        minify: true,
        format: loader === 'js' && /\b(import|export)\b/.test(source) ? 'esm' : undefined,
        target: 'es2022',
      });
      if (Buffer.byteLength(code) < Buffer.byteLength(source)) smallest = code;
    } catch {
      /* keep the served file */
    }
  }
  const result = {
    raw: statSync(file).size,
    min: Buffer.byteLength(smallest),
    gzip: gzipSync(smallest, { level: zlib.Z_BEST_COMPRESSION }).length,
  };
  byteCache.set(file, result);
  return result;
}
async function bytesOf(contestant, urls) {
  const totals = { js: 0, css: 0, jsRaw: 0, cssRaw: 0, files: 0, adapter: 0 };
  for (const href of new Set(urls)) {
    const { pathname } = new URL(href);
    const file = fileFor(pathname);
    if (!file) continue;
    const kind = /\.m?js$/.test(file) ? 'js' : file.endsWith('.css') ? 'css' : null;
    if (!kind) continue;
    const size = await minGzip(file);
    if (pathname.startsWith('/bench/adapters/')) totals.adapter += size.gzip;
    else if (contestant.own.some((prefix) => pathname.startsWith(prefix))) {
      totals[kind] += size.gzip;
      totals[`${kind}Raw`] += size.raw;
      totals.files++;
    }
  }
  return totals;
}

// 5. The browser -------------------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--enable-precise-memory-info',
    // Nothing but 127.0.0.1 resolves: a contestant that tried to reach the network would fail, not wait.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
});
const instrument = readFileSync(join(benchDir, 'instrument.js'), 'utf8');
const chromiumVersion = browser.version();

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise(
    (_, fail) => (timer = setTimeout(() => fail(new Error(`${what}: no answer in ${ms} ms`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One visit: load, settle, measure; with `full`, also the heap, the DOM and a `next`. */
async function visit(contestant, n, { delay = 0, full = true } = {}) {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    reducedMotion: 'no-preference',
  });
  await context.addInitScript({ content: instrument });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const urls = [];
  const errors = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
  try {
    await page.goto(`${base}/page/${contestant.id}.html?n=${n}&delay=${delay}`, {
      waitUntil: 'load',
      timeout: 90_000,
    });
    await withTimeout(
      page.evaluate(() => window.__bench.settled(500)),
      120_000,
      `${contestant.id} ${n}: first image`,
    );
    const load = await page.evaluate(() => window.__bench.collect());
    const outside = urls.filter(
      (u) => !u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    if (outside.length)
      throw new Error(`${contestant.id} requested outside 127.0.0.1: ${outside.slice(0, 3).join(', ')}`);
    const result = { ...load, errors };
    if (args.shots && delay === 0) {
      mkdirSync(join(workDir, 'shots'), { recursive: true });
      await page.screenshot({ path: join(workDir, 'shots', `${contestant.id}-${n}.png`) });
    }
    if (!full) return result;
    result.bytes = await bytesOf(contestant, urls);
    result.dom = await page.evaluate(() => window.__bench.countDom());
    await cdp.send('HeapProfiler.collectGarbage');
    result.heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    // next: a real mouse click in the middle of the contestant's next button.
    const box = await page.locator(contestant.next).first().boundingBox();
    if (!box) throw new Error(`${contestant.id}: no next button (${contestant.next})`);
    await page.evaluate(([index, cap]) => window.__bench.trackNext(index, 200, cap), [PER_VIEW, NEXT_CAP_MS]);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    result.next = await withTimeout(
      page.evaluate(() => window.__bench.nextResult),
      NEXT_CAP_MS + 20_000,
      `${contestant.id} ${n}: next`,
    );
    // Still moving (or not yet started) at the cap: counted as the cap, a lower bound shown with "≥".
    if (result.next.timeout) result.next.settle = NEXT_CAP_MS;
    return result;
  } finally {
    await context.close();
  }
}

// 6. The runs ----------------------------------------------------------------------------------------
log(
  `Chromium ${chromiumVersion}; contestants ${chosen.map((c) => c.id).join(', ')}; sizes ${SIZES.join(', ')}; ${RUNS} runs`,
);
for (const c of chosen) await visit(c, SIZES[0]); // warm-up, not recorded: the first visit pays for process start-up
log('warm-up done');

const samples = {}; // samples[n][id] = [visit results]
for (let run = 0; run < RUNS; run++) {
  for (const n of SIZES) {
    const order = chosen.map((_, i) => chosen[(i + run) % chosen.length]);
    for (const c of order) {
      const t = performance.now();
      const full = await visit(c, n).catch((e) => ({
        failed: String(e.message ?? e),
        errors: [String(e.message ?? e)],
        next: {},
        bytes: {},
        dom: {},
      }));
      const slow = SLOW_FEED_SIZES.includes(n)
        ? await visit(c, n, { delay: SLOW_FEED_MS, full: false }).catch((e) => ({
            failed: String(e.message ?? e),
          }))
        : {};
      if (slow.failed) full.errors.push(`slow feed: ${slow.failed}`);
      full.clsSlowFeed = slow.cls ?? null;
      full.firstImageSlowFeed = slow.firstImage ?? null;
      ((samples[n] ??= {})[c.id] ??= []).push(full);
      if (full.failed) {
        log(`run ${run + 1}/${RUNS} n=${n} ${c.id.padEnd(8)} FAILED: ${full.failed}`);
        continue;
      }
      log(
        `run ${run + 1}/${RUNS} n=${n} ${c.id.padEnd(8)} image ${full.firstImage.toFixed(0)} ms, tbt ${full.tbt.toFixed(0)} ms, ` +
          `${full.dom.elements} el, heap ${(full.heap / 1048576).toFixed(1)} MB, cls ${full.cls.toFixed(3)}/${slow.cls?.toFixed(3) ?? '-'}, ` +
          `next ${full.next.settle?.toFixed(0) ?? 'timeout'} ms${full.errors.length ? `, errors: ${full.errors[0]}` : ''} (${((performance.now() - t) / 1000).toFixed(1)} s)`,
      );
    }
  }
}
await browser.close();
server.close();
const durationMs = performance.now() - started;

// 7. Results -----------------------------------------------------------------------------------------
const metrics = [
  {
    key: 'jsBytes',
    label: 'JS (min+gzip)',
    unit: 'kB',
    get: (s) => s.bytes.js,
    fmt: (v) => (v / 1024).toFixed(1),
  },
  {
    key: 'cssBytes',
    label: 'CSS (min+gzip)',
    unit: 'kB',
    get: (s) => s.bytes.css,
    fmt: (v) => (v / 1024).toFixed(1),
  },
  {
    key: 'totalBytes',
    label: 'JS + CSS (min+gzip)',
    unit: 'kB',
    get: (s) => (s.bytes.js ?? NaN) + (s.bytes.css ?? NaN),
    fmt: (v) => (v / 1024).toFixed(1),
  },
  {
    key: 'firstImageMs',
    label: 'First image painted',
    unit: 'ms',
    get: (s) => s.firstImage,
    fmt: (v) => v.toFixed(0),
  },
  { key: 'tbtMs', label: 'Total blocking time', unit: 'ms', get: (s) => s.tbt, fmt: (v) => v.toFixed(0) },
  {
    key: 'domElements',
    label: 'DOM elements (shadow roots included)',
    unit: '',
    get: (s) => s.dom.elements,
    fmt: (v) => v.toFixed(0),
  },
  {
    key: 'heapBytes',
    label: 'JS heap after GC',
    unit: 'MB',
    get: (s) => s.heap,
    fmt: (v) => (v / 1048576).toFixed(1),
  },
  { key: 'cls', label: 'CLS', unit: '', get: (s) => s.cls, fmt: (v) => v.toFixed(3) },
  {
    key: 'clsSlowFeed',
    label: `CLS, feed ${SLOW_FEED_MS} ms late`,
    unit: '',
    get: (s) => s.clsSlowFeed,
    fmt: (v) => v.toFixed(3),
  },
  {
    key: 'nextSettleMs',
    label: '`next` settles',
    unit: 'ms',
    get: (s) => s.next.settle,
    fmt: (v) => v.toFixed(0),
  },
];
const extra = [
  { key: 'fcpMs', get: (s) => s.fcp },
  { key: 'lcpMs', get: (s) => s.lcp },
  { key: 'domNodes', get: (s) => s.dom.nodes },
  { key: 'shadowRoots', get: (s) => s.dom.shadowRoots },
  { key: 'adapterBytes', get: (s) => s.bytes.adapter },
  { key: 'files', get: (s) => s.bytes.files },
  { key: 'firstImageSlowFeedMs', get: (s) => s.firstImageSlowFeed },
  { key: 'nextOffsetPx', get: (s) => s.next.offset },
];
/** The commit the bundle was built from (BENCH_COMMIT when run from an export), `-dirty` if src/ had edits. */
function gitCommit() {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
    const dirty = execSync('git status --porcelain -- src', { cwd: root }).toString().trim();
    return dirty ? `${head} + uncommitted src/ edits` : head;
  } catch {
    return 'unknown';
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stats = (xs) => {
  const ok = xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return ok.length
    ? { median: median(ok), min: Math.min(...ok), max: Math.max(...ok), runs: xs }
    : { median: null, min: null, max: null, runs: xs };
};

const results = {};
for (const n of SIZES) {
  results[n] = {};
  for (const c of chosen) {
    const list = samples[n][c.id];
    const entry = {};
    for (const m of [...metrics, ...extra]) entry[m.key] = stats(list.map((s) => m.get(s)));
    entry.timeouts = list.filter((s) => s.next.timeout).length;
    entry.failures = list.filter((s) => s.failed).length;
    entry.errors = [...new Set(list.flatMap((s) => s.errors))];
    results[n][c.id] = entry;
  }
  // Ratio of each median to the best (lowest) peer median, ours included.
  for (const m of metrics) {
    const peerMedians = chosen
      .filter((c) => c.peer)
      .map((c) => results[n][c.id][m.key].median)
      .filter((v) => v !== null);
    const best = peerMedians.length ? Math.min(...peerMedians) : null;
    for (const c of chosen) {
      const figure = results[n][c.id][m.key];
      figure.bestPeer = best;
      figure.ratio =
        figure.median === null || best === null
          ? null
          : best === 0
            ? figure.median === 0
              ? 1
              : null
            : figure.median / best;
    }
  }
}

const meta = {
  date: new Date().toISOString(),
  durationMs: Math.round(durationMs),
  runs: RUNS,
  sizes: SIZES,
  machine: { cpu: cpus()[0]?.model ?? '?', cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30) },
  node: process.version,
  chromium: chromiumVersion,
  viewport: VIEWPORT,
  perView: PER_VIEW,
  slowFeedMs: SLOW_FEED_MS,
  slowFeedSizes: SLOW_FEED_SIZES,
  nextCapMs: NEXT_CAP_MS,
  versions: Object.fromEntries(
    [
      ['notwiththem-gallery', '.'],
      ['swiper', 'node_modules/swiper'],
      ['@splidejs/splide', 'node_modules/@splidejs/splide'],
      ['@shoelace-style/shoelace', 'node_modules/@shoelace-style/shoelace'],
    ].map(([name, dir]) => [name, JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).version]),
  ),
  contestants: chosen.map(({ id, label, peer }) => ({ id, label, peer })),
  commit: args.build && !args['no-build'] ? gitCommit() : 'dist/ as found (--no-build)',
  method: 'bench/README.md',
};
mkdirSync(args.out, { recursive: true });
writeFileSync(join(args.out, 'results.json'), JSON.stringify({ meta, results }, null, 2) + '\n');

const cell = (m, f, entry) => {
  if (f.median === null) return m.key === 'clsSlowFeed' ? 'not run' : 'n/a';
  const ratio = f.ratio !== null ? ` · ×${f.ratio.toFixed(2)}` : f.bestPeer === 0 ? ' · (best peer: 0)' : '';
  if (m.key === 'nextSettleMs' && entry.timeouts) {
    return `≥${m.fmt(f.median)} (${m.fmt(f.min)}–≥${m.fmt(f.max)}; ${entry.timeouts} of ${f.runs.length} still moving at ${NEXT_CAP_MS} ms)${ratio}`;
  }
  return `${m.fmt(f.median)} (${m.fmt(f.min)}–${m.fmt(f.max)})${ratio}`;
};
let md = `# Benchmark results\n\n`;
md += `One run of \`npm run bench\`, ${meta.date.slice(0, 16).replace('T', ' ')} UTC, ${(durationMs / 60000).toFixed(1)} minutes in all. `;
md += `${meta.machine.cpu}, ${meta.machine.cores} cores, Node ${meta.node}, Chromium ${meta.chromium} headless, viewport ${VIEWPORT.width}×${VIEWPORT.height}. `;
md += `Versions: ${Object.entries(meta.versions)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ')}; ours built from ${meta.commit}.\n\n`;
md += `Each cell: median (min–max) of ${RUNS} runs · ×ratio to the best peer's median (lower is better everywhere; the best peer is ×1.00; ours is compared with the best peer, not with itself). `;
md += `How each figure is measured: [README.md](README.md).\n`;
for (const n of SIZES) {
  md += `\n## ${n.toLocaleString('en-US')} testimonials\n\n`;
  md += `| figure | ${chosen.map((c) => (c.peer ? c.label : `**${c.label}** (us)`)).join(' | ')} |\n`;
  md += `|---|${chosen.map(() => '---').join('|')}|\n`;
  for (const m of metrics)
    md += `| ${m.label}${m.unit ? ` (${m.unit})` : ''} | ${chosen.map((c) => cell(m, results[n][c.id][m.key], results[n][c.id])).join(' | ')} |\n`;
  const notes = chosen.filter(
    (c) => results[n][c.id].timeouts || results[n][c.id].failures || results[n][c.id].errors.length,
  );
  for (const c of notes) {
    const r = results[n][c.id];
    md += `\n${c.label}: ${r.failures} failed visits, ${r.timeouts} \`next\` still moving at ${NEXT_CAP_MS} ms; page errors: ${r.errors.join('; ') || 'none'}`;
  }
  if (notes.length) md += '\n';
}
writeFileSync(join(args.out, 'RESULTS.md'), md);
log(
  `done in ${(durationMs / 1000).toFixed(0)} s: ${join(args.out, 'results.json')}, ${join(args.out, 'RESULTS.md')}`,
);
process.exit(0);
