/**
 * Progressive enhancement: testimonials written as plain HTML inside the element, readable before the script
 * runs, without JavaScript and by crawlers. The element uses them as its data when it has no `src` and no
 * `testimonials`. This module only reads the markup into the raw feed shape; `parseFeed` checks it like any
 * feed (URLs, lengths, alt text), so nothing here trusts the page more than a feed.
 *
 * The markup, one `<figure>` per testimonial, as direct children of the element:
 *
 * ```html
 * <notwiththem-gallery label="#NotWithThem">
 *   <figure data-id="laura-vilches">
 *     <img src="photos/laura-960.webp" width="960" height="720" alt="Laura Vilches holds a sign" />
 *     <figcaption>
 *       <blockquote lang="en">#NotWithThem because they represent the capitalist class</blockquote>
 *       <cite>Laura Vilches</cite>
 *       <span class="role">Legislator, Province of Córdoba</span>
 *       <span class="place">Córdoba, Argentina</span>
 *       <span class="affiliation">Left and Workers' Front – PTS</span>
 *       <a href="https://example.org/laura">More</a>
 *     </figcaption>
 *   </figure>
 * </notwiththem-gallery>
 * ```
 *
 * - image: the first `img` (`src`, `alt`, `width`, `height`, `srcset`, `sizes`; `data-color` for the placeholder).
 * - quote: the `blockquote`'s text, else the figcaption's text without the parts below.
 * - name: `cite` or `.name`; role, place, affiliation: `.role`, `.place`, `.affiliation`.
 * - url: the first `a[href]` in the figcaption. id: the figure's `data-id`, else its `id`.
 * - lang: `lang` on the blockquote, else on the figure.
 * Relative URLs resolve against the page (the caller passes `document.baseURI` to `parseFeed`).
 */
import { setTruthy as set } from './own.js';
import type { TestimonialText } from './types.js';

/** One testimonial as written in a feed (before `parseFeed`). */
export interface RawFigureTestimonial extends TestimonialText {
  id?: string;
  image: {
    src: string;
    alt?: string;
    width?: number;
    height?: number;
    srcset?: string;
    sizes?: string;
    color?: string;
  };
}

/** The `<figure>` children of `host`, as raw testimonials (entries without an image or quote still go to parseFeed, which warns). */
export function readFigures(host: Element): RawFigureTestimonial[] {
  return [...host.querySelectorAll(':scope>figure')].map(readFigure);
}

/** Whether `host` has figure children to read. */
export function hasFigures(host: Element): boolean {
  return !!host.querySelector(':scope>figure');
}

/** The loose records built here: `set` sets a value when it is not empty (nor 0, nor NaN). */
type Json = Record<string, unknown>;

function readFigure(figure: Element): RawFigureTestimonial {
  const img = figure.querySelector('img');
  const caption = figure.querySelector('figcaption');
  const scope = caption ?? figure;
  const blockquote = scope.querySelector('blockquote') ?? figure.querySelector('blockquote');
  const image: Json = { src: img?.getAttribute('src') ?? '' };
  // Width and height as numbers (parseFeed keeps positive integers only); the colour from data-color.
  for (const key of ['alt', 'width', 'height', 'srcset', 'sizes', 'color']) {
    const value = img?.getAttribute(key === 'color' ? 'data-color' : key);
    set(image, key, key === 'width' || key === 'height' ? Number(value) : value);
  }
  const entry: Json = {
    image,
    // Without a blockquote: the caption's text without who said it (and without the link).
    quote: blockquote
      ? text(blockquote)
      : caption
        ? text(caption, 'cite, .name, .role, .place, .affiliation, a[href], ')
        : '',
  };
  set(entry, 'id', figure.getAttribute('data-id') ?? figure.id);
  for (const key of ['name', 'role', 'place', 'affiliation']) {
    const part = scope.querySelector(key === 'name' ? 'cite, .name' : `.${key}`);
    set(entry, key, part && text(part));
  }
  set(entry, 'url', scope.querySelector('a[href]')?.getAttribute('href'));
  set(entry, 'lang', blockquote?.getAttribute('lang') || figure.getAttribute('lang'));
  return entry as unknown as RawFigureTestimonial;
}

/**
 * The text a reader sees in `element`: without `<style>`, `<script>` (a `type="text/plain"` one too),
 * `<noscript>` and `<template>`, whose text is not shown, nor the parts named by `without`. Read from a
 * copy, which runs no script.
 */
function text(element: Element, without = ''): string {
  const copy = element.cloneNode(true) as Element;
  for (const part of copy.querySelectorAll(`${without}style, script, noscript, template`)) part.remove();
  return copy.textContent!.replace(/\s+/g, ' ').trim();
}

/**
 * Calls `onChange` once the parser is done with the document (with the script in `<head>` without
 * `defer`, the element is upgraded before its figures arrive, maybe in several chunks), and again
 * whenever the figures change after that, until `signal` aborts.
 */
export function watchFigures(host: Element, onChange: () => void, signal: AbortSignal): void {
  const doc = host.ownerDocument;
  if (doc.readyState === 'loading')
    doc.addEventListener('DOMContentLoaded', onChange, { once: true, signal });
  const observer = new MutationObserver(() => doc.readyState !== 'loading' && onChange());
  observer.observe(host, { childList: true, subtree: true, characterData: true, attributes: true });
  signal.addEventListener('abort', () => observer.disconnect());
}
