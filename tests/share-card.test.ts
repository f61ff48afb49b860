import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { render } from 'lit';
import sinon from 'sinon';
import '../src/define.js';
import type { Testimonial } from '../src/feed/types.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { renderDownloadCard } from '../src/share/download-card.js';
import { shareText } from '../src/share/targets.js';
import { waitUntil } from './helpers/waits.js';

// A feed built with `build-feed --share-pages`: each entry names its share page and its cards.
const SHARE_PAGE = 'https://campaign.example/gallery/share/laura-vilches.html';
const CARD = '/tests/cli/baselines/card-es-1200x630.jpg';
const LAURA = {
  id: 'laura-vilches',
  image: '/tests/fixtures/photos/sign-1.svg',
  quote: '#NotWithThem because they represent the capitalist class',
  name: 'Laura Vilches',
  sharePage: SHARE_PAGE,
  card: CARD,
  cardPortrait: '/tests/cli/baselines/card-es-1080x1350.jpg',
};
const RAUL = {
  id: 'raul-godoy',
  image: '/tests/fixtures/photos/sign-2.svg',
  quote: '#NotWithThem because workers, not bosses, must decide',
  name: 'Raúl Godoy',
};
const LINK_TARGETS = ['facebook', 'x', 'whatsapp', 'telegram', 'bluesky', 'linkedin', 'email'];

const $ = <T extends Element = HTMLElement>(root: ParentNode, selector: string) =>
  root.querySelector<T>(selector);
const slideOf = (el: NotWithThemGallery, index: number) =>
  el.shadowRoot!.querySelectorAll<HTMLElement>('.track[part~="track"] > .slide')[index]!;
/** Requests the page made for the card so far (the test server is the page's origin). */
const cardRequests = () =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith(CARD)).length;

/** A gallery wide enough for every target on a slide, with the targets of slide `index` shown. */
async function gallery(index = 0): Promise<NotWithThemGallery> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width:480px"></div>`);
  wrapper.innerHTML = '<notwiththem-gallery share-url="https://blog.example/post"></notwiththem-gallery>';
  const el = wrapper.firstElementChild as NotWithThemGallery;
  el.testimonials = { hashtag: 'NotWithThem', testimonials: [LAURA, RAUL] };
  await waitUntil(() => el.shadowRoot?.querySelector('.slide'), 'slides never rendered', { timeout: 5000 });
  await nextFrame();
  await nextFrame();
  await el.updateComplete;
  if (index > 0) {
    el.goTo(index);
    await el.updateComplete;
  }
  // More than three targets wait in the share sheet: "Share" opens it.
  const more = $(slideOf(el, index), '[part~="share-more"][aria-expanded="false"]');
  more?.click();
  await waitUntil(() => $(slideOf(el, index), '[part~="share-control"]'), 'no share controls');
  return el;
}

