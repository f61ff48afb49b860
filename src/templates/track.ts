/**
 * The scrolling track: the slides rendered, with spacers standing in for the slides of a large feed that
 * are not. Not a tab stop of its own: the slides in view are, and take its keys (←/→ a page, Home, End).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Testimonial } from '../feed/types.js';
import { keyedList } from '../carousel/keyed-list.js';
import type { SlideWindow } from '../carousel/rendered-range.js';

export interface TrackInput {
  /** Slides move by themselves: the track is not a live region then. */
  rotating: boolean;
  items: readonly Testimonial[];
  range: SlideWindow;
  renderSlide(testimonial: Testimonial, index: number): TemplateResult;
  onScroll(): void;
  onScrollEnd(): void;
  /** Wheel or pointer on the track: a scroll the reader makes. */
  onReaderScroll(): unknown;
  /** A key on a slide in view (not on a control inside it). */
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
      aria-live=${input.rotating ? 'off' : 'polite'}
      @scroll=${input.onScroll}
      @scrollend=${input.onScrollEnd}
      @wheel=${{ handleEvent: input.onReaderScroll, passive: true }}
      @pointerdown=${input.onReaderScroll}
      @keydown=${(event: KeyboardEvent) => (event.target as Element).matches('.slide') && input.onKeydown(event)}
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
