import { expect } from '@open-wc/testing';
import { accentPair, accentValue, BACKGROUNDS, contrastRatio, MIN_CONTRAST } from '../src/embed/contrast.js';

describe('accent contrast', () => {
  it('measures WCAG 2 contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).to.be.closeTo(21, 1e-9);
    expect(contrastRatio('#ffffff', '#ffffff')).to.equal(1);
    // The gallery's own accent: fine on white, 2.6:1 on the dark background.
    expect(contrastRatio('#b3122e', BACKGROUNDS.light)).to.be.closeTo(6.9, 0.1);
    expect(contrastRatio('#b3122e', BACKGROUNDS.dark)).to.be.closeTo(2.6, 0.1);
    expect(contrastRatio('#767676', '#ffffff')).to.be.closeTo(4.54, 0.01);
  });

  it('gives a dark accent a lighter counterpart of the same hue that reads on the dark background', () => {
    const pair = accentPair('#0B5D43');

    expect(pair.light).to.equal('#0b5d43');
    expect(pair.lightRatio).to.be.greaterThan(MIN_CONTRAST);
    expect(pair.dark).to.not.equal(pair.light);
    expect(pair.darkRatio).to.be.at.least(MIN_CONTRAST);
    expect(contrastRatio(pair.dark, BACKGROUNDS.dark)).to.equal(pair.darkRatio);
    // Lighter, not another colour: green stays the strongest channel.
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(pair.dark.slice(i, i + 2), 16));
    expect(g).to.be.greaterThan(r!).and.greaterThan(b!);
    expect(accentValue('#0b5d43')).to.equal(`light-dark(#0b5d43, ${pair.dark})`);
  });

  it('keeps an accent that reads in both themes as it is, and reports a light one too weak on white', () => {
    // Orange reads on the dark background and not on white: kept, and the builder warns.
    const orange = accentPair('#f08c00');
    expect(orange.dark).to.equal('#f08c00');
    expect(orange.darkRatio).to.be.at.least(MIN_CONTRAST);
    expect(orange.lightRatio).to.be.below(MIN_CONTRAST);
    expect(accentValue('#f08c00')).to.equal('#f08c00');
  });

  it('reads #rgb as #rrggbb', () => {
    expect(accentPair('#0A4')).to.deep.equal(accentPair('#00aa44'));
  });

  it('finds a counterpart for any colour, black included', () => {
    for (const colour of ['#000000', '#16161a', '#1a00ff', '#ff0000', '#00ff00', '#808080'])
      expect(accentPair(colour).darkRatio, colour).to.be.at.least(MIN_CONTRAST);
  });
});
