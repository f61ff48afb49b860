import { expect, fixture, html, oneEvent, nextFrame } from '@open-wc/testing';
import {
  a11ySnapshot,
  emulateMedia,
  findAccessibilityNode,
  resetMouse,
  sendKeys,
  sendMouse,
  setViewport,
} from '@web/test-runner-commands';
import sinon from 'sinon';
import '../src/define.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { expectAccessible } from './helpers/axe.js';
import { skipIn } from './helpers/engine.js';
import { $, $$, mount, settled, slides, TRACK } from './helpers/gallery.js';
import { until, waitUntil } from './helpers/waits.js';

const inertFlags = (el: NotWithThemGallery) =>
  $$(el, `${TRACK} > .slide`).map((s) => s.hasAttribute('inert'));
/** A node of the browser's accessibility tree as a11ySnapshot returns it. */
interface A11yNode {
  role?: string;
  name?: string;
  children?: A11yNode[];
}

/** The accessible name an element gets from aria-labelledby, else aria-label (what the markup says). */
const nameOf = (el: NotWithThemGallery, node: Element) =>
  node.hasAttribute('aria-labelledby')
    ? node
        .getAttribute('aria-labelledby')!
        .split(' ')
        .map((id) => el.shadowRoot!.getElementById(id)!.textContent!.trim())
        .join(' ')
    : node.getAttribute('aria-label');

describe('carousel: roles and names (WAI-ARIA carousel pattern)', () => {
  it('is a region described as a carousel, named by its title; slides are tab panels named by their names', async function () {
    // a11ySnapshot reads the accessibility tree over CDP; Firefox (WebDriver BiDi) and WebKit (WebDriver) expose none.
    skipIn(this, ['firefox', 'webkit'], 'a11ySnapshot needs CDP (Chromium only)');
    const el = await mount({ width: 400 });
    const section = $(el, 'section')!;
    expect(section.getAttribute('aria-roledescription')).to.equal('carousel');
    expect(nameOf(el, section)).to.equal('Test gallery');
    expect(section.hasAttribute('aria-label'), 'named by the visible title').to.equal(false);
    const slides = $$(el, `${TRACK} > .slide`);
    expect(slides.map((s) => s.getAttribute('role'))).to.deep.equal([
      'tabpanel',
      'tabpanel',
      'tabpanel',
      'tabpanel',
    ]);
    expect(
      slides.some((s) => s.hasAttribute('aria-roledescription')),
      'a tab panel has none',
    ).to.equal(false);
    expect(nameOf(el, slides[2]!)).to.equal(slides[2]!.querySelector('.name')!.textContent);
    expect($(el, TRACK)!.tabIndex, 'the track is no tab stop').to.equal(-1);
    expect($(el, TRACK)!.hasAttribute('aria-label')).to.equal(false);

    // The same names as the accessibility tree exposes them.
    const snapshot = (await a11ySnapshot({})) as unknown as A11yNode & { children: A11yNode[] };
    const find = (test: (node: A11yNode) => boolean) =>
      findAccessibilityNode(snapshot as never, test as never) as A11yNode | null;
    const region = find((node) => node.name === 'Test gallery' && node.role === 'region');
    expect(region, 'region in the accessibility tree').to.exist;
    const panel = find((node) => node.role === 'tabpanel' && node.name === 'Laura Vilches');
    expect(panel, 'first slide in the accessibility tree').to.exist;
    const next = find((node) => node.role === 'button' && node.name === 'Next testimonial');
    expect(next).to.exist;
  });

  it('describes slides as slides in groups when a counter stands for the picker', async () => {
    const el = await mount({ width: 360, src: '/__feeds/many?n=120' });
    const slide = $(el, `${TRACK} > .slide`)!;
    expect(slide.getAttribute('role')).to.equal('group');
    expect(slide.getAttribute('aria-roledescription')).to.equal('slide');
    expect(nameOf(el, slide)).to.be.a('string').and.not.equal('');
    // No picker: the track is the tab stop for ←/→, Home and End, a region named for what they do.
    expect(slide.hasAttribute('tabindex')).to.equal(false);
    const track = $(el, TRACK)!;
    expect([track.tabIndex, track.getAttribute('role'), track.getAttribute('aria-label')]).to.deep.equal([
      0,
      'region',
      'Choose a testimonial',
    ]);
  });

  it('localizes the role descriptions and names in Spanish', async () => {
    const el = await mount({ width: 400, attrs: 'lang="es"' });
    expect($(el, 'section')!.getAttribute('aria-roledescription')).to.equal('carrusel');
    expect($(el, '[role="tab"]')!.getAttribute('aria-label')).to.equal('Testimonio 1');
    expect($(el, '[part~="next"]')!.getAttribute('aria-label')).to.equal('Testimonio siguiente');
  });

  it('falls back to the label attribute, then a localized default name', async () => {
    const el = await mount({ width: 400, attrs: 'label="Reasons"' });
    expect(nameOf(el, $(el, 'section')!)).to.equal('Reasons');
    const bare = await fixture<NotWithThemGallery>(html`<notwiththem-gallery></notwiththem-gallery>`);
    bare.testimonials = [{ image: 'https://example.org/a.jpg', quote: 'x' }];
    await waitUntil(() => $(bare, `${TRACK} .slide`));
    expect(nameOf(bare, $(bare, 'section')!)).to.equal('Testimonials');
    expect(nameOf(bare, $(bare, `${TRACK} .slide`)!), 'no name: its quote').to.equal('x');
  });
});

