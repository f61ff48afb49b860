// The embed builder (demo/builder.html) in a real browser: filling the form updates the live preview and the
// three snippets, and Copy puts a snippet on the clipboard. Served by Vite's dev server, as `npm start` does.
// Run: node --test tests/e2e/
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createServer } from 'vite';
import { DEMO_COUNT, ROOT, launch, openPage, waitForSlides } from './helpers.mjs';

let server;
let base;
let browser;
before(async () => {
  server = await createServer({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1' },
  });
  await server.listen();
  base = server.resolvedUrls.local[0];
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const previewAttributes = (page) =>
  page.evaluate(() => {
    const el = document.querySelector('#preview');
    return {
      ...Object.fromEntries(
        [...el.attributes].filter((a) => a.name !== 'id' && a.name !== 'style').map((a) => [a.name, a.value]),
      ),
      accent: el.style.getPropertyValue('--nwt-accent'),
    };
  });
const snippet = (page, name) => page.locator(`#snippet-${name}`).innerText();

describe('embed builder', () => {
  it('starts with the demo feed in the preview and matching snippets', async () => {
    const { page, context, logs } = await openPage(browser);
    await page.goto(`${base}demo/builder.html`);
    await waitForSlides(page, DEMO_COUNT, '#preview');
    const feed = new URL('demo/testimonials.json', base).href;
    assert.equal((await previewAttributes(page)).src, feed);
    assert.match(
      await snippet(page, 'script'),
      new RegExp(`<script src="${base}dist/notwiththem-gallery.bundle.js" defer></script>`),
    );
    assert.ok((await snippet(page, 'script')).includes(`src="${feed}"`));
    // Nothing blocks the host page, nothing moves, the feed leaves at once.
    assert.ok(
      (await snippet(page, 'script')).startsWith(
        `<link rel="preload" href="${feed}" as="fetch" crossorigin referrerpolicy="no-referrer">\n<style>notwiththem-gallery:not(:defined`,
      ),
    );
    assert.match(await snippet(page, 'npm'), /import 'notwiththem-gallery\/define';/);
    assert.match(await snippet(page, 'iframe'), /allow="web-share; clipboard-write"/);
    assert.deepEqual(logs.errors, []);
    await context.close();
  });

  it('filling the form updates the preview and all three snippets', async () => {
    const { page, context, logs } = await openPage(browser);
    await page.goto(`${base}demo/builder.html`);
    await waitForSlides(page, DEMO_COUNT, '#preview');

    await page.getByLabel('Title').fill('Por qué #NotWithThem');
    await page.getByLabel('Page that shows the gallery').fill('https://blog.example/2016/post');
    await page.getByLabel('Language').selectOption('es');
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByLabel('Accent colour').fill('#0b5d43');
    await page.getByLabel('Rotate automatically').check();
    await page.getByLabel('Seconds between moves').fill('9');
    await page.getByLabel('After the last, go back to the first').check();
    for (const name of ['Share sheet', 'Facebook', 'WhatsApp', 'Telegram', 'Bluesky', 'LinkedIn', 'Email']) {
      await page.getByLabel(name, { exact: true }).uncheck();
    }

    const attributes = await previewAttributes(page);
    assert.equal(attributes.label, 'Por qué #NotWithThem');
    assert.equal(attributes['share-url'], 'https://blog.example/2016/post');
    assert.equal(attributes.lang, 'es');
    assert.equal(attributes.theme, 'dark');
    assert.equal(attributes.autoplay, '');
    assert.equal(attributes.interval, '9000');
    assert.equal(attributes.loop, '');
    assert.equal(attributes.share, 'x copy');
    assert.equal(attributes.accent, '#0b5d43');
    // The preview really follows: Spanish labels, dark theme, the title.
    const preview = await page.evaluate(() => {
      const root = document.querySelector('#preview').shadowRoot;
      return {
        title: root.querySelector('[part~="title"]').textContent,
        next: root.querySelector('[part~="next"]').getAttribute('aria-label'),
        shares: [...root.querySelectorAll('[part~="slide"]')[0].querySelectorAll('[part~="share-control"]')]
          .length,
      };
    });
    assert.equal(preview.title, 'Por qué #NotWithThem');
    assert.notEqual(preview.next, 'Next');
    assert.equal(preview.shares, 2);

    const script = await snippet(page, 'script');
    for (const part of [
      'lang="es"',
      'theme="dark"',
      'autoplay',
      'interval="9000"',
      'loop',
      'share="x copy"',
      'share-url="https://blog.example/2016/post"',
      'label="Por qué #NotWithThem"',
      'style="--nwt-accent: #0b5d43"',
    ]) {
      assert.ok(script.includes(part), `script snippet lacks ${part}:\n${script}`);
    }
    assert.ok((await snippet(page, 'npm')).includes('share="x copy"'));
    const iframe = await snippet(page, 'iframe');
    const src = new URL(iframe.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&'));
    assert.equal(src.pathname, '/dist/embed.html');
    assert.equal(src.searchParams.get('lang'), 'es');
    assert.equal(src.searchParams.get('theme'), 'dark');
    assert.equal(src.searchParams.get('share'), 'x copy');
    assert.equal(src.searchParams.get('share-url'), 'https://blog.example/2016/post');
    assert.equal(src.searchParams.get('accent'), '#0b5d43');
    assert.equal(src.searchParams.get('interval'), '9000');
    assert.ok(iframe.includes(`event.origin !== "${new URL(base).origin}"`));
    assert.ok(iframe.includes('title="Por qué #NotWithThem"'));

    // Where the files are hosted changes the snippets' URLs.
    await page.getByLabel('Address of the files').fill('https://cdn.example/nwt/');
    assert.ok(
      (await snippet(page, 'script')).includes(
        '<script src="https://cdn.example/nwt/notwiththem-gallery.bundle.js" defer>',
      ),
    );
    assert.ok((await snippet(page, 'iframe')).includes('src="https://cdn.example/nwt/embed.html?'));
    assert.deepEqual(logs.errors, []);
    await context.close();
  });

  it('Copy puts the snippet on the clipboard and says so', async () => {
    const { page, context } = await openPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
    await page.goto(`${base}demo/builder.html`);
    await page.getByLabel('Theme').selectOption('auto');
    await page.locator('button[data-copy="snippet-script"]').click();
    await page.waitForFunction(() => document.querySelector('#copy-status').textContent.includes('copied'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await snippet(page, 'script'));
    assert.match(await snippet(page, 'script'), /theme="auto"/);
    await context.close();
  });
});
