// No text is lost: names wrap (never cut), the title wraps in full, and any slide whose text is cut offers
// "Read more", whose dialog holds the whole of it and does not overflow sideways. Run with the portrait
// fixture (long Spanish names and roles, short and long quotes) at 320, 640 (1280 at 200% zoom) and 1280
// px, with the WCAG text-spacing values and with 200% text. Also: the photo shows its focal point.
import { expect } from '@open-wc/testing';
import { waitUntil } from './helpers/waits.js';
import { setViewport } from '@web/test-runner-commands';
import { skipIn } from './helpers/engine.js';
import { $, $$, mount, slides } from './helpers/gallery.js';

const PORTRAITS = '/tests/fixtures/portraits/';

async function portraitFeed(): Promise<
  { testimonials: Record<string, unknown>[] } & Record<string, unknown>
> {
  const feed = await (await fetch(`${PORTRAITS}testimonials.json`)).json();
  for (const t of feed.testimonials) {
    t.image.src = PORTRAITS + t.image.src;
    delete t.image.srcset;
  }
  return feed;
}

/** WCAG 1.4.12's values, set from the page through the parts (outer rules win over the shadow root's). */
const SPACING = `notwiththem-gallery::part(gallery), notwiththem-gallery::part(dialog) {
  line-height: 1.5; letter-spacing: 0.12em; word-spacing: 0.16em; }
  notwiththem-gallery::part(quote), notwiththem-gallery::part(dialog-quote) { margin-bottom: 2em; }`;

const CONFIGS = [
  { name: 'plain', css: '', attrs: '' },
  { name: 'WCAG text spacing', css: SPACING, attrs: '' },
  { name: '200% text', css: '', attrs: 'style="--nwt-font-size: 2rem"' },
];

const cutSideways = (node: Element) => node.scrollWidth > node.clientWidth + 1;
const cutBelow = (node: Element) => node.scrollHeight > node.clientHeight + 1;

/** The box `inner` is drawn inside `outer` (vertically), with a pixel of tolerance. */
const inside = (inner: Element, outer: Element) =>
  inner.getBoundingClientRect().bottom <= outer.getBoundingClientRect().bottom + 1;

describe('no text is lost', function () {
  this.timeout(60_000);
  let style: HTMLStyleElement;
  beforeEach(() => document.head.append((style = document.createElement('style'))));
  afterEach(() => style.remove());

  it('in a 280 px column (a phone with page margins), a cut title keeps its first word whole', async () => {
    const feed = await portraitFeed();
    feed.title = '#NotWithThem: Students, workers and legislators from Argentina join the campaign';
    const el = await mount({ width: 280, testimonials: feed });
    const title = $(el, '[part~="title"]')!;
    expect(cutBelow(title), 'the title is not cut at 280 px').to.equal(true);
    const text = [...title.childNodes].find(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim(),
    )!;
    const words = document.createRange();
    words.setStart(text, text.textContent!.indexOf('#'));
    words.setEnd(text, text.textContent!.indexOf(' ', text.textContent!.indexOf('#')));
    const lines = new Set([...words.getClientRects()].map((rect) => Math.round(rect.top)));
    expect(lines.size, `"${words}" is broken across lines`).to.equal(1);
  });

  for (const width of [320, 640, 1280]) {
    for (const config of CONFIGS) {
      it(`at ${width} px, ${config.name}: no name, title or who-line cut without "Read more"`, async () => {
        style.textContent = config.css;
        const el = await mount({ width, attrs: config.attrs, testimonials: await portraitFeed() });
        const title = $(el, '[part~="title"]')!;
        expect(cutSideways(title), 'the title is cut sideways').to.equal(false);
        // A title longer than its band is clamped and offers "Read more", a popover with all of it.
        if (cutBelow(title)) {
          $(el, '[part~="title-more"]')!.click();
          const all = $(el, '[part~="title-all"]')!;
          await waitUntil(() => all.matches(':popover-open'), 'the whole title never showed');
          expect(all.textContent!.trim()).to.equal(title.textContent!.trim());
          all.hidePopover();
        }
        let opened = false;
        for (const slide of slides(el).filter((s) => !s.inert)) {
          const text = $(slide, '.text')!;
          const name = $(slide, '[part~="name"]')!;
          for (const line of $$(slide, '[part~="who"] > span')) {
            expect(cutSideways(line), `who-line cut sideways: ${line.textContent}`).to.equal(false);
          }
          const cut =
            cutBelow(text) || cutBelow($(slide, '[part~="quote"]')!) || cutBelow($(slide, '[part~="who"]')!);
          const readMore = $(slide, '[part~="read-more"]');
          if (config.name === 'plain')
            expect(inside(name, text), `name cut: ${name.textContent}`).to.equal(true);
          if (!cut) continue;
          expect(readMore, `cut text without "Read more" in ${name.textContent}`).to.not.equal(null);
          if (opened) continue;
          // Once per case: "Read more" opens the whole testimonial, which fits sideways.
          opened = true;
          readMore!.click();
          const dialog = $<HTMLDialogElement>(el, 'dialog')!;
          await waitUntil(() => dialog.open && $(dialog, '[part~="dialog-who"]'), 'the dialog never opened');
          const whole = dialog.textContent!.replace(/\s+/g, ' ');
          for (const part of $$(slide, '[part~="quote"], [part~="who"] > span')) {
            expect(whole).to.contain(part.textContent!.replace(/\s+/g, ' ').trim());
          }
          expect(cutSideways($(dialog, '.dialog-body')!), 'the dialog overflows sideways').to.equal(false);
          dialog.close();
          await el.updateComplete;
        }
      });
    }
  }

  for (const width of [320, 375]) {
    it(`the dialog of a testimonial with a long link does not overflow sideways at ${width} px; Close and share stay in view`, async function () {
      skipIn(this, 'webkit', "MiniBrowser's window is at least about 450 px wide");
      const feed = await portraitFeed();
      // A quote too long for a slide: "Read more" opens the dialog.
      feed.testimonials[0]!.quote = String(feed.testimonials[1]!.quote).repeat(2);
      for (const t of feed.testimonials)
        t.url = `https://example.org/${'a-long-path-segment-without-any-break'.repeat(4)}`;
      await setViewport({ width, height: 667 });
      const el = await mount({ width, testimonials: feed });
      $(slides(el)[0]!, '[part~="read-more"]')!.click();
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      await waitUntil(() => dialog.open && $(dialog, '[part~="dialog-link"]'), 'the dialog never opened');
      const body = $(dialog, '.dialog-body')!;
      expect(cutSideways(body), 'overflows sideways').to.equal(false);
      expect(cutSideways(dialog), 'overflows sideways').to.equal(false);
      const link = $(dialog, '[part~="dialog-link"]')!.getBoundingClientRect();
      expect(link.right).to.be.at.most(body.getBoundingClientRect().right);
      for (const part of ['close', 'share']) {
        const box = $(dialog, `[part~="${part}"]`)!.getBoundingClientRect();
        expect(box.top, `${part} top`).to.be.at.least(0);
        expect(box.bottom, `${part} bottom`).to.be.at.most(innerHeight);
      }
      dialog.close();
      await setViewport({ width: 800, height: 600 });
    });
  }
});

