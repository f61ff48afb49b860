import { expect } from '@open-wc/testing';
import { objectPosition } from '../src/feed/focus.js';
import { parseFeed } from '../src/feed/parse.js';

describe('objectPosition', () => {
  it('is empty without a focal point, so the stylesheet centres the photo', () => {
    expect(objectPosition(undefined)).to.equal('');
    expect(objectPosition('')).to.equal('');
  });

  it('writes a checked focus as object-position that the browser applies as it is', () => {
    const [testimonial] = parseFeed([
      { image: { src: 'https://example.org/a.webp', focus: ' 50%  22.5% ' }, quote: 'q' },
    ]).testimonials;
    const img = document.createElement('img');
    img.style.cssText = objectPosition(testimonial!.image.focus);
    document.body.append(img);
    try {
      expect(img.style.cssText).to.match(/^object-position: 50% 22.5%;?$/);
      expect(getComputedStyle(img).objectPosition).to.equal('50% 22.5%');
    } finally {
      img.remove();
    }
  });
});