describe('carousel: controls', () => {
  it('keeps previous focusable but aria-disabled at the start, and focus does not jump', async () => {
    const el = await mount({ width: 400 });
    const previous = $<HTMLButtonElement>(el, '[part~="previous"]')!;
    expect(previous.getAttribute('aria-disabled')).to.equal('true');
    expect(previous.disabled).to.equal(false);
    previous.focus();
    previous.click();
    await el.updateComplete;
    expect(el.currentIndex).to.equal(0);
    expect(el.shadowRoot!.activeElement).to.equal(previous);
  });

  it('disables next at the end without loop; with loop next rewinds to the first slide', async () => {
    const el = await mount({ width: 400 });
    el.goTo(3);
    await el.updateComplete;
    expect($(el, '[part~="next"]')!.getAttribute('aria-disabled')).to.equal('true');
    el.loop = true;
    await el.updateComplete;
    expect($(el, '[part~="next"]')!.getAttribute('aria-disabled')).to.equal('false');
    $<HTMLButtonElement>(el, '[part~="next"]')!.click();
    await el.updateComplete;
    expect(el.currentIndex).to.equal(0);
    // No cloned slides.
    expect($$(el, `${TRACK} > .slide`).length).to.equal(4);
  });

  it('has a tab per page with roving tabindex; arrows, Home and End move between pages', async () => {
    // 600 px: two slides in view, two pages of four slides.
    const el = await mount({ width: 600 });
    const tabs = $$<HTMLButtonElement>(el, '[role="tab"]');
    expect(tabs.length).to.equal(2);
    expect($(el, '[role="tablist"]')!.getAttribute('aria-label')).to.equal('Choose a testimonial');
    expect(tabs.map((t) => t.getAttribute('aria-label'))).to.deep.equal([
      'Testimonial 1–2',
      'Testimonial 3–4',
    ]);
    expect(tabs.map((t) => t.tabIndex)).to.deep.equal([0, -1]);
    expect(tabs[0]!.getAttribute('aria-controls'), 'the panels in view').to.equal('slide-0 slide-1');
    expect(tabs[1]!.hasAttribute('aria-controls'), 'no relation to inert panels').to.equal(false);
    tabs[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.currentIndex).to.equal(2);
    expect(el.shadowRoot!.activeElement).to.equal(tabs[1]);
    expect(tabs.map((t) => t.tabIndex)).to.deep.equal([-1, 0]);
    expect(tabs[1]!.getAttribute('aria-controls')).to.equal('slide-2 slide-3');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.currentIndex).to.equal(0);
    expect(el.shadowRoot!.activeElement).to.equal(tabs[0]);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.currentIndex).to.equal(2);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.currentIndex, 'tabs wrap like the pattern’s tab list').to.equal(0);
    // Tab from the tab list goes to the panel it shows.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#slide-0'));
    await settled(el);
    await expectAccessible(el);
  });

  it('moves a page with dots when several slides are in view, and every dot changes the view', async () => {
    const el = await mount({ width: 1000, src: '/__feeds/many?n=7' });
    expect($$(el, '[role="tab"]').length, '3 in view: pages at 1, 4 and 5').to.equal(3);
    const tabs = $$<HTMLButtonElement>(el, '[role="tab"]');
    const starts: number[] = [];
    for (const tab of tabs) {
      tab.click();
      await el.updateComplete;
      await settled(el);
      starts.push(Math.round($(el, TRACK)!.scrollLeft));
    }
    expect(new Set(starts).size, 'each dot shows another view').to.equal(tabs.length);
  });

  it('shows a compact "3 / 120" counter when the dots would not fit', async () => {
    const el = await mount({ width: 360, src: '/__feeds/many?n=120' });
    expect($(el, '[role="tablist"]')).to.equal(null);
    expect($(el, '[part~="position"]')!.textContent).to.equal('1 / 120');
    el.goTo(2);
    await el.updateComplete;
    expect($(el, '[part~="position"]')!.textContent).to.equal('3 / 120');
  });

  it('moves with arrow keys, Home and End on the focused slides, mirrored in right-to-left', async () => {
    const el = await mount({ width: 400 });
    $(el, '.slide[tabindex="0"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.currentIndex).to.equal(1);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement, 'focus follows to the slide in view').to.equal($(el, '#slide-1'));
    await sendKeys({ press: 'End' });
    expect(el.currentIndex).to.equal(3);
    await el.updateComplete;
    await sendKeys({ press: 'Home' });
    expect(el.currentIndex).to.equal(0);

    const rtl = await mount({ width: 400, attrs: 'dir="rtl"' });
    $(rtl, '.slide[tabindex="0"]')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(rtl.currentIndex, 'ArrowLeft is next in RTL').to.equal(1);
    await rtl.updateComplete;
    await settled(rtl);
    const track = $(rtl, TRACK)!;
    expect(track.scrollLeft, 'an RTL track scrolls towards negative offsets').to.be.below(0);
    expect(inertFlags(rtl)).to.deep.equal([true, false, true, true]);
    await sendKeys({ press: 'ArrowRight' });
    expect(rtl.currentIndex).to.equal(0);
    await expectAccessible(rtl);
  });
});

