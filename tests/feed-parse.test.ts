import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { LIMITS, parseFeed, parseFeedInSlices, SLICE, safeUrl, slugify } from '../src/feed/parse.js';
import { FeedError, type ParsedFeed } from '../src/feed/types.js';

const BASE = 'https://example.org/feeds/testimonials.json';
const PHOTO = 'https://example.org/photos/a.webp';
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A valid entry, with `fields` on top. */
function entry(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { image: PHOTO, quote: '#NotWithThem because they represent the capitalist class', ...fields };
}

/** Parses one entry; `baseUrl: null` parses without a base URL. */
function one(fields: Record<string, unknown>, baseUrl: string | null = BASE): ParsedFeed {
  return parseFeed([entry(fields)], baseUrl === null ? {} : { baseUrl });
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const ATTACKS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '\x01javascript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'data:image/png;base64,iVBORw0KGgo=',
  'blob:https://example.org/0b0e7d3e-6f5c-4e39-9b0a-0f1a2b3c4d5e',
  'file:///etc/passwd',
  'ftp://example.org/a.webp',
  '\u0000https://example.org/a.webp',
  'https://exa\u0000mple.org/a.webp',
];

describe('parseFeed: feed shapes', () => {
  it('accepts a bare array of testimonials', () => {
    const feed = parseFeed([entry(), entry({ name: 'Laura Vilches' })], { baseUrl: BASE });

    expect(feed.testimonials).to.have.length(2);
    expect(feed.warnings).to.deep.equal([]);
    expect(feed).to.not.have.any.keys('title', 'description', 'hashtag', 'submit', 'next');
  });

  it('accepts an object with testimonials and meta', () => {
    const feed = parseFeed(
      {
        title: ' #NotWithThem ',
        description: 'Students, workers and legislators',
        hashtag: '#NotWithThem',
        submit: { url: 'mailto:pics@example.org', label: 'Send us your pic' },
        testimonials: [entry()],
        next: 'page-2.json',
      },
      { baseUrl: BASE },
    );

    expect(feed.title).to.equal('#NotWithThem');
    expect(feed.description).to.equal('Students, workers and legislators');
    expect(feed.hashtag).to.equal('NotWithThem');
    expect(feed.submit).to.deep.equal({ url: 'mailto:pics@example.org', label: 'Send us your pic' });
    expect(feed.next).to.equal('https://example.org/feeds/page-2.json');
    expect(feed.testimonials).to.have.length(1);
  });

  const wrongShapes: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', '[{"quote":"x"}]'],
    ['a boolean', true],
    ['an object without testimonials', { title: 'x' }],
    ['an object whose testimonials is a string', { testimonials: 'x' }],
    ['an object whose testimonials is null', { testimonials: null }],
    ['an object whose testimonials is an object', { testimonials: { 0: entry() } }],
  ];
  for (const [label, data] of wrongShapes) {
    it(`throws FeedError('schema') for ${label}`, () => {
      const error = thrown(() => parseFeed(data));

      expect(error).to.be.instanceOf(FeedError);
      expect((error as FeedError).code).to.equal('schema');
      expect((error as FeedError).message).to.match(/testimonials/);
    });
  }

  it('does not read an inherited testimonials array', () => {
    const data = Object.create({ testimonials: [entry()] }) as unknown;

    expect(() => parseFeed(data)).to.throw(FeedError);
  });

  it('returns no testimonials, without throwing, when every entry is invalid', () => {
    const feed = parseFeed({ testimonials: [{}, null, { quote: 'no image' }] });

    expect(feed.testimonials).to.deep.equal([]);
    expect(feed.warnings.map((w) => w.index)).to.deep.equal([0, 1, 2]);
  });

  it('returns no testimonials and no warnings for an empty array', () => {
    expect(parseFeed([])).to.deep.equal({ testimonials: [], warnings: [] });
  });
});

