/**
 * The carousel's controls: previous and next, the picker (or the "3 / 120" counter), Start / Stop.
 * They come before the slides in the tab sequence (the stylesheet shows them below), so Tab from the
 * picker lands in the slides it shows; the picker comes after Next for the same reason.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  isAtEnd,
  isAtStart,
  pageCount,
  pageOf,
  pageStart,
  startOfPage,
  type Paging,
} from '../carousel/paging.js';
import type { GalleryStrings } from '../i18n/en.js';
import { format } from '../i18n/pick.js';
import { icons } from '../icons.js';

export interface ControlsInput {
  strings: GalleryStrings;
  paging: Paging;
  /** The testimonial the reader is on. */
  active: number;
  /** One dot per page fits in the row (a tab list, the slides its tab panels); else the counter. */
  tabbed: boolean;
  onPrevious(): void;
  onNext(): void;
  onPick(index: number): void;
  onPickerKeydown(event: KeyboardEvent): void;
}

export function renderControls(input: ControlsInput): TemplateResult {
  const { strings, paging, active } = input;
  const atStart = isAtStart(active, paging);
  const atEnd = isAtEnd(active, paging);
  return html`
    <button
      class="control previous"
      part="control previous"
      type="button"
      aria-controls="track"
      aria-label=${strings.previous}
      aria-disabled=${atStart}
      @click=${() => (atStart ? undefined : input.onPrevious())}
    >
      ${icons.previous}
    </button>
    <button
      class="control next"
      part="control next"
      type="button"
      aria-controls="track"
      aria-label=${strings.next}
      aria-disabled=${atEnd}
      @click=${() => (atEnd ? undefined : input.onNext())}
    >
      ${icons.next}
    </button>
    ${input.tabbed ? renderPicker(input) : renderCounter(input)}
  `;
}

/**
 * The picker: a tab list with roving tabindex, one tab per page (with three slides in view, one tab
 * shows three). The slides are the tab panels: the selected tab controls the ones in view; the other
 * tabs control nothing, since their slides are inert until shown.
 */
function renderPicker(input: ControlsInput): TemplateResult {
  const { strings, paging, active } = input;
  const selectedPage = pageOf(active, paging);
  const inView = pageStart(active, paging);
  return html`
    <div class="picker" part="picker" role="tablist" aria-label=${strings.picker} @keydown=${input.onPickerKeydown}>
      ${Array.from({ length: pageCount(paging) }, (_, page) => {
        const selected = page === selectedPage;
        const start = startOfPage(page, paging);
        const end = Math.min(start + paging.perView, paging.count);
        return html`<button
          class="dot"
          part="picker-dot"
          type="button"
          role="tab"
          aria-selected=${selected}
          aria-controls=${selected ? Array.from({ length: end - start }, (_, i) => `slide-${inView + i}`).join(' ') : nothing}
          aria-label=${format(strings.pickerItem, { index: end - start > 1 ? `${start + 1}–${end}` : end })}
          tabindex=${selected ? 0 : -1}
          @click=${() => input.onPick(start)}
        ></button>`;
      })}
    </div>
  `;
}

function renderCounter({ strings, active, paging }: ControlsInput): TemplateResult {
  const text = format(strings.counter, { index: active + 1, count: paging.count });
  return html`<span class="position" part="position">${text}</span>`;
}

/** Start / Stop of the automatic slide show. */
export function renderRotation(
  playing: boolean,
  strings: GalleryStrings,
  onToggle: () => void,
): TemplateResult {
  return html`
    <button
      class="control rotation"
      part="control rotation"
      type="button"
      aria-label=${playing ? strings.stopRotation : strings.startRotation}
      @click=${onToggle}
    >
      ${playing ? icons.pause : icons.play}
    </button>
  `;
}