describe('carousel: the element’s own scrolls', () => {
  /**
   * Blocks the main thread for `ms` at the first scroll frame after each call of the returned `arm`:
   * the frames of a smooth scroll then come further apart than the rest timer, as on a loaded machine.
   */
  function slowFrames(track: HTMLElement, ms = 250): () => void {
    let armed = false;
    track.addEventListener('scroll', () => {
      if (!armed) return;
      armed = false;
      const end = performance.now() + ms;
      while (performance.now() < end);
    });
    return () => (armed = true);
  }

  /** Records the index of every nwt-slide-change. */
  function changes(el: NotWithThemGallery): number[] {
    const indexes: number[] = [];
    el.addEventListener('nwt-slide-change', (event) => indexes.push(event.detail.index));
    return indexes;
  }

  /** Waits until the track rests on the last slide (4 of 4, one per view), past the rest timer. */
  async function restOnLast(el: NotWithThemGallery): Promise<void> {
    const track = $(el, TRACK)!;
    const [first, last] = [slides(el)[0]!, slides(el)[3]!];
    const at = () => Math.abs(Math.abs(track.scrollLeft) - (last.offsetLeft - first.offsetLeft)) < 1;
    await waitUntil(at, 'the track never rested on the last slide', { timeout: 5000 }).catch(() => {
      throw new Error(
        `the track rests at ${track.scrollLeft}, not on the last slide (current ${el.currentIndex})`,
      );
    });
    await settled(el);
  }

  it('fires nwt-slide-change only for the slides chosen while its frames come slowly', async () => {
    const el = await mount({ width: 400 });
    const fired = changes(el);
    const arm = slowFrames($(el, TRACK)!);
    el.goTo(3);
    arm();
    await restOnLast(el);
    expect(fired).to.deep.equal([3]);
    expect(el.currentIndex).to.equal(3);
  });

  it('keeps the tab chosen when Tab follows before its scroll has moved', async () => {
    // A reader clicks a tab and tabs on into its slide before the scroll there has had a frame; on a
    // loaded machine the track's rest check can then come before that frame. Tab on the tab list only
    // moves focus: it must not take the scroll for the reader's own, or the rest check chooses the slide
    // the track still shows. The engine's smooth scroll is held where it is, so the race runs every time.
    const el = await mount({ width: 400 });
    const fired = changes(el);
    const track = $(el, TRACK)!;
    const held = sinon.stub(track, 'scrollTo');
    const tab = $$<HTMLButtonElement>(el, '[role="tab"]')[1]!;
    tab.click();
    await el.updateComplete;
    tab.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true }));
    track.dispatchEvent(new Event('scrollend'));
    await el.updateComplete;
    held.restore();
    expect(fired).to.deep.equal([1]);
    expect(el.currentIndex).to.equal(1);
    expect(held.called, 'the element asked for the scroll to the tab’s slide').to.equal(true);
  });

  it('ends on the last slide chosen with fast keys on the tab list', async () => {
    const el = await mount({ width: 400 });
    const fired = changes(el);
    // Where the track was at each change and key, for the message of a failure.
    const trace: string[] = [];
    const track = $(el, TRACK)!;
    el.addEventListener('nwt-slide-change', (e) => trace.push(`${e.detail.index}@${track.scrollLeft}`));
    const arm = slowFrames(track);
    $<HTMLButtonElement>(el, '[role="tab"]')!.focus();
    for (const key of ['ArrowRight', 'End', 'Home', 'ArrowLeft']) {
      arm();
      trace.push(`${key}@${track.scrollLeft}`);
      await sendKeys({ press: key });
    }
    await restOnLast(el);
    expect(fired, trace.join(' ')).to.deep.equal([1, 3, 0, 3]);
    expect(el.currentIndex).to.equal(3);
  });
});