describe('parseFeed: URLs', () => {
  it('resolves a relative image URL against the feed URL', () => {
    const feed = one({ image: 'photos/a.webp' });

    expect(feed.testimonials[0]!.image.src).to.equal('https://example.org/feeds/photos/a.webp');
  });

  it('resolves root-relative, parent and protocol-relative URLs', () => {
    const feed = parseFeed(
      [
        entry({ image: '/a.webp' }),
        entry({ image: '../b.webp' }),
        entry({ image: '//cdn.example.net/c.webp' }),
      ],
      { baseUrl: BASE },
    );

    expect(feed.testimonials.map((t) => t.image.src)).to.deep.equal([
      'https://example.org/a.webp',
      'https://example.org/b.webp',
      'https://cdn.example.net/c.webp',
    ]);
  });

  it('resolves against the feed URL, not the page URL', () => {
    const feed = one({ image: 'a.webp' }, 'https://cdn.example.net/x/feed.json');

    expect(feed.testimonials[0]!.image.src).to.equal('https://cdn.example.net/x/a.webp');
    expect(feed.testimonials[0]!.image.src).to.not.include(location.host);
  });

  it('refuses relative URLs when there is no base URL, and says why', () => {
    const feed = one({ image: 'photos/a.webp', url: 'more.html' }, null);

    expect(feed.testimonials).to.deep.equal([]);
    expect(feed.warnings).to.deep.equal([
      { index: 0, reason: 'image URL is relative and the feed has no base URL' },
    ]);
  });

  it('accepts absolute URLs without a base URL', () => {
    const feed = one({ url: 'https://example.org/more' }, null);

    expect(feed.testimonials[0]!.image.src).to.equal(PHOTO);
    expect(feed.testimonials[0]!.url).to.equal('https://example.org/more');
  });

  it('treats a base URL that is not absolute as none, with a feed warning', () => {
    const feed = parseFeed([entry({ image: 'a.webp' }), entry()], { baseUrl: '/feeds/testimonials.json' });

    expect(feed.testimonials).to.have.length(1);
    expect(feed.warnings[0]).to.deep.include({ index: -1 });
    expect(feed.warnings[1]).to.deep.include({ index: 0 });
  });

  it('normalizes the scheme case and trims surrounding whitespace', () => {
    const feed = one({ image: '  HTTPS://Example.ORG/a.webp\n' });

    expect(feed.testimonials[0]!.image.src).to.equal('https://example.org/a.webp');
  });

  it('accepts http: as well as https:', () => {
    expect(one({ image: 'http://example.org/a.webp' }).testimonials[0]!.image.src).to.equal(
      'http://example.org/a.webp',
    );
  });

  for (const attack of ATTACKS) {
    const shown = JSON.stringify(attack);

    it(`drops an entry whose image is ${shown}`, () => {
      const feed = parseFeed(
        [entry(), entry({ image: attack }), entry({ image: { src: attack, alt: 'x' } })],
        { baseUrl: BASE },
      );

      expect(feed.testimonials).to.have.length(1);
      expect(feed.warnings.map((w) => w.index)).to.deep.equal([1, 2]);
      expect(feed.warnings[0]!.reason).to.match(/^image URL /);
    });

    it(`drops only the url field when it is ${shown}`, () => {
      const feed = one({ url: attack });

      expect(feed.testimonials).to.have.length(1);
      expect(feed.testimonials[0]).to.not.have.property('url');
      expect(feed.warnings).to.deep.equal([]);
    });

    it(`drops submit and next when they are ${shown}`, () => {
      const feed = parseFeed(
        { testimonials: [entry()], submit: { url: attack, label: 'Send' }, next: attack },
        { baseUrl: BASE },
      );

      expect(feed).to.not.have.property('submit');
      expect(feed).to.not.have.property('next');
    });

    it(`drops the srcset when a candidate is ${shown}`, () => {
      const feed = one({ image: { src: PHOTO, srcset: `a-640.webp 640w, ${attack} 1280w`, sizes: '100vw' } });

      expect(feed.testimonials[0]!.image).to.not.have.any.keys('srcset', 'sizes');
    });

    it(`safeUrl refuses ${shown} for every allowlist`, () => {
      expect(safeUrl(attack, BASE, ['http:', 'https:'])).to.equal(undefined);
      expect(safeUrl(attack, BASE, ['http:', 'https:', 'mailto:'])).to.equal(undefined);
    });
  }

  it('names the refused protocol in the warning', () => {
    expect(one({ image: 'JaVaScRiPt:alert(1)' }).warnings[0]!.reason).to.equal(
      'image URL is not http(s) (javascript:)',
    );
  });

  it('refuses URLs containing control characters, even ones the URL parser would strip', () => {
    expect(one({ image: 'https://example.org/a\t.webp' }).warnings[0]!.reason).to.equal(
      'image URL contains control characters',
    );
    expect(safeUrl('https://example.org/a\nb', undefined, ['https:'])).to.equal(undefined);
  });

  it('refuses URLs longer than 8,192 characters', () => {
    const long = `https://example.org/${'a'.repeat(8_200)}.webp`;

    expect(one({ image: long }).warnings[0]!.reason).to.match(/longer than/);
  });

  it('lets submit use mailto:, but never image, url or next', () => {
    const mail = 'mailto:pics@example.org?subject=NotWithThem';
    const feed = parseFeed({
      testimonials: [entry({ url: mail }), entry({ image: mail })],
      submit: { url: mail },
      next: mail,
    });

    expect(feed.submit).to.deep.equal({ url: mail });
    expect(feed).to.not.have.property('next');
    expect(feed.testimonials).to.have.length(1);
    expect(feed.testimonials[0]).to.not.have.property('url');
  });

  it('safeUrl resolves, normalizes and checks against the given protocols', () => {
    expect(safeUrl('photos/a.webp', BASE, ['https:'])).to.equal('https://example.org/feeds/photos/a.webp');
    expect(safeUrl('photos/a.webp', undefined, ['https:'])).to.equal(undefined);
    expect(safeUrl('http://example.org/', BASE, ['https:'])).to.equal(undefined);
    expect(safeUrl('mailto:a@example.org', undefined, ['mailto:'])).to.equal('mailto:a@example.org');
    expect(safeUrl(42, BASE, ['https:'])).to.equal(undefined);
    expect(safeUrl('', BASE, ['https:'])).to.equal(undefined);
    expect(safeUrl('https://', BASE, ['https:'])).to.equal(undefined);
    expect(safeUrl('https://example.org/', 'not a url', ['https:'])).to.equal('https://example.org/');
  });

  it('safeUrl checks the protocol of URLs under a plain http(s) directory too', () => {
    expect(safeUrl('photos/a.webp', BASE, ['mailto:'])).to.equal(undefined);
    expect(safeUrl('https://example.org/photos/a.webp', BASE, ['http:'])).to.equal(undefined);
    expect(safeUrl('http://example.org/photos/a.webp', BASE, ['http:'])).to.equal(
      'http://example.org/photos/a.webp',
    );
  });

  // URLs of one directory share one parse (see `prefixes` in parse.ts): every result must still be the
  // parser's own, for odd names, odd directories and odd feed URLs, in any order.
  const ODD_BASES = [
    BASE,
    'https://example.org',
    'https://example.org/a/b/',
    'https://example.org/feeds/page.json?after=10#top',
    'http://EXAMPLE.org:80/x/./y/../feed.json',
    'https://user:pw@example.org:8443/feeds/',
    'https://[::1]:8080/feed.json',
    'https://bücher.example/%7Efeeds/feed.json',
  ];
  const ODD_URLS = [
    'a.webp',
    './a.webp',
    '../a.webp',
    '../../../../a.webp',
    '/a.webp',
    '//cdn.example.net/a.webp',
    '//cdn.example.net',
    'photos/a.webp',
    'photos//a.webp',
    'photos/./a.webp',
    'photos/../a.webp',
    'photos/%2e%2e/a.webp',
    'photos/..',
    'photos/.',
    'photos/.a',
    'photos/a.',
    'photos/a..b',
    'photos/a~b-c_d.webp',
    'photos/A.WEBP',
    'photos/a b.webp',
    'photos/a%20b.webp',
    'photos/ä.webp',
    'phötos/a.webp',
    'photos\\a.webp',
    'photos/a.webp?w=640',
    'photos/a.webp#x',
    'photos?/a.webp',
    'photos#/a.webp',
    '?q=1',
    '#h',
    '.',
    '..',
    '/',
    '//',
    '///a.webp',
    'https:a.webp',
    'HTTPS:a.webp',
    'http:/a.webp',
    'https://example.org',
    'https://example.org/photos/a.webp',
    'https://EXAMPLE.org:443/photos/a.webp',
    'HTTP://example.org:80/photos/a.webp',
    'https://example.org/photos/../a.webp',
    'https://example.org./a.webp',
    'https://xn--bcher-kva.example/a.webp',
    'https://bücher.example/a.webp',
    'https://1.2.3.4/a.webp',
    'https://0x7f.1/a.webp',
    'https://[::1]/a.webp',
    'https://user@example.org/a.webp',
    'https://example.org:99999/a.webp',
    'https://exa mple.org/a.webp',
    'https:///a.webp',
    'mailto:a@example.org',
    'mailto:/a.webp',
    'javascript:a.webp',
    'data:a/b',
    'file:///a.webp',
    'ftp://example.org/a.webp',
  ];

  it('resolves odd URLs exactly as new URL(url, feed URL) does, under every field', () => {
    for (const baseUrl of ODD_BASES) {
      // Twice over, so that each URL also meets the directories its neighbours left in the cache.
      const urls = [...ODD_URLS, ...ODD_URLS.slice().reverse()];
      const feed = parseFeed(
        {
          testimonials: urls.map((url) => ({ image: url, url, quote: 'q' })),
          submit: { url: urls[0] },
          next: urls[1],
        },
        { baseUrl },
      );
      const parsed = (url: string, allowed: string[]) => {
        try {
          const { href, protocol, username, password } = new URL(url, baseUrl);
          // A URL with userinfo is refused: it reads as one site and goes to another.
          return allowed.includes(protocol) && !username && !password ? href : undefined;
        } catch {
          return undefined;
        }
      };
      const images = urls.map((url) => parsed(url, ['http:', 'https:']));
      expect(
        feed.testimonials.map((t) => t.image.src),
        baseUrl,
      ).to.deep.equal(images.filter(Boolean));
      expect(
        feed.testimonials.map((t) => t.url),
        baseUrl,
      ).to.deep.equal(urls.filter((_, i) => images[i]).map((url) => parsed(url, ['http:', 'https:'])));
      expect(feed.submit?.url, baseUrl).to.equal(parsed(urls[0]!, ['http:', 'https:', 'mailto:']));
      expect(feed.next, baseUrl).to.equal(parsed(urls[1]!, ['http:', 'https:']));
      for (const url of ODD_URLS) {
        expect(safeUrl(url, baseUrl, ['mailto:']), url).to.equal(parsed(url, ['mailto:']));
        expect(safeUrl(url, baseUrl, ['http:']), url).to.equal(parsed(url, ['http:']));
      }
    }
  });

  it('names the refused protocol of a URL under a cached directory', () => {
    const feed = parseFeed(
      [entry({ image: 'photos/a.webp' }), entry({ image: 'JAVASCRIPT:photos/b.webp' })],
      { baseUrl: BASE },
    );

    expect(feed.warnings).to.deep.equal([{ index: 1, reason: 'image URL is not http(s) (javascript:)' }]);
  });
});

