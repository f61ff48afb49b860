// Server rendering: the npm build rendered with @lit-labs/ssr in Node, as a server app would. With
// `testimonials` the HTML holds the ready gallery (slides, photos, quotes, names) for crawlers and the
// first paint; with `src` only, the loading state (nothing is fetched on the server); with or without
// `lang`, nothing touches `document`, `window` or `location`. Run: node --test tests/package/ (after
// npm run build). tests/gallery-ssr.test.ts hydrates this HTML in the browsers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, requireBuild } from '../e2e/helpers.mjs';

requireBuild();
const { renderGallery } = await import('../server/ssr-render.mjs');

/** The browser suites' feed, its photos made absolute (a server has no page to resolve them against). */
const feed = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/gallery-feed.json'), 'utf8'));
const testimonials = feed.testimonials.map((entry) => {
  const absolute = (src) => new URL(src, 'https://campaign.example/feed/').href;
  const { image } = entry;
  return {
    ...entry,
    image: typeof image === 'string' ? absolute(image) : { ...image, src: absolute(image.src) },
  };
});
/** The text of the HTML, as a crawler reads it: no tags, comments or Lit's markers. */
const textOf = (html) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('server rendering (@lit-labs/ssr)', () => {
  const warnings = [];
  const warn = console.warn;
  let fetches = 0;
  const realFetch = globalThis.fetch;
  before(() => {
    console.warn = (...args) => warnings.push(args.join(' '));
    globalThis.fetch = (...args) => (fetches++, realFetch(...args));
  });
  after(() => {
    console.warn = warn;
    globalThis.fetch = realFetch;
  });

  it('renders the ready gallery from testimonials, without lang: slides with photo, quote and names', async () => {
    const html = await renderGallery({ testimonials });
    assert.ok(/<template shadowroot(mode)?="open"/.test(html), 'no declarative shadow root');
    assert.ok(!html.includes('class="skeleton-track'), 'the loading skeleton was rendered');
    const slides = html.match(/<div class=slide part=slide /g) ?? [];
    assert.equal(slides.length, testimonials.length);
    const text = textOf(html);
    for (const entry of testimonials) {
      assert.ok(text.includes(entry.quote.replace(/&/g, '&amp;')), `quote of ${entry.name} missing`);
      assert.ok(text.includes(entry.name), `name ${entry.name} missing`);
      const src = typeof entry.image === 'string' ? entry.image : entry.image.src;
      assert.ok(html.includes(`src="${src}"`), `photo ${src} missing`);
    }
    assert.ok(html.includes('aria-label="Next testimonial"'), 'the controls are not in English');
  });

  it('renders in the language of its own lang attribute', async () => {
    const html = await renderGallery({ lang: 'es', testimonials });
    assert.ok(html.includes('aria-label="Testimonio siguiente"'), 'the controls are not in Spanish');
    assert.ok(textOf(html).includes(testimonials[0].quote));
  });

  it('renders the loading state for src alone, and fetches nothing', async () => {
    const html = await renderGallery({ src: 'https://campaign.example/feed.json' });
    assert.ok(html.includes('class="skeleton-track'), 'no loading skeleton');
    assert.ok(textOf(html).includes('Loading testimonials…'));
    assert.ok(html.includes('aria-busy="true"'), 'not busy');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(fetches, 0, 'the server fetched the feed');
  });

  it('renders the no-source message without a source', async () => {
    const html = await renderGallery({});
    assert.ok(textOf(html).includes('No testimonials to show.'));
  });

  it('leaves out a testimonial whose photo is relative, with a warning', async () => {
    warnings.length = 0;
    const html = await renderGallery({
      testimonials: [{ image: 'photos/a.jpg', quote: 'Relative' }, testimonials[0]],
    });
    assert.equal((html.match(/<div class=slide part=slide /g) ?? []).length, 1);
    assert.ok(
      warnings.some((text) => text.includes('feed entry 0 left out')),
      warnings.join('\n'),
    );
  });
});
