#!/usr/bin/env node
// Full-page screenshots of the demo and of the portrait fixture (portrait photos, long Spanish names, long
// and short quotes: tests/fixtures/portraits, made by its make.mjs) at 320, 375, 768, 1280 and 1440 px,
// light and dark, into a folder (default screenshots/), to look at the gallery as readers will.
// Usage: node scripts/screenshots.mjs [--out dir] [page ...]   (pages relative to the repository)
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { launchChromium } from './launch-chromium.mjs';

const { values, positionals } = parseArgs({
  options: { out: { type: 'string', default: 'screenshots' } },
  allowPositionals: true,
});
const pages = positionals.length ? positionals : ['demo/index.html', 'tests/fixtures/portraits/index.html'];
const widths = [320, 375, 768, 1280, 1440];
mkdirSync(values.out, { recursive: true });

const server = await createServer({
  configFile: false,
  root: process.cwd(),
  logLevel: 'error',
  server: { port: 0, host: '127.0.0.1' },
});
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await launchChromium();
try {
  for (const pageName of pages) {
    for (const scheme of ['light', 'dark']) {
      for (const width of widths) {
        const page = await browser.newPage({
          viewport: { width, height: 900 },
          colorScheme: scheme,
          deviceScaleFactor: 1,
          reducedMotion: 'reduce',
        });
        const tag = `[${pageName} ${width} ${scheme}]`;
        page.on('console', (m) => m.type() !== 'debug' && console.log(`${tag} ${m.type()}: ${m.text()}`));
        page.on('requestfailed', (r) => console.log(`${tag} failed: ${r.url()} ${r.failure()?.errorText}`));
        await page.goto(new URL(pageName, base).href, { waitUntil: 'networkidle' });
        // Shot when every gallery has its slides and the photos in view are decoded (or failed).
        await page.waitForFunction(() =>
          [...document.querySelectorAll('notwiththem-gallery')].every((gallery) => {
            const root = gallery.shadowRoot;
            const slides = root?.querySelectorAll('[part~="slide"]').length ?? 0;
            const images = [...(root?.querySelectorAll('img') ?? [])].filter(
              (img) => img.loading === 'eager',
            );
            return slides > 0 && images.every((img) => img.complete);
          }),
        );
        await page.evaluate(() => document.fonts.ready);
        const file = `${values.out}/${pageName.replace(/\/index\.html$|\.html$/, '').replace(/\W+/g, '-')}-${width}-${scheme}.png`;
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
