// The iframe embed's query string and the builder's snippets: pure functions, checked directly.
import { expect } from '@open-wc/testing';
import { isEmbedHeightMessage, readEmbedParams } from '../src/embed/params.js';
import {
  elementMarkup,
  embedAttributes,
  embedUrl,
  escapeHtml,
  iframeSnippet,
  npmSnippet,
  photoPoster,
  scriptSnippet,
} from '../src/embed/snippets.js';
import { reservedBoxCss, reservedFrameCss } from '../src/embed/reserve.js';

const BASE = 'https://gallery.example/embed.html';
const read = (query: string) => readEmbedParams(query, BASE);

describe('embed query parameters', () => {
  it('turns allowed parameters into attributes, as written', () => {
    const { attributes, accent, id, warnings } = read(
      '?src=feeds/t.json&lang=es-AR&theme=auto&autoplay&loop=1&interval=9000&share=whatsapp+X,copy&share-url=https://blog.example/p&start=laura-vilches&hashtag=%23NotWithThem&label=%20Why%20%20they%20&fit=contain&accent=%230B5D43&id=nwt-1',
    );
    expect(attributes).to.deep.equal({
      src: 'feeds/t.json',
      lang: 'es-AR',
      theme: 'auto',
      autoplay: '',
      loop: '',
      interval: '9000',
      share: 'whatsapp x copy',
      'share-url': 'https://blog.example/p',
      start: 'laura-vilches',
      hashtag: 'NotWithThem',
      label: 'Why they',
      fit: 'contain',
    });
    expect(accent).to.equal('#0B5D43');
    expect(id).to.equal('nwt-1');
    expect(warnings).to.deep.equal([]);
  });

  // The element rejects them with its `src` error, so the reader of the embed sees why on the card
  // (tests/gallery-states.test.ts); a dropped src would leave a gallery with no source and no reason.
  it('passes feed URLs on as given, for the element to reject those that are not http(s)', () => {
    for (const src of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:application/json,[]',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      const { attributes, warnings } = read(`?${new URLSearchParams({ src })}`);
      expect(attributes.src, src).to.equal(src.trim());
      expect(warnings.length, src).to.equal(0);
    }
    expect(read('?src=https://feeds.example/t.json').attributes.src).to.equal('https://feeds.example/t.json');
    expect(read('?src=/t.json').attributes.src).to.equal('/t.json');
  });

  it('wants an absolute http(s) share-url: shares must point at the blog post', () => {
    expect(read('?share-url=/post').attributes['share-url']).to.equal(undefined);
    expect(read('?share-url=javascript:alert(1)').attributes['share-url']).to.equal(undefined);
    expect(read('?share-url=https://blog.example/post?x=1').attributes['share-url']).to.equal(
      'https://blog.example/post?x=1',
    );
  });

  it('ignores unknown names and values that do not fit, with one warning each', () => {
    const { attributes, accent, id, warnings } = read(
      '?onload=alert(1)&style=x&theme=neon&fit=fill&interval=100&lang=<b>&start=a b&hashtag=no-way&share=<x>&accent=red&id=a"b&autoplay=maybe',
    );
    expect(attributes).to.deep.equal({});
    expect(accent).to.equal(undefined);
    expect(id).to.equal(undefined);
    expect(warnings.map((w) => w.split(' ')[0])).to.deep.equal([
      'onload',
      'style',
      'theme',
      'fit',
      'interval',
      'lang',
      'start',
      'hashtag',
      'share',
      'accent',
      'id',
      'autoplay',
    ]);
  });

  it('turns flags off with 0 or false, keeps the first of repeated parameters, and refuses long labels', () => {
    expect(read('?autoplay=false&loop=0').attributes).to.deep.equal({});
    expect(read('?theme=dark&theme=light').attributes.theme).to.equal('dark');
    expect(read(`?label=${'x'.repeat(201)}`).attributes.label).to.equal(undefined);
  });

  it('recognises a well-formed height message only', () => {
    expect(isEmbedHeightMessage({ type: 'nwt-embed-height', height: 512, id: 'a' })).to.equal(true);
    expect(isEmbedHeightMessage({ type: 'nwt-embed-height', height: 512 })).to.equal(true);
    for (const bad of [
      null,
      'nwt-embed-height',
      { type: 'other', height: 1 },
      { type: 'nwt-embed-height', height: '512' },
      { type: 'nwt-embed-height', height: NaN },
      { type: 'nwt-embed-height', height: -1 },
    ]) {
      expect(isEmbedHeightMessage(bad), JSON.stringify(bad)).to.equal(false);
    }
  });
});

