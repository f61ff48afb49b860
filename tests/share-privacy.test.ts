/**
 * Privacy: from the page's load to a reader's click on each share control, no request leaves the
 * page's own origin. Hovering or focusing a control (intent) must not warm anything up either.
 *
 * How requests are counted, and what each way can and cannot see:
 * - Resource Timing (a PerformanceObserver with `buffered: true`, after enlarging the buffer, so the
 *   entries from before this module ran are included): every fetch, XHR, image, stylesheet, script,
 *   font, beacon and iframe document the page requested since it started loading.
 * - It does not see connection warm-ups (`<link rel="preconnect">`, `dns-prefetch`), prefetches the
 *   browser decides to skip, speculation rules, `a[ping]`, WebSockets or new windows: the page and
 *   the gallery's shadow root are searched for those hints, and `WebSocket`, `EventSource`,
 *   `navigator.sendBeacon` and `window.open` are wrapped to record any call.
 * - A click on a share link is a navigation to the network (in a new tab): the page stops it with
 *   `preventDefault()` on `click` after the gallery has handled it, and records where it would have
 *   gone, so the test shows that the only thing leaving the page is the reader's own click. The share
 *   sheet and the clipboard are stubbed. Clicks and hovers are real mouse input (`sendMouse`).
 * Requests made by the browser itself and not by the page (the favicon, component updates) are not
 * the page's and are out of scope; the test runner's Chromium flags turn off background networking.
 */
import { expect, nextFrame } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../src/define.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { $, mount, slides, TRACK } from './helpers/gallery.js';
import { requestsRecorded, until, waitUntil } from './helpers/waits.js';

performance.setResourceTimingBufferSize(100_000);
const requests: string[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) requests.push(entry.name);
}).observe({ type: 'resource', buffered: true });

const calls: string[] = [];
const record = (what: string) => (url: unknown) => calls.push(`${what} ${String(url)}`);

const isLocal = (url: string) => {
  const parsed = new URL(url, location.href);
  return parsed.origin === location.origin || parsed.protocol === 'data:' || parsed.protocol === 'blob:';
};
const leaving = () => requests.filter((url) => !isLocal(url));

/** Resolves once the observer above has every request that ended before this call (see requestsRecorded). */
async function observed(): Promise<void> {
  const marker = await requestsRecorded();
  await until(() => requests.includes(marker), 'the observer never saw the marker request');
}

/** A gallery of `width` px, ready, with its first photo loaded. */
async function gallery(width: number): Promise<NotWithThemGallery> {
  const el = await mount({ width });
  const first = $<HTMLImageElement>(el, 'img[part~="image"]')!;
  await waitUntil(() => first.complete, 'first photo never loaded');
  await nextFrame();
  await nextFrame();
  return el;
}

/** Hints and elements that would reach another origin without showing up in Resource Timing. */
function hiddenRequests(root: ParentNode): string[] {
  const found: string[] = [];
  for (const link of root.querySelectorAll<HTMLLinkElement>('link[href]')) {
    if (
      /preconnect|dns-prefetch|prefetch|preload|prerender|modulepreload/i.test(link.rel) &&
      !isLocal(link.href)
    ) {
      found.push(`${link.rel} ${link.href}`);
    }
  }
  for (const frame of root.querySelectorAll<HTMLIFrameElement>('iframe, frame, object, embed'))
    found.push(frame.outerHTML);
  for (const script of root.querySelectorAll<HTMLScriptElement>('script')) {
    if (script.type === 'speculationrules' || (script.src && !isLocal(script.src)))
      found.push(script.outerHTML);
  }
  for (const link of root.querySelectorAll('[ping]')) found.push(`ping ${link.getAttribute('ping')}`);
  for (const img of root.querySelectorAll<HTMLImageElement>('img'))
    if (img.currentSrc && !isLocal(img.currentSrc)) found.push(img.currentSrc);
  return found;
}

async function mouse(type: 'move' | 'click', element: HTMLElement): Promise<void> {
  element.scrollIntoView({ block: 'center', inline: 'nearest' });
  await nextFrame();
  const box = element.getBoundingClientRect();
  await sendMouse({
    type,
    position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
  });
}

