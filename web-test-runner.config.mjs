// Tests run in real browsers from Debian's packages (see scripts/test-runner/README.md); nothing here downloads
// a browser. Engines: Chromium (DevTools protocol), Firefox ESR (Puppeteer over WebDriver BiDi) and
// WebKit (WebKitGTK's MiniBrowser through a WebKitWebDriver that scripts/test-runner/wtr-run.mjs starts under Xvfb
// and passes here as WEBKIT_WEBDRIVER_PORT).
//
// `npm test` runs all three (NWT_BROWSERS=chromium, or firefox, webkit, a comma list, picks engines; see
// scripts/test-runner/test.mjs). Run directly (`npx web-test-runner …`) with NWT_BROWSERS unset, this config runs
// Chromium only, the quick loop it always was; NWT_BROWSERS=firefox works directly too, WebKit needs
// the driver that `npm test` starts.
import path from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import {
  CHROMIUM_PATH,
  FIREFOX_PATH,
  miniBrowserPath,
  selectedEngines,
} from './scripts/test-runner/engines.mjs';
import { engineCommandsPlugin, preferEngineCommands } from './scripts/test-runner/wtr-engine-commands.mjs';
import { summaryLineReporter } from './scripts/test-runner/wtr-summary-reporter.mjs';
import { faultRoutes } from './tests/server/fault-routes.mjs';
import { strictPages } from './tests/server/strict-pages.mjs';
import { ssrRoute } from './tests/server/ssr-route.mjs';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';

// Flags that keep Chromium quiet on a closed network (no background requests, no updates).
const chromiumFlags = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

// setViewport / sendKeys down-up / emulateMedia resets for the engines the stock command plugins skip.
const engineCommands = engineCommandsPlugin();

/**
 * Names a launcher's row, tags it with its engine, and on initialize puts the engine-command plugin
 * ahead of the stock ones (initialize receives the runner's final config).
 * @template {{ initialize?: Function, name: string }} L
 * @param {L} launcher @param {string} engine @param {string} name
 * @returns {L}
 */
function tagged(launcher, engine, name) {
  const initialize = launcher.initialize?.bind(launcher);
  Object.assign(launcher, {
    nwtEngine: engine,
    async initialize(config, testFiles) {
      preferEngineCommands(config, engineCommands);
      await initialize?.(config, testFiles);
      launcher.name = name; // the WebDriver launcher names itself from capabilities (empty here)
    },
  });
  launcher.name = name;
  return launcher;
}

/**
 * MiniBrowser through WebKitWebDriver. One window serves every test file in turn: each file starts
 * with the 800×600 viewport Chromium and Firefox pages get, and keys a test left held are released.
 */
class WebKitLauncher extends WebdriverLauncher {
  nwtViewport = '';