describe('carousel: layout by the element’s own width', () => {
  it('shows 1, 2 or 3 slides per view by container width, and the rest are inert', async () => {
    const narrow = await mount({ width: 400 });
    expect(inertFlags(narrow)).to.deep.equal([false, true, true, true]);
    const medium = await mount({ width: 700 });
    expect(inertFlags(medium)).to.deep.equal([false, false, true, true]);
    const wide = await mount({ width: 1100 });
    expect(inertFlags(wide)).to.deep.equal([false, false, false, true]);
  });

  it('follows --nwt-slides-per-view and moves by one page', async () => {
    const el = await mount({ width: 1100, attrs: 'style="--nwt-slides-per-view: 2"' });
    expect(inertFlags(el)).to.deep.equal([false, false, true, true]);
    el.next();
    await el.updateComplete;
    expect(el.currentIndex).to.equal(2);
    expect(inertFlags(el)).to.deep.equal([true, true, false, false]);
    // WebKit scrolls smoothly in bursts with pauses over 80 ms: wait for slide 3 at the track's start,
    // not for a still track.
    const track = $(el, TRACK)!;
    const slides = $$(el, `${TRACK} > .slide`);
    const trackLeft = track.getBoundingClientRect().left + parseFloat(getComputedStyle(track).paddingLeft);
    const offset = () => Math.round(slides[2]!.getBoundingClientRect().left - trackLeft);
    await waitUntil(() => offset() === 0, `slide 3 is ${offset()} px from the start`, { timeout: 5000 });
    await settled(el);
    expect(offset()).to.equal(0);
    expect(el.currentIndex, 'the scroll there left the current slide alone').to.equal(2);
  });

  it('does not depend on the viewport: a narrow column in a wide window shows one slide', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await mount({ width: 320 });
    expect(inertFlags(el)).to.deep.equal([false, true, true, true]);
    expect(el.getBoundingClientRect().width).to.equal(320);
    await expectAccessible(el);
  });

  it('jumps instead of gliding under prefers-reduced-motion', async function () {
    // emulateMedia emulates media features over CDP only; Firefox (WebDriver BiDi) and WebKit (WebDriver) cannot.
    skipIn(this, ['firefox', 'webkit'], 'emulateMedia({ reducedMotion }) needs CDP (Chromium only)');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await mount({ width: 400 });
      const track = $(el, TRACK)!;
      expect(getComputedStyle(track).scrollBehavior).to.equal('auto');
      el.next();
      await el.updateComplete;
      await nextFrame();
      const step = $$(el, `${TRACK} > .slide`)[1]!.getBoundingClientRect().width;
      expect(Math.abs(track.scrollLeft)).to.be.closeTo(step + 16, 2);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});

describe('carousel: autoplay', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(async () => {
    clock?.restore();
    clock = undefined;
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('is off by default: no rotation control, polite live region', async () => {
    const el = await mount({ width: 400 });
    expect($(el, '[part~="rotation"]')).to.equal(null);
    expect($(el, TRACK)!.getAttribute('aria-live')).to.equal('polite');
  });

  it('puts the rotation control first, rotates on the interval, and names it Stop / Start', async () => {
    const el = await mount({ width: 400, attrs: 'autoplay interval="3000"' });
    const rotation = $<HTMLButtonElement>(el, '[part~="rotation"]')!;
    const focusables = $$(el, 'button, [tabindex="0"], a[href]').filter((e) => !e.closest('[inert]'));
    expect(focusables[0]).to.equal(rotation);
    expect(rotation.getAttribute('aria-label')).to.equal('Stop automatic slide show');
    expect(rotation.hasAttribute('aria-pressed')).to.equal(false);
    expect($(el, TRACK)!.getAttribute('aria-live')).to.equal('off');
    await expectAccessible(el);

    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    // On a loaded machine the real interval can end before the fake clock holds the timer: start over.
    el.goTo(0);
    el.play(); // restart the timer under the fake clock
    const changed = oneEvent(el, 'nwt-slide-change');
    clock.tick(3000);
    const { detail } = await changed;
    expect(detail.index).to.equal(1);
    expect(detail.testimonial.name).to.equal('Noelia Barbeito and Macarena Escudero');
    clock.tick(3000);
    expect(el.currentIndex).to.equal(2);

    rotation.click();
    await el.updateComplete;
    expect(rotation.getAttribute('aria-label')).to.equal('Start automatic slide show');
    expect($(el, TRACK)!.getAttribute('aria-live')).to.equal('polite');
    clock.tick(10000);
    expect(el.currentIndex).to.equal(2);
    clock.restore(); // axe needs real timers
    clock = undefined;
    await expectAccessible(el);
  });

  it('holds a minimum interval of 2 s and wraps around at the end', async () => {
    const el = await mount({ width: 400, attrs: 'autoplay interval="10"' });
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    // On a loaded machine the real interval can end before the fake clock holds the timer: start over.
    el.goTo(0);
    el.play();
    clock.tick(1999);
    expect(el.currentIndex).to.equal(0);
    clock.tick(1);
    expect(el.currentIndex).to.equal(1);
    clock.tick(2000 * 3);
    expect(el.currentIndex).to.equal(0);
  });

  it('pauses while hovered and resumes after', async () => {
    const el = await mount({ width: 400, attrs: 'autoplay' });
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    el.play();
    el.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
    clock.tick(20000);
    expect(el.currentIndex).to.equal(0);
    el.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
    clock.tick(7000);
    expect(el.currentIndex).to.equal(1);
  });

  it('keeps still for three intervals after a click on Next while the pointer rests on it', async () => {
    const el = await mount({ width: 400, attrs: 'autoplay interval="2000"' });
    const next = $(el, '[part~="next"]')!;
    // The gallery can be taller than the viewport: the pointer can only rest on what is in view.
    next.scrollIntoView({ block: 'center' });
    await until(() => next.getBoundingClientRect().bottom <= innerHeight, 'Next never came into view');
    const box = next.getBoundingClientRect();
    const position: [number, number] = [
      Math.round(box.x + box.width / 2),
      Math.round(box.y + box.height / 2),
    ];
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    const moves: number[] = [];
    el.addEventListener('nwt-slide-change', (event) => moves.push(event.detail.index));
    try {
      await sendMouse({ type: 'move', position });
      // Polled on animation frames: the fake clock holds @open-wc's waitUntil, which polls with setTimeout.
      await until(() => $(el, TRACK)!.getAttribute('aria-live') === 'polite', 'hover never held');
      await sendMouse({ type: 'click', position });
      expect(moves, 'the click moved').to.deep.equal([1]);
      clock.tick(3 * 2000);
      await el.updateComplete;
      expect(moves, 'nothing moved while the pointer rests on the gallery').to.deep.equal([1]);
      expect($(el, TRACK)!.getAttribute('aria-live'), 'still held').to.equal('polite');
      // The test can fail: once the pointer leaves, the next interval moves.
      // Beside the gallery, at Next's height: a point in the viewport whatever the gallery's height.
      await sendMouse({
        type: 'move',
        position: [Math.round(el.getBoundingClientRect().right + 40), position[1]],
      });
      await until(() => $(el, TRACK)!.getAttribute('aria-live') === 'off', 'hover never lifted');
      clock.tick(2000);
      expect(moves).to.deep.equal([1, 2]);
    } finally {
      await resetMouse();
    }
  });

  it('holds on the rotation button, still named Stop; leaving it stops rotation', async function () {
    skipIn(this, 'firefox', 'open: the hold does not show there yet, not diagnosed');
    const el = await mount({ width: 400, attrs: 'autoplay' });
    const rotation = $(el, '[part~="rotation"]')!;
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(rotation);
    await el.updateComplete;
    expect(rotation.getAttribute('aria-label'), 'the reader hears it was moving').to.equal(
      'Stop automatic slide show',
    );
    expect($(el, TRACK)!.getAttribute('aria-live'), 'held: nothing moves').to.equal('polite');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(rotation.getAttribute('aria-label')).to.equal('Start automatic slide show');
    before.remove();
  });

  it('stops when keyboard focus enters and stays stopped until Start is pressed', async () => {
    const el = await mount({ width: 400, attrs: 'autoplay' });
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.not.equal($(el, '[part~="rotation"]'));
    await el.updateComplete;
    expect($(el, '[part~="rotation"]')!.getAttribute('aria-label')).to.equal('Start automatic slide show');
    $(el, '[part~="rotation"]')!.focus();
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    clock.tick(20000);
    expect(el.currentIndex).to.equal(0);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '[part~="rotation"]')!.getAttribute('aria-label')).to.equal('Stop automatic slide show');
    clock.tick(7000);
    expect(el.currentIndex).to.equal(1);
    before.remove();
  });

  it('never starts under prefers-reduced-motion', async function () {
    // emulateMedia emulates media features over CDP only; Firefox (WebDriver BiDi) and WebKit (WebDriver) cannot.
    skipIn(this, ['firefox', 'webkit'], 'emulateMedia({ reducedMotion }) needs CDP (Chromium only)');
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mount({ width: 400, attrs: 'autoplay' });
    expect($(el, '[part~="rotation"]')!.getAttribute('aria-label')).to.equal('Start automatic slide show');
    expect($(el, TRACK)!.getAttribute('aria-live')).to.equal('polite');
  });

  it('pauses while the tab is hidden', async () => {
    const el = await mount({ width: 400, attrs: 'autoplay' });
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    el.play();
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      clock.tick(30000);
      expect(el.currentIndex).to.equal(0);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    document.dispatchEvent(new Event('visibilitychange'));
    clock.tick(7000);
    expect(el.currentIndex).to.equal(1);
  });

  it('pauses while the gallery is off-screen', async () => {
    const el = await mount({ width: 400, attrs: 'autoplay' });
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    el.parentElement!.before(spacer);
    // Scroll anchoring keeps a scrolled page on the gallery when content grows above it: from the top,
    // the spacer puts the whole gallery below the window.
    window.scrollTo(0, 0);
    expect(el.getBoundingClientRect().top, 'the gallery is below the window').to.be.above(innerHeight);
    await waitUntil(() => $(el, TRACK)!.getAttribute('aria-live') === 'polite', 'never paused');
    spacer.remove();
    await waitUntil(() => $(el, TRACK)!.getAttribute('aria-live') === 'off', 'never resumed');
  });
});

