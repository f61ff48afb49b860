#!/usr/bin/env node
// `npm test`: gets what the tests need (npm packages, Debian browsers), type-checks, builds, then runs
// every suite in Chromium, Firefox ESR and WebKit in one web-test-runner run (one row per engine).
//
// One engine, or a few, for a quicker run:   NWT_BROWSERS=chromium npm test
//   NWT_BROWSERS takes a comma list of chromium, firefox, webkit (default: all three).
// Extra arguments go to web-test-runner:    npm test -- --files tests/feed-parse.test.ts
//
// WebKit (WebKitGTK's MiniBrowser) needs an X server and a WebKitWebDriver: the run goes through
// `xvfb-run -a node scripts/test-runner/wtr-run.mjs`, which starts the driver on a free port and stops it afterwards.
// The Node suites (tests/cli, tests/package, tests/e2e) run first with Node's test runner.
// Output ends with `N passed, N failed, N skipped` summed over the Node suites and the engines (a line
// per engine and one for Node above it).
// When a step before the tests fails (npm packages, browsers, format, type check, build), no test runs and the
// output ends with `0 passed, 1 failed, 0 skipped` after a line naming the step, so CI never reads a
// missing or passing line from a broken run.
import { spawn, spawnSync, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDeps } from './ensure-deps.mjs';
import { debianPackagesFor, selectedEngines } from './engines.mjs';

const run = (cmd, env = {}) => execSync(cmd, { stdio: 'inherit', env: { ...process.env, ...env } });

let engines;
try {
  engines = selectedEngines();
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

const steps = [
  ['installing npm packages', () => ensureDeps()],
  [
    'installing browsers',
    () => run(`bash scripts/test-runner/ensure-browsers.sh ${debianPackagesFor(engines).join(' ')}`),
  ],
  // Unformatted code fails the run: `npm run format` writes what Prettier expects.
  ['format check (prettier)', () => run('npx prettier --check --log-level warn .')],
  ['type check (tsc)', () => run('npx tsc -p tsconfig.json --noEmit')],
  ['build', () => run('node scripts/build.mjs')],
  // The bundle's size budget (package.json "size-limit"): a bundle that grew past it fails the run.
  ['bundle size budget (size-limit)', () => run('npx size-limit')],
];
for (const [name, step] of steps) {
  try {
    step();
  } catch (error) {
    console.error(`npm test: ${name} failed; no test ran.`);
    console.log('0 passed, 1 failed, 0 skipped');
    process.exit(typeof error.status === 'number' && error.status !== 0 ? error.status : 1);
  }
}

// The Node suites: the build-feed command, the npm package's files and the page-level embed tests.
// Node's TAP output is kept beside the spec output to count them into the closing line.
// A run given `--files` is a quick loop over chosen browser suites: the Node suites (minutes) stay out.
const onlyChosenFiles = process.argv.slice(2).some((arg) => arg === '--files' || arg.startsWith('--files='));
const tapFile = join(mkdtempSync(join(tmpdir(), 'nwt-node-tests-')), 'node.tap');
const node = onlyChosenFiles
  ? { status: 0 }
  : spawnSync(
      process.execPath,
      [
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tapFile}`,
        'tests/cli/',
        'tests/package/',
        'tests/e2e/',
      ],
      { stdio: 'inherit' },
    );
const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
const tapCount = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
// A Node run that failed without saying what (it crashed) counts as one failure.
const nodeFailed = tapCount('fail') || (node.status === 0 ? 0 : 1);
const nodeCounts = {
  passed: tapCount('pass'),
  failed: nodeFailed,
  skipped: tapCount('skipped') + tapCount('todo'),
};

// The browser suites, in one web-test-runner run; its output is shown as it comes and read for its totals.
const args = ['scripts/test-runner/wtr-run.mjs', ...process.argv.slice(2)];
const [cmd, cmdArgs] = engines.includes('webkit')
  ? ['xvfb-run', ['-a', process.execPath, ...args]]
  : [process.execPath, args];
const browsers = await new Promise((resolve) => {
  const child = spawn(cmd, cmdArgs, {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: { ...process.env, NWT_BROWSERS: engines.join(',') },
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    out += chunk;
  });
  child.on('error', (error) => console.error(error.message));
  child.on('close', (status) => resolve({ status: status ?? 1, out }));
});
const totals = [...browsers.out.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)].at(-1);
const browserCounts = totals
  ? { passed: Number(totals[1]), failed: Number(totals[2]), skipped: Number(totals[3] ?? 0) }
  : { passed: 0, failed: 1, skipped: 0 };

console.log(`node: ${nodeCounts.passed} passed, ${nodeCounts.failed} failed, ${nodeCounts.skipped} skipped`);
const sum = (key) => nodeCounts[key] + browserCounts[key];
console.log(`${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
process.exit(node.status === 0 && browsers.status === 0 ? 0 : 1);
