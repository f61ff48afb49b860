// Server-side test commands (@web/test-runner-commands) for the engines the stock plugins leave out:
//
// - WebKit (WebDriver): `setViewport` resizes MiniBrowser's window until the page's viewport has the
//   asked size; `sendKeys` also takes `down`/`up` (held keys stay held across commands, so
//   `down: 'Shift'`, `press: 'Tab'`, `up: 'Shift'` is Shift+Tab), besides `press` and `type`.
// - Chromium: `emulateMedia({ forcedColors })` reaches the page (the stock plugin drops that option).
// - Firefox (Puppeteer over WebDriver BiDi) and WebKit: `emulateMedia` cannot emulate media features
//   there (Puppeteer does that over CDP only; WebDriver has no command for it). A call that asks for the
//   state the page is already in (say `reducedMotion: 'no-preference'` in an `afterEach` that resets)
//   succeeds without doing anything, checked with matchMedia in the page; any other call fails with a
//   message that says so. Tests that need a real emulation skip those engines (tests/helpers/engine.ts).
//
// The stock command plugins are put before the config's plugins and throw for browser types they do not
// support, so `preferEngineCommands(config)` moves this plugin to the front; the launchers call it from
// their initialize(), which receives the same config object the command handler reads.

/** WebDriver key values for the key names Puppeteer and Playwright use. */
const WEBDRIVER_KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  ShiftLeft: '\uE008',
  Control: '\uE009',
  ControlLeft: '\uE009',
  Alt: '\uE00A',
  AltLeft: '\uE00A',
  Escape: '\uE00C',
  Space: ' ',
  ' ': ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Insert: '\uE016',
  Delete: '\uE017',
  Meta: '\uE03D',
  MetaLeft: '\uE03D',
  F1: '\uE031',
  F2: '\uE032',
  F3: '\uE033',
  F4: '\uE034',
  F5: '\uE035',
  F6: '\uE036',
  F7: '\uE037',
  F8: '\uE038',
  F9: '\uE039',
  F10: '\uE03A',
  F11: '\uE03B',
  F12: '\uE03C',
};

/** @param {string} key */
function webdriverKey(key) {
  if (key in WEBDRIVER_KEYS) return WEBDRIVER_KEYS[/** @type {keyof typeof WEBDRIVER_KEYS} */ (key)];
  if ([...key].length === 1) return key;
  throw new Error(`sendKeys: no WebDriver key for "${key}"`);
}

/** The media query that is true when a page is in the state `emulateMedia` was asked for. */
const MEDIA_QUERIES = {
  media: (v) => v,
  colorScheme: (v) => `(prefers-color-scheme: ${v})`,
  reducedMotion: (v) => `(prefers-reduced-motion: ${v})`,
  forcedColors: (v) => `(forced-colors: ${v})`,
};

/** Runs `expression` (a JS expression) in the session's page. */
async function evaluate(session, expression) {
  const browser = session.browser;
  if (browser.type === 'webdriver') return browser.driver.execute(`return (${expression});`);
  return browser.getPage(session.id).evaluate(expression);
}

/** One DevTools session per Chromium page for media emulation (its overrides live as long as it does). */
const cdpSessions = new WeakMap();

const needsHelp = (session) =>
  session.browser.type === 'webdriver' || session.browser.nwtEngine === 'firefox';

export function engineCommandsPlugin() {
  /** Keys held down per WebDriver session (test file), so `up` and the end of a file can release them. */
  const held = new Map();

  return {
    name: 'nwt-engine-commands',

    async executeCommand({ command, payload, session }) {
      if (command === 'send-keys' && session.browser.type === 'webdriver') {
        const driver = session.browser.driver;
        const keys = held.get(session.id) ?? new Set();
        held.set(session.id, keys);
        /** @type {{ type: string, value: string }[]} */
        const actions = [];
        if (typeof payload?.down === 'string') {
          actions.push({ type: 'keyDown', value: webdriverKey(payload.down) });
          keys.add(payload.down);
        } else if (typeof payload?.up === 'string') {
          actions.push({ type: 'keyUp', value: webdriverKey(payload.up) });
          keys.delete(payload.up);
        } else if (typeof payload?.press === 'string') {
          const value = webdriverKey(payload.press);
          actions.push({ type: 'keyDown', value }, { type: 'keyUp', value });
        } else if (typeof payload?.type === 'string') {
          for (const ch of payload.type)
            actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
        } else {
          return undefined; // let the stock plugin report the bad payload
        }
        // One input source id for the whole run: WebDriver keeps its pressed keys between calls.
        await driver.performActions([{ type: 'key', id: 'nwt-keyboard', actions }]);
        if (keys.size === 0) {
          held.delete(session.id);
          await driver.releaseActions();
        }
        return true;
      }

      if (command === 'set-viewport' && session.browser.type === 'webdriver') {
        const { width, height } = payload ?? {};
        if (typeof width !== 'number' || typeof height !== 'number') return undefined;
        await session.browser.nwtSetViewport(width, height);
        return true;
      }

      // Chromium: the stock plugin drops `forcedColors` (it sends only the colour scheme and reduced
      // motion), so the page never saw forced colours. All features go in one CDP call, since each call
      // replaces the features set before.
      if (
        command === 'emulate-media' &&
        session.browser.type === 'puppeteer' &&
        !needsHelp(session) &&
        payload?.forcedColors != null
      ) {
        const names = {
          colorScheme: 'prefers-color-scheme',
          reducedMotion: 'prefers-reduced-motion',
          forcedColors: 'forced-colors',
        };
        const features = Object.entries(payload)
          .filter(([key]) => key in names)
          .map(([key, value]) => ({
            name: names[/** @type {keyof typeof names} */ (key)],
            value: String(value),
          }));
        // Puppeteer's emulateMediaFeatures refuses `forced-colors`: the DevTools protocol takes it.
        const page = session.browser.getPage(session.id);
        let cdp = cdpSessions.get(page);
        if (!cdp) cdpSessions.set(page, (cdp = await page.createCDPSession()));
        await cdp.send('Emulation.setEmulatedMedia', {
          media: typeof payload.media === 'string' ? payload.media : '',
          features,
        });
        return true;
      }

      if (command === 'emulate-media' && needsHelp(session) && payload && typeof payload === 'object') {
        const queries = Object.entries(payload).map(([key, value]) => {
          const toQuery = MEDIA_QUERIES[/** @type {keyof typeof MEDIA_QUERIES} */ (key)];
          if (!toQuery || typeof value !== 'string') throw new Error(`emulateMedia: unknown option ${key}`);
          return toQuery(value);
        });
        const already = await evaluate(
          session,
          `${JSON.stringify(queries)}.every((q) => matchMedia(q).matches)`,
        );
        if (already) return true;
        throw new Error(
          `emulateMedia(${JSON.stringify(payload)}) is not available in ${session.browser.name}: only Chromium ` +
            '(CDP) can emulate media features here; skip the test in this engine (tests/helpers/engine.ts).',
        );
      }

      return undefined;
    },
  };
}

/**
 * Moves `plugin` ahead of the stock command plugins in the runner's final config (same array the
 * command handler walks). Idempotent.
 * @param {{ plugins?: object[] }} config
 * @param {object} plugin
 */
export function preferEngineCommands(config, plugin) {
  const list = config.plugins;
  if (!list) return;
  const index = list.indexOf(plugin);
  if (index > 0) {
    list.splice(index, 1);
    list.unshift(plugin);
  }
}