describe('carousel: Read more', () => {
  it('opens the whole testimonial in a modal dialog; Escape closes it and focus returns', async () => {
    const el = await mount({ width: 360, src: '/__feeds/many?n=4' });
    // The slide in view: its long quote is cut (a Read more on an inert slide could not take focus).
    const shown = `${TRACK} > .slide:not([inert])`;
    await waitUntil(() => $(el, `${shown} [part~="read-more"]`), 'no Read more on a long quote');
    const button = $<HTMLButtonElement>(el, `${shown} [part~="read-more"]`)!;
    const quoteText = $(el, `${shown} .quote`)!.textContent!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open, 'dialog never opened');
    expect($(el, '[part~="dialog-quote"]')!.textContent).to.equal(quoteText);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('dialog-title');
    await expectAccessible(el);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'dialog never closed');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('keeps the full quote in the DOM of the clamped slide for screen readers', async () => {
    const el = await mount({ width: 360, src: '/__feeds/many?n=4' });
    const quote = $(el, `${TRACK} .quote`)!;
    expect(quote.textContent).to.contain('told at length so that the caption needs more lines');
    expect(quote.scrollHeight).to.be.above(quote.clientHeight);
  });
});

describe('carousel: deep links, start and events', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('starts at the `start` index or id without firing nwt-slide-change', async () => {
    const events: Event[] = [];
    document.addEventListener('nwt-slide-change', (e) => events.push(e));
    const byId = await mount({ width: 400, attrs: 'start="noelia-barbeito-and-macarena-escudero"' });
    expect(byId.currentIndex).to.equal(1);
    const byIndex = await mount({ width: 400, attrs: 'start="2"' });
    expect(byIndex.currentIndex).to.equal(2);
    await settled(byIndex);
    expect(inertFlags(byIndex)).to.deep.equal([true, true, false, true]);
    expect(events.length).to.equal(0);
  });

  it('lands exactly on the start slide with one slide per view in a wide gallery', async () => {
    const el = await mount({ width: 1200, attrs: 'start="2" style="--nwt-slides-per-view: 1"' });
    await settled(el);
    const track = $(el, TRACK)!;
    const slide = $(el, '#slide-2')!;
    const inset = parseFloat(getComputedStyle(track).paddingLeft);
    expect(
      Math.round(slide.getBoundingClientRect().left - track.getBoundingClientRect().left - inset),
    ).to.equal(0);
    expect(el.currentIndex).to.equal(2);
  });

  it('opens on #nwt-<id>, follows hash changes, and never touches history', async () => {
    history.replaceState(null, '', '#nwt-laura-vilches');
    const el = await mount({ width: 400, attrs: 'start="3"' });
    expect(el.currentIndex, 'the hash wins over start').to.equal(0);
    const length = history.length;
    location.hash = '#nwt-workers-from-pompeya';
    await waitUntil(() => el.currentIndex === 3, 'hash change not followed');
    el.previous();
    el.next();
    expect(history.length).to.equal(length + 1); // only our own hash change above
    expect(location.hash).to.equal('#nwt-workers-from-pompeya');
  });

  it('fires nwt-slide-change with the index and testimonial on moves', async () => {
    const el = await mount({ width: 400 });
    const changed = oneEvent(el, 'nwt-slide-change');
    el.goTo('workers-from-pompeya');
    const { detail } = await changed;
    expect(detail.index).to.equal(3);
    expect(detail.testimonial.id).to.equal('workers-from-pompeya');
  });
});

