/** The carousel's controls: previous and next, the picker (or the "3 / 120" counter), Start / Stop. */
import { html, type TemplateResult } from 'lit';
import { isAtEnd, isAtStart, type Paging } from '../carousel/paging.js';
import type { GalleryStrings } from '../i18n/en.js';
import { format } from '../i18n/pick.js';
import { icons } from '../icons.js';

export interface ControlsInput {
  strings: GalleryStrings;
  paging: Paging;
  /** The testimonial the reader is on. */
  active: number;
  /** One dot per testimonial fits in the row; else the counter. */
  dots: boolean;
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
      aria-disabled=${atStart ? 'true' : 'false'}
      @click=${() => (atStart ? undefined : input.onPrevious())}
    >
      ${icons.previous}
    </button>
    ${input.dots ? renderPicker(input) : renderCounter(input)}
    <button
      class="control next"
      part="control next"
      type="button"
      aria-controls="track"
      aria-label=${strings.next}
      aria-disabled=${atEnd ? 'true' : 'false'}
      @click=${() => (atEnd ? undefined : input.onNext())}
    >
      ${icons.next}
    </button>
  `;
}

/** The slide picker: a tab list with roving tabindex, as in the pattern's tabbed carousel. */
function renderPicker(input: ControlsInput): TemplateResult {
  const { strings } = input;
  return html`
    <div class="picker" part="picker" role="tablist" aria-label=${strings.picker} @keydown=${input.onPickerKeydown}>
      ${Array.from({ length: input.paging.count }, (_, index) => {
        const selected = index === input.active;
        return html`<button
          class="dot"
          part="picker-dot"
          type="button"
          role="tab"
          aria-selected=${selected ? 'true' : 'false'}
          aria-controls=${`slide-${index}`}
          aria-label=${format(strings.pickerItem, { index: index + 1 })}
          tabindex=${selected ? 0 : -1}
          @click=${() => input.onPick(index)}
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
