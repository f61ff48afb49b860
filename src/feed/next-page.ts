/** Joining a feed's next page to the testimonials already shown. Pure: no DOM, no fetch. */
import { LIMITS } from './parse.js';
import type { Testimonial } from './types.js';

/**
 * The testimonials of `page` that can join `shown`: ids kept unique across pages (a repeated id gets
 * `-2`, `-3`… as within one page), and never more than the feed limit in all.
 */
export function joinPage(shown: readonly Testimonial[], page: readonly Testimonial[]): Testimonial[] {
  const taken = new Set(shown.map((item) => item.id));
  const room = Math.max(0, LIMITS.maxEntries - shown.length);
  const joined: Testimonial[] = [];
  for (const item of page.slice(0, room)) {
    let id = item.id;
    for (let n = 2; taken.has(id); n++) id = `${item.id}-${n}`;
    taken.add(id);
    joined.push(id === item.id ? item : { ...item, id });
  }
  return joined;
}

/** Whether the reader is close enough to the end of what is loaded to fetch the next page. */
export function nearEnd(position: number, loaded: number, perView: number): boolean {
  return position + 2 * Math.max(1, perView) >= loaded - 1;
}