describe('carousel: a new feed’s first frame', () => {
  // The render of a new feed's slides is one task and their measure (slides per view, cut quotes, the
  // share row, the jump to `start`) belongs to the frame that lays them out and paints them: together
  // they made one long task at 10,000 testimonials, and a frame of slides unmeasured would show the
  // first slide where `start` asks for another, and quotes cut without their Read more.
  for (const n of [4, 300]) {
    it(`renders the slides in one task and places them in the frame that paints them (${n} testimonials)`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width:360px"></div>`);
      const el = document.createElement('notwiththem-gallery') as NotWithThemGallery;
      // One slide per view; every third testimonial from the first (so 3 and 150) has a quote the clamp cuts.
      const start = n > 50 ? 150 : 3;
      el.setAttribute('start', String(start));
      el.src = `/__feeds/many?n=${n}`;
      const loaded = oneEvent(el, 'nwt-load');
      wrapper.append(el);
      await loaded;
      await el.updateComplete;
      // Still the render's task: the slides are there, and nothing was read from their layout.
      const slide = $(el, `#slide-${start}`)!;
      expect(!!slide, 'the start slide is rendered').to.equal(true);
      expect($$(el, '[part~="read-more"]').length, 'no quote measured yet').to.equal(0);
      // The next frame, before its paint: the gallery asked for its callback during the render, so it
      // runs first, and its render (the Read more buttons) in the microtasks after it.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(!!slide.querySelector('[part~="read-more"]'), 'the cut quote has its Read more').to.equal(true);
      const track = $(el, TRACK)!;
      const inset = parseFloat(getComputedStyle(track).paddingLeft);
      expect(
        Math.round(slide.getBoundingClientRect().left - track.getBoundingClientRect().left - inset),
        'the start slide is in view',
      ).to.equal(0);
      expect(el.currentIndex).to.equal(start);
    });
  }
});

