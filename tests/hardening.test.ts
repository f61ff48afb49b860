// The element against hostile or careless input: values a timer cannot hold, properties of the wrong
// type, share URLs that are not http(s), polluted prototypes, figures that arrive late. Each test here
// failed before the fix it names.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/define.js';
import { iframeSnippet } from '../src/embed/snippets.js';
import { readFigures } from '../src/feed/from-figures.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { waitUntil } from './helpers/waits.js';

const FEED = '/tests/fixtures/gallery-feed.json';

const $ = <T extends Element = HTMLElement>(el: NotWithThemGallery, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: NotWithThemGallery, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

async function gallery(attrs = '', src = FEED, width = 400): Promise<NotWithThemGallery> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`width:${width}px`}></div>`);
  wrapper.innerHTML = `<notwiththem-gallery src="${src}" ${attrs}></notwiththem-gallery>`;
  const el = wrapper.firstElementChild as NotWithThemGallery;
  await waitUntil(() => $(el, '.track[part~="track"] .slide'), 'slides never rendered', { timeout: 5000 });
  await nextFrame();
  await el.updateComplete;
  return el;
}

describe('hardening: autoplay interval', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
  });

  // Fake timers wrap a delay above 2^31 − 1 ms to 1 ms, as browsers do.
  for (const interval of ['1e308', '3000000000', '2147483648']) {
    it(`interval="${interval}" holds the slide instead of spinning`, async () => {
      const el = await gallery(`autoplay interval="${interval}"`);
      clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
      el.play();
      clock.tick(60_000);
      expect(el.currentIndex).to.equal(0);
    });
  }
});

describe('hardening: share-url', () => {
  afterEach(() => sinon.restore());

  for (const bad of [
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ]) {
    it(`share-url="${bad.slice(0, 12)}…" warns once and shares the page's URL`, async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await gallery(`share="copy" share-url="${bad}"`);
      const urls: string[] = [];
      el.addEventListener('nwt-share', (event) => {
        urls.push(event.detail.url);
        event.preventDefault();
      });
      $(el, '.slide [part~="share-copy"]')!.click();
      el.next();
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
      expect(urls).to.have.length(1);
      expect(urls[0]).to.equal(`${location.href.split('#')[0]}#nwt-${el.items[0]!.id}`);
      const about = warn.getCalls().filter((call) => String(call.args[0]).includes('share-url'));
      expect(about).to.have.length(1);
    });
  }
});

describe('hardening: a polluted Object.prototype', () => {
  const POLLUTION = {
    url: 'javascript:alert(1)',
    srcset: 'https://evil.example/spy.webp 1x',
    color: 'red; background-image: url(https://evil.example/spy.webp)',
    timeout: 1,
    retries: 0,
  };
  afterEach(() => {
    for (const key of Object.keys(POLLUTION)) delete (Object.prototype as Record<string, unknown>)[key];
  });

  it('reads no inherited feed field or loader option, and renders no link it did not check', async () => {
    Object.assign(Object.prototype, POLLUTION);
    // A 1 ms timeout from the prototype would fail the load.
    const el = await gallery('share="none"');
    const img = $(el, '.slide img[part~="image"]')!;
    expect(img.getAttribute('srcset')).to.equal(null);
    for (const photo of $$(el, '.slide [part~="photo"]')) expect(photo.style.backgroundImage).to.equal('');
    (el as unknown as { openDialog(index: number, opener: HTMLElement): void }).openDialog(0, el);
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
    expect(el.items[0]!.url).to.equal('javascript:alert(1)'); // inherited: the test's premise
    expect($(el, 'dialog [part~="dialog-link"]')).to.equal(null);
  });
});

describe('hardening: a next chain back to the first page', () => {
  afterEach(() => sinon.restore());

  it('a → b → a shows the first page once: the feed’s own URL counts as fetched', async () => {
    const fetches = sinon.spy(window, 'fetch');
    const el = await gallery('share="none"', '/tests/fixtures/feed-cycle-a.json');
    await waitUntil(() => el.items.length === 4, 'page b never joined', { timeout: 5000 });
    // Near the end again: a page not fetched yet would be requested now, in the update's own task.
    el.goTo(3);
    await el.updateComplete;
    const requested = fetches.getCalls().map((call) => String(call.args[0]));
    expect(requested.filter((url) => url.includes('feed-cycle-a.json'))).to.have.length(1);
    expect(el.items.map((item) => item.id)).to.deep.equal(['a1', 'a2', 'b1', 'b2']);
  });
});

