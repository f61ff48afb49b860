/**
 * Which slides exist in the DOM (windowed rendering). Small feeds render every slide; large ones only
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
export function slideWindow(start: number, perView: number, count: number): SlideWindow {
  if (count <= WINDOW_THRESHOLD) return { from: 0, to: count };
  const margin = Math.max(1, perView);
  const from = Math.max(0, start - margin);
  const to = Math.min(count, start + perView + margin);
  return { from, to };
}

/**
 * The slides to render: the windows around the page in view (`pageStart`) and around the first slide under
 * the scroll position, joined; during a long fling the two are far apart, and only where the reader is
 * looking is rendered.
 */
export function renderedRange(
  pageStart: number,
  scrollIndex: number,
  perView: number,
  count: number,
): SlideWindow {
  const active = slideWindow(pageStart, perView, count);
  const scrolled = slideWindow(scrollIndex, perView, count);
  if (Math.abs(active.from - scrolled.from) > 5 * perView) return scrolled;
  return { from: Math.min(active.from, scrolled.from), to: Math.max(active.to, scrolled.to) };
}
