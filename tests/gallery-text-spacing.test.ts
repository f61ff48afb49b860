// WCAG 2.2 SC 1.4.12 Text Spacing: a reader's spacing tool sets line height 1.5, letter spacing 0.12em
// and word spacing 0.16em on everything in the page. The gallery keeps a page's other text styles out,
// but these must reach its text, on the slides and in the dialog.
import { expect } from '@open-wc/testing';
import { $, mount } from './helpers/gallery.js';

const SPACING = `notwiththem-gallery, * {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}`;

describe('text spacing (WCAG 1.4.12)', () => {
  let sheet: HTMLStyleElement | undefined;
  afterEach(() => sheet?.remove());

  it('applies the WCAG spacing values from the page to the quote, on the slide and in the dialog', async () => {
    const el = await mount({ width: 400 });
    const quote = $(el, '[part~="quote"]')!;
    const before = getComputedStyle(quote);
    expect(parseFloat(before.lineHeight) / parseFloat(before.fontSize), 'its own line height').to.be.closeTo(
      1.45,
      0.01,
    );

    sheet = Object.assign(document.createElement('style'), { textContent: SPACING });
    document.head.append(sheet);
    const hostSize = parseFloat(getComputedStyle(el).fontSize);
    const check = (node: Element, where: string) => {
      const style = getComputedStyle(node);
      // Line height is a number, so it scales with the quote's own size; the spacings are lengths
      // computed on the host, where the tool's rule applies.
      expect(parseFloat(style.lineHeight) / parseFloat(style.fontSize), `${where} line height`).to.be.closeTo(
        1.5,
        0.01,
      );
      expect(parseFloat(style.letterSpacing), `${where} letter spacing`).to.be.closeTo(0.12 * hostSize, 0.05);
      expect(parseFloat(style.wordSpacing), `${where} word spacing`).to.be.closeTo(0.16 * hostSize, 0.05);
    };
    check(quote, 'slide quote');
    // The box of the quote is sized in lines: with the taller lines it still holds its lines.
    expect(quote.getBoundingClientRect().height).to.be.closeTo(
      4 * parseFloat(getComputedStyle(quote).lineHeight),
      1,
    );

    // The dialog resets text styles the same way: the spacing reaches it too (computed while closed).
    check($(el, 'dialog')!, 'dialog');
  });
});
