// Pure helpers behind the element's hardening: no DOM needed.
import { expect } from '@open-wc/testing';
import { clampInterval, MAX_INTERVAL, MIN_INTERVAL } from '../src/carousel/interval.js';
import { own, ownFields } from '../src/feed/own.js';
import { fixPropertyTypes } from '../src/properties.js';
import { parseFeed } from '../src/feed/parse.js';
import { firstPageUrls, joinPage } from '../src/feed/next-page.js';
import { httpUrl, SHARE_TARGETS, shareHref, shareText } from '../src/share/targets.js';

describe('clampInterval', () => {
  it('keeps intervals between 2 s and what a timer can wait', () => {
    expect(clampInterval(7000)).to.equal(7000);
    expect(clampInterval(10)).to.equal(MIN_INTERVAL);
    expect(clampInterval(-5)).to.equal(MIN_INTERVAL);
    for (const huge of [1e308, 3_000_000_000, 2_147_483_648, Infinity])
      expect(clampInterval(huge)).to.equal(MAX_INTERVAL);
    expect(MAX_INTERVAL).to.equal(2_147_483_647);
    expect(clampInterval(NaN)).to.equal(7000);
  });
});

describe('share URL and share texts', () => {
  it('httpUrl keeps http(s) URLs only, without a user name or password', () => {
    expect(httpUrl('https://blog.example/post?x=1#top')).to.equal('https://blog.example/post?x=1#top');
    expect(httpUrl('/post', 'https://blog.example/a/')).to.equal('https://blog.example/post');
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:msgbox(1)',
      'ftp://files.example/',
      'https://www.campaign.example.org@evil.example/login',
      'https://user:pass@blog.example/',
      'not a url',
      5,
      undefined,
    ])
      expect(httpUrl(bad), String(bad)).to.equal(undefined);
  });

  it('shared texts carry no bidi embedding, override or isolate', () => {
    const bidi = /[\u202a-\u202e\u2066-\u2069]/;
    const testimonial = {
      quote: 'Because \u202ethey lie\u202c and \u2067more\u2069',
      name: 'Ana \u2066B\u2069',
    };
    const text = shareText(testimonial, 'NotWithThem');
    expect(text).to.equal('Because they lie and more — Ana B #NotWithThem');
    const input = { url: 'https://blog.example/#nwt-a', testimonial, hashtag: '\u202eNotWithThem' };
    for (const target of SHARE_TARGETS) {
      const href = shareHref(target, input);
      if (href) expect(decodeURIComponent(href), target).not.to.match(bidi);
    }
  });
});

describe('feed: userinfo and ids', () => {
  const PHOTO = 'https://photos.example/a.webp';

  it('refuses a user name or password in every feed URL', () => {
    const spoof = 'https://www.campaign.example.org@evil.example/login';
    const feed = parseFeed(
      {
        next: 'https://u:p@feeds.example/2.json',
        submit: { url: spoof },
        testimonials: [
          { quote: 'a', image: PHOTO, url: spoof },
          { quote: 'b', image: 'https://me@photos.example/b.webp' },
          { quote: 'c', image: { src: PHOTO, srcset: `${PHOTO} 1x, https://x@photos.example/c.webp 2x` } },
          { quote: 'd', image: 'photos/d.webp', url: 'https://:secret@campaign.example/' },
        ],
      },
      { baseUrl: 'https://user@feeds.example/feed.json' },
    );
    expect(feed.next).to.equal(undefined);
    expect(feed.submit).to.equal(undefined);
    expect(feed.testimonials.map((t) => t.quote)).to.deep.equal(['a', 'c']);
    expect(feed.testimonials[0]!.url).to.equal(undefined);
    expect(feed.testimonials[1]!.image.srcset).to.equal(undefined);
    expect(feed.warnings.map((w) => w.reason)).to.include('image URL has a user name or password');
  });

  it('keeps every explicit id reachable: a suffix never takes an id another entry asks for', () => {
    const ids = (list: unknown[]) => parseFeed(list).testimonials.map((t) => t.id);
    const e = (id: string) => ({ id, quote: id, image: PHOTO });
    expect(ids([e('a'), e('a'), e('a-2')])).to.deep.equal(['a', 'a-3', 'a-2']);
    expect(ids([e('a'), e('a'), e('a'), e('a-2'), e('a-3')])).to.deep.equal([
      'a',
      'a-4',
      'a-5',
      'a-2',
      'a-3',
    ]);
    expect(ids([e('a-2'), e('a'), e('a')])).to.deep.equal(['a-2', 'a', 'a-3']);
  });

  it("keeps a next page's explicit ids reachable too", () => {
    const t = (id: string) => ({ id, quote: id, image: { src: PHOTO, alt: id } });
    const joined = joinPage([t('a')], [t('a'), t('a-2')]).map((item) => item.id);
    expect(joined).to.deep.equal(['a-3', 'a-2']);
  });
});

describe('own fields', () => {
  it('reads own properties only, and copies without a prototype', () => {
    const proto = { url: 'javascript:alert(1)' };
    const entry = Object.assign(Object.create(proto), { quote: 'q' }) as { quote: string; url?: string };
    expect(entry.url).to.equal('javascript:alert(1)');
    expect(own(entry, 'url')).to.equal(undefined);
    expect(own(entry, 'quote')).to.equal('q');
    const copy = ownFields(entry);
    expect(copy.url).to.equal(undefined);
    expect(copy.quote).to.equal('q');
  });
});

describe('firstPageUrls', () => {
  it('counts the requested URL and the response URL after a redirect', () => {
    const base = 'https://site.example/blog/';
    expect(firstPageUrls('feed.json', 'https://site.example/blog/feed.json', base)).to.deep.equal([
      'https://site.example/blog/feed.json',
      'https://site.example/blog/feed.json',
    ]);
    expect(firstPageUrls('/old.json', 'https://cdn.example/new.json', base)).to.deep.equal([
      'https://site.example/old.json',
      'https://cdn.example/new.json',
    ]);
  });
});

describe('fixPropertyTypes', () => {
  it('turns numbers and booleans into text, ignores other non-strings', () => {
    const values = {
      hashtag: 2024,
      share: true,
      label: 'ok',
      lang: { x: 1 },
      strings: 'x',
      start: null,
      fit: 1n,
    };
    expect(fixPropertyTypes(values, Object.keys(values))).to.deep.equal([
      ['hashtag', '2024', false],
      ['share', 'true', false],
      ['lang', null, true],
      ['strings', null, true],
      ['fit', '1', false],
    ]);
    expect(
      fixPropertyTypes({ strings: { label: 'x' }, interval: 'abc' }, ['strings', 'interval']),
    ).to.deep.equal([]);
  });
});
