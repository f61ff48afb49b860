import { expect } from '@open-wc/testing';
import { isAtEnd, isAtStart, isInView, nextIndex, pageStart, previousIndex } from '../src/carousel/paging.js';
import { keyToMove } from '../src/carousel/keys.js';
import { slideWindow, WINDOW_THRESHOLD } from '../src/carousel/rendered-range.js';

describe('carousel paging (pure)', () => {
  const three = { count: 7, perView: 3, loop: false };

  it('keeps the active slide in view and the last page full', () => {
    expect(pageStart(0, three)).to.equal(0);
    expect(pageStart(2, three)).to.equal(2);
    expect(pageStart(6, three)).to.equal(4);
    expect(isInView(6, 6, three)).to.equal(true);
    expect(isInView(3, 6, three)).to.equal(false);
  });

  it('moves by one page and stops at the ends without loop', () => {
    expect(nextIndex(0, three)).to.equal(3);
    expect(nextIndex(3, three)).to.equal(4);
    expect(nextIndex(4, three)).to.equal(4);
    expect(previousIndex(4, three)).to.equal(1);
    expect(previousIndex(1, three)).to.equal(0);
    expect(previousIndex(0, three)).to.equal(0);
    expect(isAtStart(0, three)).to.equal(true);
    expect(isAtEnd(4, three)).to.equal(true);
    expect(isAtEnd(3, three)).to.equal(false);
  });

  it('wraps with loop, and never reports an end', () => {
    const loop = { ...three, loop: true };
    expect(nextIndex(4, loop)).to.equal(0);
    expect(previousIndex(0, loop)).to.equal(4);
    expect(isAtStart(0, loop)).to.equal(false);
    expect(isAtEnd(4, loop)).to.equal(false);
  });

  it('copes with fewer slides than fit in a page, and with no slides', () => {
    const few = { count: 2, perView: 3, loop: false };
    expect(pageStart(1, few)).to.equal(0);
    expect(isAtStart(1, few) && isAtEnd(1, few)).to.equal(true);
    expect(nextIndex(0, { count: 0, perView: 1, loop: false })).to.equal(0);
  });
});

describe('carousel keys (pure)', () => {
  it('maps arrows, Home and End, mirrored in right-to-left', () => {
    expect(keyToMove('ArrowRight', false)).to.equal('next');
    expect(keyToMove('ArrowLeft', false)).to.equal('previous');
    expect(keyToMove('ArrowRight', true)).to.equal('previous');
    expect(keyToMove('ArrowLeft', true)).to.equal('next');
    expect(keyToMove('Home', true)).to.equal('first');
    expect(keyToMove('End', false)).to.equal('last');
    expect(keyToMove('a', false)).to.equal(undefined);
  });
});

describe('slide window (pure)', () => {
  it('renders every slide of a small feed', () => {
    expect(slideWindow(3, 1, WINDOW_THRESHOLD)).to.deep.equal({ from: 0, to: WINDOW_THRESHOLD });
  });

  it('renders the page in view and one page either side of a large feed', () => {
    expect(slideWindow(0, 3, 10_000)).to.deep.equal({ from: 0, to: 6 });
    expect(slideWindow(500, 3, 10_000)).to.deep.equal({ from: 497, to: 506 });
    expect(slideWindow(9_997, 3, 10_000)).to.deep.equal({ from: 9_994, to: 10_000 });
    expect(slideWindow(42, 1, 10_000)).to.deep.equal({ from: 41, to: 44 });
  });
});