describe('share privacy', () => {
  const sandbox = sinon.createSandbox();
  const navigations: string[] = [];
  const stopNavigation = (event: Event) => {
    const link = (event.composedPath()[0] as Element).closest?.('a');
    // Only a link's navigation is stopped: cancelling every click would also cancel a button's own
    // action, such as "Share" opening its sheet.
    if (!link) return;
    navigations.push(link.href);
    event.preventDefault();
  };

  before(() => {
    sandbox.stub(navigator.clipboard, 'writeText').resolves();
    Object.defineProperty(navigator, 'share', { value: sinon.stub().resolves(), configurable: true });
    sandbox.replace(navigator, 'sendBeacon', (url: string | URL) => (record('beacon')(url), true));
    sandbox.replace(
      window,
      'open',
      ((url?: string | URL) => (record('open')(url), null)) as typeof window.open,
    );
    const OriginalWebSocket = window.WebSocket;
    sandbox.replace(window, 'WebSocket', function (url: string | URL) {
      record('websocket')(url);
      return new OriginalWebSocket('ws://127.0.0.1:9');
    } as unknown as typeof WebSocket);
    sandbox.replace(window, 'EventSource', function (url: string | URL) {
      record('eventsource')(url);
      throw new Error('blocked in test');
    } as unknown as typeof EventSource);
    document.addEventListener('click', stopNavigation);
  });
  after(async () => {
    document.removeEventListener('click', stopNavigation);
    delete (navigator as { share?: unknown }).share;
    sandbox.restore();
    await resetMouse();
  });

  it('sends nothing to another origin before, or because of, a click on any share control', async function () {
    // Some sixty pointer moves and clicks through the driver, each followed by a marker request that must be
    // recorded: every step waits for its own state, and WebKit under stress-ng took over 20 s for them all.
    // The timeout only bounds a broken run.
    this.timeout(90_000);
    // Slide: more than three targets wait behind its "Share" button, which opens them in the share sheet.
    const wide = await gallery(480);
    const slide = slides(wide)[0]!;
    const opener = slide.querySelector<HTMLElement>('[part~="share-more"][aria-expanded]')!;
    expect(opener, 'the wide slide shows a Share button').to.not.equal(null);

    // Narrow: the slide shows one "Share" button; the dialog lists every target.
    const narrow = await gallery(300);
    const more = narrow.shadowRoot!.querySelector<HTMLElement>('[part~="share-more"]')!;
    expect(more, 'the narrow slide shows a Share button').to.not.equal(null);

    // Intent: hover and focus every control, and the call to action (those outside the sheet first: the
    // open sheet covers the bottom of the window).
    const submit = wide.shadowRoot!.querySelector<HTMLElement>('[part~="submit"]')!;
    for (const control of [more, submit, opener]) {
      await mouse('move', control);
      control.focus();
    }
    await mouse('click', opener);
    const wideSheet = slide.querySelector<HTMLElement>('[part~="share-sheet"]')!;
    await waitUntil(
      () => wideSheet.matches(':popover-open') && wideSheet.querySelector('[part~="share-control"]'),
      'the Share button did not open the sheet',
    );
    const slideControls = [...slide.querySelectorAll<HTMLElement>('[part~="share-control"]')];
    expect(slideControls.length).to.equal(9); // the share sheet (stubbed) and the eight others
    for (const control of slideControls) {
      await mouse('move', control);
      control.focus();
    }
    await observed();
    const beforeClicks = requests.length;
    expect(beforeClicks, 'the page made requests (feed, photos, scripts)').to.be.greaterThan(5);
    expect(leaving(), 'requests before any click').to.deep.equal([]);
    expect(hiddenRequests(document)).to.deep.equal([]);
    expect(hiddenRequests(wide.shadowRoot!)).to.deep.equal([]);
    expect(calls).to.deep.equal([]);

    // Clicks on the slide's controls, one by one.
    for (const control of slideControls) {
      await mouse('click', control);
      await observed();
      expect(leaving(), `after a click on ${control.getAttribute('part')}`).to.deep.equal([]);
    }
    // The reader closes the sheet, which covers the narrow gallery's "Share".
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !wideSheet.matches(':popover-open'), 'Escape did not close the sheet');
    // The narrow slide's sheet: its "Share" opens every target in a popover.
    await mouse('click', more);
    const sheet = narrow.shadowRoot!.querySelector<HTMLElement>('[part~="share-sheet"]')!;
    await waitUntil(() => sheet.matches(':popover-open'), 'the share sheet never opened');
    const sheetControls = [...sheet.querySelectorAll<HTMLElement>('[part~="share-control"]')];
    expect(sheetControls.length).to.equal(9);
    expect(hiddenRequests(narrow.shadowRoot!)).to.deep.equal([]);
    for (const control of sheetControls) {
      await mouse('move', control);
      await mouse('click', control);
      await observed();
      expect(leaving(), `after a click in the sheet on ${control.getAttribute('part')}`).to.deep.equal([]);
    }
    if (sheet.matches(':popover-open')) sheet.hidePopover();

    // The dialog's controls: "Read more" on a cut quote opens the whole testimonial.
    const cut = await mount({ width: 360, src: '/__feeds/many?n=4' });
    const readMore = `${TRACK} > .slide:not([inert]) [part~="read-more"]`;
    await waitUntil(() => $(cut, readMore), 'no Read more on a long quote');
    await mouse('click', $(cut, readMore)!);
    const dialog = cut.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!;
    await waitUntil(() => dialog.open && dialog.querySelector('[part~="share"]'), 'dialog never opened');
    const dialogControls = [...dialog.querySelectorAll<HTMLElement>('[part~="share-control"]')];
    expect(dialogControls.length).to.equal(9);
    expect(hiddenRequests(cut.shadowRoot!)).to.deep.equal([]);
    for (const control of dialogControls) {
      await mouse('move', control);
      await mouse('click', control);
      await observed();
      expect(leaving(), `after a click in the dialog on ${control.getAttribute('part')}`).to.deep.equal([]);
    }
    dialog.close();
    await mouse('click', submit);

    // What would have left the page: exactly the links the reader clicked, nothing else.
    const links = (controls: HTMLElement[]) =>
      controls.filter((c) => c.tagName === 'A').map((c) => (c as HTMLAnchorElement).href);
    expect(navigations).to.deep.equal([
      ...links(slideControls),
      ...links(sheetControls),
      ...links(dialogControls),
      (submit as HTMLAnchorElement).href,
    ]);
    expect(navigations.length).to.equal(3 * 7 + 1);
    expect(calls).to.deep.equal([]);
    await observed();
    expect(leaving()).to.deep.equal([]);
  });
});
