import { expect } from '@open-wc/testing';
import {
  indexOfTestimonial,
  isAtEnd,
  isAtStart,
  isInView,
  nextIndex,
  pageCount,
  pageOf,
  pageStart,
  previousIndex,
  startOfPage,
} from '../src/carousel/paging.js';
import { keyTarget, keyToMove } from '../src/carousel/keys.js';
import { renderedRange, slideWindow, WINDOW_THRESHOLD } from '../src/carousel/rendered-range.js';

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
    expect(keyToMove('constructor', false)).to.equal(undefined);
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

describe('carousel picker pages (pure)', () => {
  const paging = { count: 7, perView: 3, loop: false };

  it('has one page per view of slides, the last one full', () => {
    expect(pageCount(paging)).to.equal(3);
    expect([0, 1, 2].map((page) => startOfPage(page, paging))).to.deep.equal([0, 3, 4]);
    expect(pageCount({ ...paging, perView: 1 })).to.equal(7);
    expect(pageCount({ ...paging, count: 2 })).to.equal(1);
    expect(startOfPage(0, { ...paging, count: 2 })).to.equal(0);
  });

  it('selects the last page that starts at or before the view', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((active) => pageOf(active, paging))).to.deep.equal([
      0, 0, 0, 1, 2, 2, 2,
    ]);
    expect(pageOf(5, { ...paging, perView: 1 })).to.equal(5);
  });

  it('moves one page with the arrows, always wrapping, as a tab list does', () => {
    expect(keyTarget('next', 0, paging)).to.equal(3);
    expect(keyTarget('next', 3, paging)).to.equal(4);
    expect(keyTarget('next', 4, paging)).to.equal(0);
    expect(keyTarget('previous', 0, paging)).to.equal(4);
    expect(keyTarget('previous', 4, paging)).to.equal(3);
    expect(keyTarget('next', 6, { ...paging, perView: 1 })).to.equal(0);
    expect(keyTarget('previous', 3, { ...paging, perView: 1 })).to.equal(2);
  });

  it('goes to the first and the last page from anywhere', () => {
    expect(keyTarget('first', 5, paging)).to.equal(0);
    expect(keyTarget('last', 1, paging)).to.equal(4);
    expect(keyTarget('last', 1, { ...paging, perView: 1 })).to.equal(6);
  });
});

describe('carousel rendered range (pure)', () => {
  it('renders every slide of a small feed', () => {
    expect(renderedRange(0, 0, 3, 7)).to.deep.equal({ from: 0, to: 7 });
    expect(renderedRange(4, 0, 1, WINDOW_THRESHOLD)).to.deep.equal({ from: 0, to: WINDOW_THRESHOLD });
  });

  it('joins the windows around the page in view and around the scroll position', () => {
    // Page 10..12 in view, scrolled to 13: windows 7..16 and 10..19.
    expect(renderedRange(10, 13, 3, 1000)).to.deep.equal({ from: 7, to: 19 });
    expect(renderedRange(13, 10, 3, 1000)).to.deep.equal({ from: 7, to: 19 });
  });

  it('renders only where the reader looks during a long fling', () => {
    expect(renderedRange(0, 500, 2, 1000)).to.deep.equal(slideWindow(500, 2, 1000));
    expect(renderedRange(0, 500, 2, 1000)).to.deep.equal({ from: 498, to: 504 });
  });
});

describe('carousel testimonial lookup (pure)', () => {
  const items = [{ id: 'a' }, { id: 'b' }, { id: '7' }];

  it('takes an index, digits, or an id', () => {
    expect(indexOfTestimonial(items, 1)).to.equal(1);
    expect(indexOfTestimonial(items, ' 2 ')).to.equal(2);
    expect(indexOfTestimonial(items, 'b')).to.equal(1);
    expect(indexOfTestimonial(items, ' a ')).to.equal(0);
  });

  it('answers -1 for what names no testimonial', () => {
    for (const bad of [3, -1, 1.5, NaN, '3', 'c', ''])
      expect(indexOfTestimonial(items, bad), String(bad)).to.equal(-1);
  });
});