describe('parseFeed: objects are built from known keys only', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>)['polluted'];
  });

  it('ignores __proto__ at feed, entry, image and submit level', () => {
    const json = `{
      "__proto__": { "polluted": 1 },
      "submit": { "url": "https://example.org/send", "__proto__": { "polluted": 2 } },
      "testimonials": [{
        "__proto__": { "polluted": 3 },
        "quote": "q",
        "image": { "src": "${PHOTO}", "__proto__": { "polluted": 4 } }
      }]
    }`;

    const feed = parseFeed(JSON.parse(json));

    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    const objects = [feed, feed.submit!, feed.testimonials[0]!, feed.testimonials[0]!.image];
    for (const object of objects) {
      expect(Object.getPrototypeOf(object)).to.equal(Object.prototype);
      expect((object as unknown as Record<string, unknown>)['polluted']).to.equal(undefined);
      expect(Object.keys(object)).to.not.include('__proto__');
    }
  });

  it('ignores constructor and prototype keys', () => {
    const json = `[{ "constructor": { "prototype": { "polluted": 1 } }, "prototype": { "polluted": 2 },
      "quote": "q", "image": { "src": "${PHOTO}", "constructor": { "polluted": 3 } } }]`;

    const feed = parseFeed(JSON.parse(json));

    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect(Object.keys(feed.testimonials[0]!)).to.deep.equal(['id', 'image', 'quote']);
    expect(feed.testimonials[0]!.constructor).to.equal(Object);
  });

  it('never reads inherited properties, even from a polluted Object.prototype', () => {
    (Object.prototype as Record<string, unknown>)['polluted'] = 1;
    const inherited = Object.create({ quote: 'from the prototype', image: PHOTO }) as unknown;

    const feed = parseFeed([inherited]);

    expect(feed.testimonials).to.deep.equal([]);
    expect(feed.warnings[0]!.reason).to.include('quote is missing');
  });

  it('does not copy unknown keys', () => {
    const feed = one({ onclick: 'alert(1)', html: '<b>x</b>', image: { src: PHOTO, onerror: 'alert(1)' } });

    expect(Object.keys(feed.testimonials[0]!)).to.deep.equal(['id', 'image', 'quote']);
    expect(Object.keys(feed.testimonials[0]!.image)).to.deep.equal(['src', 'alt']);
  });
});