describe('embed snippets', () => {
  const files = { bundle: 'https://gallery.example/notwiththem-gallery.bundle.js', embed: BASE };

  it('leave out defaults and escape every value', () => {
    expect(
      embedAttributes({
        src: 'https://f.example/t.json',
        theme: 'light',
        fit: 'cover',
        interval: 7000,
        autoplay: false,
      }),
    ).to.deep.equal([['src', 'https://f.example/t.json']]);
    const markup = elementMarkup({
      src: 'https://f.example/t.json?a=1&b=2',
      label: 'A "quoted" <b>title</b>',
    });
    expect(markup).to.contain('src="https://f.example/t.json?a=1&amp;b=2"');
    expect(markup).to.contain('label="A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt;"');
    expect(escapeHtml('&<>"')).to.equal('&amp;&lt;&gt;&quot;');
  });

  it('the script snippet: feed preload, reserved box, deferred bundle, element', () => {
    expect(scriptSnippet({ src: '/t.json?a=1&b=2' }, files).split('\n')).to.deep.equal([
      '<link rel="preload" href="/t.json?a=1&amp;b=2" as="fetch" crossorigin referrerpolicy="no-referrer">',
      `<style>${reservedBoxCss()}</style>`,
      '<script src="https://gallery.example/notwiththem-gallery.bundle.js" defer></script>',
      '<notwiththem-gallery src="/t.json?a=1&amp;b=2"></notwiththem-gallery>',
    ]);
    // Nothing to preload without a feed.
    expect(scriptSnippet({ src: ' ' }, files)).not.to.contain('preload');
  });

  it('the script snippet carries the first photo as the element’s poster when it is known', () => {
    const snippet = scriptSnippet(
      {
        src: '/t.json',
        firstPhoto: {
          src: 'https://f.example/a.webp?x=1&y=2',
          srcset: 'a-480.webp 480w, a.webp 960w',
          sizes: ' ',
          focus: '50% 20%',
        },
      },
      files,
    );
    expect(snippet.split('\n').slice(-3)).to.deep.equal([
      '<notwiththem-gallery src="/t.json">',
      '  <img slot="poster" src="https://f.example/a.webp?x=1&amp;y=2" srcset="a-480.webp 480w, a.webp 960w" style="object-position:50% 20%" alt="" fetchpriority="high" referrerpolicy="no-referrer">',
      '</notwiththem-gallery>',
    ]);
    expect(snippet).not.to.contain('as="image"');
    expect(photoPoster({ src: '/t.json', firstPhoto: { src: 'a.webp', sizes: '50vw' } })).to.equal(
      '<img slot="poster" src="a.webp" sizes="50vw" alt="" fetchpriority="high" referrerpolicy="no-referrer">',
    );
    // Nothing from the feed escapes its attribute.
    expect(photoPoster({ src: '/t.json', firstPhoto: { src: 'a.webp', focus: '"><script>' } })).to.contain(
      'style="object-position:&quot;&gt;&lt;script&gt;"',
    );
    expect(photoPoster({ src: '/t.json', firstPhoto: { src: ' ' } })).to.equal(undefined);
    expect(photoPoster({ src: '/t.json' })).to.equal(undefined);
  });

  it('the iframe snippet reserves the frame’s height in a box of its own', () => {
    const lines = iframeSnippet({ src: '/t.json' }, files, 'nwt-1').split('\n');
    expect(lines[0]).to.equal(`<style>${reservedFrameCss('nwt-1-box')}</style>`);
    expect(lines[1]).to.match(/^<div id="nwt-1-box"><iframe id="nwt-1" /);
    expect(lines[3]).to.match(/<\/iframe><\/div>$/);
    // With autoplay the header holds the rotation button: at least the control's height.
    expect(iframeSnippet({ src: '/t.json', autoplay: true }, files)).to.contain('--a:var(--c)');
    // An id that is not a plain token still gives a box id that needs no escaping in the selector.
    expect(iframeSnippet({ src: '/t.json' }, files, 'a"b c')).to.contain('<div id="a_b_c-box">');
  });

  it('the iframe starts at the height measured for it, else 640 px', () => {
    expect(iframeSnippet({ src: '/t.json', frameHeight: 812.2 }, files)).to.contain(' height="813" ');
    for (const frameHeight of [undefined, 0, -5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(iframeSnippet({ src: '/t.json', frameHeight }, files)).to.contain(' height="640" ');
  });

  it('a chosen accent too dark for the dark theme is written with its counterpart', () => {
    expect(elementMarkup({ src: 'x', accent: '#0B5D43' })).to.match(
      /style="--nwt-accent: light-dark\(#0b5d43, #[\da-f]{6}\)"/,
    );
    // One that reads in both themes as it is; the default accent not at all (the element has both).
    expect(elementMarkup({ src: 'x', accent: '#f08c00' })).to.contain('style="--nwt-accent: #f08c00"');
    expect(elementMarkup({ src: 'x', accent: '#B3122E' })).not.to.contain('style');
  });

  it('the npm snippet carries the reserved box too', () => {
    expect(npmSnippet({ src: '/t.json' })).to.contain(`<style>${reservedBoxCss()}</style>`);
  });

  it('share lists: every target is the default, none is "none"', () => {
    expect(embedAttributes({ src: 'x', share: [] })).to.deep.include(['share', 'none']);
    expect(embedAttributes({ src: 'x', share: ['x', 'copy'] })).to.deep.include(['share', 'x copy']);
  });

  it('the iframe snippet round-trips through the embed page’s own checks', () => {
    const options = {
      src: 'https://f.example/t.json',
      lang: 'es',
      theme: 'dark' as const,
      autoplay: true,
      interval: 9000,
      share: ['x'],
      shareUrl: 'https://blog.example/p',
      accent: '#0b5d43',
      label: 'Why',
    };
    const url = new URL(embedUrl(options, files, 'nwt-1'));
    const read = readEmbedParams(url.search, BASE);
    expect(read.warnings).to.deep.equal([]);
    expect(read.attributes).to.deep.equal(Object.fromEntries(embedAttributes(options)));
    expect(read.accent).to.equal('#0b5d43');
    expect(read.id).to.equal('nwt-1');
    const snippet = iframeSnippet(options, files, 'nwt-1');
    expect(snippet).to.contain('allow="web-share; clipboard-write"');
    expect(snippet).to.contain('loading="lazy"');
    expect(snippet).to.contain('title="Why"');
    expect(snippet).to.contain('event.origin !== "https://gallery.example"');
    expect(snippet).to.contain('event.source !== frame.contentWindow');
  });
});