describe('hardening: long unbroken values in the dialog', () => {
  it('wrap instead of widening the dialog past its box', async () => {
    const long = 'x'.repeat(300);
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width:360px"></div>`);
    const el = document.createElement('notwiththem-gallery') as NotWithThemGallery;
    el.setAttribute('share', 'copy');
    el.testimonials = [
      {
        id: 'long',
        image: { src: '/tests/fixtures/photos/sign-1.svg', width: 800, height: 600 },
        quote: 'A short quote',
        name: long,
        role: long,
        place: long,
        affiliation: long,
        url: `https://www.facebook.com/photo/?fbid=${'1234567890'.repeat(12)}`,
      },
    ];
    wrapper.append(el);
    await waitUntil(() => $(el, '.track[part~="track"] .slide'), 'slides never rendered', { timeout: 5000 });
    (el as unknown as { openDialog(index: number, opener: HTMLElement): void }).openDialog(0, el);
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open, 'the dialog never opened');
    expect(dialog.getBoundingClientRect().width).to.be.at.most(innerWidth);
    expect(dialog.scrollWidth, 'nothing overflows sideways').to.be.at.most(dialog.clientWidth);
    const share = $(el, 'dialog [part~="share"]')!.getBoundingClientRect();
    expect(share.right).to.be.at.most(dialog.getBoundingClientRect().right);
  });
});

describe('hardening: DOM clobbering of the bundle’s globals', () => {
  afterEach(() => document.querySelectorAll('[data-test]').forEach((node) => node.remove()));

  it('named elements (litHtmlVersions, *PolyfillSupport, ShadyCSS…) before a deferred bundle change nothing', async () => {
    const names = [
      'litHtmlVersions',
      'litHtmlPolyfillSupport',
      'reactiveElementPolyfillSupport',
      'reactiveElementVersions',
      'litElementVersions',
      'litElementPolyfillSupport',
      'litElementHydrateSupport',
      'ShadyCSS',
    ];
    const iframe = document.createElement('iframe');
    iframe.dataset.test = '';
    iframe.style.cssText = 'width: 400px; height: 700px; border: 0';
    const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    iframe.srcdoc = `<!doctype html><html lang="en"><head><script>
        window.errors = [];
        addEventListener('error', (e) => errors.push(String(e.message)));
      </script><script src="/dist/notwiththem-gallery.bundle.js" defer></script></head><body>
      ${names.map((name) => `<div id="${name}"></div>`).join('')}<form name="trustedTypes"></form>
      <notwiththem-gallery src="${FEED}"></notwiththem-gallery></body></html>`;
    document.body.append(iframe);
    await loaded;
    const win = iframe.contentWindow as Window & { errors: string[]; litHtmlVersions: unknown };
    expect(win.errors).to.deep.equal([]);
    const el = iframe.contentDocument!.querySelector('notwiththem-gallery')!;
    await waitUntil(() => el.shadowRoot?.querySelector('.track[part~="track"] .slide'), 'never rendered', {
      timeout: 5000,
    });
    expect(win.errors).to.deep.equal([]);
  });
});

describe('hardening: properties of the wrong type', () => {
  afterEach(() => sinon.restore());

  const cases: [string, unknown][] = [
    ['hashtag', 2024],
    ['share', 3],
    ['shareUrl', 5],
    ['lang', 7],
    ['label', 8],
    ['start', 1],
    ['src', 9],
    ['strings', 'x'],
    ['hashtag', { tag: 'x' }],
    ['share', ['x', 'copy']],
    ['label', Symbol('label')],
  ];
  for (const [name, value] of cases) {
    it(`${name} = ${typeof value === 'symbol' ? 'Symbol()' : JSON.stringify(value)} neither throws nor breaks rendering`, async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await gallery(name === 'src' ? '' : 'share="copy x"');
      (el as unknown as Record<string, unknown>)[name] = value;
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
      if (name !== 'src') {
        expect($(el, '.track[part~="track"] .slide'), 'slides still render').to.not.equal(null);
        expect($(el, '[part~="title"]')!.textContent).to.not.equal('');
      }
      const expected =
        typeof value === 'object' ||
        typeof value === 'symbol' ||
        (name === 'strings' && typeof value !== 'object');
      const about = warn.getCalls().filter((call) => String(call.args[0]).includes(`${name} ignored`));
      expect(about, 'warnings').to.have.length(expected ? 1 : 0);
    });
  }
});