describe('parseFeed: entry validation', () => {
  const invalid: [string, unknown, string][] = [
    ['null', null, 'entry is not an object (got null)'],
    ['a string', 'quote', 'entry is not an object (got string)'],
    ['an array', [PHOTO, 'q'], 'entry is not an object (got array)'],
    ['no quote', { image: PHOTO }, 'quote is missing'],
    ['an empty quote', { image: PHOTO, quote: '' }, 'quote is empty'],
    ['a blank quote', { image: PHOTO, quote: ' \n\t ' }, 'quote is empty'],
    ['a numeric quote', { image: PHOTO, quote: 42 }, 'quote is not a string'],
    ['no image', { quote: 'q' }, 'image is missing'],
    ['a numeric image', { quote: 'q', image: 42 }, 'image is not a URL string or an object with src'],
    ['an image without src', { quote: 'q', image: { alt: 'a' } }, 'image has no src'],
    ['a numeric image src', { quote: 'q', image: { src: 1 } }, 'image URL is not a string'],
    [
      'an unparseable image URL',
      { quote: 'q', image: 'https://example.org:99999/a.webp' },
      'image URL is not a valid URL',
    ],
  ];
  for (const [label, data, reason] of invalid) {
    it(`leaves out an entry with ${label}, with one warning naming its index and why`, () => {
      const feed = parseFeed([entry(), entry(), data, entry()], { baseUrl: BASE });

      expect(feed.testimonials).to.have.length(3);
      expect(feed.warnings).to.deep.equal([{ index: 2, reason }]);
    });
  }

  it('gives one warning for an entry with several problems', () => {
    const feed = parseFeed([{ quote: '', image: 'javascript:alert(1)' }]);

    expect(feed.warnings).to.deep.equal([
      { index: 0, reason: 'quote is empty; image URL is not http(s) (javascript:)' },
    ]);
  });

  it('accepts image as a string or as an object with src', () => {
    const feed = parseFeed([entry({ image: 'a.webp' }), entry({ image: { src: 'b.webp' } })], {
      baseUrl: BASE,
    });

    expect(feed.testimonials.map((t) => t.image.src)).to.deep.equal([
      'https://example.org/feeds/a.webp',
      'https://example.org/feeds/b.webp',
    ]);
  });

  it('drops optional fields of the wrong type silently, keeping the entry', () => {
    const feed = one({
      name: 42,
      role: ['x'],
      place: {},
      affiliation: true,
      url: 7,
      lang: 1,
      alt: null,
      id: {},
    });

    expect(feed.warnings).to.deep.equal([]);
    expect(Object.keys(feed.testimonials[0]!)).to.deep.equal(['id', 'image', 'quote']);
  });

  it('keeps every valid field', () => {
    const feed = one({
      id: 'laura',
      name: 'Laura Vilches',
      role: 'Legislator, Province of Córdoba',
      place: 'Córdoba, Argentina',
      affiliation: "Left and Workers' Front – PTS",
      url: 'laura.html',
      lang: 'es-AR',
    });

    expect(feed.testimonials[0]).to.deep.equal({
      id: 'laura',
      image: { src: PHOTO, alt: 'Laura Vilches: #NotWithThem because they represent the capitalist class' },
      quote: '#NotWithThem because they represent the capitalist class',
      name: 'Laura Vilches',
      role: 'Legislator, Province of Córdoba',
      place: 'Córdoba, Argentina',
      affiliation: "Left and Workers' Front – PTS",
      url: 'https://example.org/feeds/laura.html',
      lang: 'es-AR',
    });
  });

  it('keeps text as plain text: trimmed, markup left literal, inner whitespace untouched', () => {
    const feed = one({
      quote: '  <script>alert(1)</script>\n<img src=x onerror=alert(1)>  ',
      name: ' A  &amp; B ',
    });

    expect(feed.testimonials[0]!.quote).to.equal('<script>alert(1)</script>\n<img src=x onerror=alert(1)>');
    expect(feed.testimonials[0]!.name).to.equal('A  &amp; B');
  });

  it('drops blank optional text', () => {
    expect(one({ name: '   ', role: '' }).testimonials[0]).to.not.have.any.keys('name', 'role');
  });

  it('does not write to the console', () => {
    const calls: unknown[] = [];
    const saved = { warn: console.warn, error: console.error, log: console.log, info: console.info };
    console.warn = console.error = console.log = console.info = (...args: unknown[]) => calls.push(args);
    try {
      parseFeed([null, {}, entry({ image: 'javascript:alert(1)' })]);
    } finally {
      Object.assign(console, saved);
    }

    expect(calls).to.deep.equal([]);
  });

  it('does not change its input', () => {
    const data = { testimonials: [entry({ image: { src: 'a.webp', color: '#ABC' }, name: ' X ' })] };
    const copy = JSON.parse(JSON.stringify(data)) as unknown;

    parseFeed(data, { baseUrl: BASE });

    expect(data).to.deep.equal(copy);
  });
});

