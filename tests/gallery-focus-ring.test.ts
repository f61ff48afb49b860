import { expect } from '@open-wc/testing';
import '../src/define.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { $$, mount, slides } from './helpers/gallery.js';
import { waitUntil } from './helpers/waits.js';

const LONG = 'Because the people who build everything deserve to decide everything. '.repeat(5);

/** The focus ring's reach outside a control: `outline: 3px` at `outline-offset: 2px`. */
const RING = 5;

/** Every box on the way up from `node` (across shadow roots) that clips what overflows it. */
function clippers(node: Element, host: NotWithThemGallery): Element[] {
  const found: Element[] = [];
  for (let at: Element | null = node.parentElement ?? null; at && at !== host;) {
    const style = getComputedStyle(at);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') found.push(at);
    at = at.parentElement ?? ((at.parentNode as ShadowRoot | null)?.host as Element | undefined) ?? null;
  }
  return found;
}

/** Where the focus ring of `control` is cut by a clipping box, as "side of box"; none when it shows whole. */
function cuts(control: Element, host: NotWithThemGallery): string[] {
  const box = control.getBoundingClientRect();
  const found: string[] = [];
  for (const clip of clippers(control, host)) {
    const outer = clip.getBoundingClientRect();
    const left = outer.left + clip.clientLeft;
    const top = outer.top + clip.clientTop;
    const name = `${clip.className || clip.localName}`;
    if (box.left - RING < left - 0.5) found.push(`left of ${name}`);
    if (box.right + RING > left + clip.clientWidth + 0.5) found.push(`right of ${name}`);
    if (box.top - RING < top - 0.5) found.push(`top of ${name}`);
    if (box.bottom + RING > top + clip.clientHeight + 0.5) found.push(`bottom of ${name}`);
  }
  return found;
}

describe('focus rings', () => {
  for (const width of [375, 320]) {
    it(`show whole around every control of the slide in view at ${width} px`, async () => {
      // Four targets: the slide's row ends with "Share", whose box overhangs the slide's right edge by
      // 0.25em (its text lines up with the edge); a long quote starts the row with "Read more".
      const el = await mount({
        width,
        attrs: 'share="whatsapp x email copy"',
        testimonials: [{ id: 'long', image: '/tests/fixtures/photos/sign-1.svg', quote: LONG, name: 'Ana' }],
      });
      await waitUntil(() => $$(slides(el)[0]!, '[part~="read-more"]').length, 'no Read more');
      await waitUntil(() => $$(slides(el)[0]!, '[part~="share-more"]').length, 'no Share button');
      const slide = slides(el)[0]!;
      const controls = $$(slide, 'a, button').filter(
        (control) => control.getBoundingClientRect().width > 0 && !control.closest('[popover]'),
      );
      expect(controls.length).to.be.greaterThan(0);
      for (const control of controls) {
        control.focus();
        const name = control.getAttribute('part') ?? control.localName;
        expect(cuts(control, el), name).to.deep.equal([]);
      }
    });
  }
});
