import { expect } from '@open-wc/testing';
import { copyText } from '../src/share/clipboard.js';
import {
  BLUESKY_MAX_LENGTH,
  DEFAULT_SHARE_TARGETS,
  MAX_ENCODED_TEXT,
  NETWORK_NAMES,
  SHARE_TARGETS,
  X_MAX_LENGTH,
  X_URL_LENGTH,
  graphemes,
  parseShareList,
  shareHref,
  shareText,
  testimonialUrl,
  xWeightedLength,
  type ShareTarget,
} from '../src/share/targets.js';

// ---------------------------------------------------------------------------------------------
// Helpers

const URL_ = 'https://example.org/campaign#nwt-laura-vilches';
const TAG = 'NotWithThem';
const LAURA = { quote: '#NotWithThem because they represent the capitalist class', name: 'Laura Vilches' };

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Grapheme clusters by the browser's own segmenter, independent of the module under test. */
const clusters = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);
const codePoints = (text: string) => Array.from(text).length;
const hasLoneSurrogate = (text: string) => /[\uD800-\uDFFF]/u.test(text);

function href(
  target: ShareTarget,
  testimonial: { quote: string; name?: string },
  url = URL_,
  hashtag = TAG,
): string {
  const result = shareHref(target, { url, testimonial, hashtag });
  expect(result, target).to.be.a('string');
  return result!;
}
function params(target: ShareTarget, testimonial: { quote: string; name?: string }, url = URL_) {
  const link = href(target, testimonial, url);
  return { link, parsed: new URL(link), query: new URL(link).searchParams };
}
/** The shared text as X shows it once it appends the link. */
function xParts(testimonial: { quote: string; name?: string }, url = URL_) {
  const { query } = params('x', testimonial, url);
  return { text: query.get('text')!, url: query.get('url')! };
}
/** Every cluster of `text` is whole: one of `allowed`, or a single BMP/astral character. */
function expectWholeClusters(text: string, allowed: string[]) {
  for (const cluster of clusters(text)) {
    if (cluster.length > 2 || /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(cluster)) {
      expect(allowed, `cluster ${JSON.stringify(cluster)}`).to.include(cluster);
    }
  }
  expect(hasLoneSurrogate(text)).to.equal(false);
}

const WORKER = '👩🏽‍🔧'; // woman mechanic, medium skin tone: 4 code points, one ZWJ
const FLAG = '🇦🇷';
const SPECIAL = 'Rock & roll? 100% "free" #1 + a=b/c';
const ARABIC = 'لسنا معهم لأنهم يمثلون الطبقة الرأسمالية';
const HEBREW = 'אנחנו לא איתם כי הם מייצגים את בעלי ההון';
const LONG = Array.from({ length: 900 }, (_, i) => `word${i % 10}`)
  .join(' ')
  .slice(0, 5000); // 5,000 chars
const LONG_EMOJI = `${WORKER}${FLAG} `.repeat(800); // thousands of code points, every cut point hostile
const LONG_ARABIC = (ARABIC + ' ').repeat(130).slice(0, 5000);

const TEXT_TARGETS = ['x', 'whatsapp', 'telegram', 'bluesky', 'email'] as const;

// ---------------------------------------------------------------------------------------------

describe('share targets: lists and names', () => {
  it('lists every target, defaults to all of them in order', () => {
    expect([...SHARE_TARGETS]).to.deep.equal([
      'native',
      'facebook',
      'x',
      'whatsapp',
      'telegram',
      'bluesky',
      'linkedin',
      'email',
      'copy',
    ]);
    expect([...DEFAULT_SHARE_TARGETS]).to.deep.equal([...SHARE_TARGETS]);
  });

  it('names the networks for "Share on {network}"', () => {
    expect(NETWORK_NAMES).to.deep.equal({
      facebook: 'Facebook',
      x: 'X',
      whatsapp: 'WhatsApp',
      telegram: 'Telegram',
      bluesky: 'Bluesky',
      linkedin: 'LinkedIn',
    });
  });

  it('native and copy are buttons, not links', () => {
    expect(shareHref('native', { url: URL_, testimonial: LAURA, hashtag: TAG })).to.equal(undefined);
    expect(shareHref('copy', { url: URL_, testimonial: LAURA, hashtag: TAG })).to.equal(undefined);
  });
});

