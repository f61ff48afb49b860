// Debian's Chromium through playwright-core, quiet on a closed network (no background requests, no
// updates): the benchmark (bench/run.mjs) and the screenshots (scripts/screenshots.mjs) launch it alike.
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './test-runner/engines.mjs';

/** Starts headless Chromium with the quiet flags and `args` after them. */
export function launchChromium(args = []) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...args,
    ],
  });
}