describe('parseFeed: limits', () => {
  it(`reads at most ${LIMITS.maxEntries} entries, with one feed warning`, () => {
    const entries = Array.from({ length: LIMITS.maxEntries + 5 }, (_, i) => ({
      image: PHOTO,
      quote: `q${i}`,
    }));

    const feed = parseFeed(entries);

    expect(feed.testimonials).to.have.length(LIMITS.maxEntries);
    expect(feed.testimonials.at(-1)!.quote).to.equal(`q${LIMITS.maxEntries - 1}`);
    expect(feed.warnings).to.have.length(1);
    expect(feed.warnings[0]!.index).to.equal(-1);
    expect(feed.warnings[0]!.reason).to.include(String(LIMITS.maxEntries + 5));
  });

  it('cuts every text field at 2,000 characters', () => {
    const long = 'x'.repeat(5_000);
    const feed = parseFeed({
      title: long,
      description: long,
      hashtag: long,
      submit: { url: 'https://example.org/', label: long },
      testimonials: [
        entry({ quote: long, name: long, role: long, place: long, affiliation: long, alt: long }),
      ],
    });
    const t = feed.testimonials[0]!;

    for (const value of [
      feed.title,
      feed.description,
      feed.hashtag,
      feed.submit!.label,
      t.quote,
      t.name,
      t.role,
      t.place,
      t.affiliation,
      t.image.alt,
    ]) {
      expect(value).to.have.length(LIMITS.maxTextLength);
    }
  });

  it('never splits a surrogate pair when cutting', () => {
    const quote = `${'a'.repeat(LIMITS.maxTextLength - 1)}😀😀`;

    const cut = one({ quote }).testimonials[0]!.quote;

    expect(cut).to.equal('a'.repeat(LIMITS.maxTextLength - 1));
    expect(
      one({ quote: `${'a'.repeat(LIMITS.maxTextLength - 2)}😀😀` }).testimonials[0]!.quote,
    ).to.have.length(LIMITS.maxTextLength);
  });

  it('trims after the text is cut, so a cut never leaves trailing spaces', () => {
    const quote = `${'a'.repeat(LIMITS.maxTextLength - 3)}     more`;

    expect(one({ quote }).testimonials[0]!.quote).to.equal('a'.repeat(LIMITS.maxTextLength - 3));
  });

  const dimensions: [unknown, number | undefined][] = [
    [800, 800],
    [1, 1],
    [100_000, 100_000],
    [100_001, undefined],
    [0, undefined],
    [-5, undefined],
    [1.5, undefined],
    [Number.NaN, undefined],
    [Infinity, undefined],
    ['800', undefined],
    [null, undefined],
  ];
  for (const [value, expected] of dimensions) {
    it(`width and height ${String(value)} → ${String(expected)}`, () => {
      const image = one({ image: { src: PHOTO, width: value, height: value } }).testimonials[0]!.image;

      expect(image.width).to.equal(expected);
      expect(image.height).to.equal(expected);
      if (expected === undefined) expect(image).to.not.have.any.keys('width', 'height');
    });
  }

  const colors: [unknown, string | undefined][] = [
    ['#c33', '#cc3333'],
    ['#AbCdEf', '#abcdef'],
    [' #123456 ', '#123456'],
    ['#12345', undefined],
    ['#1234', undefined],
    ['#12345678', undefined],
    ['red', undefined],
    ['rgb(1,2,3)', undefined],
    ['#ggg', undefined],
    ['#fff;background:url(https://evil.example/)', undefined],
    [0xffffff, undefined],
  ];
  for (const [value, expected] of colors) {
    it(`color ${JSON.stringify(value)} → ${String(expected)}`, () => {
      expect(one({ image: { src: PHOTO, color: value } }).testimonials[0]!.image.color).to.equal(expected);
    });
  }

  const focuses: [unknown, string | undefined][] = [
    ['50% 22%', '50% 22%'],
    [' 0%   100% ', '0% 100%'],
    ['33.5% 12.25%', '33.5% 12.25%'],
    ['100% 0%', '100% 0%'],
    ['101% 50%', undefined],
    ['50% 100.5%', undefined],
    ['100.0% 5%', undefined],
    ['.5% 5%', undefined],
    ['-5% 50%', undefined],
    ['50%', undefined],
    ['50% 22% 10%', undefined],
    ['50px 22px', undefined],
    ['center top', undefined],
    ['50%,22%', undefined],
    ['50% 22%;background:url(https://evil.example/)', undefined],
    ['', undefined],
    [[50, 22], undefined],
    [{ x: 50, y: 22 }, undefined],
    [null, undefined],
    [0.5, undefined],
  ];
  for (const [value, expected] of focuses) {
    it(`focus ${JSON.stringify(value)} → ${String(expected)}`, () => {
      const feed = one({ image: { src: PHOTO, focus: value } });
      const { image } = feed.testimonials[0]!;

      expect(image.focus).to.equal(expected);
      if (expected === undefined) {
        expect(image).to.not.have.property('focus');
        expect(feed.warnings).to.have.length(1);
        expect(feed.warnings[0]!.index).to.equal(-1);
        expect(feed.warnings[0]!.reason).to.contain('image.focus ignored in 1 entries');
      } else expect(feed.warnings).to.deep.equal([]);
    });
  }

  it('warns once for every dropped focus of a feed, and keeps the entries', () => {
    const feed = parseFeed(
      [
        entry({ image: { src: PHOTO, focus: 'top' } }),
        entry({ image: { src: PHOTO, focus: '50% 10%' } }),
        entry({ image: { src: PHOTO, focus: 200 } }),
        entry({ image: { src: PHOTO } }),
      ],
      { baseUrl: BASE },
    );

    expect(feed.testimonials.map((t) => t.image.focus)).to.deep.equal([
      undefined,
      '50% 10%',
      undefined,
      undefined,
    ]);
    expect(feed.warnings).to.have.length(1);
    expect(feed.warnings[0]).to.deep.include({ index: -1 });
    expect(feed.warnings[0]!.reason).to.contain('in 2 entries');
    // A second parse starts counting again.
    expect(one({ image: { src: PHOTO, focus: '1% 2%' } }).warnings).to.deep.equal([]);
  });

  it("reads focus only as the image's own property", () => {
    const image = Object.create({ focus: '50% 10%' }) as Record<string, unknown>;
    image['src'] = PHOTO;
    const feed = one({ image });

    expect(feed.testimonials[0]!.image).to.not.have.property('focus');
    expect(feed.warnings).to.deep.equal([]);
  });

  const langs: [unknown, string | undefined][] = [
    ['es', 'es'],
    ['es-AR', 'es-AR'],
    ['zh-Hant-TW', 'zh-Hant-TW'],
    ['gsw', 'gsw'],
    [' en ', 'en'],
    ['e', undefined],
    ['english', undefined],
    ['es_AR', undefined],
    ['es-', undefined],
    ['en"><script>', undefined],
    [`en${'-abcdefgh'.repeat(10)}`, undefined],
    [1, undefined],
  ];
  for (const [value, expected] of langs) {
    it(`lang ${JSON.stringify(value)} → ${String(expected)}`, () => {
      expect(one({ lang: value }).testimonials[0]!.lang).to.equal(expected);
    });
  }

  const hashtags: [unknown, string | undefined][] = [
    ['NotWithThem', 'NotWithThem'],
    ['#NotWithThem', 'NotWithThem'],
    [' #Not With-Them! ', 'NotWithThem'],
    ['#NoConEllos_2016', 'NoConEllos_2016'],
    ['#NiConUnoNiConOtraÑandú', 'NiConUnoNiConOtraÑandú'],
    ['#नहीं', 'नहीं'],
    ['#<script>', 'script'],
    ['###', undefined],
    ['', undefined],
    [42, undefined],
  ];
  for (const [value, expected] of hashtags) {
    it(`hashtag ${JSON.stringify(value)} → ${String(expected)}`, () => {
      expect(parseFeed({ hashtag: value, testimonials: [] }).hashtag).to.equal(expected);
    });
  }
});