describe('carousel: look', () => {
  it('keeps the dots still under reduced motion', async function () {
    skipIn(this, ['firefox', 'webkit'], 'emulateMedia({ reducedMotion }) needs CDP (Chromium only)');
    const el = await mount({ width: 400 });
    const dot = $(el, '[role="tab"]')!;
    expect(getComputedStyle(dot, '::before').transitionDuration).to.equal('0.2s');
    try {
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(dot, '::before').transitionDuration).to.equal('0s');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('has controls of at least 24×24 CSS px and a visible focus ring, light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await mount({ width: 400, attrs: `theme="${theme}" autoplay` });
      for (const control of $$(el, 'button')) {
        const box = control.getBoundingClientRect();
        if (box.width === 0) continue; // inside a closed dialog
        expect(box.width, control.className).to.be.at.least(24);
        expect(box.height, control.className).to.be.at.least(24);
      }
      const next = $<HTMLButtonElement>(el, '[part~="next"]')!;
      next.focus();
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'Tab' });
      const style = getComputedStyle(el.shadowRoot!.activeElement!);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
      await expectAccessible(el);
    }
  });

  it('passes axe in RTL and at 320 px', async () => {
    const el = await mount({ width: 320, attrs: 'dir="rtl" lang="es"' });
    await expectAccessible(el);
  });
});
