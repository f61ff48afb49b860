// A hostile host page (tests/fixtures/hostile/page.html + hostile.css): a 40 px root font size, wide
// letter spacing, right-aligned text, line-height 3, a content-box reset, `button { all: unset }`,
// `img { max-width: none !important }`, padded divs and rules aimed at the gallery's own class names.
// The gallery, in a 320 px column, stays usable: within its column, controls visible and at least
// 24 px, text inside the host, and the page's text styles stop at the host.
import { expect } from '@open-wc/testing';
import { $, TRACK } from './helpers/gallery.js';
import { atRest, waitUntil } from './helpers/waits.js';

const COLUMN = 320;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

async function hostilePage(query = '') {
  const iframe = document.createElement('iframe');
  iframe.dataset.test = '';
  iframe.style.cssText = 'width: 400px; height: 3000px; border: 0';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = `/tests/fixtures/hostile/page.html${query}`;
  document.body.append(iframe);
  await loaded;
  const doc = iframe.contentDocument!;
  const win = iframe.contentWindow!;
  const el = doc.querySelector('notwiththem-gallery')!;
  await waitUntil(
    () => el.shadowRoot?.querySelectorAll('[part~="slide"]').length === 4,
    'the gallery never showed',
    { timeout: 10_000 },
  );
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  // The ResizeObserver-driven measures (slides per view, dots, clamps, share row) and their renders are done.
  await atRest(el, 'the gallery never came to rest', { win });
  return { iframe, doc, win, el, root: el.shadowRoot! };
}

const box = (node: Element): Box => node.getBoundingClientRect();
const within = (inner: Box, outer: Box, slack = 0.5) =>
  inner.left >= outer.left - slack &&
  inner.right <= outer.right + slack &&
  inner.top >= outer.top - slack &&
  inner.bottom <= outer.bottom + slack;