describe('parseFeed: srcset and sizes', () => {
  it('resolves every srcset candidate and keeps its descriptor', () => {
    const image = one({
      image: {
        src: 'a.webp',
        srcset: 'a-640.webp 640w,\n /a-1280.webp  1280w',
        sizes: '(min-width: 800px) 50vw, 100vw',
      },
    }).testimonials[0]!.image;

    expect(image.srcset).to.equal(
      'https://example.org/feeds/a-640.webp 640w, https://example.org/a-1280.webp 1280w',
    );
    expect(image.sizes).to.equal('(min-width: 800px) 50vw, 100vw');
  });

  it('accepts x descriptors, no descriptor, and commas inside URLs', () => {
    const srcset =
      'https://img.example.net/w_640,h_480/a.webp, https://img.example.net/w_1280,h_960/a.webp 2x, b.webp 1.5x';

    expect(one({ image: { src: PHOTO, srcset } }).testimonials[0]!.image.srcset).to.equal(
      'https://img.example.net/w_640,h_480/a.webp, https://img.example.net/w_1280,h_960/a.webp 2x, https://example.org/feeds/b.webp 1.5x',
    );
  });

  const badSrcsets: [string, unknown][] = [
    ['a bad descriptor', 'a.webp 640px'],
    ['two descriptors', 'a.webp 640w 2x'],
    ['a zero width', 'a.webp 0w'],
    ['a zero density', 'a.webp 0x'],
    ['only commas', ' , , '],
    ['a number', 640],
    ['a relative candidate without base', 'a.webp 640w'],
  ];
  for (const [label, srcset] of badSrcsets) {
    it(`drops a srcset with ${label}, keeping the entry`, () => {
      const baseUrl = label.includes('without base') ? null : BASE;

      const feed = one({ image: { src: PHOTO, srcset, sizes: '100vw' } }, baseUrl);

      expect(feed.warnings).to.deep.equal([]);
      expect(feed.testimonials[0]!.image).to.not.have.any.keys('srcset', 'sizes');
    });
  }

  it('drops sizes with angle brackets or other markup characters', () => {
    for (const sizes of ['(width >= 600px) 50vw', '100vw"><script>', 'calc(100vw - 2rem);x']) {
      expect(
        one({ image: { src: PHOTO, srcset: 'a.webp 640w', sizes } }).testimonials[0]!.image,
      ).to.not.have.property('sizes');
    }
  });

  it('drops sizes when there is no srcset', () => {
    expect(one({ image: { src: PHOTO, sizes: '100vw' } }).testimonials[0]!.image).to.not.have.property(
      'sizes',
    );
  });
});

describe('parseFeed: alt text', () => {
  it('uses image.alt first', () => {
    expect(
      one({ image: { src: PHOTO, alt: ' Laura holds a sign ' }, alt: 'other', name: 'Laura' })
        .testimonials[0]!.image.alt,
    ).to.equal('Laura holds a sign');
  });

  it('uses the entry alt when image.alt is absent or blank', () => {
    expect(one({ alt: 'Entry alt' }).testimonials[0]!.image.alt).to.equal('Entry alt');
    expect(one({ image: { src: PHOTO, alt: '  ' }, alt: 'Entry alt' }).testimonials[0]!.image.alt).to.equal(
      'Entry alt',
    );
  });

  it('makes one from name and quote, or from the quote alone', () => {
    expect(one({ name: 'Laura Vilches', quote: 'Because.' }).testimonials[0]!.image.alt).to.equal(
      'Laura Vilches: Because.',
    );
    expect(one({ quote: 'Because.', alt: '' }).testimonials[0]!.image.alt).to.equal('Because.');
  });

  it('is never empty and never longer than the text limit', () => {
    const long = 'y'.repeat(LIMITS.maxTextLength);
    const feed = parseFeed([entry({ name: long, quote: long }), entry({ image: { src: PHOTO, alt: 5 } })]);

    for (const t of feed.testimonials) {
      expect(t.image.alt.length).to.be.within(1, LIMITS.maxTextLength);
    }
  });
});

