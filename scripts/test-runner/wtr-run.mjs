#!/usr/bin/env node
// Runs web-test-runner once for the engines in NWT_BROWSERS (all three by default). When WebKit is one
// of them, it must run inside an X server (scripts/test-runner/test.mjs starts it as `xvfb-run -a node
// scripts/test-runner/wtr-run.mjs`): it starts WebKitWebDriver on a free local port, waits until the driver answers,
// passes the port to the config as WEBKIT_WEBDRIVER_PORT, and stops the driver (and the MiniBrowser it
// started) when the run ends, fails or is interrupted. Exits with the runner's status.
//
// The runner's output ends with `N passed, N failed, N skipped` (scripts/test-runner/wtr-summary-reporter.mjs); if
// the runner dies before it can print that line, this script prints one that counts the run as failed.
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { selectedEngines } from './engines.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const cacheDir = path.join(root, '.cache');
mkdirSync(cacheDir, { recursive: true });
const summaryFile = path.join(cacheDir, `wtr-summary-${process.pid}.json`);
/** The last run's counts and failures (engine, file, test, error), kept for a look afterwards. */
const lastSummary = path.join(cacheDir, 'wtr-summary.json');
const driverLog = path.join(cacheDir, 'webkitwebdriver.log');

/** @type {import('node:child_process').ChildProcess | undefined} */
let driver;

/** Stops WebKitWebDriver and everything it started (MiniBrowser, its web processes): its process group. */
function stopDriver() {
  if (!driver?.pid || driver.exitCode !== null || driver.signalCode !== null) return;
  try {
    process.kill(-driver.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts WebKitWebDriver and resolves with its port once GET /status answers. Tries a few ports. */
async function startDriver() {
  if (!process.env.DISPLAY) {
    throw new Error(
      'WebKit needs an X server: run through `npm test`, or `xvfb-run -a node scripts/test-runner/wtr-run.mjs`.',
    );
  }
  const log = openSync(driverLog, 'w');
  try {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const port = Number(process.env.WEBKIT_WEBDRIVER_PORT) || (await freePort());
      // Own process group (detached) so one kill reaches MiniBrowser too; still a child of this script.
      driver = spawn('WebKitWebDriver', [`--port=${port}`], { detached: true, stdio: ['ignore', log, log] });
      const exited = new Promise((resolve) => driver?.once('exit', () => resolve(false)));
      driver.once('error', () => {});
      const deadline = Date.now() + 15000;
      while (Date.now() < deadline) {
        const ready = await Promise.race([
          fetch(`http://127.0.0.1:${port}/status`).then(
            (r) => r.ok,
            () => false,
          ),
          exited,
        ]);
        if (ready) return port;
        if (driver.exitCode !== null || driver.signalCode !== null) break; // e.g. the port was taken meanwhile
        await sleep(200);
      }
      stopDriver();
      if (process.env.WEBKIT_WEBDRIVER_PORT) break;
    }
  } finally {
    closeSync(log);
  }
  throw new Error(`WebKitWebDriver did not start; see ${path.relative(process.cwd(), driverLog)}`);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopDriver();
    process.exit(130);
  });
}
process.on('exit', stopDriver);

let status = 1;
try {
  const engines = selectedEngines();
  const env = { ...process.env, NWT_BROWSERS: engines.join(','), NWT_SUMMARY_FILE: summaryFile };
  if (engines.includes('webkit')) env.WEBKIT_WEBDRIVER_PORT = String(await startDriver());
  rmSync(summaryFile, { force: true });
  const wtr = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/@web/test-runner/dist/bin.js'),
      '--config',
      'web-test-runner.config.mjs',
      ...process.argv.slice(2),
    ],
    { cwd: root, env, stdio: 'inherit' },
  );
  status = await new Promise((resolve) => {
    wtr.once('error', (error) => {
      console.error(error);
      resolve(1);
    });
    wtr.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  if (!existsSync(summaryFile)) {
    console.error(`web-test-runner stopped (exit status ${status}) before it reported any result.`);
    status = status || 1;
    console.log('0 passed, 1 failed, 0 skipped');
  } else {
    copyFileSync(summaryFile, lastSummary);
    const { total } = JSON.parse(readFileSync(summaryFile, 'utf8'));
    // The runner's exit status and the counts must agree; a failed count always fails the run.
    if (total.failed > 0) status = status || 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.log('0 passed, 1 failed, 0 skipped');
  status = 1;
} finally {
  stopDriver();
  rmSync(summaryFile, { force: true });
}
process.exit(status);
