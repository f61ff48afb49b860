// Hostile data set as `testimonials` on a live element: property-based feeds from fast-check (any JSON
// value, wrong types, testimonial-shaped objects with arbitrary field values, grapheme strings with
// right-to-left text, emoji and combining marks) and a curated list of naughty strings
// (tests/fixtures/naughty-strings.json). Rendering never throws, a canary global that any injected
// script would set stays unset, no URL in the shadow DOM is anything but http(s): or mailto:, axe stays
// clean on a sample.
import { expect, nextFrame } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import '../src/define.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { expectAccessible } from './helpers/axe.js';
import { $, TRACK } from './helpers/gallery.js';
import { nextTask, requestsRecorded, until, waitUntil } from './helpers/waits.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

const PHOTO = '/tests/fixtures/photos/sign-1.svg';
/**
 * Hostile strings make relative image URLs; resolved against the test server, some are requests it
 * cannot decode (noise in its log). While these tests run, the document's base is a closed local port:
 * every such image fails at once, without a request to any server (and shows the designed fallback).
 */
const BASE = 'http://127.0.0.1:9/hostile/';
const ALLOWED = ['http:', 'https:', 'mailto:'];
/** Attributes that hold a URL a browser may load or navigate to. */
const URL_ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'data',
  'cite',
  'background',
  'ping',
  'longdesc',
  'manifest',
  'codebase',
  'lowsrc',
];
const FORBIDDEN_ELEMENTS =
  'script, iframe, frame, object, embed, base, meta, link, form:not(.dialog-close), foreignObject';

let naughty: string[] = [];
let uncaught: unknown[] = [];
const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);

/** The URLs of a srcset, tokenized as HTML does: a URL is a run of non-spaces, commas included. */
function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let pos = 0;
  while (pos < value.length) {
    while (pos < value.length && /[\s,]/.test(value[pos]!)) pos++;
    if (pos >= value.length) break;
    const start = pos;
    while (pos < value.length && !/\s/.test(value[pos]!)) pos++;
    const url = value.slice(start, pos);
    if (url.endsWith(',')) {
      urls.push(url.replace(/,+$/, ''));
      continue;
    }
    urls.push(url);
    while (pos < value.length && value[pos] !== ',') pos++;
  }
  return urls;
}

/** Every element of a root and of the shadow roots inside it. */
function* allElements(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* allElements(element.shadowRoot);
  }
}

/** What a hostile feed must never achieve in the rendered gallery; an empty list when all is well. */
function violations(el: NotWithThemGallery): string[] {
  const found: string[] = [];
  const root = el.shadowRoot!;
  for (const element of allElements(root)) {
    const tag = element.localName;
    if (element.matches(FORBIDDEN_ELEMENTS)) found.push(`<${tag}> element`);
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) found.push(`<${tag} ${name}>`);
      if (name === 'style' && /url\s*\(|expression\s*\(/i.test(value))
        found.push(`<${tag} style="${value}">`);
      if (!URL_ATTRIBUTES.includes(name)) continue;
      const urls = name === 'srcset' ? srcsetUrls(value) : [value];
      for (const url of urls) {
        if (!ALLOWED.some((scheme) => url.startsWith(scheme)))
          found.push(`<${tag} ${name}="${url.slice(0, 80)}">`);
      }
    }
  }
  // The light DOM and the document keep what they had.
  if (el.children.length > 0) found.push('children added to the host');
  return found;
}

/** Waits until the gallery is no longer loading (and rendered that). */
async function settle(el: NotWithThemGallery): Promise<void> {
  const busy = () => el.shadowRoot!.querySelector('[part~="viewport"]')?.getAttribute('aria-busy');
  await until(
    async () => {
      await el.updateComplete;
      return busy() === 'false' && !el.isUpdatePending;
    },
    'the gallery never settled',
    // WebKit under load can take seconds to render a feed of 2,000-character naughty strings.
    { timeout: 15_000 },
  ).catch(() => {
    throw new Error(`the gallery never settled: aria-busy ${busy()}, update pending ${el.isUpdatePending}`);
  });
}

