/**
 * What the carousel reads from layout. Stateless readers: each takes the nodes it measures and returns a
 * number or a set; the element decides when to call them (they force layout) and what to do with the result.
 */
import { clampIndex } from './paging.js';

/** Each picker dot is a 24px target with 4px between. */
const DOT_PITCH = 28;

const columnGap = (element: Element): number => parseFloat(getComputedStyle(element).columnGap) || 0;

/** The track of the slides (not the loading skeleton's), once rendered. */
export function trackOf(root: ParentNode): HTMLElement | null {
  return root.querySelector<HTMLElement>('[part=track]');
}

/** Slides per view as the CSS sets it (container queries or `--nwt-slides-per-view`), at least 1. */
export function slidesPerView(track: HTMLElement): number {
  return Math.max(1, Math.round(parseFloat(getComputedStyle(track).getPropertyValue('--_spv')) || 1));
}

/** The distance from one slide to the next; 0 before any slide is rendered. */
export function slideStep(track: HTMLElement): number {
  // The first rendered slide: the track may start with a spacer.
  const first = track.querySelector<HTMLElement>(':scope>.slide');
  return first ? first.getBoundingClientRect().width + columnGap(track) : 0;
}

/** Index of the first slide under the track's scroll position (either direction), or -1 without slides. */
export function firstSlideInView(track: HTMLElement, count: number): number {
  const step = slideStep(track);
  return step > 0 ? clampIndex(Math.round(Math.abs(track.scrollLeft) / step), count) : -1;
}

/**
 * How many picker dots fit in the controls `row` beside the two arrow buttons (44px, less in a narrow
 * gallery with a large font) and its gaps; before the row has its buttons, estimated from `width`.
 */
export function dotsThatFit(row: HTMLElement | null, width: number): number {
  const arrow = row?.querySelector<HTMLElement>('.next')?.offsetWidth;
  // Estimated: two 52px arrows with their gaps, and 40px of padding.
  const room = arrow ? row!.clientWidth - 2 * (arrow + columnGap(row)) + 4 : width - 144;
  return Math.max(0, Math.floor(room / DOT_PITCH));
}

/**
 * Ids of the slides whose quote or who is cut (line clamp, no room left), and `#` for a cut title: those
 * get a "Read more" button.
 */
export function clampedQuotes(root: ParentNode): Set<string> {
  const clamped = new Set<string>();
  for (const quote of root.querySelectorAll<HTMLElement>('[data-id]')) {
    if (quote.scrollHeight > quote.clientHeight + 1) clamped.add(quote.dataset.id!);
  }
  return clamped;
}

/** The reader asked for less motion: no smooth scrolling, no rotation starting by itself. */
export function prefersReducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Arrow keys and scroll positions run the other way in a right-to-left gallery. */
export function isRightToLeft(element: Element): boolean {
  return getComputedStyle(element).direction === 'rtl';
}