describe('focal point', () => {
  it('a portrait photo whose subject is at the top shows its focal point in a wide box', async () => {
    const feed = await portraitFeed();
    const first = feed.testimonials[0] as { image: { focus: string; width: number; height: number } };
    feed.testimonials = [first];
    // A wide box (16:9) crops most of a 3:4 portrait: the centre crop would miss the face. fit="cover":
    // by default a photo cropped by more than a fifth shows whole (tests/gallery-photo-fit.test.ts).
    const el = await mount({
      width: 480,
      attrs: 'fit="cover" style="--nwt-aspect-ratio: 16 / 9"',
      testimonials: feed,
    });
    const img = $<HTMLImageElement>(el, '[part~="image"]')!;
    await waitUntil(() => img.complete && img.naturalWidth > 0, 'the photo never loaded');
    const [fx, fy] = first.image.focus.split(' ').map((v) => parseFloat(v) / 100) as [number, number];
    expect(getComputedStyle(img).objectPosition).to.equal(first.image.focus);
    const { width: w, height: h } = img.getBoundingClientRect();
    const nw = img.naturalWidth;
    const nh = img.naturalHeight;
    /** The region of the source (0–1 on each axis) that `object-fit: cover` shows at position (px, py). */
    const visible = (px: number, py: number) => {
      const scale = Math.max(w / nw, h / nh);
      const [rw, rh] = [nw * scale, nh * scale];
      const [ox, oy] = [(w - rw) * px, (h - rh) * py];
      return { x0: -ox / rw, x1: (w - ox) / rw, y0: -oy / rh, y1: (h - oy) / rh };
    };
    const shows = (r: ReturnType<typeof visible>) => fx >= r.x0 && fx <= r.x1 && fy >= r.y0 && fy <= r.y1;
    // The centre crop would cut the face out: the test can tell the two apart.
    expect(shows(visible(0.5, 0.5)), 'the centre crop shows the focus').to.equal(false);
    const [px, py] = getComputedStyle(img)
      .objectPosition.split(' ')
      .map((v) => parseFloat(v) / 100) as [number, number];
    expect(shows(visible(px, py)), 'the rendered box shows the focal point').to.equal(true);
  });
});
