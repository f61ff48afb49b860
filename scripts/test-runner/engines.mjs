// The browser engines the tests run in, and what each needs from Debian. Shared by scripts/test-runner/test.mjs,
// scripts/test-runner/wtr-run.mjs and web-test-runner.config.mjs, so the engine list is read in one place.
//
// NWT_BROWSERS picks engines: a comma- or space-separated list of chromium, firefox, webkit
// (aliases: chrome, firefox-esr, ff, safari, minibrowser). Unset or "all": all three.
import { existsSync, readdirSync } from 'node:fs';

/** @typedef {'chromium' | 'firefox' | 'webkit'} Engine */

/** @type {readonly Engine[]} */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** @type {Record<string, Engine>} */
const ALIASES = {
  chromium: 'chromium',
  chrome: 'chromium',
  firefox: 'firefox',
  'firefox-esr': 'firefox',
  ff: 'firefox',
  webkit: 'webkit',
  safari: 'webkit',
  minibrowser: 'webkit',
};

/**
 * The engines NWT_BROWSERS asks for, in the canonical order.
 * @param {string | undefined} [value]
 * @returns {Engine[]}
 */
export function selectedEngines(value = process.env.NWT_BROWSERS) {
  const words = (value ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (words.length === 0 || words.includes('all')) return [...ENGINES];
  const unknown = words.filter((w) => !(w in ALIASES));
  if (unknown.length > 0) {
    throw new Error(
      `NWT_BROWSERS: unknown engine ${unknown.join(', ')} (use chromium, firefox, webkit or all)`,
    );
  }
  const wanted = new Set(words.map((w) => ALIASES[w]));
  return ENGINES.filter((e) => wanted.has(e));
}

/**
 * Debian packages the engines need (scripts/test-runner/ensure-browsers.sh names).
 * @param {readonly Engine[]} engines
 */
export function debianPackagesFor(engines) {
  const pkgs = [];
  if (engines.includes('chromium')) pkgs.push('chromium');
  if (engines.includes('firefox')) pkgs.push('firefox-esr');
  if (engines.includes('webkit')) pkgs.push('webkit2gtk-driver', 'xvfb');
  return pkgs;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** WebKitGTK's MiniBrowser (package libwebkit2gtk-4.1-0, pulled in by webkit2gtk-driver), any architecture. */
export function miniBrowserPath() {
  if (process.env.WEBKIT_MINIBROWSER_PATH) return process.env.WEBKIT_MINIBROWSER_PATH;
  const fallback = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
  if (existsSync(fallback)) return fallback;
  try {
    for (const dir of readdirSync('/usr/lib')) {
      const candidate = `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`;
      if (existsSync(candidate)) return candidate;
    }
  } catch {
    // no /usr/lib: not Debian; the driver will say what is missing
  }
  return fallback;
}
