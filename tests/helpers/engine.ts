// Which browser engine runs this test page, and a way to skip a test in one engine with its reason.
//
//   import { skipIn } from './helpers/engine.js';
//   it('copies with the async Clipboard API', async function () {
//     skipIn(this, 'webkit', 'MiniBrowser under WebDriver grants no clipboard-write permission');
//     …
//   });
//
// Use a `function () {}` test body (not an arrow) so `this` is Mocha's context. The reason is added to
// the test's title, so the runner's summary lists every skipped test with why.

export type Engine = 'chromium' | 'firefox' | 'webkit';

function detect(ua: string): Engine {
  if (/\bFirefox\//.test(ua)) return 'firefox';
  if (/\b(Chrome|Chromium|HeadlessChrome)\//.test(ua)) return 'chromium';
  if (/\bAppleWebKit\//.test(ua)) return 'webkit';
  return 'chromium';
}

export const engine: Engine = detect(navigator.userAgent);
export const isChromium = engine === 'chromium';
export const isFirefox = engine === 'firefox';
export const isWebKit = engine === 'webkit';

const LABEL: Record<Engine, string> = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

/**
 * Skips the current test (or, from a `before`/`beforeEach` hook, the tests it covers) when it runs in
 * one of `engines`; `reason` says why the test cannot run there and is appended to the title.
 */
export function skipIn(context: Mocha.Context, engines: Engine | readonly Engine[], reason: string): void {
  const list: readonly Engine[] = typeof engines === 'string' ? [engines] : engines;
  if (!list.includes(engine)) return;
  // In a hook, `test` is the hook and `currentTest` the test it runs for.
  const runnable = context.test as (Mocha.Runnable & { type?: string }) | undefined;
  const test = runnable?.type === 'hook' ? context.currentTest : runnable;
  if (test) test.title += ` [skipped in ${LABEL[engine]}: ${reason}]`;
  context.skip();
}
