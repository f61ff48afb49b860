/** The full-testimonial dialog: large photo, the whole quote and who, and the share area. */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { own } from '../feed/own.js';
import { format } from '../i18n/pick.js';
import { icons } from '../icons.js';
import { renderDownloadCard } from '../share/download-card.js';
import { httpUrl } from '../share/targets.js';
import type { Testimonial } from '../feed/types.js';
import { placeholderStyle, renderPhoto, renderWho, type PhotoInput, type SlideInput } from './testimonial.js';

export interface DialogInput extends PhotoInput, Pick<SlideInput, 'shareArea'> {
  /** The testimonial's index among the feed's, for the dialog's name when it has no name. */
  index: number;
  items: readonly Testimonial[];
}

/** The whole testimonial: large photo, full quote and who, in a native modal dialog (empty when closed). */
export function renderDialog(input: DialogInput | undefined, onClose: () => void): TemplateResult {
  return html`
    <dialog class="dialog" part="dialog" aria-labelledby="dialog-title" @close=${onClose}>
      ${input ? renderDialogBody(input) : nothing}
    </dialog>
  `;
}

function renderDialogBody(input: DialogInput): TemplateResult {
  const { testimonial, strings } = input;
  // Checked again where it becomes a link: only the entry's own http(s) URL, never an inherited one.
  const link = httpUrl(own(testimonial, 'url'));
  const title =
    testimonial.name || format(strings.slideLabel, { index: input.index + 1, count: input.items.length });
  return html`
    <div class="dialog-body">
      <div class="dialog-photo photo" part="dialog-photo" .style=${placeholderStyle(testimonial.image.color)}>
        ${renderPhoto(input, true, '(min-width: 50rem) 48rem, 100vw')}
      </div>
      <div class="dialog-text">
        <h3 class="visually-hidden" id="dialog-title">${title}</h3>
        <blockquote class="dialog-quote" part="dialog-quote" dir="auto" lang=${ifDefined(testimonial.lang)}>${testimonial.quote}</blockquote>
        <p class="who dialog-who" part="dialog-who">${renderWho(testimonial)}</p>
        ${
          link
            ? html`<p><a part="dialog-link" href=${link} target="_blank" rel="noopener noreferrer">${testimonial.url}</a></p>`
            : nothing
        }
        ${input.shareArea(testimonial, 'dialog')} ${renderDownloadCard(testimonial, strings.downloadCard)}
      </div>
    </div>
    <form method="dialog" class="dialog-close">
      <button class="control" part="control close" type="submit" aria-label=${strings.close} autofocus>${icons.close}</button>
    </form>
  `;
}
