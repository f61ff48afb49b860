#!/usr/bin/env node
// How long parseFeed takes on the benchmark's feeds: `node bench/parse-speed.mjs [--runs 15]
// [--n 7,1000,10000] [--ref <git revision>] [--browser]`.
//
// The feeds are the ones scripts/bench.mjs serves (same entries: id, image {src, alt, width, height},
// quote, name; relative image URLs resolved against the feed's URL). src/feed/parse.ts is bundled with
// esbuild from node_modules; `--ref HEAD~1` measures that revision's parse.ts instead of the working
// tree's, to compare before and after on the same machine.
//
// `--browser` runs the same in headless Chromium (/usr/bin/chromium, or CHROMIUM_PATH), whose URL parser
// and JIT are the page's: the figures that matter for the benchmark. Without it, Node.
//
// Each size runs in a fresh Node process (a fresh browser with --browser), so its first run is cold, as on a page that parses one feed
// once: that run is printed on its own, and the median and min–max cover all runs (the first included).
// Every run parses the JSON text again, timed apart as "JSON.parse" for comparison, and hands
// parseFeed a fresh object. Figures only: nothing here passes or fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    n: { type: 'string', default: '7,1000,10000' },
    ref: { type: 'string' },
    browser: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const BASE = 'http://127.0.0.1:8080/feeds/10000.json?delay=0';

// The feed of scripts/bench.mjs (makeFeed), with the demo photos' sizes written out.
const reasons = [
  'workers, not bosses, must decide',
  'we are not their backyard',
  'they represent the capitalist class',
  'public education is not for sale',
  'our wages are not their bargaining chip',
  'the debt was never ours and we will not pay it with our lives, our schools or our hospitals',
  'they sent the police against the teachers who marched for a raise',
  'no one voted for the hunger they planned in their offices',
  'the land belongs to those who work it',
  'we remember who signed the layoffs, and we will not forget at the next election or the one after',
  'science needs funding, not speeches',
  'they close factories and call it progress',
];
const people = ['Raúl', 'Noelia', 'Laura', 'Macarena', 'Nicolás', 'Myriam', 'Alejandro', 'Celeste', 'Luca', 'Romina', 'Christian', 'Patricia'];
const roles = ['student', 'teacher', 'nurse', 'ceramics worker', 'legislator', 'railway worker', 'researcher'];
const photoSizes = [[480, 360], [480, 640], [480, 360], [480, 360], [480, 360], [480, 360]];
function makeFeed(count) {
  const testimonials = Array.from({ length: count }, (_, i) => {
    const name = `${people[i % people.length]} ${String.fromCharCode(65 + ((i * 7) % 26))}.`;
    const quote = `#NotWithThem because ${reasons[(i * 5) % reasons.length]}`;
    const [width, height] = photoSizes[i % photoSizes.length];
    return {
      id: `t${i}`,
      image: { src: `/img/${i}.webp`, alt: `${name}, a ${roles[i % roles.length]}, holds a sign: ${quote}`, width, height },
      quote,
      name,
    };
  });
  return { title: 'Why we are #NotWithThem', hashtag: 'NotWithThem', testimonials };
}

/** parse.ts (of the working tree, or of `ref`) bundled: an ES module, or a script setting `window.nwtParse`. */
async function bundleParse(ref, format = 'esm') {
  const dir = join(root, 'src/feed');
  const contents = ref
    ? execFileSync('git', ['show', `${ref}:src/feed/parse.ts`], { cwd: root, encoding: 'utf8' })
    : readFileSync(join(dir, 'parse.ts'), 'utf8');
  const { outputFiles } = await build({
    stdin: { contents, resolveDir: dir, loader: 'ts', sourcefile: 'parse.ts' },
    bundle: true,
    format,
    globalName: 'nwtParse',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return outputFiles[0].text;
}

/** Runs `runs` times: JSON.parse of the feed's text, then parseFeed of the result. Runs in Node or in the page. */
function measure({ text, runs, base }) {
  const { parseFeed } = globalThis.nwtParse;
  const json = [];
  const parse = [];
  let count = 0;
  for (let run = 0; run < runs; run++) {
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
  // One size, in this fresh process.
  const code = await bundleParse(args.ref);
  globalThis.nwtParse = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const text = JSON.stringify(makeFeed(Number(args.child)));
  process.stdout.write(JSON.stringify({ bytes: Buffer.byteLength(text), ...measure({ text, runs: RUNS, base: BASE }) }));
} else {
  const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
  const show = (xs) => `${fmt(median(xs)).padStart(6)} ms (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}), first ${fmt(xs[0])}`;
  let engine = `Node ${process.version}`;
  let launch;
  let script;
  if (args.browser) {
    const { chromium } = await import('playwright-core');
    launch = () => chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    const browser = await launch();
    engine = `Chromium ${browser.version()}`;
    await browser.close();
    script = await bundleParse(args.ref, 'iife');
  }
  console.log(`parseFeed of ${args.ref ? `${args.ref}:src/feed/parse.ts` : 'src/feed/parse.ts'}, ${RUNS} runs per size, ${engine}`);
  console.log('median (min–max), first (cold) run');
  for (const n of args.n.split(',').map(Number)) {
    let result;
    if (launch) {
      // A browser of its own: no code compiled for another size is reused.
      const browser = await launch();
      const page = await browser.newPage();
      await page.addScriptTag({ content: script });
      const text = JSON.stringify(makeFeed(n));
      result = { bytes: Buffer.byteLength(text), ...(await page.evaluate(`(${measure})(${JSON.stringify({ text, runs: RUNS, base: BASE })})`)) };
      await browser.close();
    } else {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(n), '--runs', String(RUNS), ...(args.ref ? ['--ref', args.ref] : [])], {
        encoding: 'utf8',
      });
      if (child.status !== 0) throw new Error(child.stderr);
      result = JSON.parse(child.stdout);
    }
    const { bytes, json, parse, count } = result;
    if (count !== n) throw new Error(`${n} entries gave ${count} testimonials and warnings`);
    console.log(`${String(n).padStart(6)} entries, ${(bytes / 1e6).toFixed(2)} MB`);
    console.log(`  JSON.parse  ${show(json)}`);
    console.log(`  parseFeed   ${show(parse)}`);
  }
}
