#!/usr/bin/env node
// How long parseFeed takes on the benchmark's feeds:
//   node bench/parse-speed.mjs [--browser] [--runs 15] [--repeat 10] [--n 7,1000,10000] [--ref <rev>]…
//
// The feeds are the ones bench/run.mjs serves (same entries: id, image {src, alt, width, height},
// quote, name; relative image URLs resolved against the feed's URL). src/feed/parse.ts is bundled with
// esbuild from node_modules. `--ref <git revision>` measures that revision's parse.ts instead, and `--ref`
// given several times (`.` is the working tree) measures each in turn, interleaved run by run, so that
// before and after see the same machine: `--ref HEAD~3 --ref .`.
//
// A page parses one feed once, with code that has not run yet: that cold run is what the benchmark's first
// image waits for. So each run is a fresh runtime (a Node process, or with --browser a fresh headless
// Chromium: /usr/bin/chromium, or CHROMIUM_PATH, whose URL parser and JIT are the page's) that parses the
// feed `repeat` times: "cold" is its first parse, "warm" the median of the others. Printed: the median and
// min–max over the runs, for JSON.parse of the feed's text (for comparison) and for parseFeed of the
// result. Figures only: nothing here passes or fails, and on a busy machine they vary by a third.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { makeFeed } from './feed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    browser: { type: 'boolean', default: false },
    runs: { type: 'string', default: '15' },
    repeat: { type: 'string', default: '10' },
    n: { type: 'string', default: '7,1000,10000' },
    ref: { type: 'string', multiple: true, default: ['.'] },
    // Internal: one run in this process, of this size, with the bundle at this path.
    child: { type: 'string' },
    bundle: { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const REPEAT = Math.max(2, Number(args.repeat));
const BASE = 'http://127.0.0.1:8080/feeds/10000.json?delay=0';

/** parse.ts of `ref` ('.': the working tree) bundled as a script that sets `nwtParse` (a global in a page). */
async function bundleParse(ref) {
  const dir = join(root, 'src/feed');
  const contents =
    ref === '.'
      ? readFileSync(join(dir, 'parse.ts'), 'utf8')
      : execFileSync('git', ['show', `${ref}:src/feed/parse.ts`], { cwd: root, encoding: 'utf8' });
  const { outputFiles } = await build({
    stdin: { contents, resolveDir: dir, loader: 'ts', sourcefile: 'parse.ts' },
    bundle: true,
    format: 'iife',
    globalName: 'nwtParse',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return outputFiles[0].text;
}

/** One run: `repeat` times JSON.parse of the feed's text, then parseFeed of the result. In Node or in the page. */
function measure({ text, repeat, base }) {
  const { parseFeed } = globalThis.nwtParse;
  const json = [];
  const parse = [];
  let count = 0;
  for (let i = 0; i < repeat; i++) {
    let t = performance.now();
    const data = JSON.parse(text);
    json.push(performance.now() - t);
    t = performance.now();
    const feed = parseFeed(data, { baseUrl: base });
    parse.push(performance.now() - t);
    count = feed.testimonials.length + feed.warnings.length;
  }
  return { json, parse, count };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

if (args.child) {
  // One run, in this fresh process.
  new Function(`${readFileSync(args.bundle, 'utf8')}; globalThis.nwtParse = nwtParse;`)();
  const text = JSON.stringify(makeFeed(Number(args.child)));
  process.stdout.write(JSON.stringify(measure({ text, repeat: REPEAT, base: BASE })));
} else {
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const tmp = mkdtempSync(join(tmpdir(), 'parse-speed-'));
  const refs = args.ref.map((ref, i) => ({
    ref,
    name: ref === '.' ? 'working tree' : ref,
    bundle: join(tmp, `parse-${i}.js`),
  }));
  for (const r of refs) writeFileSync(r.bundle, await bundleParse(r.ref));

  let engine = `Node ${process.version}`;
  let launch;
  if (args.browser) {
    const { chromium } = await import('playwright-core');
    launch = () =>
      chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu'],
      });
    const browser = await launch();
    engine = `Chromium ${browser.version()}`;
    await browser.close();
  }
  /** One run of `r` at size `n`, in a fresh runtime: no code compiled for another run is reused. */
  async function run(r, n) {
    if (!launch) {
      const child = spawnSync(
        process.execPath,
        [
          fileURLToPath(import.meta.url),
          '--child',
          String(n),
          '--repeat',
          String(REPEAT),
          '--bundle',
          r.bundle,
        ],
        {
          encoding: 'utf8',
        },
      );
      if (child.status !== 0) throw new Error(child.stderr);
      return JSON.parse(child.stdout);
    }
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.addScriptTag({ content: readFileSync(r.bundle, 'utf8') });
      const text = JSON.stringify(makeFeed(n));
      return await page.evaluate(`(${measure})(${JSON.stringify({ text, repeat: REPEAT, base: BASE })})`);
    } finally {
      await browser.close();
    }
  }

  const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
  const show = (xs) =>
    `${fmt(median(xs)).padStart(6)} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`.padEnd(22);
  console.log(
    `parseFeed, ${engine}: ${RUNS} runs of ${REPEAT} parses each, in ms, median (min–max) over the runs.`,
  );
  console.log(`cold: a run's first parse; warm: the median of its other ${REPEAT - 1}.`);
  for (const n of args.n.split(',').map(Number)) {
    const results = refs.map(() => []);
    for (let i = 0; i < RUNS; i++) {
      for (const [j, r] of refs.entries()) {
        const result = await run(r, n);
        if (result.count !== n)
          throw new Error(`${r.name}: ${n} entries gave ${result.count} testimonials and warnings`);
        results[j].push(result);
      }
    }
    console.log(
      `\n${n} entries, ${(Buffer.byteLength(JSON.stringify(makeFeed(n))) / 1e6).toFixed(2)} MB of JSON`,
    );
    console.log(`${''.padEnd(28)}${'cold'.padEnd(22)}warm`);
    const row = (label, xs) =>
      console.log(
        `${label.padEnd(28)}${show(xs.map((x) => x[0]))}${show(xs.map((x) => median(x.slice(1))))}`,
      );
    row(
      'JSON.parse',
      results[0].map((x) => x.json),
    );
    for (const [j, r] of refs.entries())
      row(
        `parseFeed (${r.name})`,
        results[j].map((x) => x.parse),
      );
  }
  rmSync(tmp, { recursive: true, force: true });
}
