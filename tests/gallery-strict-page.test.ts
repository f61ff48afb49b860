// Strict pages: the built bundle on pages served with
//   Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';
//     require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'
// (tests/server/strict-pages.mjs; pages in tests/fixtures/strict/), loaded in an iframe: the gallery
// shows with zero `securitypolicyviolation` events, also when the page already runs its own Lit.
import { expect } from '@open-wc/testing';
import { waitUntil } from './helpers/waits.js';

/** As tests/server/strict-pages.mjs sends it. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'";

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}
interface StrictWindow extends Window {
  __violations: Violation[];
  __errors: string[];
  pageLitVersions?: string[];
  litElementVersions?: string[];
}

const slides = (el: Element | null) => [
  ...(el?.shadowRoot?.querySelectorAll<HTMLElement>('[part~="slide"]') ?? []),
];

async function strictFrame(page: string) {
  const iframe = document.createElement('iframe');
  iframe.dataset.test = '';
  iframe.style.cssText = 'width: 420px; height: 800px; border: 0';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = `/tests/fixtures/strict/${page}`;
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as StrictWindow;
  const doc = iframe.contentDocument!;
  const gallery = doc.querySelector('notwiththem-gallery');
  await waitUntil(() => slides(gallery).length === 4, `the gallery never showed on ${page}`, {
    timeout: 10_000,
  });
  // The first photo loads (img-src 'self' allows the feed's same-origin photos).
  const image = gallery!.shadowRoot!.querySelector<HTMLImageElement>('img[part~="image"]')!;
  await waitUntil(() => image.complete && image.naturalWidth > 0, 'the first photo never loaded', {
    timeout: 10_000,
  });
  return { iframe, win, doc, gallery: gallery! };
}

/**
 * Resolves once every violation caused so far has been reported: a marker of our own (a data: image the
 * policy refuses) is reported after them, since reports are queued in order. Its report is dropped.
 */
async function violationsReported(win: StrictWindow, doc: Document): Promise<void> {
  const marker = doc.createElement('img');
  marker.alt = '';
  const seen = win.__violations.length;
  marker.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
  doc.body.append(marker);
  const isMarker = (v: Violation) => v.directive === 'img-src' && /^data/.test(v.blocked);
  await waitUntil(
    () => win.__violations.slice(seen).some(isMarker),
    'the marker violation was never reported',
  );
  const at = win.__violations.map(isMarker).lastIndexOf(true);
  win.__violations.splice(at, 1);
  marker.remove();
}

const describeViolations = (list: Violation[]) =>
  list.map((v) => `${v.directive} blocked ${v.blocked} (${v.sample}) at ${v.source}`).join('\n');

describe('strict pages (CSP and Trusted Types)', function () {
  before(async function () {
    const response = await fetch('/dist/notwiththem-gallery.bundle.js', { method: 'HEAD' });
    if (!response.ok)
      throw new Error(
        'dist/notwiththem-gallery.bundle.js is missing: run `node scripts/build.mjs` (npm test builds it first)',
      );
  });
  afterEach(() => document.querySelectorAll('[data-test]').forEach((node) => node.remove()));

  it('the pages are served with the strict policy', async () => {
    for (const page of ['gallery.html', 'with-lit.html']) {
      const response = await fetch(`/tests/fixtures/strict/${page}`);
      expect(response.headers.get('Content-Security-Policy'), page).to.equal(STRICT_CSP);
    }
  });

  it('shows the gallery (script-tag bundle, same-origin feed and photos) with zero violations', async () => {
    const { win, doc, gallery } = await strictFrame('gallery.html');
    // Interact: next page, and the dialog (a native <dialog>, its photo, link and share row).
    gallery.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next"]')!.click();
    await waitUntil(
      () => (gallery as unknown as { currentIndex: number }).currentIndex === 1,
      'next did not move',
    );
    // A "Share" button that opens the share sheet, when the slide waits with one.
    const sheetOpener = gallery.shadowRoot!.querySelector<HTMLButtonElement>(
      '.slide:not([inert]) [part~="share-more"][aria-expanded]',
    );
    if (sheetOpener) {
      sheetOpener.click();
      await waitUntil(
        () => gallery.shadowRoot!.querySelector('[part~="share-sheet"]:popover-open [part~="share-control"]'),
        'the sheet did not open',
      );
    }
    const opener = '[part~="read-more"], [part~="share-more"][aria-haspopup]';
    const readMore = await waitUntil(
      () => gallery.shadowRoot!.querySelector<HTMLButtonElement>(opener),
      'no button opens the dialog',
      { timeout: 5000 },
    ).then(() => gallery.shadowRoot!.querySelector<HTMLButtonElement>(opener)!);
    readMore.click();
    await waitUntil(() => gallery.shadowRoot!.querySelector('dialog')?.open, 'the dialog did not open');
    gallery.shadowRoot!.querySelector('dialog')!.close();
    await violationsReported(win, doc);

    expect(win.__violations, describeViolations(win.__violations)).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);

    // The placeholder colour is an inline style set through the CSSOM (styleMap): allowed, and applied.
    const photo = gallery.shadowRoot!.querySelector<HTMLElement>('.slide [part~="photo"]')!;
    expect(win.getComputedStyle(photo).backgroundColor).to.equal('rgb(217, 72, 95)');
  });

  it('shows the gallery with zero violations when the page already loaded its own Lit', async () => {
    const { win, doc } = await strictFrame('with-lit.html');
    const badge = doc.querySelector('page-badge')!;
    await waitUntil(
      () => badge.shadowRoot?.textContent?.includes('Page badge'),
      "the page's own Lit element never rendered",
    );
    // Two copies of Lit: the page's (loaded first) and the bundle's.
    expect(win.pageLitVersions?.length, "the page's Lit ran first").to.equal(1);
    expect(win.litElementVersions?.length, 'two copies of Lit').to.equal(2);
    await violationsReported(win, doc);
    expect(win.__violations, describeViolations(win.__violations)).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
  });

  it('the policy is enforced and reported (control): a data: image is refused, and so is a string to innerHTML where Trusted Types exist', async () => {
    const { win, doc } = await strictFrame('gallery.html');
    const img = doc.createElement('img');
    img.alt = '';
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    doc.body.append(img);
    await waitUntil(
      () => win.__violations.some((v) => v.directive === 'img-src'),
      'no img-src violation reported',
      { timeout: 5000 },
    );
    if ('trustedTypes' in win) {
      expect(() => {
        doc.createElement('div').innerHTML = '<b>not trusted</b>';
      }).to.throw();
      await waitUntil(
        () => win.__violations.some((v) => v.directive === 'require-trusted-types-for'),
        'no Trusted Types violation reported',
      );
    }
  });
});