describe('parseShareList', () => {
  it('gives the defaults for null, undefined, empty and blank', () => {
    for (const value of [null, undefined, '', '   \n\t ']) {
      expect(parseShareList(value), JSON.stringify(value)).to.deep.equal({
        targets: [...DEFAULT_SHARE_TARGETS],
        unknown: [],
      });
    }
  });

  it("gives no target for 'none', in any case", () => {
    expect(parseShareList('none')).to.deep.equal({ targets: [], unknown: [] });
    expect(parseShareList('  NONE ')).to.deep.equal({ targets: [], unknown: [] });
  });

  it('is case-insensitive, keeps order, drops duplicates', () => {
    expect(parseShareList('X  facebook\tx FACEBOOK Email')).to.deep.equal({
      targets: ['x', 'facebook', 'email'],
      unknown: [],
    });
  });

  it('tolerates commas', () => {
    expect(parseShareList('x, bluesky,copy')).to.deep.equal({
      targets: ['x', 'bluesky', 'copy'],
      unknown: [],
    });
  });

  it('returns unknown names apart, once each, as written', () => {
    expect(parseShareList('facebook myspace Twitter MYSPACE copy')).to.deep.equal({
      targets: ['facebook', 'copy'],
      unknown: ['myspace', 'Twitter'],
    });
    expect(parseShareList('facebok')).to.deep.equal({ targets: [], unknown: ['facebok'] });
  });

  it("reports 'none' mixed with real names as unknown", () => {
    expect(parseShareList('none whatsapp')).to.deep.equal({ targets: ['whatsapp'], unknown: ['none'] });
  });
});

describe('testimonialUrl', () => {
  it('replaces the hash and keeps the query', () => {
    expect(testimonialUrl('https://a.org/p?x=1#old', 'raul-godoy')).to.equal(
      'https://a.org/p?x=1#nwt-raul-godoy',
    );
  });

  it('adds the hash to a URL without one, and drops an empty hash', () => {
    expect(testimonialUrl('https://a.org/campaign', 'laura-vilches')).to.equal(
      'https://a.org/campaign#nwt-laura-vilches',
    );
    expect(testimonialUrl('https://a.org/campaign#', 'x')).to.equal('https://a.org/campaign#nwt-x');
  });

  it('encodes the id', () => {
    expect(testimonialUrl('https://a.org/', 'a b/ñ#?')).to.equal(
      `https://a.org/#nwt-${encodeURIComponent('a b/ñ#?')}`,
    );
  });

  it('resolves a relative share URL against a base', () => {
    expect(testimonialUrl('/p?x=1#top', 'id', 'https://a.org/dir/page')).to.equal(
      'https://a.org/p?x=1#nwt-id',
    );
  });
});

