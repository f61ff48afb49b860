#!/usr/bin/env node
// `npm run bench [-- --runs 5 --n 7,10000 --only nwt,swiper --no-build]`
//
// What the host page's reader waits for. Builds the bundle, serves one article page per contestant on
// 127.0.0.1 (node:http, every file local: the page, the feed, the photos, each library from node_modules),
// each embedding its gallery as its own docs say (ours: the embed builder's snippet, which the README
// shows), plus two references in the same run: the article without any gallery, and the article with the
// first photo as a static <img>. Headless Chromium visits every page once per run and size, in an order
// that rotates from run to run; the host page's FCP, LCP, first photo painted and CLS, with each run's
// ratios to the references of the same run, go to bench/results.json and bench/RESULTS.md.
// Method: bench/README.md.
import { execSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, constants as zlib } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { launchChromium } from '../scripts/launch-chromium.mjs';
import { contestants as allContestants, servedPackages, withOurSnippet } from './contestants.mjs';
import { makeFeed, photos } from './feed.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(benchDir, '..');
const workDir = join(benchDir, '.work');

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    n: { type: 'string', default: '7,10000' },
    only: { type: 'string' },
    build: { type: 'boolean', default: true },
    'no-build': { type: 'boolean', default: false },
    'slow-feed-ms': { type: 'string', default: '1000' },
    // The slow-feed visit checks that the box is kept while the feed is late, which does not depend on
    // the feed's size; at 10,000 it would only cost time.
    'slow-feed-n': { type: 'string', default: '7' },
    out: { type: 'string', default: benchDir },
    shots: { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
    // `--throttle <latency ms>,<kbit/s>`: DevTools network throttling on every visit. On 127.0.0.1 a
    // 2.9 MB feed arrives at once, so the order of requests (the feed's preload, the poster, the bundle)
    // never shows; throttled, the requests share a link as a reader's do.
    throttle: { type: 'string' },
  },
  allowPositionals: true,
});
const RUNS = Math.max(1, Number(args.runs));
const SIZES = args.n.split(',').map(Number);
const SLOW_FEED_MS = Number(args['slow-feed-ms']);
const SLOW_FEED_SIZES = args['slow-feed-n'].split(',').filter(Boolean).map(Number);
const VIEWPORT = { width: 1280, height: 900 };
const THROTTLE = args.throttle ? parseThrottle(args.throttle) : null;

/** `40,10000` → DevTools' network conditions: 40 ms of latency, 10,000 kbit/s down, a quarter of it up. */
function parseThrottle(text) {
  const [latency, kbps] = text.split(',').map(Number);
  if (!(latency >= 0) || !(kbps > 0)) throw new Error(`--throttle ${text}: expected <latency ms>,<kbit/s>`);
  const bytesPerSecond = (kbps * 1000) / 8;
  return { latency, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond / 4 };
}
const started = performance.now();
const log = (...parts) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...parts);