describe('hardening: share texts are cut only for slides in view', () => {
  it('a slide out of view links to its testimonial until it comes into view', async () => {
    const quote = `${'👩🏽‍🔧 e\u0301 '.repeat(300)}`.slice(0, 1990);
    const testimonials = Array.from({ length: 12 }, (_, i) => ({
      id: `t${i}`,
      image: { src: '/tests/fixtures/photos/sign-1.svg', width: 800, height: 600 },
      quote,
      name: `Person ${i}`,
    }));
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width:400px"></div>`);
    const el = document.createElement('notwiththem-gallery') as NotWithThemGallery;
    el.setAttribute('share', 'x whatsapp email');
    el.testimonials = testimonials;
    wrapper.append(el);
    await waitUntil(() => $(el, '.track[part~="track"] .slide'), 'slides never rendered', { timeout: 5000 });
    await el.updateComplete;
    const xLink = (index: number) => $(el, `#slide-${index} [part~="share-x"]`)?.getAttribute('href');
    await waitUntil(() => xLink(0), 'the first slide never showed its links');
    expect(xLink(0)).to.match(/^https:\/\/x\.com\/intent\/tweet\?/);
    expect(xLink(7)).to.equal(`${location.href.split('#')[0]}#nwt-t7`);
    el.goTo(7);
    await el.updateComplete;
    expect(xLink(7)).to.match(/^https:\/\/x\.com\/intent\/tweet\?/);
  });
});

describe('hardening: figures as data', () => {
  afterEach(() => document.querySelectorAll('[data-test]').forEach((node) => node.remove()));

  it('reads no style, script, noscript or template text into the quote or the who', () => {
    const host = document.createElement('div');
    host.innerHTML = `
      <figure><img src="/a.svg" alt="" /><figcaption>
        <blockquote>Shown<style>.x { color: red }</style><script type="text/plain">plain script</script><noscript>no script</noscript><template>template</template> words</blockquote>
        <cite>Ana<style>.y{}</style></cite></figcaption></figure>
      <figure><img src="/b.svg" alt="" /><figcaption>Caption only<script type="text/plain">hidden</script><noscript>hidden</noscript> <cite>Bo</cite></figcaption></figure>`;
    const [first, second] = readFigures(host);
    expect(first!.quote).to.equal('Shown words');
    expect(first!.name).to.equal('Ana');
    expect(second!.quote).to.equal('Caption only');
  });

  it('reads every figure when the bundle runs in <head> without defer and the figures arrive in chunks', async () => {
    const iframe = document.createElement('iframe');
    iframe.dataset.test = '';
    iframe.style.cssText = 'width: 400px; height: 700px; border: 0';
    document.body.append(iframe);
    const win = iframe.contentWindow as Window & typeof globalThis;
    const doc = iframe.contentDocument!;
    const figure = (n: number) =>
      `<figure data-id="f${n}"><img src="/tests/fixtures/photos/sign-${n}.svg" width="800" height="600" alt="" /><figcaption><blockquote>Figure ${n}</blockquote></figcaption></figure>`;
    doc.open();
    doc.write(
      '<!doctype html><html lang="en"><head><script src="/dist/notwiththem-gallery.bundle.js"></script></head><body>',
    );
    await waitUntil(() => win.customElements?.get('notwiththem-gallery'), 'the bundle never ran', {
      timeout: 5000,
    });
    // First chunk: the element and one figure. The parser is still in the element.
    doc.write(`<notwiththem-gallery share="none">${figure(1)}`);
    const el = doc.querySelector('notwiththem-gallery') as NotWithThemGallery;
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="slide"]'), 'the first figure never showed', {
      timeout: 5000,
    });
    // Later chunks.
    doc.write(figure(2));
    doc.write(`${figure(3)}</notwiththem-gallery></body></html>`);
    doc.close();
    await waitUntil(() => el.items.length === 3, `read ${el.items.length} of 3 figures`, { timeout: 5000 });
    expect(el.items.map((item) => item.id)).to.deep.equal(['f1', 'f2', 'f3']);
    // And again when they change.
    el.insertAdjacentHTML('beforeend', figure(4));
    await waitUntil(() => el.items.length === 4, 'a figure added later was not read', { timeout: 5000 });
  });
});

