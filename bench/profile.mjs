#!/usr/bin/env node
// `node bench/profile.mjs [--n 7|10000] [--page nwt|nwt-head] [--no-build]`
//
// One visit of our bench page (the builder's snippet, as `npm run bench` serves it), with a Chromium trace
// and V8's sampling profiler (0.1 ms), from navigation to the first photo painted. Prints:
// - the requests: when each left and ended, and how many times the feed was requested (1 with a
//   preload means the element's fetch took the preloaded response);
// - the main thread's tasks from the bundle's arrival to the first photo, the long ones (> 50 ms) marked,
//   each with what it did (script, style, layout, paint) by trace event;
// - the functions with the most self time in that span (the sampling profile).
// The trace is written to bench/.work/trace-<page>-<n>.json (open it in Chrome's Performance panel).
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');
const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '7' },
    page: { type: 'string', default: 'nwt' },
    'no-build': { type: 'boolean', default: false },
  },
});
if (!args['no-build']) execSync('node scripts/build.mjs', { cwd: root, stdio: 'inherit' });

// The bench's own server, pages and feeds: `npm run bench -- --serve` in a child process.
const server = spawn(process.execPath, [join(benchDir, 'run.mjs'), '--serve', '--no-build', '--n', args.n], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => {
    const found = String(chunk).match(/serving on (http:\/\/[\d.:]+)/);
    if (found) resolve(found[1]);
  });
  server.on('exit', (code) => reject(new Error(`bench server exited (${code})`)));
});

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
await context.addInitScript({ path: join(benchDir, 'instrument.js') });
const page = await context.newPage();
const warnings = [];
page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await browser.startTracing(page, {
  categories: [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'blink.user_timing',
    'loading',
    'v8.execute',
    'toplevel',
  ],
});
await cdp.send('Profiler.start');
await page.goto(`${base}/page/${args.page}.html?n=${args.n}&delay=0`, { waitUntil: 'load' });
await page.evaluate(() => window.__bench.firstImagePromise);
const { profile } = await cdp.send('Profiler.stop');
const figures = await page.evaluate(() => window.__bench.collect());
const trace = JSON.parse(String(await browser.stopTracing()));
await browser.close();
server.kill();

mkdirSync(join(benchDir, '.work'), { recursive: true });
const traceFile = join(benchDir, '.work', `trace-${args.page}-${args.n}.json`);
writeFileSync(traceFile, JSON.stringify(trace));

// The page's main thread, and navigation start (the 0 of performance.now()) on the trace clock.
const events = trace.traceEvents ?? trace;
const mainThread = events.find(
  (e) =>
    e.name === 'thread_name' &&
    e.args?.name === 'CrRendererMain' &&
    events.some((x) => x.pid === e.pid && x.name === 'navigationStart'),
);
const { pid, tid } = mainThread;
const navStart = events.find((e) => e.pid === pid && e.name === 'navigationStart').ts;
const ms = (ts) => (ts - navStart) / 1000;
/** A URL's path (and query), or the string as is (the instrument's init script has a file path). */
const pathOf = (url) => {
  try {
    const { pathname, search } = new URL(url, base);
    return pathname + search;
  } catch {
    return url;
  }
};

// Requests, from the trace's network events.
// The page's own requests only (the trace also holds the browser's internal pages).
const sends = events.filter((e) => e.name === 'ResourceSendRequest' && e.args.data.url.startsWith(base));
const finishes = new Map(
  events.filter((e) => e.name === 'ResourceFinish').map((e) => [e.args.data.requestId, e]),
);
console.log(
  `\n${args.page}, ${args.n} testimonials: FCP ${figures.fcp?.toFixed(0)} ms, LCP ${figures.lcp?.toFixed(0)} ms, first photo ${figures.firstImage?.toFixed(0)} ms, CLS ${figures.cls.toFixed(3)}\n`,
);
console.log('requests (ms from navigation start):');
for (const e of sends) {
  const { url, requestId, priority } = e.args.data;
  const end = finishes.get(requestId);
  const path = pathOf(url);
  console.log(
    `  ${ms(e.ts).toFixed(0).padStart(6)} → ${end ? ms(end.ts).toFixed(0).padStart(6) : '     ?'}  ${priority ?? ''} ${path}`,
  );
}
const feedSends = sends.filter((e) => /\/feeds\/\d+\.json/.test(e.args.data.url)).length;
const unused = warnings.filter((w) => /preload/i.test(w));
console.log(`  the feed was requested ${feedSends} time(s)${unused.length ? `; ${unused.join(' ')}` : ''}`);

