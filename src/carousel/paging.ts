/**
 * Where the carousel goes: pure arithmetic over (slide count, slides per view, loop), no DOM.
 * `active` is the testimonial the reader is on; the page shown starts at `pageStart(active)`, so the
 * active slide is always in view, and the last page is always full.
 */
export interface Paging {
  count: number;
  perView: number;
  loop: boolean;
}

export function clampIndex(index: number, count: number): number {
  if (count <= 0 || !Number.isFinite(index)) return 0;
  return Math.min(Math.max(Math.trunc(index), 0), count - 1);
}

/** The first slide of the last page (always full). */
const lastStart = ({ count, perView }: Paging): number => Math.max(0, count - perView);

/** Index of the first slide shown when `active` is the current one. */
export function pageStart(active: number, paging: Paging): number {
  return Math.min(clampIndex(active, paging.count), lastStart(paging));
}

export function isAtStart(active: number, paging: Paging): boolean {
  return !paging.loop && pageStart(active, paging) === 0;
}

export function isAtEnd(active: number, paging: Paging): boolean {
  return !paging.loop && pageStart(active, paging) >= lastStart(paging);
}

/** The slide `next()` moves to: one page on, or back to the first at the end when looping (or rotating). */
export function nextIndex(active: number, paging: Paging, wrap = paging.loop): number {
  const start = pageStart(active, paging);
  const last = lastStart(paging);
  if (start >= last) return wrap ? 0 : active;
  return Math.min(start + paging.perView, last);
}

/** The slide `previous()` moves to: one page back, or to the last page at the start when looping. */
export function previousIndex(active: number, paging: Paging, wrap = paging.loop): number {
  const start = pageStart(active, paging);
  if (start <= 0) return wrap ? lastStart(paging) : start;
  return Math.max(0, start - paging.perView);
}

/**
 * The picker's pages: one tab per `perView` slides. The last page is full, so with 7 slides 3 at a
 * time the pages start at 0, 3 and 4.
 */
export function pageCount({ count, perView }: Paging): number {
  return Math.ceil(count / perView);
}

/** The first slide of picker page `page`. */
export function startOfPage(page: number, paging: Paging): number {
  return Math.min(page * paging.perView, lastStart(paging));
}

/** The picker page selected while `active` is the current slide: the last one that starts at or before the view. */
export function pageOf(active: number, paging: Paging): number {
  const start = pageStart(active, paging);
  return start >= lastStart(paging) ? pageCount(paging) - 1 : Math.floor(start / paging.perView);
}

/** Whether slide `index` is on the page shown for `active`. */
export function isInView(index: number, active: number, paging: Paging): boolean {
  const start = pageStart(active, paging);
  return index >= start && index < start + paging.perView;
}

/** The index of a testimonial given by its index (a number or digits) or by its id; -1 for none. */
export function indexOfTestimonial(items: readonly { id: string }[], indexOrId: number | string): number {
  if (typeof indexOrId === 'number')
    return Number.isInteger(indexOrId) && indexOrId >= 0 && indexOrId < items.length ? indexOrId : -1;
  const trimmed = indexOrId.trim();
  if (/^\d+$/.test(trimmed)) return indexOfTestimonial(items, Number(trimmed));
  return items.findIndex((item) => item.id === trimmed);
}
