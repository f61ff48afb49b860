/**
 * The scrolling track: the slides rendered, with spacers standing in for the slides of a large feed that
 * are not. With a picker, the slides in view are the tab stops (tab panels) and take its keys (←/→ a
 * page, Home, End) and the track is out of the tab sequence (Firefox makes scrollers tab stops); behind
 * the counter (a large feed), the track is the tab stop: a region named for what its keys do.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Testimonial } from '../feed/types.js';
import type { GalleryStrings } from '../i18n/en.js';
import { keyedList } from '../carousel/keyed-list.js';
import type { SlideWindow } from '../carousel/rendered-range.js';

export interface TrackInput {
  /** The slides are tab panels (else the track is the tab stop, named like the picker). */
  tabbed: boolean;
  strings: GalleryStrings;
  /** Slides move by themselves: the track is not a live region then. */
  rotating: boolean;
  items: readonly Testimonial[];
  range: SlideWindow;
  renderSlide(testimonial: Testimonial, index: number): TemplateResult;
  onScroll(): void;
  onScrollEnd(): void;
  /** Wheel or pointer on the track: a scroll the reader makes. */
  onReaderScroll(): unknown;
  /** A key on a slide in view or the track (not on a control inside them). */
  onKeydown(event: KeyboardEvent): void;
}

const spacer = (slots: number) =>
  slots > 0 ? html`<div class="spacer" aria-hidden="true" .style=${`--_slots:${slots}`}></div>` : nothing;

export function renderTrack(input: TrackInput): TemplateResult {
  const { items } = input;
  const { from, to } = input.range;
  return html`
    <div
      class="track"
      part="track"
      id="track"
      tabindex=${input.tabbed ? -1 : 0}
      role=${input.tabbed ? nothing : 'region'}
      aria-label=${input.tabbed ? nothing : input.strings.picker}
      aria-live=${input.rotating ? 'off' : 'polite'}
      @scroll=${input.onScroll}
      @scrollend=${input.onScrollEnd}
      @wheel=${{ handleEvent: input.onReaderScroll, passive: true }}
      @pointerdown=${input.onReaderScroll}
      @keydown=${(event: KeyboardEvent) => (event.target as Element).matches('.slide,.track') && input.onKeydown(event)}
    >
      ${spacer(from)}
      ${keyedList(
        items.slice(from, to),
        (testimonial) => testimonial.id,
        (testimonial, offset) => input.renderSlide(testimonial, from + offset),
      )}
      ${spacer(items.length - to)}
    </div>
  `;
}

/**
 * After a key moved the carousel, focus follows: to the picker's selected tab, or to the first slide of
 * the page in view (the one it was on may be inert now).
 */
export function focusAfterKey(root: ParentNode, picker: boolean | undefined, page: number): void {
  root
    .querySelector<HTMLElement>(picker ? '[role=tab][aria-selected=true]' : `#slide-${page}`)
    ?.focus({ preventScroll: true });
}