// 1. The bundle and the snippet ----------------------------------------------------------------------
if (args.build && !args['no-build']) {
  log('building: node scripts/build.mjs');
  execSync('node scripts/build.mjs', { cwd: root, stdio: 'inherit' });
}
for (const file of ['dist/notwiththem-gallery.bundle.js', 'dist/esm/embed/snippets.js'])
  if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run without --no-build`);
const snippets = await import(pathToFileURL(join(root, 'dist/esm/embed/snippets.js')).href);
const contestants = withOurSnippet(allContestants, snippets);
// The references always run: every ratio is to them, in the same run.
const wanted = args.only?.split(',');
const chosen = contestants.filter((c) =>
  wanted ? c.reference || wanted.includes(c.id) : c.reference || !c.optional,
);
const galleries = chosen.filter((c) => !c.reference);

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
  // A bundle built from another revision, to compare against in the same run (`nwt-before`).
  if (pathname.startsWith('/before/')) return inside(join(workDir, 'before'), pathname.slice(8));
  if (pathname.startsWith('/bench/adapters/')) return inside(join(benchDir, 'adapters'), pathname.slice(16));
  if (pathname.startsWith('/nm/')) {
    const pkg = servedPackages.find((p) => pathname.startsWith(`/nm/${p}/`));
    return pkg ? inside(join(root, 'node_modules', pkg), pathname.slice(5 + pkg.length)) : null;
  }
  if (pathname.startsWith('/feeds/')) return inside(join(workDir, 'feeds'), pathname.slice(7));
  return null;
}

/** The page of contestant `c`, its feed `n` testimonials long and `delay` ms late. */
function pageOf(c, n, delay) {
  const feed = `/feeds/${n}.json?delay=${delay}`;
  return template
    .replace('{{LABEL}}', c.label)
    .replace('{{N}}', String(n))
    .replace('{{HEAD}}', c.head)
    .replace('{{GALLERY}}', c.body.replaceAll('{{FEED}}', feed));
}

/** Gzip once per distinct body: the server shares the machine with the browser it measures. */
const gzipCache = new Map();
function gzipped(body) {
  const key = typeof body === 'string' ? body : body.toString('latin1');
  if (!gzipCache.has(key)) gzipCache.set(key, gzipSync(body));
  return gzipCache.get(key);
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const send = (status, body, type = 'text/plain') => {
    const headers = { 'content-type': type, 'cache-control': 'no-cache' };
    // Throttled, text goes gzipped as a static host sends it: the link's bytes are then the reader's.
    if (THROTTLE && /text|javascript|json/.test(type) && /gzip/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipped(body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(status, headers);
    res.end(body);
  };
  const page = url.pathname.match(/^\/page\/([a-z-]+)\.html$/);
  if (page) {
    const c = contestants.find((x) => x.id === page[1]);
    if (!c) return send(404, 'no such contestant');
    const n = Number(url.searchParams.get('n') ?? 7);
    return send(200, pageOf(c, n, Number(url.searchParams.get('delay') ?? 0)), types['.html']);
  }
  // A photo or a file, `?delay=<ms>` late when asked (the slow feed, the late photo of `static-late`).
  const img = url.pathname.match(/^\/img\/(\d+)\.webp$/);
  const file = img
    ? join(root, 'demo/photos', photos[Number(img[1]) % photos.length])
    : fileFor(decodeURIComponent(url.pathname));
  if (!file) return send(404, 'not found');
  const body = readFileSync(file);
  const type = types[extname(file)] ?? 'application/octet-stream';
  const delay = Number(url.searchParams.get('delay') ?? 0);
  if (delay > 0) setTimeout(() => send(200, body, type), delay);
  else send(200, body, type);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;
log(`serving on ${base}`);
if (args.serve) {
  log(`pages: ${chosen.map((c) => `${base}/page/${c.id}.html?n=${SIZES[0]}`).join(' ')} (Ctrl+C stops)`);
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
    gzip: gzipSync(smallest, { level: zlib.Z_BEST_COMPRESSION }).length,
  };
  byteCache.set(file, result);
  return result;
}
async function bytesOf(contestant, urls) {
  let total = 0;
  for (const href of new Set(urls)) {
    const { pathname } = new URL(href);
    const file = fileFor(pathname);
    if (!file || !/\.(m?js|css)$/.test(file)) continue;
    if (contestant.own.some((prefix) => pathname.startsWith(prefix))) total += (await minGzip(file)).gzip;
  }
  return total;
}

// 5. The browser -------------------------------------------------------------------------------------
// Nothing but 127.0.0.1 resolves: a contestant that tried to reach the network would fail, not wait.
const browser = await launchChromium(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
const instrument = readFileSync(join(benchDir, 'instrument.js'), 'utf8');
const chromiumVersion = browser.version();

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise(
    (_, fail) => (timer = setTimeout(() => fail(new Error(`${what}: no answer in ${ms} ms`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One visit in a fresh context (cold cache): load, settle, collect the figures and the URLs requested. */
async function visit(contestant, n, { delay = 0 } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript({ content: instrument });
  const page = await context.newPage();
  if (THROTTLE) {
    const devtools = await context.newCDPSession(page);
    await devtools.send('Network.enable');
    await devtools.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
  }
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
      `${contestant.id} ${n}: first photo`,
    );
    const figures = await page.evaluate(() => window.__bench.collect());
    const outside = urls.filter((u) => !u.startsWith(base) && !/^(data|blob):/.test(u));
    if (outside.length)
      throw new Error(`${contestant.id} requested outside 127.0.0.1: ${outside.slice(0, 3).join(', ')}`);
    // The feed requested twice means a preload that was not reused.
    figures.feedRequests = urls.filter((u) => /\/feeds\/\d+\.json/.test(u)).length;
    if (args.shots && delay === 0) {
      mkdirSync(join(workDir, 'shots'), { recursive: true });
      await page.screenshot({ path: join(workDir, 'shots', `${contestant.id}-${n}.png`) });
    }
    return { ...figures, urls, errors };
  } finally {
    await context.close();
  }
}

// 6. The runs ----------------------------------------------------------------------------------------
log(
  `Chromium ${chromiumVersion}; pages ${chosen.map((c) => c.id).join(', ')}; sizes ${SIZES.join(', ')}; ${RUNS} runs`,
);
for (const c of chosen) await visit(c, SIZES[0]); // warm-up, not recorded: the first visit pays for process start-up
log('warm-up done');

const samples = {}; // samples[n][id] = [visit results, one a run]
const bytes = {};
const fmt = (v) => (typeof v === 'number' ? v.toFixed(0) : '-');
for (let run = 0; run < RUNS; run++) {
  for (const n of SIZES) {
    const order = chosen.map((_, i) => chosen[(i + run) % chosen.length]);
    for (const c of order) {
      const t = performance.now();
      const result = await visit(c, n).catch((e) => ({ failed: String(e.message ?? e), errors: [] }));
      if (!c.reference && SLOW_FEED_SIZES.includes(n)) {
        const slow = await visit(c, n, { delay: SLOW_FEED_MS }).catch((e) => ({
          failed: String(e.message ?? e),
        }));
        if (slow.failed) result.errors.push(`slow feed: ${slow.failed}`);
        result.clsSlowFeed = slow.cls ?? null;
      }
      if (!result.failed && !(c.id in bytes)) bytes[c.id] = await bytesOf(c, result.urls);
      delete result.urls;
      ((samples[n] ??= {})[c.id] ??= []).push(result);
      if (result.failed) {
        log(`run ${run + 1}/${RUNS} n=${n} ${c.id.padEnd(8)} FAILED: ${result.failed}`);
        continue;
      }
      log(
        `run ${run + 1}/${RUNS} n=${n} ${c.id.padEnd(8)} fcp ${fmt(result.fcp)}, lcp ${fmt(result.lcp)}` +
          `${result.lcpIsPhoto === false ? ` (${result.lcpWhat})` : ''}, photo ${fmt(result.firstImage)} ms, ` +
          `cls ${result.cls.toFixed(3)}/${result.clsSlowFeed?.toFixed(3) ?? '-'}, feed leaves ${fmt(result.feed?.start)} ms ` +
          `(${result.feedRequests}×), longest task ${fmt(result.longestTaskBeforePhoto)} ms` +
          `${result.errors.length ? `, errors: ${result.errors[0]}` : ''} (${((performance.now() - t) / 1000).toFixed(1)} s)`,
      );
    }
  }
}
await browser.close();
server.close();
const durationMs = performance.now() - started;

// 7. Results -----------------------------------------------------------------------------------------
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
/** Each run's figure divided by the reference's figure of the same run and size. */
const paired = (list, refList, get, refGet = get) =>
  list.map((s, run) => {
    const a = get(s);
    const b = refList?.[run] ? refGet(refList[run]) : null;
    return typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : null;
  });

const figures = [
  { key: 'fcp', label: 'FCP (ms)', get: (s) => s.fcp, fmt: (v) => v.toFixed(0) },
  {
    key: 'fcpRatio',
    label: 'FCP ÷ no gallery',
    ratio: ['fcp', 'none', (s) => s.fcp],
    fmt: (v) => `×${v.toFixed(2)}`,
  },
  { key: 'lcp', label: 'LCP (ms)', get: (s) => s.lcp, fmt: (v) => v.toFixed(0) },
  {
    key: 'lcpRatio',
    label: 'LCP ÷ static photo',
    ratio: ['lcp', 'static', (s) => s.lcp],
    fmt: (v) => `×${v.toFixed(2)}`,
  },
  {
    key: 'firstImage',
    label: 'first photo painted (ms)',
    get: (s) => s.firstImage,
    fmt: (v) => v.toFixed(0),
  },
  {
    key: 'firstImageRatio',
    label: 'first photo ÷ static photo',
    ratio: ['firstImage', 'static', (s) => s.firstImage],
    fmt: (v) => `×${v.toFixed(2)}`,
  },
  { key: 'cls', label: 'CLS', get: (s) => s.cls, fmt: (v) => v.toFixed(3) },
  {
    key: 'clsSlowFeed',
    label: `CLS, feed ${SLOW_FEED_MS} ms late`,
    get: (s) => s.clsSlowFeed,
    fmt: (v) => v.toFixed(3),
  },
  {
    key: 'longestTask',
    label: 'longest task before the photo (ms)',
    get: (s) => s.longestTaskBeforePhoto,
    fmt: (v) => v.toFixed(0),
  },
  { key: 'tbt', label: 'TBT (ms)', get: (s) => s.tbt, fmt: (v) => v.toFixed(0) },
  {
    key: 'feedStart',
    label: 'feed request leaves (ms)',
    get: (s) => s.feed?.start,
    fmt: (v) => v.toFixed(0),
  },
  {
    key: 'photoStart',
    label: 'photo request leaves (ms)',
    get: (s) => s.photo?.start,
    fmt: (v) => v.toFixed(0),
  },
];

const results = {};
for (const n of SIZES) {
  results[n] = {};
  for (const c of chosen) {
    const list = samples[n][c.id];
    const entry = {};
    for (const f of figures) {
      if (f.ratio) {
        const [, refId, get] = f.ratio;
        // A reference has no ratio to itself, and the page without a gallery has no photo to compare.
        entry[f.key] = c.reference ? stats([]) : stats(paired(list, samples[n][refId], get));
      } else entry[f.key] = stats(list.map((s) => (s.failed ? null : f.get(s))));
    }
    entry.lcpNotPhoto = [...new Set(list.filter((s) => s.lcpIsPhoto === false).map((s) => s.lcpWhat))];
    entry.feedRequests = [...new Set(list.map((s) => s.feedRequests).filter((x) => x !== undefined))];
    entry.bytes = bytes[c.id] ?? null;
    entry.failures = list.filter((s) => s.failed).map((s) => s.failed);
    entry.errors = [...new Set(list.flatMap((s) => s.errors ?? []))];
    results[n][c.id] = entry;
  }
}

/** The commit the bundle was built from (BENCH_COMMIT when run from an export), marked if src/ had edits. */
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
const meta = {
  date: new Date().toISOString(),
  durationMs: Math.round(durationMs),
  runs: RUNS,
  sizes: SIZES,
  machine: { cpu: cpus()[0]?.model ?? '?', cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30) },
  node: process.version,
  chromium: chromiumVersion,
  viewport: VIEWPORT,
  throttle: THROTTLE,
  slowFeedMs: SLOW_FEED_MS,
  slowFeedSizes: SLOW_FEED_SIZES,
  versions: Object.fromEntries(
    [
      ['notwiththem-gallery', '.'],
      ['swiper', 'node_modules/swiper'],
      ['@splidejs/splide', 'node_modules/@splidejs/splide'],
      ['@shoelace-style/shoelace', 'node_modules/@shoelace-style/shoelace'],
    ].map(([name, dir]) => [name, JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).version]),
  ),
  pages: chosen.map(({ id, label, reference, head, body }) => ({
    id,
    label,
    reference: !!reference,
    head,
    body,
  })),
  commit: args.build && !args['no-build'] ? gitCommit() : `${gitCommit()} (dist/ as found, --no-build)`,
  method: 'bench/README.md',
};
mkdirSync(args.out, { recursive: true });
writeFileSync(join(args.out, 'results.json'), JSON.stringify({ meta, results }, null, 2) + '\n');

const cell = (f, s) => {
  if (s.median === null) return '';
  return s.min === s.max ? f.fmt(s.median) : `${f.fmt(s.median)} (${f.fmt(s.min)}–${f.fmt(s.max)})`;
};
const ours = galleries.find((c) => c.peer === false);
let md = `# Benchmark results\n\n`;
md += `One run of \`npm run bench\`, ${meta.date.slice(0, 16).replace('T', ' ')} UTC, ${(durationMs / 60000).toFixed(1)} minutes in all, `;
md += `on a machine with ${meta.machine.cores} cores (${meta.machine.cpu}) shared with other work, so the milliseconds are noisy: `;
md += `read the ratios, which compare each visit with the references visited in the same run. `;
md += `Node ${meta.node}, Chromium ${meta.chromium} headless, viewport ${VIEWPORT.width}×${VIEWPORT.height}`;
md += THROTTLE
  ? `, network throttled to ${THROTTLE.latency} ms latency and ${(THROTTLE.downloadThroughput * 8) / 1000} kbit/s down. `
  : '. ';