/** Opens the dialog on the first testimonial (renders its link and the dialog's share row), then closes it. */
async function withDialog(el: NotWithThemGallery, check: () => void): Promise<void> {
  if (el.items.length === 0) return check();
  (el as unknown as { dialogIndex: number }).dialogIndex = 0;
  await el.updateComplete;
  check();
  el.shadowRoot!.querySelector('dialog')?.close();
  await el.updateComplete;
}

function expectSafe(el: NotWithThemGallery, what: string): void {
  expect(violations(el), what).to.deep.equal([]);
  expect(window.__pwned, `canary after ${what}`).to.equal(undefined);
  expect(uncaught, `uncaught errors after ${what}`).to.deep.equal([]);
}

/** A new gallery in `host`, in place of the previous one (each run starts from a fresh element). */
function fresh(host: HTMLElement): NotWithThemGallery {
  const el = document.createElement('notwiththem-gallery');
  host.replaceChildren(el);
  return el;
}

function column(width = 360): HTMLDivElement {
  const div = document.createElement('div');
  div.style.width = `${width}px`;
  div.dataset.test = '';
  document.body.append(div);
  return div;
}

describe('hostile data', function () {
  // Bounds a broken run only: WebKit under stress-ng took over 60 s for the naughty strings.
  this.timeout(180_000);

  before(async () => {
    const response = await fetch('/tests/fixtures/naughty-strings.json');
    naughty = ((await response.json()) as { strings: string[] }).strings;
    // Very long strings: long text, one long word, many emoji, many combining marks.
    naughty.push(
      '#NotWithThem because '.repeat(5000),
      'x'.repeat(50_000),
      '👩🏽‍🚒'.repeat(3000),
      `a${'\u0301'.repeat(10_000)}`,
    );
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const base = document.createElement('base');
    base.href = BASE;
    base.dataset.test = 'base';
    document.head.prepend(base);
  });

  after(() => {
    document.querySelector('base[data-test]')?.remove();
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  beforeEach(() => {
    uncaught = [];
    delete window.__pwned;
    // Every entry left out warns once: thousands of lines that say nothing here.
    sinon.stub(console, 'warn');
  });

  afterEach(() => {
    sinon.restore();
    document.querySelectorAll('body [data-test]').forEach((node) => node.remove());
  });

  it('the canary works: the same strings, put into the page as HTML, do set it', async () => {
    const host = column();
    // An empty data: URL fails to decode without a request.
    host.innerHTML = naughty
      .find((s) => s.startsWith('<img src=x onerror'))!
      .replace('src=x', 'src="data:,"');
    await waitUntil(() => window.__pwned === 1, 'the canary string did not run as HTML', { timeout: 5000 });
    delete window.__pwned;
  });

  it('the checks work: a shadow root with script URLs and handlers fails them', () => {
    const fake = document.createElement('div');
    column().append(fake);
    fake.attachShadow({ mode: 'open' }).innerHTML = `<section aria-busy="false">
      <a href="javascript:void 0">a</a><a href=" https://x.example/">b</a><img srcset="https://x.example/a 1x, data:x 2x">
      <img src="https://x.example/a" onload="void 0"><iframe></iframe><div style="background: url(https://x.example/)"></div></section>`;
    expect(violations(fake as unknown as NotWithThemGallery)).to.deep.equal([
      '<a href="javascript:void 0">',
      '<a href=" https://x.example/">',
      '<img srcset="data:x">',
      '<img onload>',
      '<iframe> element',
      '<div style="background: url(https://x.example/)">',
    ]);
  });

  it('naughty strings in every field of the feed, the attributes and the strings render as text only', async () => {
    const host = column();
    for (const [index, s] of naughty.entries()) {
      const feed = {
        title: s,
        description: s,
        hashtag: s,
        submit: { url: s, label: s },
        next: s,
        testimonials: [
          { id: s, image: s, quote: s, name: s, role: s, place: s, affiliation: s, url: s, lang: s, alt: s },
          {
            id: s,
            image: { src: s, alt: s, srcset: s, sizes: s, color: s, width: s, height: s },
            quote: `${s} reason`,
            name: s,
            url: s,
            lang: s,
          },
          {
            image: { src: PHOTO, srcset: `${PHOTO} 1x, ${s} 2x`, sizes: s, color: s },
            quote: `Reason ${s}`,
            name: s,
            url: s,
          },
          { [s]: s, image: PHOTO, quote: `Plain ${index}` },
        ],
      };
      const el = document.createElement('notwiththem-gallery');
      el.label = s;
      el.hashtag = s;
      el.shareUrl = s;
      el.start = s;
      el.share = s;
      el.strings = { retry: s, loading: s, readMore: s, next: s };
      el.testimonials = feed;
      host.append(el);
      await settle(el);
      const what = `naughty string ${index} ${JSON.stringify(s.slice(0, 60))}`;
      await withDialog(el, () => expectSafe(el, what));
      // What a reader sees is the string itself, as text (cut at 2,000 characters).
      for (const [i, item] of el.items.entries()) {
        const quote = el.shadowRoot!.querySelectorAll('[part~="quote"]')[i]!;
        expect(quote.textContent, `${what}: quote ${i}`).to.equal(item.quote);
      }
      // The submit link, if any survived, is http(s) or mailto (checked above); the feed's hashtag is letters only.
      el.remove();
    }
    // Broken images' error handlers, lazy loads: every request that ended before now is recorded, and the
    // events its end queued (load, error) have had their turn.
    await requestsRecorded();
    await nextFrame();
    await nextTask();
    expect(window.__pwned).to.equal(undefined);
    expect(uncaught).to.deep.equal([]);
  });

  it('a sample of naughty testimonials passes axe', async () => {
    const el = document.createElement('notwiththem-gallery');
    const pick = (start: string) => naughty.find((s) => s.startsWith(start))!;
    el.testimonials = [
      {
        image: PHOTO,
        quote: pick('<img src=x'),
        name: pick('\u202e'),
        role: pick('مرحبا'),
        url: pick('javascript:'),
      },
      { image: PHOTO, quote: pick('{{constructor'), name: pick('Z\u0334'), place: pick('👩🏽') },
      { image: PHOTO, quote: naughty.at(-3)!, name: pick('\u200b') },
    ];
    column().append(el);
    await settle(el);
    expect(el.items.length).to.equal(3);
    await expectAccessible(el);
  });

  it('__proto__, constructor and prototype keys change nothing', async () => {
    const feed = JSON.parse(`{
      "__proto__": { "testimonials": [{ "image": "${PHOTO}", "quote": "inherited" }] },
      "constructor": { "prototype": { "polluted": "yes" } },
      "testimonials": [
        { "__proto__": { "polluted": "yes", "quote": "from the prototype" }, "image": "${PHOTO}", "quote": "Own quote" },
        { "__proto__": { "quote": "only in __proto__" }, "image": "${PHOTO}" },
        { "constructor": { "prototype": { "polluted": "yes" } }, "image": "${PHOTO}", "quote": "Second", "id": "__proto__" }
      ]
    }`) as unknown;
    const el = document.createElement('notwiththem-gallery');
    el.testimonials = feed;
    column().append(el);
    await settle(el);
    expect(el.items.map((item) => item.quote)).to.deep.equal(['Own quote', 'Second']);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect(Object.prototype).to.not.have.property('polluted');
    expect(Object.getPrototypeOf(el.items[0])).to.equal(Object.prototype);
    expectSafe(el, 'prototype keys');

    // A feed whose testimonials are only inherited is not a feed.
    const inherited = document.createElement('notwiththem-gallery');
    inherited.testimonials = Object.create({ testimonials: [{ image: PHOTO, quote: 'inherited' }] });
    column().append(inherited);
    await settle(inherited);
    expect(inherited.items).to.deep.equal([]);
    expect(inherited.shadowRoot!.querySelector('[role="alert"]')).to.not.equal(null);
  });

  it('any JSON value: never throws, ends in a state, nothing unsafe (property)', async () => {
    const host = column();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
        const el = fresh(host);
        el.testimonials = value;
        await settle(el);
        expectSafe(el, `JSON ${JSON.stringify(value)?.slice(0, 120)}`);
        const root = el.shadowRoot!;
        const state = root.querySelector('[part~="state"]');
        const slides = root.querySelectorAll('[part~="slide"]').length;
        // Exactly one of: slides, or a state message (no source, empty, schema error).
        expect(Boolean(state) !== slides > 0, 'one state').to.equal(true);
      }),
      { numRuns: 100 },
    );
  });

  it('testimonial-shaped feeds with wrong types and hostile values (property)', async () => {
    const hostile = fc.oneof(
      fc.constantFrom(...naughty.filter((s) => s.length < 1000)),
      fc.anything({ maxDepth: 2, maxKeys: 3 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.constant(PHOTO),
      fc.string({ maxLength: 30 }),
      fc.integer(),
    );
    const image = fc.oneof(
      hostile,
      fc.record(
        {
          src: hostile,
          alt: hostile,
          width: hostile,
          height: hostile,
          srcset: hostile,
          sizes: hostile,
          color: hostile,
        },
        { requiredKeys: [] },
      ),
    );
    const entry = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record(
          {
            id: hostile,
            image,
            quote: hostile,
            name: hostile,
            role: hostile,
            place: hostile,
            affiliation: hostile,
            url: hostile,
            lang: hostile,
            alt: hostile,
          },
          { requiredKeys: [] },
        ),
      },
      { weight: 1, arbitrary: hostile },
    );
    const feed = fc.oneof(
      fc.array(entry, { maxLength: 4 }),
      fc.record(
        {
          title: hostile,
          description: hostile,
          hashtag: hostile,
          submit: fc.oneof(hostile, fc.record({ url: hostile, label: hostile }, { requiredKeys: [] })),
          next: hostile,
          testimonials: fc.oneof(fc.array(entry, { maxLength: 4 }), hostile),
        },
        { requiredKeys: [] },
      ),
    );
    const host = column();
    await fc.assert(
      fc.asyncProperty(feed, async (value) => {
        const el = fresh(host);
        el.testimonials = value;
        await settle(el);
        await withDialog(el, () => expectSafe(el, `feed ${fc.stringify(value).slice(0, 200)}`));
        for (const item of el.items) {
          expect(
            item.image.src.startsWith('http:') || item.image.src.startsWith('https:'),
            item.image.src,
          ).to.equal(true);
          expect(item.image.alt.trim(), 'alt is never empty').to.not.equal('');
          if (item.url) expect(/^https?:/.test(item.url), item.url).to.equal(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('grapheme text with right-to-left runs, emoji and combining marks renders exactly, inside its column (property)', async () => {
    const host = column(320);
    const width = 320;
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'grapheme-composite', maxLength: 12 }),
      fc.constantFrom(
        'مرحبا بالعالم',
        'שלום',
        '#لسنا_معهم',
        '👩🏽‍🚒',
        '🏳️‍🌈',
        '🇦🇷',
        'e\u0301',
        'Z\u0334\u0321\u0322a\u0338',
        '\u202e',
        '\u2067',
        '\u200f',
        '\u200b',
        'ﷺ',
        '𒐫',
      ),
    );
    const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
    const entry = fc.record({
      quote: text,
      name: text,
      role: text,
      place: text,
      affiliation: text,
      alt: text,
    });
    let sampled: NotWithThemGallery | undefined;
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 3 }), text, async (entries, title) => {
        const el = fresh(host);
        el.testimonials = { title, testimonials: entries.map((e) => ({ ...e, image: PHOTO })) };
        await settle(el);
        expectSafe(el, 'grapheme feed');
        const quotes = [...el.shadowRoot!.querySelectorAll('[part~="quote"]')];
        expect(quotes.map((q) => q.textContent)).to.deep.equal(el.items.map((item) => item.quote));
        for (const [i, item] of el.items.entries()) {
          // Text is kept as given (trimmed), never mangled: a quote that had visible text still has it.
          const given = entries.find((e) => e.quote.trim() === item.quote);
          expect(given, `quote ${i} kept as given`).to.exist;
          expect(quotes[i]!.getAttribute('dir')).to.equal('auto');
        }
        // Whatever the text, the gallery keeps its column's width and its slides stay in the track.
        expect(el.getBoundingClientRect().width).to.equal(width);
        const track = $(el, TRACK);
        const slide = track?.querySelector<HTMLElement>('.slide');
        if (track && slide)
          expect(slide.getBoundingClientRect().width).to.be.at.most(track.clientWidth + 0.5);
        sampled = el;
      }),
      { numRuns: 100 },
    );
    expect(sampled).to.exist;
    await expectAccessible(sampled!);
  });
});
