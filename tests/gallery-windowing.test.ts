import { expect, nextFrame } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { $, $$, mount, settled, slides, TRACK } from './helpers/gallery.js';
import { waitUntil } from './helpers/waits.js';

/** Testimonials t1…tN with photos from the test server. */
function feed(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `t${i + 1}`,
    image: { src: `/__feeds/slow-image?hue=${(i * 47) % 360}`, width: 800, height: 600 },
    quote: `Reason number ${i + 1}` + (i === 9_998 ? ' told at great length, '.repeat(20) : ''),
    name: `Person ${i + 1}`,
  }));
}

function countElements(root: Node): number {
  let count = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  while (walker.nextNode()) {
    count++;
    const shadow = (walker.currentNode as Element).shadowRoot;
    if (shadow) count += countElements(shadow);
  }
  return count;
}

/** A gallery of `count` testimonials given directly, ready (without share targets unless `attrs` sets them). */
function gallery(count: number, width = 1100, attrs = ''): Promise<NotWithThemGallery> {
  const share = attrs.includes('share=') ? '' : 'share="none" ';
  return mount({ width, attrs: share + attrs, testimonials: feed(count), timeout: 8000 });
}

describe('windowed rendering', () => {
  it('keeps the DOM the same size at 10,000 testimonials as at 7 (within 1.5×)', async () => {
    const small = await gallery(7);
    const smallCount = countElements(small);
    const large = await gallery(10_000);
    const largeCount = countElements(large);
    expect(largeCount, `${largeCount} elements at 10,000 vs ${smallCount} at 7`).to.be.at.most(
      smallCount * 1.5,
    );
    expect(slides(large).length).to.be.at.most(3 * 3);
  });

  it('gives the track the full scroll width of every slide', async () => {
    const el = await gallery(10_000);
    const track = $(el, TRACK)!;
    const slide = slides(el)[0]!.getBoundingClientRect().width;
    const gap = parseFloat(getComputedStyle(track).columnGap);
    const expected = 10_000 * (slide + gap) - gap;
    expect(track.scrollWidth - 12).to.be.closeTo(expected, 10_000 * 0.02 + 2);
  });

  it('shows a counter, and End, Home and the arrows work at 10,000', async () => {
    const el = await gallery(10_000, 400);
    expect($(el, '[role="tablist"]')).to.equal(null);
    expect($(el, '[part~="position"]')!.textContent).to.equal('1 / 10000');
    $(el, TRACK)!.focus();
    await sendKeys({ press: 'End' });
    await settled(el);
    expect(el.currentIndex).to.equal(9_999);
    expect($(el, '[part~="position"]')!.textContent).to.equal('10000 / 10000');
    const last = slides(el).find((s) => s.id === 'slide-9999')!;
    expect(last, 'the last slide is rendered').to.exist;
    expect(last.hasAttribute('inert')).to.equal(false);
    const trackBox = $(el, TRACK)!.getBoundingClientRect();
    const box = last.getBoundingClientRect();
    expect(box.left).to.be.at.least(trackBox.left - 1);
    expect(box.right).to.be.at.most(trackBox.right + 1);
    await sendKeys({ press: 'ArrowLeft' });
    await settled(el);
    expect(el.currentIndex).to.equal(9_998);
    await sendKeys({ press: 'Home' });
    await settled(el);
    expect(el.currentIndex).to.equal(0);
    expect(slides(el)[0]!.id).to.equal('slide-0');
  });

  it('opens on a deep link to the last testimonial', async () => {
    history.replaceState(null, '', '#nwt-t10000');
    try {
      const el = await gallery(10_000, 400);
      await settled(el);
      expect(el.currentIndex).to.equal(9_999);
      expect(slides(el).some((s) => s.id === 'slide-9999' && !s.inert)).to.equal(true);
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('follows a swipe: the window moves with the scroll position and the slide in view becomes current', async function () {
    // A hundred frames, one scroll step each: WebKit under stress-ng gives fewer than five a second. The
    // timeout only bounds a broken run.
    this.timeout(90_000);
    const el = await gallery(10_000, 400);
    const track = $(el, TRACK)!;
    const step = slides(el)[0]!.getBoundingClientRect().width + parseFloat(getComputedStyle(track).columnGap);
    // A swipe scrolls by small amounts, frame after frame; the window must keep up with it.
    for (let i = 0; i < 100; i++) {
      track.scrollBy({ left: step, behavior: 'instant' });
      await nextFrame();
    }
    await settled(el);
    await waitUntil(() => el.currentIndex === 100, `current is ${el.currentIndex}`, { timeout: 3000 });
    const current = slides(el).find((s) => s.id === 'slide-100');
    expect(current, 'slide 101 rendered').to.exist;
    expect(
      Math.round(
        current!.getBoundingClientRect().left -
          track.getBoundingClientRect().left -
          parseFloat(getComputedStyle(track).scrollPaddingLeft),
      ),
    ).to.equal(0);
  });

  it('stays on the slide a swipe of one slide came to rest on', async () => {
    // WebKit re-snaps a track whose snap points changed to the point of the same rank: the render that
    // made the slide current dropped the one before it from the window, so the track moved on a slide, and
    // again after each move, for good.
    const el = await gallery(10_000, 400);
    el.goTo(10);
    await settled(el);
    const track = $(el, TRACK)!;
    const step = slides(el)[0]!.getBoundingClientRect().width + parseFloat(getComputedStyle(track).columnGap);
    const left = track.scrollLeft + step;
    // A reader's swipe starts with a pointer down: from then on the track's position is the reader's
    // (without it, the element's own move to slide 11 may still be finishing, and takes the track back).
    track.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    track.scrollBy({ left: step, behavior: 'instant' });
    await waitUntil(() => el.currentIndex === 11, `current is ${el.currentIndex}`);
    await el.updateComplete;
    expect(track.scrollLeft, 'after the render that made slide 12 current').to.be.closeTo(left, 1);
    await settled(el);
    expect(el.currentIndex).to.equal(11);
    expect(track.scrollLeft).to.be.closeTo(left, 1);
  });

  it('shares the last of 10,000 testimonials with a link to it, and the share event carries it', async () => {
    const el = await gallery(10_000, 1100, 'share="x copy" share-url="https://example.org/campaign"');
    el.goTo('t10000');
    await settled(el);
    const last = slides(el).find((s) => s.id === 'slide-9999')!;
    const x = await waitUntil(
      () => last.querySelector<HTMLAnchorElement>('a[part~="share-x"]'),
      'no X link',
      { timeout: 3000 },
    ).then(() => last.querySelector<HTMLAnchorElement>('a[part~="share-x"]')!);
    expect(new URL(x.href).searchParams.get('url')).to.equal('https://example.org/campaign#nwt-t10000');
    const shared = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('nwt-share', (e) => resolve(e as CustomEvent), { once: true }),
    );
    el.addEventListener('nwt-share', (e) => e.preventDefault(), { once: true });
    last.querySelector<HTMLButtonElement>('button[part~="share-copy"]')!.click();
    const { detail } = await shared;
    expect(detail.testimonial.id).to.equal('t10000');
    expect(detail.url).to.equal('https://example.org/campaign#nwt-t10000');
  });

  it('keeps the same <img> for a slide that stays rendered across a move', async () => {
    const el = await gallery(10_000, 400);
    const secondImage = slides(el)[1]!.querySelector('img');
    el.next();
    await settled(el);
    const again = slides(el)
      .find((s) => s.id === 'slide-1')!
      .querySelector('img');
    expect(again).to.equal(secondImage);
  });

  it('gives "Read more" to a long quote that enters the window', async () => {
    const el = await gallery(10_000, 400);
    el.goTo('t9999');
    await settled(el);
    await waitUntil(
      () =>
        slides(el)
          .find((s) => s.id === 'slide-9998')
          ?.querySelector('[part~="read-more"]'),
      'no Read more',
      { timeout: 3000 },
    );
  });

  it('renders every slide and the dots of a feed at the threshold', async () => {
    const el = await gallery(7, 1100);
    expect(slides(el).length).to.equal(7);
    expect($$(el, '[role="tab"]').length, 'one tab per page of 3').to.equal(3);
    expect($$(el, '.spacer').length).to.equal(0);
  });
});
