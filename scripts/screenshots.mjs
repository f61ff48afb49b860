#!/usr/bin/env node
// Screenshots of the demo pages at phone, tablet and desktop widths, light and dark, into screenshots/.
// Usage: node scripts/screenshots.mjs [page ...]   (pages relative to demo/, default index.html)
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['index.html'];
const widths = [375, 768, 1280];
mkdirSync('screenshots', { recursive: true });

const server = await createServer({
  configFile: false,
  root: process.cwd(),
  logLevel: 'error',
  server: { port: 0, host: '127.0.0.1' },
});
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  for (const pageName of pages) {
    for (const scheme of ['light', 'dark']) {
      for (const width of widths) {
        const page = await browser.newPage({
          viewport: { width, height: 900 },
          colorScheme: scheme,
          deviceScaleFactor: 1,
        });
        page.on(
          'console',
          (m) => m.type() !== 'debug' && console.log(`[${pageName} ${width}] ${m.type()}: ${m.text()}`),
        );
        await page.goto(new URL(`demo/${pageName}`, base).href, { waitUntil: 'networkidle' });
        await page.waitForTimeout(400);
        const file = `screenshots/${pageName.replace(/\W+/g, '-')}-${width}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