describe('share card: share pages and card files', () => {
  const sandbox = sinon.createSandbox();
  const own = (key: 'share' | 'canShare', value: unknown) =>
    Object.defineProperty(navigator, key, { value, configurable: true });
  // Only a link's navigation is stopped: cancelling every click would also cancel "Share" opening its sheet.
  const stopNavigation = (event: Event) =>
    (event.composedPath()[0] as Element).closest?.('a') && event.preventDefault();

  beforeEach(() => {
    document.addEventListener('click', stopNavigation);
    performance.clearResourceTimings();
  });
  afterEach(() => {
    document.removeEventListener('click', stopNavigation);
    delete (navigator as { share?: unknown }).share;
    delete (navigator as { canShare?: unknown }).canShare;
    sandbox.restore();
  });

  it('points every target, copy link included, at the share page when the entry has one', async () => {
    const writeText = sandbox.stub(navigator.clipboard, 'writeText').resolves();
    const el = await gallery();
    const slide = slideOf(el, 0);
    const encoded = encodeURIComponent(SHARE_PAGE);
    for (const target of LINK_TARGETS) {
      const href = $<HTMLAnchorElement>(slide, `[part~="share-${target}"]`)!.href;
      expect(href, target).to.include(encoded);
      expect(href, target).to.not.include(encodeURIComponent('https://blog.example/post'));
    }
    const shares: string[] = [];
    el.addEventListener('nwt-share', (event) => shares.push(event.detail.url));
    $(slide, '[part~="share-copy"]')!.click();
    await waitUntil(() => writeText.called, 'nothing copied');
    expect(writeText.firstCall.args).to.deep.equal([SHARE_PAGE]);
    expect(shares).to.deep.equal([SHARE_PAGE]);
    expect(cardRequests(), 'no card fetched for links').to.equal(0);
  });

  it('shares the post at the testimonial for an entry without a share page, as before', async () => {
    const el = await gallery(1);
    const facebook = $<HTMLAnchorElement>(slideOf(el, 1), '[part~="share-facebook"]')!.href;
    expect(new URL(facebook).searchParams.get('u')).to.equal('https://blog.example/post#nwt-raul-godoy');
  });

  it('gives the native share the card as a file where canShare({ files }) is true, fetched on the click only', async () => {
    const share = sinon.stub().resolves();
    const canShare = sinon.spy((data?: ShareData) => Boolean(data?.files?.length));
    own('share', share);
    own('canShare', canShare);
    const el = await gallery();
    const native = $(slideOf(el, 0), '[part~="share-native"]')!;
    expect(cardRequests(), 'the card waits for the click').to.equal(0);
    expect(canShare.called).to.equal(false);

    native.click();
    await waitUntil(() => share.called, 'navigator.share was not called', { timeout: 5000 });
    const [data] = share.firstCall.args as [ShareData];
    expect(data.title).to.equal('Laura Vilches');
    expect(data.text).to.equal(shareText(LAURA, 'NotWithThem'));
    expect(data.url).to.equal(SHARE_PAGE);
    expect(data.files).to.have.length(1);
    const file = data.files![0]!;
    expect(file.name).to.equal('laura-vilches.jpg');
    expect(file.type).to.equal('image/jpeg');
    const card = await (await fetch(CARD)).arrayBuffer();
    expect(file.size).to.equal(card.byteLength);
    expect([...new Uint8Array(await file.arrayBuffer()).slice(0, 2)]).to.deep.equal([0xff, 0xd8]);
  });

  it('shares text and link only, and fetches nothing, where the platform takes no files', async () => {
    const share = sinon.stub().resolves();
    const canShare = sinon.spy(() => false);
    own('share', share);
    own('canShare', canShare);
    const el = await gallery();
    $(slideOf(el, 0), '[part~="share-native"]')!.click();
    await waitUntil(() => share.called, 'navigator.share was not called');
    expect(share.firstCall.args).to.deep.equal([
      { title: 'Laura Vilches', text: shareText(LAURA, 'NotWithThem'), url: SHARE_PAGE },
    ]);
    expect(canShare.calledOnce).to.equal(true);
    expect(cardRequests()).to.equal(0);
  });

  it('shares text and link when the card cannot be fetched', async () => {
    const share = sinon.stub().resolves();
    own('share', share);
    own('canShare', () => true);
    const el = await gallery();
    (el.items[0] as { card?: string }).card = '/tests/cli/baselines/missing-card.jpg';
    sandbox.stub(window, 'fetch').rejects(new TypeError('offline'));
    $(slideOf(el, 0), '[part~="share-native"]')!.click();
    await waitUntil(() => share.called, 'navigator.share was not called');
    expect(share.firstCall.args[0].files).to.equal(undefined);
    expect(share.firstCall.args[0].url).to.equal(SHARE_PAGE);
  });
});

describe('share card: the "Download card" control', () => {
  const testimonial = (extra: Partial<Testimonial> = {}): Testimonial => ({
    id: 'laura-vilches',
    image: { src: 'https://campaign.example/a.webp', alt: 'A sign' },
    quote: 'Because',
    ...extra,
  });

  it('links the card, named after the testimonial, in a new tab without referrer', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    render(
      renderDownloadCard(
        testimonial({ card: 'https://campaign.example/cards/l-1200x630.jpg' }),
        'Download card',
      ),
      host,
    );
    const link = host.querySelector<HTMLAnchorElement>('a[part="download-card"]')!;
    expect(link.getAttribute('href')).to.equal('https://campaign.example/cards/l-1200x630.jpg');
    expect(link.getAttribute('download')).to.equal('laura-vilches.jpg');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.textContent).to.equal('Download card');
  });

  it('renders nothing for a testimonial without a card', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    render(renderDownloadCard(testimonial(), 'Download card'), host);
    expect(host.querySelector('a')).to.equal(null);
  });
});
