// A @web/test-runner reporter that goes after the default one and closes the run with plain lines:
//
//   skipped in webkit: tests/x.test.ts › suite › test [skipped in WebKit: why]   (one per skipped test)
//   chromium: 300 passed, 0 failed, 0 skipped                                     (one per engine)
//   firefox: 300 passed, 0 failed, 0 skipped
//   webkit: 298 passed, 0 failed, 2 skipped
//   898 passed, 0 failed, 2 skipped                                               (all engines: CI reads this)
//
// A test file that failed without a failing test (it did not load, a hook threw, the browser crashed or
// timed out) counts as one failed test, so a broken file can never read as "0 failed".
// The lines come out with the runner's final progress report, after everything else it prints. When
// NWT_SUMMARY_FILE is set, the counts are also written there as JSON (scripts/test-runner/wtr-run.mjs reads it).
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** @typedef {import('@web/test-runner-core').TestSession} TestSession */
/** @typedef {import('@web/test-runner-core').TestSuiteResult} TestSuiteResult */

/** @param {string} name */
const engineOf = (name) => (name || 'unnamed browser').toLowerCase();

/** @param {{ passed: number, failed: number, skipped: number }} c */
const countsLine = (c) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;

/**
 * @param {TestSuiteResult | undefined} suite
 * @param {string[]} trail
 * @param {(test: import('@web/test-runner-core').TestResult, trail: string[]) => void} visit
 */
function walk(suite, trail, visit) {
  if (!suite) return;
  for (const test of suite.tests) visit(test, trail);
  for (const child of suite.suites) walk(child, [...trail, child.name], visit);
}

export function summaryLineReporter() {
  /** @type {import('@web/test-runner-core').ReporterArgs | undefined} */
  let args;
  /** @type {string[] | undefined} */
  let finalLines;

  /** @param {TestSession[]} sessions */
  function summarize(sessions) {
    /** @type {Map<string, { passed: number, failed: number, skipped: number }>} */
    const byEngine = new Map();
    // Engines in config order, so an engine that ran nothing still gets its line.
    for (const browser of args?.browsers ?? [])
      byEngine.set(engineOf(browser.name), { passed: 0, failed: 0, skipped: 0 });
    /** @type {string[]} */
    const skippedLines = [];
    /** @type {{ engine: string, file: string, test: string, error?: string }[]} */
    const failures = [];
    for (const session of sessions) {
      const engine = engineOf(session.browser.name);
      if (!byEngine.has(engine)) byEngine.set(engine, { passed: 0, failed: 0, skipped: 0 });
      const counts = /** @type {{ passed: number, failed: number, skipped: number }} */ (
        byEngine.get(engine)
      );
      const file = path.relative(process.cwd(), session.testFile);
      let failedHere = 0;
      walk(session.testResults, [], (test, trail) => {
        if (test.skipped) {
          counts.skipped += 1;
          skippedLines.push(
            `skipped in ${engine}: ${[file, ...trail.filter(Boolean), test.name].join(' › ')}`,
          );
        } else if (test.passed) counts.passed += 1;
        else {
          failedHere += 1;
          failures.push({
            engine,
            file,
            test: [...trail.filter(Boolean), test.name].join(' › '),
            error: test.error?.message,
          });
        }
      });
      const finished = session.status === 'FINISHED';
      if (failedHere === 0 && (!finished || session.passed === false)) {
        failedHere = 1;
        const error =
          session.errors.map((e) => e.message).join('\n') ||
          (finished ? 'failed' : `did not finish (${session.status})`);
        failures.push({ engine, file, test: '(the file itself)', error });
      }
      counts.failed += failedHere;
    }
    const total = { passed: 0, failed: 0, skipped: 0 };
    const engineLines = [];
    for (const [engine, c] of byEngine) {
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
      engineLines.push(`${engine}: ${countsLine(c)}`);
    }
    return { byEngine: Object.fromEntries(byEngine), total, skippedLines, engineLines, failures };
  }

  return {
    /** @param {import('@web/test-runner-core').ReporterArgs} a */
    start(a) {
      args = a;
    },
    onTestRunStarted() {
      finalLines = undefined;
    },
    // The runner calls every reporter's stop() and then prints the final progress report, where our
    // getTestProgress() lines come last (this reporter is listed after the default one).
    /** @param {import('@web/test-runner-core').StopArgs} stopArgs */
    stop({ sessions }) {
      const s = summarize(sessions);
      finalLines = [...s.skippedLines, ...s.engineLines, countsLine(s.total)];
      const file = process.env.NWT_SUMMARY_FILE;
      if (file) {
        writeFileSync(
          file,
          JSON.stringify(
            { engines: s.byEngine, total: s.total, line: countsLine(s.total), failures: s.failures },
            null,
            2,
          ),
        );
      }
    },
    getTestProgress() {
      return finalLines ?? [];
    },
  };
}
