/**
 * Windowed rendering: which slides exist in the DOM. Small feeds render every slide; large ones only
 * the page in view and one page either side, so the DOM does not grow with the feed. Pure arithmetic.
 */

/** Feeds up to this many testimonials render every slide (and can show a dot per slide). */
export const WINDOW_THRESHOLD = 50;

export interface SlideWindow {
  /** First rendered index (inclusive). */
  from: number;
  /** Last rendered index (exclusive). */
  to: number;
}

/** The slides to render around the page that starts at `start`, `perView` wide, in a feed of `count`. */
export function slideWindow(
  start: number,
  perView: number,
  count: number,
  threshold = WINDOW_THRESHOLD,
): SlideWindow {
  if (count <= threshold) return { from: 0, to: count };
  const margin = Math.max(1, perView);
  const from = Math.max(0, start - margin);
  const to = Math.min(count, start + perView + margin);
  return { from, to };
}
