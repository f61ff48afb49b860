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
    // Nothing blocks the host page, nothing moves, the feed leaves at once, and the first photo (the
    // preview's, read from the feed once it has loaded, with its focal point) is the element's poster.
    const photo = new URL('demo/photos/raul-godoy-f5d1d725', base).href;
    await page.waitForFunction(() =>
      /slot="poster"/.test(document.querySelector('#snippet-script').textContent),
    );
    const script = await snippet(page, 'script');
    assert.ok(
      script.startsWith(
        `<link rel="preload" href="${feed}" as="fetch" crossorigin referrerpolicy="no-referrer">\n<style>notwiththem-gallery:not(:defined`,
      ),
    );
    assert.ok(
      script.endsWith(
        `<notwiththem-gallery src="${feed}">\n  <img slot="poster" src="${photo}-960.webp" srcset="${photo}-480.webp 480w, ${photo}-960.webp 960w, ${photo}-1440.webp 1440w" sizes="(min-width: 60rem) 33vw, (min-width: 36rem) 50vw, 100vw" style="object-position:44% 63%" alt="" fetchpriority="high" referrerpolicy="no-referrer">\n</notwiththem-gallery>`,
      ),
      script,
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
    // #0b5d43 is 2.4:1 on the dark background: the snippet and the preview carry a lighter counterpart.
    assert.match(attributes.accent, /^light-dark\(#0b5d43, #[\da-f]{6}\)$/);
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
      'style="--nwt-accent: light-dark(#0b5d43, #',
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

  it('the preview is the snippet: the same element, attributes and style, in every state', async () => {
    const { page, context, logs } = await openPage(browser);
    await page.goto(`${base}demo/builder.html`);
    await waitForSlides(page, DEMO_COUNT, '#preview');
    // The element reflects a few of its properties (theme, fit) as attributes by itself: a bare element
    // shows which, and with what default; the preview may carry those besides the snippet's.
    const reflected = await page.evaluate(async () => {
      const bare = document.createElement('notwiththem-gallery');
      bare.hidden = true;
      document.body.append(bare);
      await bare.updateComplete;
      const attributes = Object.fromEntries([...bare.attributes].map((a) => [a.name, a.value]));
      bare.remove();
      delete attributes.hidden;
      return attributes;
    });
    const same = async () => {
      const [preview, snippetElement] = await page.evaluate(() => {
        const attributes = (el) =>
          Object.fromEntries([...el.attributes].filter((a) => a.name !== 'id').map((a) => [a.name, a.value]));
        const markup = document.querySelector('#snippet-script').textContent;
        const parsed = new DOMParser()
          .parseFromString(markup, 'text/html')
          .querySelector('notwiththem-gallery');
        return [attributes(document.querySelector('#preview')), attributes(parsed)];
      });
      // Every attribute of the snippet, and nothing else but the element's reflected defaults.
      for (const [name, value] of Object.entries(snippetElement)) assert.equal(preview[name], value, name);
      for (const [name, value] of Object.entries(preview))
        if (!Object.hasOwn(snippetElement, name)) assert.equal(value, reflected[name], `${name}="${value}"`);
      return preview;
    };
    await same();
    // The dark theme with the default accent: no style at all, so the element's own dark accent shows
    // (the light one, #b3122e, is 2.6:1 on the dark background).
    await page.getByLabel('Theme').selectOption('dark');
    assert.equal((await same()).style, undefined);
    // The accent the preview really paints: a probe in its shadow root coloured with the element's accent.
    const painted = () =>
      page.evaluate(() => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--_accent)';
        document.querySelector('#preview').shadowRoot.append(probe);
        const colour = getComputedStyle(probe).color;
        probe.remove();
        return colour.match(/\d+/g).map(Number);
      });
    const onDark = (rgb) => {
      const l = ([r, g, b]) =>
        [r, g, b]
          .map((c) => c / 255)
          .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
          .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
      return (l(rgb) + 0.05) / (l([0x16, 0x16, 0x1a]) + 0.05);
    };
    assert.deepEqual(await painted(), [0xff, 0x8a, 0x9b], "the element's own dark accent");
    await page.getByLabel('Accent colour').fill('#0b5d43');
    assert.match((await same()).style, /light-dark/);
    const counterpart = await painted();
    assert.notDeepEqual(counterpart, [0x0b, 0x5d, 0x43]);
    assert.ok(onDark(counterpart) >= 4.5, `the dark accent ${counterpart} reads at ${onDark(counterpart)}:1`);
    await page.getByLabel('Theme').selectOption('light');
    assert.deepEqual(await painted(), [0x0b, 0x5d, 0x43], 'the light theme paints the chosen accent');
    await page.getByLabel('Theme').selectOption('auto');
    await page.getByLabel('Rotate automatically').check();
    await same();
    assert.deepEqual(logs.errors, []);
    await context.close();
  });

  it('says how the accent reads in each theme, and warns visibly below 4.5:1', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${base}demo/builder.html`);
    const note = page.locator('#accent-contrast');
    await page.getByLabel('Accent colour').fill('#0b5d43');
    assert.match(
      await note.innerText(),
      /Light theme: 7\.\d:1 on white\. Dark theme: #[\da-f]{6} \((4\.[5-9]|[5-9]\.\d):1\), a lighter counterpart, since #0b5d43 is 2\.\d:1 there\./,
    );
    assert.equal(await note.evaluate((el) => el.classList.contains('warning')), false);
    // Yellow cannot be read on white: a warning, visible, next to the field.
    await page.getByLabel('Accent colour').fill('#f0e000');
    assert.match(await note.innerText(), /^Warning: 1\.\d:1 on the light background, below 4\.5:1/);
    assert.ok(await note.isVisible());
    assert.equal(await note.evaluate((el) => el.classList.contains('warning')), true);
    assert.equal(
      await page.getByLabel('Accent colour').evaluate((el) => el.getAttribute('aria-describedby')),
      'accent-contrast',
    );
    await context.close();
  });

  it('on a phone the preview comes before the form', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 375, height: 667 } });
    await page.goto(`${base}demo/builder.html`);
    await waitForSlides(page, DEMO_COUNT, '#preview');
    const [preview, form] = await page.evaluate(() =>
      ['#preview', '#options'].map((s) => document.querySelector(s).getBoundingClientRect().top),
    );
    assert.ok(preview < form, `preview at ${preview}px, form at ${form}px`);
    assert.ok(preview < 667, 'the preview starts on the first screen');
    await context.close();
  });

  it("the iframe snippet starts at the preview's height at the chosen width, which is the embed's", async () => {
    const { page, context, logs } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}demo/builder.html`);
    await waitForSlides(page, DEMO_COUNT, '#preview');
    await page.getByLabel('Width of the column on your page (px)').fill('760');
    await page.waitForFunction(
      () => document.querySelector('#preview').getBoundingClientRect().width === 760,
    );
    const measured = await page.evaluate(() =>
      Math.ceil(document.querySelector('#preview').getBoundingClientRect().height),
    );
    await page.waitForFunction(
      (h) => document.querySelector('#snippet-iframe').textContent.includes(` height="${h}" `),
      measured,
    );
    assert.notEqual(measured, 640);
    assert.match(await page.locator('#preview-size').innerText(), new RegExp(`^760 × ${measured} px`));

    // The iframe alone, as a platform that strips the style and the script keeps it, in a 760 px column:
    // its gallery fits the starting height.
    const iframe = (await snippet(page, 'iframe')).match(/<div id="nwt-gallery-box">[\s\S]*?<\/div>/)[0];
    const host = await context.newPage();
    await host.goto(`${base}demo/index.html`);
    await host.evaluate(
      (markup) => {
        document.body.innerHTML = `<div style="width: 760px">${markup}</div>`;
      },
      iframe.replace('loading="lazy"', ''),
    );
    const frame = host.frameLocator('#nwt-gallery');
    await frame.locator('notwiththem-gallery').waitFor();
    const content = await host.waitForFunction(() => {
      const doc = document.querySelector('#nwt-gallery').contentDocument;
      const slides = doc
        ?.querySelector('notwiththem-gallery')
        ?.shadowRoot?.querySelectorAll('[part~="slide"]');
      return slides?.length ? Math.ceil(doc.documentElement.getBoundingClientRect().height) : false;
    });
    const height = await content.jsonValue();
    assert.ok(
      Math.abs(height - measured) <= 2,
      `the embed is ${height}px high, the snippet says ${measured}px`,
    );
    assert.deepEqual(logs.errors, []);
    await context.close();
  });
});
