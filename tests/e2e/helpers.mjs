// Shared by the page-level tests (node --test tests/e2e/ tests/package/): a static file server for the built
// files, extra pages served from memory, and Debian's Chromium driven by playwright-core.
// These tests embed the gallery as a user would, so they need `npm run build` first (npm test builds).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.map': 'application/json',
};

/** Fails the calling test file early, with the command to run, when the build is missing. */
export function requireBuild() {
  for (const file of [
    'dist/notwiththem-gallery.bundle.js',
    'dist/embed.html',
    'dist/esm/index.js',
    'custom-elements.json',
  ]) {
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
}

/**
 * Serves `root` (default: the repository) on 127.0.0.1, plus `pages` (path → HTML string) from memory.
 * Requests are recorded in `server.requests` (paths), so a test can check what a page fetched.
 */
export async function serve({ root = ROOT, pages = {} } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    requests.push(path + url.search);
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (Object.hasOwn(pages, path)) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      res.end(pages[path]);
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(resolve(root)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    // CORS: a feed on one origin may be read by a gallery on another (as a campaign site's feed is).
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
    });
    res.end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    /** The same server under another origin (another host name), for cross-origin tests. */
    otherOrigin: `http://localhost:${port}`,
    requests,
    pages,
    close: () => new Promise((done) => server.close(done)),
  };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A page that records console messages and page errors, to assert a clean run. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, ...options });
  const page = await context.newPage();
  const logs = { errors: [], warnings: [] };
  page.on('pageerror', (error) => logs.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') logs.errors.push(message.text());
    if (message.type() === 'warning') logs.warnings.push(message.text());
  });
  return { page, context, logs };
}

/** The number of rendered slides in the first gallery (or the one matching `selector`). */
export function slideCount(page, selector = 'notwiththem-gallery') {
  return page.evaluate(
    (sel) => document.querySelector(sel)?.shadowRoot?.querySelectorAll('[part~="slide"]').length ?? 0,
    selector,
  );
}

export async function waitForSlides(page, count, selector = 'notwiththem-gallery') {
  await page.waitForFunction(
    ([sel, n]) =>
      (document.querySelector(sel)?.shadowRoot?.querySelectorAll('[part~="slide"]').length ?? 0) === n,
    [selector, count],
    { timeout: 10_000 },
  );
}

/** The demo feed's testimonial count, so tests follow the demo data. */
export const DEMO_COUNT = JSON.parse(readFileSync(join(ROOT, 'demo/testimonials.json'), 'utf8')).testimonials
  .length;
