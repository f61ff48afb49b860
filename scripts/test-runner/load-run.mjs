#!/usr/bin/env node
// Runs browser suites N times per engine while another process keeps the CPU busy, and prints how many
// runs of each suite passed per engine: a test that waits for a fixed time, or races the element, shows up here.
//
//   node scripts/test-runner/load-run.mjs tests/gallery-carousel.test.ts            # 20 runs in each of the three engines
//   node scripts/test-runner/load-run.mjs tests/gallery-carousel.test.ts tests/share-area.test.ts --runs 5 --engines chromium,webkit --cpu 2
//   node scripts/test-runner/load-run.mjs --all --runs 3                            # every browser suite
//
// The load is `stress-ng --cpu <n>` (Debian's stress-ng; installed with apt-get when missing and run as
// root), started before the first run and stopped after the last, also on Ctrl-C. Each run is one
// `node scripts/test-runner/wtr-run.mjs --files <suite>…` for one engine with every suite given (under
// `xvfb-run -a` for WebKit), as `npm test` runs it, so the suites share the load with each other as in a
// full run. A suite passes a run when none of its tests failed and the file itself did not fail (read from
// the run's summary, .cache/wtr-summary.json). Build the bundle first (`node scripts/build.mjs`) for
// suites that load it. The closing table has one row per suite and engine: runs, passes, failures, and
// the failing tests with how often each failed.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '20' },
    engines: { type: 'string', default: 'chromium,firefox,webkit' },
    cpu: { type: 'string', default: '2' },
    all: { type: 'boolean', default: false },
  },
});
const suites = values.all
  ? readdirSync(path.join(root, 'tests'))
      .filter((name) => name.endsWith('.test.ts'))
      .sort()
      .map((name) => `tests/${name}`)
  : positionals.map((suite) => path.relative(root, path.resolve(suite)));
const runs = Number(values.runs);
const engines = values.engines.split(',').filter(Boolean);
if (
  suites.length === 0 ||
  !(runs >= 1) ||
  engines.some((engine) => !['chromium', 'firefox', 'webkit'].includes(engine))
) {
  console.error(
    'usage: node scripts/test-runner/load-run.mjs <test file>… | --all [--runs N] [--engines chromium,firefox,webkit] [--cpu N]',
  );
  process.exit(2);
}

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
if (!has('stress-ng')) {
  if (process.getuid?.() !== 0) {
    console.error('stress-ng is missing: run `apt-get update && apt-get install -y stress-ng` as root');
    process.exit(2);
  }
  spawnSync('apt-get', ['install', '-y', 'stress-ng'], { stdio: 'inherit' });
}

const load = spawn('stress-ng', ['--cpu', values.cpu, '--quiet'], { stdio: 'ignore', detached: true });
const stopLoad = () => {
  try {
    process.kill(-load.pid, 'SIGTERM'); // its workers too: they share its process group
  } catch {
    // Already gone.
  }
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopLoad();
    process.exit(130);
  });
}

const summaryFile = path.join(root, '.cache/wtr-summary.json');

/** One run of the suites in one engine: its closing counts and its failures (file, test). */
function runOnce(engine) {
  return new Promise((resolve) => {
    rmSync(summaryFile, { force: true });
    const args = ['scripts/test-runner/wtr-run.mjs', '--files', ...suites];
    const [command, argv] = engine === 'webkit' ? ['xvfb-run', ['-a', 'node', ...args]] : ['node', args];
    const child = spawn(command, argv, {
      cwd: root,
      env: { ...process.env, NWT_BROWSERS: engine },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => {
      const counts = [...output.matchAll(/^(\d+) passed, (\d+) failed, (\d+) skipped$/gm)].at(-1);
      let failures = [];
      try {
        failures = JSON.parse(readFileSync(summaryFile, 'utf8')).failures;
      } catch {
        // No summary: the runner died before it reported; every suite counts as failed below.
      }
      const ranWhole = status === 0 || failures.length > 0;
      resolve({
        counts: counts?.[0] ?? 'no summary line',
        failures: ranWhole ? failures : suites.map((file) => ({ file, test: '(the run itself)' })),
      });
    });
  });
}

/** @type {Map<string, { runs: number, passed: number, failures: Map<string, number> }>} per `engine suite` */
const tally = new Map();
const started = Date.now();
try {
  for (const engine of engines) {
    for (const suite of suites) tally.set(`${engine} ${suite}`, { runs: 0, passed: 0, failures: new Map() });
    for (let run = 1; run <= runs; run++) {
      const result = await runOnce(engine);
      for (const suite of suites) {
        const row = tally.get(`${engine} ${suite}`);
        const failed = result.failures.filter((failure) => failure.file === suite);
        row.runs++;
        if (failed.length === 0) row.passed++;
        for (const { test } of failed) row.failures.set(test, (row.failures.get(test) ?? 0) + 1);
      }
      const minutes = ((Date.now() - started) / 60000).toFixed(1);
      console.log(
        `${engine} run ${run}/${runs}: ${result.failures.length ? 'FAIL' : 'pass'} (${result.counts}) at ${minutes} min`,
      );
      for (const { file, test } of result.failures) console.log(`  ✗ ${file} › ${test}`);
    }
  }
} finally {
  stopLoad();
}

console.log(`\nUnder stress-ng --cpu ${values.cpu}, ${runs} runs per engine:\n`);
console.log('| suite | engine | runs | passed | failed |\n|---|---|---|---|---|');
for (const [key, { runs: ran, passed }] of tally) {
  const [engine, suite] = key.split(' ');
  console.log(`| ${path.basename(suite, '.test.ts')} | ${engine} | ${ran} | ${passed} | ${ran - passed} |`);
}
for (const [key, { failures }] of tally)
  for (const [name, times] of failures) console.log(`${key}: ${times}× ${name}`);
process.exit([...tally.values()].every(({ runs: ran, passed }) => ran === passed) ? 0 : 1);