describe('parseFeed: ids', () => {
  it('slugifies a given id', () => {
    expect(one({ id: ' Laura_Vilches 2016! ' }).testimonials[0]!.id).to.equal('laura-vilches-2016');
  });

  it('accepts a numeric id', () => {
    expect(one({ id: 42 }).testimonials[0]!.id).to.equal('42');
  });

  it('derives the id from the name, folding accents', () => {
    expect(one({ name: 'Raúl Godoy' }).testimonials[0]!.id).to.equal('raul-godoy');
  });

  it('derives the id from the quote when there is no name', () => {
    expect(one({ quote: '#NotWithThem because we are not their backyard' }).testimonials[0]!.id).to.equal(
      'notwiththem-because-we-are-not-their-backyard',
    );
  });

  it('falls back to t-<position in the feed> when nothing folds to Latin', () => {
    const feed = parseFeed([null, entry({ name: 'ラウル', quote: '彼らとは一緒にいない' })]);

    expect(feed.testimonials[0]!.id).to.equal('t-2');
  });

  it('falls back to the name when a given id slugifies to nothing', () => {
    expect(one({ id: '!!!', name: 'Laura' }).testimonials[0]!.id).to.equal('laura');
  });

  it('makes duplicates unique with -2, -3…', () => {
    const feed = parseFeed([
      entry({ name: 'Laura' }),
      entry({ name: 'laura' }),
      entry({ id: 'LAURA' }),
      entry({ name: 'Raúl' }),
    ]);

    expect(feed.testimonials.map((t) => t.id)).to.deep.equal(['laura', 'laura-2', 'laura-3', 'raul']);
  });

  it('skips suffixes that are already taken', () => {
    const feed = parseFeed([
      entry({ id: 'a' }),
      entry({ id: 'a-2' }),
      entry({ id: 'a' }),
      entry({ id: 'a-2' }),
    ]);

    expect(feed.testimonials.map((t) => t.id)).to.deep.equal(['a', 'a-2', 'a-3', 'a-2-2']);
  });

  it('keeps ids at most 64 characters, suffix included', () => {
    const long = 'word '.repeat(40);
    const feed = parseFeed([
      entry({ id: long }),
      entry({ id: long }),
      entry({ id: 'x'.repeat(100) }),
      entry({ id: 'x'.repeat(100) }),
    ]);

    for (const { id } of feed.testimonials) {
      expect(id).to.match(SLUG);
      expect(id.length).to.be.at.most(64);
    }
    expect(feed.testimonials[1]!.id).to.match(/-2$/);
    expect(feed.testimonials[3]!.id).to.match(/-2$/);
    expect(new Set(feed.testimonials.map((t) => t.id)).size).to.equal(4);
  });

  it('gives the same ids to the same feed', () => {
    const data = [entry({ name: 'Laura' }), entry({ name: 'Laura' }), entry({ quote: 'Ω' }), entry()];

    expect(parseFeed(data).testimonials.map((t) => t.id)).to.deep.equal(
      parseFeed(data).testimonials.map((t) => t.id),
    );
  });

  it('slugify folds, lowercases and hyphenates', () => {
    expect(slugify('Raúl Godoy')).to.equal('raul-godoy');
    expect(slugify('Noelia Barbeito & Macarena Escudero')).to.equal('noelia-barbeito-macarena-escudero');
    expect(slugify('Straße Øresund Łódź Æsir ﬁne')).to.equal('strasse-oresund-lodz-aesir-fine');
    expect(slugify('  --Ñandú--  ')).to.equal('nandu');
    expect(slugify('Ｆｕｌｌ　ｗｉｄｔｈ')).to.equal('full-width');
    expect(slugify('İstanbul')).to.equal('istanbul');
    expect(slugify('日本語')).to.equal('');
    expect(slugify('')).to.equal('');
  });

  it('slugify gives a slug back unchanged', () => {
    // It answers a slug without folding it: that is only right because folding a slug changes nothing.
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[a-z0-9-]{0,80}$/)),
        (text) => {
          const slug = slugify(text);
          return slugify(slug) === slug && (slug === '' || SLUG.test(slug));
        },
      ),
      { numRuns: 2000 },
    );
    expect(slugify('t0')).to.equal('t0');
    expect(slugify('a-b-c')).to.equal('a-b-c');
    expect(slugify('a--b')).to.equal('a-b');
    expect(slugify('-a-')).to.equal('a');
    expect(slugify('T0')).to.equal('t0');
  });

  it('keeps a later explicit id for its entry: an earlier duplicate takes the next free suffix', () => {
    const feed = parseFeed([
      entry({ id: 'a' }),
      entry({ id: 'a' }),
      entry({ id: 'a-2' }),
      entry({ id: 'a' }),
      entry({ id: 'a-2' }),
    ]);

    expect(feed.testimonials.map((t) => t.id)).to.deep.equal(['a', 'a-3', 'a-2', 'a-4', 'a-2-2']);
  });

  it('slugify cuts at a word boundary within 64 characters', () => {
    const slug = slugify(
      '#NotWithThem because both deny rights for immigrants, because both are imperialists',
    );

    expect(slug).to.equal('notwiththem-because-both-deny-rights-for-immigrants-because-both');
    expect(slug.length).to.be.at.most(64);
  });
});

describe('parseFeed: fixture', () => {
  it('parses tests/fixtures/feed-basic.json fetched from the server', async () => {
    const response = await fetch('/tests/fixtures/feed-basic.json');
    const baseUrl = new URL('/tests/fixtures/feed-basic.json', location.href).href;
    const origin = location.origin;

    const feed = parseFeed(await response.json(), { baseUrl });

    expect(feed.warnings).to.deep.equal([]);
    expect(feed.title).to.equal('#NotWithThem: students, workers and legislators from Argentina');
    expect(feed.hashtag).to.equal('NotWithThem');
    expect(feed.submit).to.deep.equal({
      url: 'mailto:contact@example.org?subject=NotWithThem',
      label: 'Send us your pic',
    });
    expect(feed.testimonials.map((t) => t.id)).to.deep.equal([
      'laura-vilches',
      'noelia-barbeito-and-macarena-escudero',
      'workers-pompeya',
    ]);
    const [laura, mendoza, pompeya] = feed.testimonials;
    expect(laura!.image).to.deep.equal({
      src: `${origin}/tests/fixtures/photos/laura-vilches.webp`,
      alt: 'Laura Vilches: #NotWithThem because they represent the capitalist class',
      width: 1200,
      height: 900,
      color: '#cc3333',
    });
    expect(laura!.lang).to.equal('en');
    expect(mendoza!.image).to.deep.equal({
      src: `${origin}/tests/fixtures/photos/barbeito-escudero.webp`,
      alt: 'Noelia Barbeito and Macarena Escudero hold a sign',
    });
    expect(pompeya!.image.src).to.equal(`${origin}/tests/photos/pompeya.webp`);
    expect(pompeya!.image.srcset).to.equal(
      `${origin}/tests/photos/pompeya-640.webp 640w, ${origin}/tests/photos/pompeya-1280.webp 1280w`,
    );
    expect(pompeya!.image.sizes).to.equal('(min-width: 800px) 50vw, 100vw');
    expect(pompeya!.url).to.equal(`${origin}/notwiththem/pompeya`);
  });
});

describe('parseFeed: the largest feed', () => {
  // How fast this is belongs to the benchmark (npm run bench, first image at 10,000), not to a timed
  // assertion on a noisy machine: here only that the largest allowed feed parses whole and right.
  it(`parses ${LIMITS.maxEntries} entries, every one with a unique id`, () => {
    const data = {
      testimonials: Array.from({ length: LIMITS.maxEntries }, (_, i) => ({
        image: {
          src: `photos/${i}.webp`,
          width: 1200,
          height: 900,
          color: '#c33',
          srcset: `photos/${i}-640.webp 640w, photos/${i}.webp 1200w`,
          sizes: '100vw',
        },
        quote: `#NotWithThem because reason number ${i}, with an accent: Córdoba`,
        name: i % 3 === 0 ? 'Raúl Godoy' : `Person ${i}`,
        role: 'Legislator',
        place: 'Neuquén, Argentina',
        url: `more/${i}.html`,
        lang: 'es-AR',
      })),
    };

    const feed = parseFeed(data, { baseUrl: BASE });

    expect(feed.testimonials).to.have.length(LIMITS.maxEntries);
    expect(new Set(feed.testimonials.map((t) => t.id)).size).to.equal(LIMITS.maxEntries);
    expect(feed.testimonials[LIMITS.maxEntries - 1]!.url).to.equal(
      new URL(`more/${LIMITS.maxEntries - 1}.html`, BASE).href,
    );
  });
});