md += `Versions: ${Object.entries(meta.versions)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ')}; ours built from ${meta.commit}.\n\n`;
md += `Each cell: median (min–max) of ${RUNS} runs. A ratio is computed run by run (a visit ÷ the reference's visit of the same run), `;
md += `then its median and range are given. Lower is better everywhere. How each figure is measured: [README.md](README.md).\n\n`;
if (ours)
  md += `Ours is embedded with the snippet the embed builder hands out (the README's):\n\n\`\`\`html\n${ours.body.replace(/ data-bench-gallery data-bench-scope="shadow"/, '').replaceAll('{{FEED}}', '/feeds/N.json')}\n\`\`\`\n`;
for (const n of SIZES) {
  md += `\n## ${n.toLocaleString('en-US')} testimonials\n\n`;
  md += `| page | ${figures.map((f) => f.label).join(' | ')} | JS + CSS (kB, min+gzip) |\n`;
  md += `|---|${figures.map(() => '---').join('|')}|---|\n`;
  for (const c of chosen) {
    const r = results[n][c.id];
    const label = c.label.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const name = c.reference ? `*${label}*` : c.peer ? label : `**${label}** (us)`;
    const row = figures.map((f) => cell(f, r[f.key]));
    md += `| ${name} | ${row.join(' | ')} | ${c.reference ? '' : ((r.bytes ?? NaN) / 1024).toFixed(1)} |\n`;
  }
  const notes = [];
  for (const c of chosen) {
    const r = results[n][c.id];
    if (!c.reference && r.lcpNotPhoto.length)
      notes.push(`${c.label}: in some runs the largest paint was not a photo (${r.lcpNotPhoto.join(', ')}).`);
    if (r.feedRequests.some((k) => k > 1))
      notes.push(`${c.label}: the feed was requested ${r.feedRequests.join(' or ')} times.`);
    if (r.failures.length) notes.push(`${c.label}: ${r.failures.length} failed visits (${r.failures[0]}).`);
    if (r.errors.length) notes.push(`${c.label}: page errors: ${r.errors.join('; ')}.`);
  }
  if (notes.length) md += `\n${notes.join('\n')}\n`;
}
writeFileSync(join(args.out, 'RESULTS.md'), md);
log(
  `done in ${(durationMs / 1000).toFixed(0)} s: ${join(args.out, 'results.json')}, ${join(args.out, 'RESULTS.md')}`,
);
process.exit(0);