describe('hardening: the iframe embed', () => {
  let saved = '';
  beforeEach(() => (saved = location.hash));
  afterEach(() => {
    document.querySelectorAll('[data-test]').forEach((node) => node.remove());
    history.replaceState(null, '', location.href.split('#')[0] + saved);
  });

  it('embed.html has no inline style (a strict style-src would block it)', async () => {
    const page = await (await fetch('/dist/embed.html')).text();
    expect(page).to.not.match(/<style|\sstyle=/i);
  });

  it('an embed with no src or a rejected one says why on its card, in its language', async () => {
    for (const [query, message] of [
      ['?lang=es', 'Esta galería no tiene una dirección de feed válida (src).'],
      [`?src=${encodeURIComponent('javascript:alert(1)')}`, 'This gallery has no usable feed address (src).'],
    ]) {
      const iframe = document.createElement('iframe');
      iframe.dataset.test = '';
      iframe.style.cssText = 'width: 400px; height: 700px; border: 0';
      iframe.src = `/dist/embed.html${query}`;
      document.body.append(iframe);
      const state = () =>
        iframe.contentDocument
          ?.querySelector('notwiththem-gallery')
          ?.shadowRoot?.querySelector('[part~="state"][role="alert"]');
      await waitUntil(() => state(), `no error on the card for ${query}`, { timeout: 8000 });
      expect(state()!.textContent!.trim(), query).to.equal(message);
      expect(state()!.querySelector('[part~="retry"]'), query).to.equal(null);
      iframe.remove();
    }
  });

  it('the embed never posts a height of 0', async () => {
    const heights: number[] = [];
    const listen = (event: MessageEvent) => {
      if (event.data?.type === 'nwt-embed-height') heights.push(event.data.height);
    };
    addEventListener('message', listen);
    try {
      const iframe = document.createElement('iframe');
      iframe.dataset.test = '';
      iframe.style.cssText = 'width: 400px; height: 700px; border: 0';
      iframe.src = `/dist/embed.html?src=${encodeURIComponent(FEED)}&share=none`;
      document.body.append(iframe);
      await waitUntil(() => heights.some((height) => height > 200), 'no real height posted', {
        timeout: 8000,
      });
      expect(heights).to.not.include(0);
    } finally {
      removeEventListener('message', listen);
    }
  });

  it("the builder's snippet passes the page's #nwt-<id> to the embed, on load and on hashchange", async () => {
    history.replaceState(null, '', '#nwt-workers-from-pompeya');
    const files = {
      bundle: `${location.origin}/dist/notwiththem-gallery.bundle.js`,
      embed: `${location.origin}/dist/embed.html`,
    };
    const snippet = iframeSnippet({ src: `${location.origin}${FEED}` }, files, 'nwt-test-frame');
    const holder = document.createElement('div');
    holder.dataset.test = '';
    holder.innerHTML = snippet;
    document.body.append(holder);
    // innerHTML does not run scripts: run the snippet's as the page would.
    const script = document.createElement('script');
    script.textContent = holder.querySelector('script')!.textContent;
    holder.append(script);
    const frame = holder.querySelector('iframe')!;
    frame.loading = 'eager';
    const gallery = () =>
      frame.contentDocument?.querySelector('notwiththem-gallery') as NotWithThemGallery | null | undefined;
    await waitUntil(() => (gallery()?.items.length ?? 0) > 0, 'the embed never loaded', { timeout: 8000 });
    const index = (id: string) => gallery()!.items.findIndex((item) => item.id === id);
    expect(index('workers-from-pompeya')).to.be.above(0);
    await waitUntil(
      () => gallery()!.currentIndex === index('workers-from-pompeya'),
      'the embed ignored the hash on load',
    );
    location.hash = '#nwt-laura-vilches';
    await waitUntil(
      () => gallery()!.currentIndex === index('laura-vilches'),
      'the embed ignored the hashchange',
      { timeout: 5000 },
    );
  });
});

describe('hardening: Trusted Types', () => {
  afterEach(() => document.querySelectorAll('[data-test]').forEach((node) => node.remove()));

  /** A page with `policy` as its CSP (a meta element) and the bundle; resolves with its window. */
  async function pageWith(policy: string) {
    const iframe = document.createElement('iframe');
    iframe.dataset.test = '';
    iframe.style.cssText = 'width: 400px; height: 700px; border: 0';
    const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    iframe.srcdoc = `<!doctype html><html lang="en"><head>
      <meta http-equiv="Content-Security-Policy" content="${policy}">
      <script>
        window.violations = [];
        addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      </script><script src="/dist/notwiththem-gallery.bundle.js"></script></head><body>
      <notwiththem-gallery src="${FEED}" share="copy"></notwiththem-gallery></body></html>`;
    document.body.append(iframe);
    await loaded;
    const win = iframe.contentWindow as Window & { violations: string[] };
    const el = iframe.contentDocument!.querySelector('notwiththem-gallery')!;
    return { win, el };
  }

  it('renders with the documented least policy: trusted-types lit-html', async () => {
    const { win, el } = await pageWith("require-trusted-types-for 'script'; trusted-types lit-html");
    await waitUntil(() => el.shadowRoot?.querySelector('.track[part~="track"] .slide'), 'never rendered', {
      timeout: 5000,
    });
    expect(win.violations).to.deep.equal([]);
  });

  it("does not render with trusted-types 'none' (control: the policy is enforced)", async function () {
    if (!('trustedTypes' in window)) this.skip(); // an engine without Trusted Types enforces nothing
    const { win } = await pageWith("require-trusted-types-for 'script'; trusted-types 'none'");
    await waitUntil(() => win.violations.includes('trusted-types'), 'no trusted-types violation', {
      timeout: 5000,
    });
  });
});