describe('parseFeedInSlices: a large feed without a long task', () => {
  /** `count` entries, every third with a focus that is refused (counted in one warning at the end). */
  const feedOf = (count: number, name = 'Same Name') => ({
    testimonials: Array.from({ length: count }, (_, i) =>
      entry({ name, image: { src: `photos/${i}.webp`, focus: i % 3 ? '50% 20%' : 'top' } }),
    ),
  });

  it('yields after the first entry and between slices, and gives what parseFeed gives', async () => {
    const data = feedOf(2 * SLICE + 10);
    const checked: number[] = [];
    const sliced = await parseFeedInSlices(data, { baseUrl: BASE }, async (so) => checked.push(so.length));
    // After the first entry (its photo may leave), then after each slice.
    expect(checked).to.deep.equal([1, SLICE + 1, 2 * SLICE + 1]);
    expect(sliced).to.deep.equal(parseFeed(data, { baseUrl: BASE }));
  });

  it('keeps its own counts while another feed is parsed between its slices', async () => {
    const data = feedOf(SLICE + 3);
    const alone = parseFeed(data, { baseUrl: BASE });
    const sliced = await parseFeedInSlices(data, { baseUrl: BASE }, async () => {
      parseFeed(feedOf(40, 'Other'), { baseUrl: BASE });
    });
    expect(sliced).to.deep.equal(alone);
    expect(sliced.warnings.at(-1)!.reason).to.contain(`${Math.ceil((SLICE + 3) / 3)} entries`);
  });
});

describe('parseFeed: properties of any input', () => {
  const hostileString = fc.oneof(
    fc.string(),
    fc.constantFrom(...ATTACKS, 'photos/a.webp', PHOTO, '#abc', 'es-AR', '__proto__', 'mailto:a@example.org'),
  );
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      hostileString,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      tie('array'),
      tie('object'),
    ),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.dictionary(
      fc.constantFrom(
        'image',
        'quote',
        'name',
        'id',
        'src',
        'alt',
        'srcset',
        'url',
        'testimonials',
        'submit',
        'next',
        'lang',
        'color',
        'focus',
        '__proto__',
      ),
      tie('value'),
    ),
  })).value;

  it('throws only FeedError("schema"), and every result keeps the invariants', () => {
    fc.assert(
      fc.property(json, (data) => {
        let feed: ParsedFeed;
        try {
          feed = parseFeed(data, { baseUrl: BASE });
        } catch (error) {
          return error instanceof FeedError && error.code === 'schema';
        }
        const ids = new Set<string>();
        for (const t of feed.testimonials) {
          expect(t.id).to.match(SLUG);
          expect(ids.has(t.id)).to.equal(false);
          ids.add(t.id);
          expect(new URL(t.image.src).protocol).to.be.oneOf(['http:', 'https:']);
          if (t.url) expect(new URL(t.url).protocol).to.be.oneOf(['http:', 'https:']);
          expect(t.image.alt.trim()).to.not.equal('');
          expect(t.quote.trim()).to.not.equal('');
          if (t.image.focus) expect(t.image.focus).to.match(/^[\d.]+% [\d.]+%$/);
        }
        if (feed.next) expect(new URL(feed.next).protocol).to.be.oneOf(['http:', 'https:']);
        if (feed.submit)
          expect(new URL(feed.submit.url).protocol).to.be.oneOf(['http:', 'https:', 'mailto:']);
        return ({} as Record<string, unknown>)['polluted'] === undefined;
      }),
      { numRuns: 500 },
    );
  });

  const urlPart = fc.constantFrom(
    'https://',
    'http://',
    'HTTPS:',
    'javascript:',
    'mailto:',
    'example.org',
    'EXAMPLE.org',
    'xn--nxasmq6b.com',
    'bücher.de',
    '[::1]',
    ':8080',
    ':443',
    '@',
    'user:pw@',
    '/',
    '//',
    '\\',
    '.',
    '..',
    '%2e',
    '%2E%2e',
    'a',
    'photos',
    'a.webp',
    '-_~',
    '?',
    '#',
    '=',
    '&',
    ' ',
    '%',
    'é',
    '😀',
    ';',
    ',',
    '\t',
  );
  const urlLike = fc.array(urlPart, { maxLength: 8 }).map((parts) => parts.join(''));

  it('resolves exactly as the WHATWG parser does (the prefix cache changes no result)', () => {
    fc.assert(
      fc.property(
        fc.array(urlLike, { minLength: 1, maxLength: 20 }),
        fc.constantFrom(BASE, 'http://example.net/a/b/', 'https://example.org'),
        (values, baseUrl) => {
          const feed = parseFeed(
            values.map((image, i) => ({ image, quote: `q${i}` })),
            { baseUrl },
          );
          const expected = values.flatMap((value) => {
            if (/[\u0000-\u001f\u007f]/.test(value.trim()) || value.trim() === '') return [];
            try {
              const url = new URL(value.trim(), baseUrl);
              const http = url.protocol === 'http:' || url.protocol === 'https:';
              return http && !url.username && !url.password ? [url.href] : [];
            } catch {
              return [];
            }
          });
          expect(feed.testimonials.map((t) => t.image.src)).to.deep.equal(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('safeUrl only ever returns an allowed protocol', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.webUrl(), fc.constantFrom(...ATTACKS)),
        fc.constantFrom(BASE, undefined),
        (value, base) => {
          const url = safeUrl(value, base, ['http:', 'https:']);
          return url === undefined || ['http:', 'https:'].includes(new URL(url).protocol);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
