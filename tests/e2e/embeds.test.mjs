// Every way of embedding, as a site would: the built bundle from a classic and a module script tag (and
// twice on one page), a property set before the script arrives, <figure>s with and without JavaScript,
// and the iframe embed telling its parent page its height. Run: node --test tests/e2e/ (after npm run build).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { iframeSnippet, scriptSnippet } from '../../dist/esm/embed/snippets.js';
import { DEMO_COUNT, launch, openPage, requireBuild, serve, slideCount, waitForSlides } from './helpers.mjs';

requireBuild();

const BUNDLE = '/dist/notwiththem-gallery.bundle.js';
const FEED = '/demo/testimonials.json';

const page = (head, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>embed test</title>${head}</head><body>${body}</body></html>`;

const FIGURES = `
  <figure data-id="laura-vilches">
    <img src="/demo/photos/laura-vilches-9b3161aa-480.webp" width="480" height="640" alt="Laura Vilches holds a sign">
    <figcaption><blockquote>#NotWithThem because they represent the capitalist class</blockquote><cite>Laura Vilches</cite></figcaption>
  </figure>
  <figure data-id="workers-pompeya">
    <img src="/demo/photos/workers-pompeya-949fdca5-480.webp" width="480" height="360" alt="Workers hold a sign">
    <figcaption><blockquote>#NotWithThem. We need a workers party!</blockquote><cite>Workers from Pompeya</cite></figcaption>
  </figure>`;

const pages = {
  // The embed builder's script snippet, as handed out.
  '/e2e/classic.html': page(
    '',
    scriptSnippet({ src: FEED }, { bundle: BUNDLE, embed: 'http://x.example/embed.html' }),
  ),
  '/e2e/module.html': page(
    `<script type="module" src="${BUNDLE}"></script>`,
    `<notwiththem-gallery src="${FEED}"></notwiththem-gallery>`,
  ),
  '/e2e/twice.html': page(
    `<script src="${BUNDLE}"></script><script src="${BUNDLE}?copy=2" defer></script><script type="module" src="${BUNDLE}?copy=3"></script>`,
    `<notwiththem-gallery src="${FEED}"></notwiththem-gallery>`,
  ),
  '/e2e/late.html': page(
    '',
    `<notwiththem-gallery label="Given before the script"></notwiththem-gallery>
     <script>
       document.querySelector('notwiththem-gallery').testimonials = [
         { id: 'a', image: '/demo/photos/raul-godoy-f5d1d725-480.webp', quote: 'Set before the element was defined', name: 'A' },
       ];
       setTimeout(() => { const s = document.createElement('script'); s.src = '${BUNDLE}'; document.head.append(s); }, 300);
     </script>`,
  ),
  '/e2e/figures.html': page(
    `<script src="${BUNDLE}" defer></script>`,
    `<notwiththem-gallery label="Figures">${FIGURES}</notwiththem-gallery>`,
  ),
  '/e2e/figures-head.html': page(
    `<script src="${BUNDLE}"></script>`,
    `<notwiththem-gallery label="Figures">${FIGURES}</notwiththem-gallery>`,
  ),
};

let server;
let browser;
before(async () => {
  server = await serve({ pages });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('script tag (the bundle)', () => {
  for (const [name, path] of [
    ['the builder’s snippet (classic <script src defer>)', '/e2e/classic.html'],
    ['<script type="module">', '/e2e/module.html'],
  ]) {
    it(`renders the feed from a ${name}`, async () => {
      const { page: tab, context, logs } = await openPage(browser);
      await tab.goto(server.origin + path);
      await waitForSlides(tab, DEMO_COUNT);
      const defined = await tab.evaluate(() => customElements.get('notwiththem-gallery')?.version);
      assert.match(defined, /^\d+\.\d+\.\d+/);
      assert.deepEqual(logs.errors, []);
      await context.close();
    });
  }

  it('the builder’s snippet fetches the feed once: the element takes the preloaded response', async () => {
    const { page: tab, context, logs } = await openPage(browser);
    const feedRequests = () => server.requests.filter((path) => path === FEED).length;
    const before = feedRequests();
    await tab.goto(server.origin + '/e2e/classic.html');
    await waitForSlides(tab, DEMO_COUNT);
    await tab.waitForLoadState('networkidle');
    assert.equal(feedRequests() - before, 1);
    assert.deepEqual(
      logs.warnings.filter((text) => /preload/i.test(text)),
      [],
    );
    await context.close();
  });

  it('loaded three times on one page: one registration, no error, no warning', async () => {
    const { page: tab, context, logs } = await openPage(browser);
    await tab.goto(server.origin + '/e2e/twice.html');
    await waitForSlides(tab, DEMO_COUNT);
    assert.equal(server.requests.filter((path) => path.startsWith(BUNDLE)).length >= 3, true);
    assert.deepEqual(logs.errors, []);
    assert.deepEqual(
      logs.warnings.filter((text) => text.includes('notwiththem-gallery')),
      [],
    );
    await context.close();
  });

  it('keeps a property set before the script arrived', async () => {
    const { page: tab, context, logs } = await openPage(browser);
    await tab.goto(server.origin + '/e2e/late.html');
    await waitForSlides(tab, 1);
    const { quote, title } = await tab.evaluate(() => {
      const el = document.querySelector('notwiththem-gallery');
      return {
        quote: el.shadowRoot.querySelector('[part~="quote"]').textContent,
        title: el.shadowRoot.querySelector('[part~="title"]').textContent,
      };
    });
    assert.equal(quote, 'Set before the element was defined');
    assert.equal(title, 'Given before the script');
    assert.deepEqual(logs.errors, []);
    await context.close();
  });

  it('makes no request to another origin before a click', async () => {
    const { page: tab, context } = await openPage(browser);
    const foreign = [];
    tab.on('request', (request) => {
      if (new URL(request.url()).origin !== server.origin) foreign.push(request.url());
    });
    await tab.goto(server.origin + '/e2e/classic.html');
    await waitForSlides(tab, DEMO_COUNT);
    await tab.waitForLoadState('networkidle');
    assert.deepEqual(foreign, []);
    assert.deepEqual(await context.cookies(), []);
    await context.close();
  });
});

describe('figures inside the element (progressive enhancement)', () => {
  it('without JavaScript, the figures are the content: photos, quotes and names', async () => {
    const { page: tab, context } = await openPage(browser, { javaScriptEnabled: false });
    await tab.goto(server.origin + '/demo/variants/no-js.html?nojs');
    const figures = tab.locator('notwiththem-gallery > figure');
    assert.equal(await figures.count(), DEMO_COUNT);
    const first = figures.first();
    assert.equal(await first.locator('img').isVisible(), true);
    assert.equal(await first.locator('blockquote').isVisible(), true);
    assert.match(await first.locator('blockquote').innerText(), /#NotWithThem because/);
    assert.equal(await first.locator('cite').isVisible(), true);
    await context.close();
  });

  for (const [name, path] of [
    ['a deferred script', '/e2e/figures.html'],
    ['a script in <head> that runs before the figures are parsed', '/e2e/figures-head.html'],
  ]) {
    it(`with ${name}, the figures become the slides and are not shown twice`, async () => {
      const { page: tab, context, logs } = await openPage(browser);
      await tab.goto(server.origin + path);
      await waitForSlides(tab, 2);
      assert.equal(await tab.locator('notwiththem-gallery > figure').first().isVisible(), false);
      const quotes = await tab.evaluate(() =>
        [...document.querySelector('notwiththem-gallery').shadowRoot.querySelectorAll('[part~="quote"]')].map(
          (q) => q.textContent,
        ),
      );
      assert.deepEqual(quotes, [
        '#NotWithThem because they represent the capitalist class',
        '#NotWithThem. We need a workers party!',
      ]);
      assert.deepEqual(logs.errors, []);
      await context.close();
    });
  }
});

describe('iframe embed', () => {
  const BLOG_POST = 'https://blog.example/2016/11/not-with-them';

  /** A blogger's page on one origin embedding the gallery from another, with the builder's snippet. */
  function bloggerPage(extraQuery = '') {
    const files = { bundle: server.otherOrigin + BUNDLE, embed: server.otherOrigin + '/dist/embed.html' };
    let snippet = iframeSnippet(
      {
        src: server.otherOrigin + FEED,
        shareUrl: BLOG_POST,
        lang: 'es',
        theme: 'dark',
        share: ['x', 'copy'],
      },
      files,
      'nwt-post',
    );
    if (extraQuery) snippet = snippet.replace('embed.html?', `embed.html?${extraQuery}&amp;`);
    return page('', `<h1>My post</h1><p>Before</p>${snippet}<p id="after">After</p>`);
  }

  it('has the attributes a blogger needs', () => {
    const html = bloggerPage();
    assert.match(html, /allow="web-share; clipboard-write"/);
    assert.match(html, /loading="lazy"/);
    assert.match(html, /title="[^"]+"/);
  });

  it('shows the gallery with the query options and sets its height through postMessage', async () => {
    server.pages['/e2e/blog.html'] = bloggerPage();
    const feedRequests = () => server.requests.filter((path) => path === FEED).length;
    const feedsBefore = feedRequests();
    const { page: tab, context, logs } = await openPage(browser);
    await tab.goto(server.origin + '/e2e/blog.html');
    const frameElement = tab.locator('iframe#nwt-post');
    await frameElement.scrollIntoViewIfNeeded();
    const frame = tab.frameLocator('iframe#nwt-post');
    await frame.locator('notwiththem-gallery').waitFor({ state: 'attached' });
    // The parent's height follows the document inside the frame.
    await tab.waitForFunction(() => document.querySelector('#nwt-post').style.height !== '', null, {
      timeout: 10_000,
    });
    const inner = await frame
      .locator('html')
      .evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
    await tab.waitForFunction((h) => document.querySelector('#nwt-post').style.height === `${h}px`, inner, {
      timeout: 10_000,
    });
    const box = await frameElement.boundingBox();
    assert.ok(Math.abs(box.height - inner) <= 1, `iframe ${box.height}px, content ${inner}px`);

    const gallery = frame.locator('notwiththem-gallery');
    assert.equal(await gallery.getAttribute('lang'), 'es');
    assert.equal(await gallery.getAttribute('theme'), 'dark');
    assert.equal(await gallery.getAttribute('share-url'), BLOG_POST);
    assert.equal(await gallery.getAttribute('share'), 'x copy');
    // The demo feed names a share page per testimonial (build-feed --share-pages): shares point there,
    // where the preview is the testimonial and the link leads on to the post.
    const xLink = gallery.locator('a[part~="share-x"]').first();
    await xLink.waitFor({ state: 'attached', timeout: 10_000 });
    const href = decodeURIComponent((await xLink.getAttribute('href')) ?? '');
    assert.match(href, /&url=http:\/\/[^/]+\/demo\/share\/[a-z0-9-]+\.html$/);
    // The embed page preloads the feed before its script runs; the element takes that response.
    assert.equal(
      await frame.locator(`link[rel="preload"][as="fetch"][href="${server.otherOrigin + FEED}"]`).count(),
      1,
    );
    assert.equal(feedRequests() - feedsBefore, 1);
    assert.deepEqual(
      logs.warnings.filter((text) => /preload/i.test(text)),
      [],
    );
    assert.deepEqual(logs.errors, []);
    await context.close();
  });

  it('ignores parameters that are not allowed or not valid, and warns', async () => {
    const { page: tab, context, logs } = await openPage(browser);
    const query = new URLSearchParams({
      src: 'javascript:alert(1)',
      theme: 'neon',
      onload: 'alert(1)',
      interval: '5',
      label: 'Fine',
    });
    await tab.goto(`${server.origin}/dist/embed.html?${query}`);
    const gallery = tab.locator('notwiththem-gallery');
    await gallery.waitFor({ state: 'attached' });
    // `src` is passed on as given: the element refuses it, fetches nothing and says why on its card.
    assert.equal(await gallery.getAttribute('src'), 'javascript:alert(1)');
    await tab.locator('notwiththem-gallery [role="alert"]').waitFor();
    assert.equal(await gallery.getAttribute('theme'), null); // 'neon' was dropped; the default is not reflected
    assert.equal(await gallery.getAttribute('onload'), null);
    assert.equal(await gallery.getAttribute('interval'), null);
    assert.equal(await gallery.getAttribute('label'), 'Fine');
    const warnings = logs.warnings.join('\n');
    for (const name of ['theme', 'onload', 'interval']) assert.match(warnings, new RegExp(`${name} ignored`));
    assert.match(warnings, /not an http\(s\) URL/);
    await context.close();
  });

  it('a parent page ignores height messages from other origins', async () => {
    server.pages['/e2e/blog-forged.html'] = bloggerPage();
    const { page: tab, context } = await openPage(browser);
    await tab.goto(server.origin + '/e2e/blog-forged.html');
    // Messages arrive in order: once a marker posted after the forged one is in, the page has handled it.
    await tab.evaluate(
      () =>
        new Promise((resolve) => {
          addEventListener('message', (event) => event.data === 'marker' && resolve(undefined));
          postMessage({ type: 'nwt-embed-height', height: 3 }, '*');
          postMessage('marker', '*');
        }),
    );
    assert.notEqual(await tab.evaluate(() => document.querySelector('#nwt-post').style.height), '3px');
    await context.close();
  });

  it('still renders in a page that loads no script at all (the iframe alone)', async () => {
    server.pages['/e2e/blog-no-script.html'] = bloggerPage().replace(/<script>[^]*<\/script>/, '');
    const { page: tab, context } = await openPage(browser);
    await tab.goto(server.origin + '/e2e/blog-no-script.html');
    const frame = tab.frameLocator('iframe#nwt-post');
    await frame.locator('notwiththem-gallery').waitFor({ state: 'attached' });
    const frameHandle = await tab.locator('iframe#nwt-post').elementHandle();
    const content = await frameHandle.contentFrame();
    await waitForSlides(content, DEMO_COUNT);
    assert.ok((await slideCount(content)) > 0);
    await context.close();
  });
});
