#!/usr/bin/env node
// `npm test`: gets what the tests need (npm packages, Debian browsers), type-checks, builds, then runs
// every suite in Chromium, Firefox ESR and WebKit in one web-test-runner run (one row per engine).
//
// One engine, or a few, for a quicker run:   NWT_BROWSERS=chromium npm test
//   NWT_BROWSERS takes a comma list of chromium, firefox, webkit (default: all three).
// Extra arguments go to web-test-runner:    npm test -- --files tests/feed-parse.test.ts
//
// WebKit (WebKitGTK's MiniBrowser) needs an X server and a WebKitWebDriver: the run goes through
// `xvfb-run -a node scripts/wtr-run.mjs`, which starts the driver on a free port and stops it afterwards.
// Output ends with `N passed, N failed, N skipped` summed over the engines (a line per engine above it).
// When a step before the tests fails (npm packages, browsers, type check, build), no test runs and the
// output ends with `0 passed, 1 failed, 0 skipped` after a line naming the step, so CI never reads a
// missing or passing line from a broken run.
import { spawnSync, execSync } from 'node:child_process';
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
  ['installing browsers', () => run(`bash scripts/ensure-browsers.sh ${debianPackagesFor(engines).join(' ')}`)],
  ['type check (tsc)', () => run('npx tsc -p tsconfig.json --noEmit')],
  ['build', () => run('node scripts/build.mjs')],
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

const args = ['scripts/wtr-run.mjs', ...process.argv.slice(2)];
const [cmd, cmdArgs] = engines.includes('webkit') ? ['xvfb-run', ['-a', process.execPath, ...args]] : [process.execPath, args];
const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, NWT_BROWSERS: engines.join(',') } });
if (result.error) console.error(result.error.message);
process.exit(result.status ?? 1);
