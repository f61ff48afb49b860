/** Joining a feed's next page to the testimonials already shown. Pure: no DOM, no fetch. */
import { MAX_ENTRIES } from './parse.js';
import type { Testimonial } from './types.js';

/**
 * The testimonials of `page` that can join `shown`: ids kept unique across pages (a repeated id gets
 * `-2`, `-3`… as within one page), and never more than the feed limit in all.
 */
export function joinPage(shown: readonly Testimonial[], page: readonly Testimonial[]): Testimonial[] {
  const taken = new Set(shown.map((item) => item.id));
  // A suffix never takes an id that another entry of the page asks for: each stays reachable by its link.
  const wanted = new Set(page.map((item) => item.id));
  return page.slice(0, Math.max(0, MAX_ENTRIES - shown.length)).map((item) => {
    let id = item.id;
    for (let n = 2; taken.has(id) || (id !== item.id && wanted.has(id)); n++) id = `${item.id}-${n}`;
    taken.add(id);
    return id === item.id ? item : { ...item, id };
  });
}

/** Whether the reader is close enough to the end of what is loaded to fetch the next page. */
export function nearEnd(position: number, loaded: number, perView: number): boolean {
  return position + 2 * Math.max(1, perView) >= loaded - 1;
}

/**
 * The URLs the feed's first page was fetched from: `src` as requested (resolved against `base`) and the
 * response's URL after any redirect. Counted as fetched, so a `next` chain that leads back to the first
 * page (a → b → a) ends there instead of showing it twice.
 */
export function firstPageUrls(src: string, responseUrl: string, base?: string): string[] {
  // `src` resolves: the loader resolved it against the same base before it could answer.
  return [new URL(src, base).href, responseUrl];
}