const overlap = (a: Box, b: Box) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** Is laid out and not hidden (in its own window's styles). */
function shown(node: Element, win: Window): boolean {
  const style = win.getComputedStyle(node);
  const b = box(node);
  return style.display !== 'none' && style.visibility !== 'hidden' && b.width > 0 && b.height > 0;
}

describe('hostile host CSS', function () {
  afterEach(() => document.querySelectorAll('[data-test]').forEach((node) => node.remove()));

  it('the page is as hostile as meant: 40 px root font, the reset reaches the host', async () => {
    const { win, el, doc } = await hostilePage();
    expect(win.getComputedStyle(doc.documentElement).fontSize).to.equal('40px');
    expect(win.getComputedStyle(doc.querySelector('.column')!).width).to.equal(`${COLUMN}px`);
    // The page's `*` rule wins over :host on the host element itself (outer styles beat :host).
    expect(win.getComputedStyle(el).textAlign).to.equal('right');
  });

  it('stays within its 320 px column with nothing sticking out', async () => {
    const { win, el, root } = await hostilePage();
    const host = box(el);
    expect(host.width).to.equal(COLUMN);
    const track = $(root, TRACK)!;
    // The frame fills the host: no blank lines before it (white space between the shadow root's nodes).
    const frame = box(root.querySelector('[part~="gallery"]')!);
    expect(frame.top - host.top, 'space above the frame').to.be.below(1);
    expect(host.bottom - frame.bottom, 'space below the frame').to.be.below(1);
    const sticking: string[] = [];
    for (const node of root.querySelectorAll('*')) {
      if (!shown(node, win) || node.closest('dialog, .visually-hidden')) continue;
      // Slides scrolled away inside the track are clipped by it, as a carousel's are: check the first page.
      const slide = node.closest(`${TRACK} > .slide`);
      if (slide && slide !== track.firstElementChild) continue;
      if (!within(box(node), host)) {
        const b = box(node);
        sticking.push(
          `${node.localName}.${node.getAttribute('class') ?? ''}[${node.getAttribute('part') ?? ''}] ${Math.round(b.left - host.left)}..${Math.round(b.right - host.left)} × ${Math.round(b.top - host.top)}..${Math.round(b.bottom - host.top)}`,
        );
      }
    }
    expect(sticking, `host 0..${host.width} × 0..${Math.round(host.height)}`).to.deep.equal([]);
  });

  it('keeps its controls visible, apart and at least 24 px, and they work', async () => {
    const { win, el, root } = await hostilePage();
    const host = box(el);
    const controls = [
      root.querySelector('[part~="previous"]')!,
      ...root.querySelectorAll('[part~="picker-dot"], [part~="position"]'),
      root.querySelector('[part~="next"]')!,
    ];
    expect(controls.length).to.be.at.least(3);
    for (const control of controls) {
      const b = box(control);
      expect(shown(control, win), `${control.getAttribute('part')} shown`).to.equal(true);
      expect(within(b, host), `${control.getAttribute('part')} inside the host`).to.equal(true);
      if (control.getAttribute('part') !== 'position') {
        expect(Math.min(b.width, b.height), `${control.getAttribute('part')} target size`).to.be.at.least(24);
      }
    }
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        expect(
          overlap(box(controls[i]!), box(controls[j]!)),
          `${controls[i]!.getAttribute('part')} and ${controls[j]!.getAttribute('part')} apart`,
        ).to.equal(false);
      }
    }
    // Still buttons (the page's `button { all: unset }` stops at the shadow root).
    const next = root.querySelector<HTMLButtonElement>('[part~="next"]')!;
    expect(win.getComputedStyle(next).borderTopWidth).to.equal('2px');
    next.click();
    await waitUntil(
      () => (el as unknown as { currentIndex: number }).currentIndex === 1,
      'next did not move',
    );
  });

  it('with many testimonials, the dots that fit or the counter: the controls row still fits', async () => {
    const { win, el, root } = await hostilePage();
    for (const n of [6, 9, 30]) {
      (el as unknown as { src: string }).src = `/__feeds/many?n=${n}&key=hostile-css-${n}`;
      await waitUntil(
        () => root.querySelectorAll('[part~="slide"]').length === n,
        `${n} slides never showed`,
        { timeout: 10_000 },
      );
      await atRest(el, `${n} slides never came to rest`, { win });
      const host = box(el);
      const row = root.querySelector('[part~="controls"]')!;
      const describe = () =>
        [row, ...row.querySelectorAll('button, [part~="position"]')]
          .map(
            (c) =>
              `${c.getAttribute('part')} ${Math.round(box(c).left - host.left)}..${Math.round(box(c).right - host.left)}`,
          )
          .join(', ');
      // Inside the row's content box (not only the host: the gallery's own padding is not for controls).
      const style = win.getComputedStyle(row);
      const r = box(row);
      const left = r.left + parseFloat(style.paddingLeft);
      const right = r.right - parseFloat(style.paddingRight);
      const content: Box = {
        left,
        right,
        top: r.top,
        bottom: r.bottom,
        width: right - left,
        height: r.height,
      };
      expect(within(box(row), host), `${n} slides: the row inside the host`).to.equal(true);
      for (const control of row.querySelectorAll('button, [part~="position"]')) {
        expect(
          within(box(control), content),
          `${n} slides: ${control.getAttribute('part')} inside the row: ${describe()}`,
        ).to.equal(true);
      }
    }
  });

  it("keeps the page's text styles out: alignment, case and white space are the gallery's own; spacing follows the host", async () => {
    const { win, root, el } = await hostilePage();
    const host = win.getComputedStyle(el);
    for (const selector of ['[part~="title"]', '[part~="quote"]', '[part~="who"]', '[part~="next"]']) {
      const style = win.getComputedStyle(root.querySelector(selector)!);
      // Letter and word spacing set on the host reach the text: they may be a reader's (WCAG 1.4.12).
      if (selector !== '[part~="next"]') {
        expect(style.letterSpacing, `${selector} letter-spacing`).to.equal(host.letterSpacing);
        expect(style.wordSpacing, `${selector} word-spacing`).to.equal(host.wordSpacing);
      }
      expect(['start', 'left', 'center'], `${selector} text-align`).to.include(style.textAlign);
      expect(style.textTransform, `${selector} text-transform`).to.equal('none');
      expect(style.textIndent, `${selector} text-indent`).to.equal('0px');
      expect(
        style.whiteSpace === 'normal' || style.whiteSpace === 'nowrap',
        `${selector} white-space ${style.whiteSpace}`,
      ).to.equal(true);
      expect(style.fontStyle, `${selector} font-style`).to.equal('normal');
    }
    // The reader's font size is respected: the gallery's text follows the 40 px root.
    expect(parseFloat(win.getComputedStyle(root.querySelector('[part~="quote"]')!).fontSize)).to.be.at.least(
      40,
    );
  });

  it('the photo fills its box, not the page rule’s 900 px', async () => {
    const { root } = await hostilePage();
    const img = root.querySelector('img[part~="image"]')!;
    const photo = root.querySelector('.slide [part~="photo"]')!;
    expect(box(img).width).to.equal(box(photo).width);
  });
});