describe('shareText', () => {
  it('joins the quote, the name and the hashtag', () => {
    expect(shareText({ quote: 'They represent the bosses', name: 'Raúl Godoy' }, TAG)).to.equal(
      'They represent the bosses — Raúl Godoy #NotWithThem',
    );
    expect(shareText({ quote: 'They represent the bosses' }, '#NotWithThem')).to.equal(
      'They represent the bosses #NotWithThem',
    );
  });

  it('does not repeat a hashtag the quote already holds (any case)', () => {
    expect(shareText(LAURA, TAG)).to.equal(
      '#NotWithThem because they represent the capitalist class — Laura Vilches',
    );
    expect(shareText({ quote: 'We are #notwiththem.' }, TAG)).to.equal('We are #notwiththem.');
    expect(shareText({ quote: 'We are #NotWithThemAtAll' }, TAG)).to.equal(
      'We are #NotWithThemAtAll #NotWithThem',
    );
  });

  it('collapses whitespace and leaves out an empty hashtag', () => {
    expect(shareText({ quote: '  one\n\n two  ', name: '  Ana ' }, '')).to.equal('one two — Ana');
  });

  it('is unchanged when it fits', () => {
    const text = shareText({ quote: `${WORKER} ${FLAG}`, name: 'Ana' }, TAG, 200);
    expect(text).to.equal(`${WORKER} ${FLAG} — Ana #NotWithThem`);
  });

  it('cuts to maxLength code points, with an ellipsis, keeping the hashtag', () => {
    const text = shareText({ quote: LONG, name: 'Laura Vilches' }, TAG, 120);
    expect(codePoints(text)).to.be.at.most(120);
    expect(text.endsWith('… — Laura Vilches #NotWithThem')).to.equal(true);
    expect(text.startsWith('word0 word1')).to.equal(true);
    expect(text).to.match(/word\d… — /u); // ends on a whole word
  });

  it('never splits a ZWJ sequence, a skin tone or a flag, at any length', () => {
    const quote = `${WORKER}${FLAG}${WORKER}${WORKER}${FLAG}${FLAG}${WORKER}${FLAG}${WORKER}${WORKER}${FLAG}`;
    for (let max = 14; max <= 60; max++) {
      const text = shareText({ quote }, TAG, max);
      expect(codePoints(text), `max ${max}`).to.be.at.most(max);
      expect(text.endsWith('#NotWithThem'), `max ${max}`).to.equal(true);
      expectWholeClusters(text, [WORKER, FLAG, '…']);
    }
  });

  it('keeps the hashtag when the quote it sits in is cut', () => {
    const text = shareText({ quote: `#NotWithThem ${LONG}`, name: 'Laura' }, TAG, 100);
    expect(text.startsWith('#NotWithThem word0')).to.equal(true);
    expect(text.match(/#NotWithThem/gu)).to.have.length(1);
    expect(codePoints(text)).to.be.at.most(100);
  });

  it('drops the name before the quote when space is tight, and keeps only the hashtag at the end', () => {
    const tight = shareText({ quote: LONG, name: 'A very long name indeed, with titles' }, TAG, 40);
    expect(codePoints(tight)).to.be.at.most(40);
    expect(tight.endsWith('… #NotWithThem')).to.equal(true);
    expect(shareText({ quote: LONG }, TAG, 13)).to.equal('#NotWithThem');
  });

  it('cuts right-to-left text on a word', () => {
    const text = shareText({ quote: LONG_ARABIC, name: 'ليلى' }, TAG, 80);
    expect(codePoints(text)).to.be.at.most(80);
    expect(text.endsWith('… — ليلى #NotWithThem')).to.equal(true);
    expect(ARABIC.split(' ')).to.include(text.split('…')[0]!.split(' ').at(-1));
  });

  it('replaces unpaired surrogates instead of throwing later in encodeURIComponent', () => {
    const text = shareText({ quote: 'bad \uD83D here' }, TAG);
    expect(text).to.equal('bad \uFFFD here #NotWithThem');
    expect(() =>
      shareHref('whatsapp', { url: URL_, testimonial: { quote: 'bad \uDC00' }, hashtag: TAG }),
    ).not.to.throw();
  });
});

describe('grapheme segmentation', () => {
  it('keeps emoji sequences, flags and combining marks whole', () => {
    const sample = `a${WORKER}${FLAG}e\u0301ש🏳️‍🌈1️⃣🏴󠁧󠁢󠁳󠁣󠁴󠁿`;
    expect(graphemes(sample)).to.deep.equal(clusters(sample));
    expect(graphemes(sample)).to.have.length(8);
  });

  it('splits plain Latin text without the segmenter exactly as the segmenter would', () => {
    // Every code point the fast path accepts, each between letters and after a space, so a combining or
    // joining one would show up as a cluster of two.
    const accepted: string[] = [];
    for (const [from, to] of [
      [0x20, 0x7e],
      [0xa0, 0x24f],
      [0x2010, 0x2027],
    ] as const) {
      for (let code = from; code <= to; code++) accepted.push(String.fromCodePoint(code));
    }
    const sample = accepted.map((c) => `a${c}b ${c}`).join('');
    expect(graphemes(sample)).to.deep.equal(clusters(sample));
    // One character outside the ranges sends the whole text through the segmenter.
    expect(graphemes(`${sample}e\u0301`)).to.deep.equal(clusters(`${sample}e\u0301`));
  });

  it('without Intl.Segmenter (Firefox before 125), splits code points and every link still keeps its limit', () => {
    const intl = Intl as { Segmenter?: typeof Intl.Segmenter };
    const saved = intl.Segmenter;
    let x: string;
    let bluesky: string;
    intl.Segmenter = undefined;
    try {
      expect(graphemes(`a${WORKER}${FLAG}`)).to.deep.equal(Array.from(`a${WORKER}${FLAG}`));
      x = xParts({ quote: LONG_EMOJI, name: `Ana ${FLAG}` }).text;
      bluesky = params('bluesky', { quote: LONG_EMOJI, name: `Ana ${FLAG}` }).query.get('text')!;
    } finally {
      intl.Segmenter = saved;
    }
    expect(xWeightedLength(x) + 1 + X_URL_LENGTH).to.be.at.most(X_MAX_LENGTH);
    expect(clusters(bluesky).length).to.be.at.most(BLUESKY_MAX_LENGTH);
    expect(hasLoneSurrogate(x + bluesky)).to.equal(false);
    expect(x).to.include('#NotWithThem');
    expect(bluesky).to.include('#NotWithThem');
  });
});

describe('X length rule', () => {
  it('counts as X does: Latin/Arabic/Hebrew 1, CJK and … 2, any emoji 2, URLs at least 23', () => {
    expect(xWeightedLength('abc — “q”')).to.equal(9);
    expect(xWeightedLength('مرحبا שלום')).to.equal(10);
    expect(xWeightedLength('漢字')).to.equal(4);
    expect(xWeightedLength('…')).to.equal(2);
    expect(xWeightedLength(WORKER)).to.equal(2);
    expect(xWeightedLength(FLAG)).to.equal(2);
    expect(xWeightedLength('😀')).to.equal(2);
    expect(xWeightedLength('see a.org')).to.equal(4 + X_URL_LENGTH);
    expect(xWeightedLength('see https://example.org/a/very/long/path/indeed')).to.be.at.least(
      4 + X_URL_LENGTH,
    );
  });
});

describe('shareHref', () => {
  const cases: [string, { quote: string; name?: string }][] = [
    ['special characters', { quote: SPECIAL, name: 'O\'Brien & "Sons"' }],
    ['emoji', { quote: `Solidarity ${WORKER} from ${FLAG} ✊🏾`, name: `Ana ${FLAG}` }],
    ['Arabic', { quote: ARABIC, name: 'ليلى' }],
    ['Hebrew', { quote: HEBREW, name: 'נועה' }],
    ['the example', LAURA],
  ];

  for (const [label, testimonial] of cases) {
    it(`round-trips ${label} through every link`, () => {
      const expected = shareText(testimonial, TAG);
      expect(params('facebook', testimonial).query.get('u')).to.equal(URL_);
      expect(params('linkedin', testimonial).query.get('url')).to.equal(URL_);
      expect(xParts(testimonial)).to.deep.equal({ text: expected, url: URL_ });
      expect(params('whatsapp', testimonial).query.get('text')).to.equal(`${expected} ${URL_}`);
      expect(params('telegram', testimonial).query.get('url')).to.equal(URL_);
      expect(params('telegram', testimonial).query.get('text')).to.equal(expected);
      expect(params('bluesky', testimonial).query.get('text')).to.equal(`${expected} ${URL_}`);
      const mail = params('email', testimonial).query;
      expect(mail.get('body')).to.equal(`${expected}\r\n\r\n${URL_}`);
      expect(mail.get('subject')).to.equal(testimonial.name);
    });
  }

  it('uses the documented endpoints', () => {
    const origin = (t: ShareTarget) => {
      const u = new URL(href(t, LAURA));
      return u.protocol === 'mailto:' ? 'mailto:' : `${u.origin}${u.pathname}`;
    };
    expect(origin('facebook')).to.equal('https://www.facebook.com/sharer/sharer.php');
    expect(origin('x')).to.equal('https://x.com/intent/tweet');
    expect(origin('whatsapp')).to.equal('https://wa.me/');
    expect(origin('telegram')).to.equal('https://t.me/share/url');
    expect(origin('bluesky')).to.equal('https://bsky.app/intent/compose');
    expect(origin('linkedin')).to.equal('https://www.linkedin.com/sharing/share-offsite/');
    expect(origin('email')).to.equal('mailto:');
  });

  it('encodes every value with encodeURIComponent: %20 for spaces, never a raw & # ? or +', () => {
    for (const target of ['x', 'whatsapp', 'telegram', 'bluesky', 'email', 'facebook', 'linkedin'] as const) {
      const link = href(target, { quote: SPECIAL, name: 'A & B' });
      const query = link.slice(link.indexOf('?') + 1);
      expect(query, target).not.to.match(/[ +#?"]/u);
      const pairs = query.split('&');
      for (const pair of pairs) expect(pair, target).to.match(/^[a-z]+=[A-Za-z0-9%\-_.!~*'()]*$/u);
      if (target !== 'facebook' && target !== 'linkedin') expect(query, target).to.include('%20');
    }
  });

  it('email: the subject is the quote start when there is no name', () => {
    const short = params('email', { quote: 'Short & sweet' }).query;
    expect(short.get('subject')).to.equal('Short & sweet');
    const long = params('email', { quote: LONG }).query.get('subject')!;
    expect(codePoints(long)).to.be.at.most(61);
    expect(long.startsWith('word0 word1')).to.equal(true);
    expect(long.endsWith('…')).to.equal(true);
  });

  describe('limits, with 5,000-character quotes', () => {
    const longCases: [string, { quote: string; name?: string }][] = [
      ['Latin', { quote: LONG, name: 'Laura Vilches' }],
      ['emoji', { quote: LONG_EMOJI, name: `Ana ${FLAG}` }],
      ['Arabic', { quote: LONG_ARABIC, name: 'ليلى' }],
      ['hashtag first', { quote: `#NotWithThem ${LONG}` }],
    ];

    for (const [label, testimonial] of longCases) {
      it(`X: ${label} fits 280 with the link counted as 23, hashtag kept`, () => {
        const { text, url } = xParts(testimonial);
        expect(url).to.equal(URL_);
        expect(xWeightedLength(text) + 1 + X_URL_LENGTH).to.be.at.most(X_MAX_LENGTH);
        // Independent conservative check: 2 per cluster that is not plain Latin/Arabic/space.
        const upper = clusters(text).reduce(
          (n, c) => n + (/^[\p{Script=Latin}\p{Script=Arabic}\p{N}\s#—]$/u.test(c) ? 1 : 2),
          0,
        );
        expect(upper + 1 + X_URL_LENGTH).to.be.at.most(X_MAX_LENGTH);
        expect(text).to.include('#NotWithThem');
        expect(text).to.include('…');
        expect(xWeightedLength(text)).to.be.at.least(X_MAX_LENGTH - X_URL_LENGTH - 1 - 30); // not cut needlessly short
        expectWholeClusters(text, [WORKER, FLAG, '…']);
      });

      it(`Bluesky: ${label} is at most 300 graphemes including the link`, () => {
        const text = params('bluesky', testimonial).query.get('text')!;
        expect(clusters(text).length).to.be.at.most(BLUESKY_MAX_LENGTH);
        expect(clusters(text).length).to.be.at.least(BLUESKY_MAX_LENGTH - 30);
        expect(text.endsWith(` ${URL_}`)).to.equal(true);
        expect(text).to.include('#NotWithThem');
        expectWholeClusters(text, [WORKER, FLAG, '…']);
      });

      it(`WhatsApp, Telegram and email: ${label} keeps the links short, hashtag kept`, () => {
        for (const target of ['whatsapp', 'telegram', 'email'] as const) {
          const { link, query } = params(target, testimonial);
          const text = target === 'email' ? query.get('body')! : query.get('text')!;
          expect(text, target).to.include('#NotWithThem');
          expect(text, target).to.include('…');
          expect(encodeURIComponent(text).length, target).to.be.at.most(MAX_ENCODED_TEXT + 200);
          expect(link.length, target).to.be.below(2200);
          expectWholeClusters(text, [WORKER, FLAG, '…']);
        }
      });
    }

    it('every text target keeps the name when the quote alone is long', () => {
      for (const target of TEXT_TARGETS) {
        const q = params(target, { quote: LONG, name: 'Laura Vilches' }).query;
        expect(q.get(target === 'email' ? 'body' : 'text'), target).to.include(
          '… — Laura Vilches #NotWithThem',
        );
      }
    });

    it('a very long share URL leaves Bluesky only the hashtag, still within 300', () => {
      const url = `https://example.org/${'p'.repeat(258)}#nwt-a`;
      const text = params('bluesky', { quote: LONG }, url).query.get('text')!;
      expect(text).to.equal(`#NotWithThem ${url}`);
      expect(clusters(text).length).to.be.at.most(BLUESKY_MAX_LENGTH);
      // 7 graphemes would fit, but "word0…" says nothing.
      expect(
        params('bluesky', { quote: LONG }, `https://example.org/${'p'.repeat(252)}#nwt-a`).query.get('text'),
      ).to.match(/^#NotWithThem https/u);
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('copyText', () => {
  // The Clipboard API only: when it is missing or refused, copyText says so and the share area shows the
  // link in a selected, labelled field (tests/share-area.test.ts, "when copying fails"). No execCommand
  // fallback any more: these tests used to cover its hidden textarea.
  const restores: (() => void)[] = [];
  afterEach(() => {
    while (restores.length) restores.pop()!();
    document.body.replaceChildren();
  });

  function stub<T extends object>(target: T, key: PropertyKey, value: unknown) {
    Object.defineProperty(target, key, { value, configurable: true, writable: true });
    restores.push(() => delete (target as Record<PropertyKey, unknown>)[key]);
  }
  function stubExecCommand(): string[] {
    const calls: string[] = [];
    stub(document, 'execCommand', (command: string) => {
      calls.push(command);
      return true;
    });
    return calls;
  }
  function stubWriteText(impl: (text: string) => Promise<void>): string[] {
    const calls: string[] = [];
    stub(navigator.clipboard, 'writeText', (text: string) => {
      calls.push(text);
      return impl(text);
    });
    return calls;
  }
  function focusedButton(): HTMLButtonElement {
    const button = document.createElement('button');
    button.textContent = 'Copy link';
    document.body.append(button);
    button.focus();
    return button;
  }

  it('copies with writeText', async () => {
    const writes = stubWriteText(() => Promise.resolve());
    const calls = stubExecCommand();
    const text = `${URL_} ${WORKER}`;

    expect(await copyText(text)).to.equal(true);
    expect(writes).to.deep.equal([text]);
    expect(calls).to.have.length(0);
  });

  it('resolves false, never throws, when writeText rejects, and leaves focus and the page alone', async () => {
    const button = focusedButton();
    const writes = stubWriteText(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const calls = stubExecCommand();

    expect(await copyText('x')).to.equal(false);
    expect(writes).to.deep.equal(['x']);
    expect(calls).to.have.length(0);
    expect(document.activeElement).to.equal(button);
    expect(document.body.children).to.have.length(1);
  });

  it('resolves false, never throws, when writeText throws synchronously', async () => {
    stub(navigator.clipboard, 'writeText', () => {
      throw new TypeError('boom');
    });
    expect(await copyText('x')).to.equal(false);
  });

  it('resolves false when there is no Clipboard API (insecure origins)', async () => {
    stub(navigator, 'clipboard', undefined);
    const calls = stubExecCommand();
    expect(await copyText('plain')).to.equal(false);
    expect(calls).to.have.length(0);
  });
});