  /** Resizes the window so the page's viewport is width × height. @param {number} width @param {number} height */
  async nwtSetViewport(width, height) {
    const driver = this.driver;
    /** @returns {Promise<[number, number]>} */
    const inner = () => driver.execute('return [window.innerWidth, window.innerHeight];');
    // The window is the viewport plus MiniBrowser's frame (toolbar); the resize lands asynchronously.
    const [w0, h0] = await inner();
    const outer = await driver.getWindowSize();
    await driver.setWindowSize(width + (outer.width - w0), height + (outer.height - h0));
    let [w, h] = [w0, h0];
    for (const deadline = Date.now() + 3000; Date.now() < deadline;) {
      [w, h] = await inner();
      if (w === width && h === height) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.nwtViewport = `${w}x${h}`;
    if (w !== width || h !== height) {
      throw new Error(
        `WebKit: the viewport cannot be ${width}×${height} (it is ${w}×${h}): MiniBrowser's window has a ` +
          'minimum size of about 450 px wide; size the tested element instead, or skip WebKit.',
      );
    }
  }

  /** @param {string} id @param {string} url */
  async startSession(id, url) {
    await this.ensureManagerInitialized();
    if (this.nwtViewport !== '800x600') {
      await this.driver.releaseActions().catch(() => {});
      await this.nwtSetViewport(800, 600);
    }
    return super.startSession(id, url);
  }
}

const launchers = {
  chromium: () =>
    tagged(
      chromeLauncher({
        launchOptions: { executablePath: CHROMIUM_PATH, args: chromiumFlags },
        // Two pages at a time, each in its own browser context. Both must be visible: a second tab in
        // one window is hidden, and a hidden page gets no requestAnimationFrame (tests waiting for a
        // frame, or a gallery waiting to render, would hang until the timeout).
        concurrency: 2,
        createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      }),
      'chromium',
      'Chromium',
    ),
  firefox: () =>
    tagged(
      // One page at a time: parallel Firefox tabs on two cores starve each other's timers.
      puppeteerLauncher({
        launchOptions: { browser: 'firefox', executablePath: FIREFOX_PATH, headless: true },
        concurrency: 1,
      }),
      'firefox',
      'Firefox',
    ),
  webkit: () => {
    const port = Number(process.env.WEBKIT_WEBDRIVER_PORT);
    if (!port) {
      throw new Error(
        'WebKit runs through a WebKitWebDriver under Xvfb: run `npm test` (it starts both), or ' +
          '`xvfb-run -a node scripts/test-runner/wtr-run.mjs`; or pick other engines with NWT_BROWSERS=chromium,firefox.',
      );
    }
    // The global `concurrency: 1` below makes the WebDriver launcher drive MiniBrowser's top-level
    // window, one test file at a time (not test files in iframes).
    const launcher = new WebKitLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      capabilities: {
        'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
      },
    });
    return tagged(launcher, 'webkit', 'WebKit');
  },
};

// Through `npm test` NWT_BROWSERS is always set; run directly without it, Chromium alone.
const engines = process.env.NWT_BROWSERS ? selectedEngines() : ['chromium'];

export default {
  files: ['tests/**/*.test.ts'],
  nodeResolve: true,
  // Pages at a time per engine: Chromium sets 2 on its launcher; WebKit relies on this being 1.
  concurrency: 1,
  // One engine at a time: on two cores, engines side by side slow each other enough to break the
  // suite's timing budgets (parse speed, load timeouts). The whole run stays within a few minutes.
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 20000 } },
  browserStartTimeout: 2 * 60 * 1000,
  testsStartTimeout: 2 * 60 * 1000,
  testsFinishTimeout: 5 * 60 * 1000,
  plugins: [
    engineCommands,
    // a11ySnapshot reads the browser's accessibility tree (the carousel tests assert roles and names on it).
    a11ySnapshotPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // tests/gallery-visual.test.ts (Chromium only): baselines committed under tests/visual-baselines/<browser>/baseline;
    // UPDATE_REFS=true rewrites them. Failures and diffs go to the ignored screenshots/visual-failed/.
    visualRegressionPlugin({
      update: process.env.UPDATE_REFS === 'true',
      baseDir: 'tests/visual-baselines',
      getFailedName: ({ browser, name }) => path.resolve('screenshots/visual-failed', browser, name),
      getDiffName: ({ browser, name }) => path.resolve('screenshots/visual-failed', browser, `${name}-diff`),
      // Antialiasing is absorbed by pixelmatch (AA pixels ignored, colour threshold 0.1), a few stray
      // pixels by the 20-pixel budget; one changed letter is more than that.
      diffOptions: { threshold: 0.1, includeAA: false },
      failureThreshold: 20,
      failureThresholdType: 'pixel',
    }),
  ],
  // Fault routes under /__feeds/; a strict CSP on /tests/fixtures/strict/*.html; server renders under /__ssr/.
  middleware: [faultRoutes, strictPages, ssrRoute],
  // Lit's one-line dev-mode notice, repeated for every file in every engine, hides the logs that matter.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  reporters: [defaultReporter(), summaryLineReporter()],
  browsers: engines.map((engine) => launchers[engine]()),
};
