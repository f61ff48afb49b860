#!/usr/bin/env node
// Runs one browser suite N times per engine while another process keeps the CPU busy, and prints how many
// runs passed per engine: a test that waits for a fixed time, or races the element, shows up here.
//
//   node scripts/test-runner/load-run.mjs tests/gallery-carousel.test.ts            # 20 runs in each of the three engines
//   node scripts/test-runner/load-run.mjs tests/gallery-carousel.test.ts --runs 5 --engines chromium,webkit --cpu 2
//
// The load is `stress-ng --cpu <n>` (Debian's stress-ng; installed with apt-get when missing and run as
// root), started before the first run and stopped after the last, also on Ctrl-C. Each run is
// `node scripts/test-runner/wtr-run.mjs --files <suite>` for one engine (under `xvfb-run -a` for WebKit), as
// `npm test` runs it; build the bundle first (`node scripts/build.mjs`) for suites that load it.
import { spawn, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '20' },
    engines: { type: 'string', default: 'chromium,firefox,webkit' },
    cpu: { type: 'string', default: '2' },
  },
});
const suite = positionals[0];
const runs = Number(values.runs);
const engines = values.engines.split(',').filter(Boolean);
if (!suite || !(runs >= 1) || engines.some((engine) => !['chromium', 'firefox', 'webkit'].includes(engine))) {
  console.error(
    'usage: node scripts/test-runner/load-run.mjs <test file> [--runs N] [--engines chromium,firefox,webkit] [--cpu N]',
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

/** One run of the suite in one engine: whether it passed, and its closing counts. */
function runOnce(engine) {
  return new Promise((resolve) => {
    const args = ['scripts/test-runner/wtr-run.mjs', '--files', suite];
    const [command, argv] = engine === 'webkit' ? ['xvfb-run', ['-a', 'node', ...args]] : ['node', args];
    const child = spawn(command, argv, {
      env: { ...process.env, NWT_BROWSERS: engine },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => {
      const counts = [...output.matchAll(/^(\d+) passed, (\d+) failed, (\d+) skipped$/gm)].at(-1);
      const failed = counts ? Number(counts[2]) : 1;
      const failures = [...output.matchAll(/^\s*❌ (.+)$/gm)].map((match) => match[1]);
      resolve({ passed: status === 0 && failed === 0, counts: counts?.[0] ?? 'no summary line', failures });
    });
  });
}

const results = {};
try {
  for (const engine of engines) {
    results[engine] = { passed: 0, failures: new Map() };
    for (let run = 1; run <= runs; run++) {
      const result = await runOnce(engine);
      if (result.passed) results[engine].passed++;
      for (const name of result.failures)
        results[engine].failures.set(name, (results[engine].failures.get(name) ?? 0) + 1);
      console.log(`${engine} run ${run}/${runs}: ${result.passed ? 'pass' : 'FAIL'} (${result.counts})`);
    }
  }
} finally {
  stopLoad();
}

console.log(`\n${suite} under stress-ng --cpu ${values.cpu}, ${runs} runs per engine:`);
for (const [engine, { passed, failures }] of Object.entries(results)) {
  console.log(`${engine}: ${passed}/${runs} runs passed`);
  for (const [name, times] of failures) console.log(`  ${times}× ${name}`);
}
process.exit(Object.values(results).every(({ passed }) => passed === runs) ? 0 : 1);