// Main-thread tasks from the bundle's arrival to the first photo.
const bundle = sends.find((e) => /notwiththem-gallery\.bundle\.js/.test(e.args.data.url));
const from = bundle ? (finishes.get(bundle.args.data.requestId)?.ts ?? bundle.ts) : navStart;
const to = navStart + figures.firstImage * 1000;
const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined);
const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ts + e.dur >= from && e.ts <= to);
const kinds = {
  script: [
    'EvaluateScript',
    'FunctionCall',
    'v8.compile',
    'v8.compileModule',
    'EventDispatch',
    'TimerFire',
    'FireAnimationFrame',
    'RunMicrotasks',
    'V8.GC_SCAVENGER',
    'MinorGC',
    'MajorGC',
  ],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet'],
  layout: ['Layout'],
  paint: ['Paint', 'PrePaint', 'Layerize', 'Commit', 'UpdateLayer'],
  parse: ['ParseHTML'],
};
console.log(
  `\nmain thread, bundle arrived at ${ms(from).toFixed(0)} ms → first photo at ${ms(to).toFixed(0)} ms: tasks of 2 ms or more`,
);
let busy = 0;
for (const task of tasks) {
  busy += task.dur / 1000;
  if (task.dur < 2000) continue;
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
  const parts = [];
  for (const [kind, names] of Object.entries(kinds)) {
    // Top-level events of each kind only (nested ones are inside their parent's time).
    const own = inside.filter((e) => names.includes(e.name));
    const top = own.filter((e) => !own.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur));
    const total = top.reduce((sum, e) => sum + e.dur, 0) / 1000;
    if (total >= 0.5) parts.push(`${kind} ${total.toFixed(1)}`);
  }
  const first = inside.find((e) =>
    [
      'EvaluateScript',
      'FunctionCall',
      'TimerFire',
      'EventDispatch',
      'FireAnimationFrame',
      'ParseHTML',
    ].includes(e.name),
  );
  const what = first
    ? `${first.name}${first.args?.data?.url ? ` ${pathOf(first.args.data.url).split('/').pop()}` : ''}${first.args?.data?.functionName ? ` ${first.args.data.functionName}` : ''}${first.args?.data?.type ? ` ${first.args.data.type}` : ''}`
    : '';
  console.log(
    `  ${ms(task.ts).toFixed(0).padStart(6)} ms  ${(task.dur / 1000).toFixed(1).padStart(6)} ms${task.dur > 50_000 ? ' LONG' : '     '}  ${what}  [${parts.join(', ')}]`,
  );
}
console.log(
  `  main thread busy ${busy.toFixed(0)} ms of ${ms(to) - ms(from) > 0 ? (ms(to) - ms(from)).toFixed(0) : 0} ms`,
);

// The bundle's source map turns a minified position back into the source file, line and name.
const mapFile = join(root, 'dist/notwiththem-gallery.bundle.js.map');
const sourceMap = existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : null;
const original = (file, line, column) => {
  if (!sourceMap || file !== 'notwiththem-gallery.bundle.js') return '';
  const entry = sourceMap.findEntry(line, column);
  if (!entry?.originalSource) return '';
  const source = entry.originalSource.replace(/^.*?(src|node_modules)\//, '$1/');
  return ` = ${entry.name ?? '?'} ${source}:${entry.originalLine + 1}`;
};

// Self time by function in a span, from the sampling profile (its clock is the trace's).
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const selfTime = (start, end) => {
  const self = new Map();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    if (t < start || t > end) return;
    const { callFrame } = nodes.get(id);
    const file = callFrame.url ? pathOf(callFrame.url).split('?')[0].split('/').pop() : '';
    const key = `${callFrame.functionName || '(anonymous)'} ${file}${file ? `:${callFrame.lineNumber + 1}:${callFrame.columnNumber + 1}` : ''}${original(file, callFrame.lineNumber, callFrame.columnNumber)}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 100) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]);
};
console.log(
  '\nself time by function in that span (sampled every 0.1 ms; after =, the source name and line from the bundle map):',
);
for (const [key, time] of selfTime(from, to).slice(0, 20))
  console.log(`  ${time.toFixed(1).padStart(7)} ms  ${key}`);
// Each long task on its own: what a split must take apart. (Layout forced by a script counts as that
// function's self time; time in the browser's own code, a blob's read say, as "(program)".)
for (const task of tasks.filter((task) => task.dur > 50_000)) {
  console.log(`\nlong task at ${ms(task.ts).toFixed(0)} ms (${(task.dur / 1000).toFixed(1)} ms), self time:`);
  for (const [key, time] of selfTime(task.ts, task.ts + task.dur).slice(0, 10))
    console.log(`  ${time.toFixed(1).padStart(7)} ms  ${key}`);
}
console.log(`\ntrace: ${traceFile}`);
