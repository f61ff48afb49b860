// The demo as `npm start` serves it: `/` leads to the demo, the demo links the builder and every variant,
// and no request of any of those pages fails (a missing favicon included). Headless Chromium, every
// failed request and every 4xx/5xx response recorded. (The demo's share pages are left out: built for
// http://127.0.0.1:5173/demo/, they point there, and this server runs on a free port.)
// Run: node --test tests/e2e/front-door.test.mjs
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ROOT, launch, openPage } from './helpers.mjs';

let server;
let base;
let browser;
before(async () => {
  // The real `npm start` (scripts/start.mjs) on a free port.
  const port = 20000 + Math.floor(Math.random() * 20000);
  server = spawn(process.execPath, ['scripts/start.mjs', '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  base = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const url = out.match(/demo is at (\S+)/)?.[1];
      if (url) resolve(url);
    });
    server.on('exit', (code) => reject(new Error(`npm start exited with ${code}: ${out}`)));
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.kill();
});

/** Opens `path`, waits until the network is idle, and returns every request that failed. */
async function failures(path) {
  const { page, context } = await openPage(browser);
  const failed = [];
  page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()} ${response.status()}`);
  });
  await page.goto(new URL(path, base).href, { waitUntil: 'networkidle' });
  // The favicon is requested after load; a missing one shows up as a 404 response.
  await page.waitForLoadState('networkidle');
  const url = page.url();
  const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
  await context.close();
  return { failed, url, links };
}

const variants = readdirSync(new URL('../../demo/variants/', import.meta.url)).filter((f) =>
  f.endsWith('.html'),
);

describe('the demo as a front door', () => {
  it('serves / as a way to the demo, which links the builder and every variant', async () => {
    const { url, links, failed } = await failures('/');
    assert.equal(new URL(url).pathname, '/demo/');
    assert.deepEqual(failed, []);
    assert.ok(links.includes('./builder.html'), 'the builder is linked');
    for (const variant of variants)
      assert.ok(links.includes(`./variants/${variant}`), `${variant} is linked`);
  });

  for (const path of ['/demo/builder.html', ...variants.map((v) => `/demo/variants/${v}`)]) {
    it(`${path}: no request fails`, async () => {
      assert.deepEqual((await failures(path)).failed, []);
    });
  }
});
