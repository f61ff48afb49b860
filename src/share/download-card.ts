/**
 * The "Download card" control of the full-testimonial dialog: the testimonial's card image (made by
 * `build-feed --share-pages`) for readers who post it themselves, where no share sheet takes files.
 * A plain link: nothing is fetched before the click. `download` names the file when the card is on
 * the page's origin; from another origin browsers open the image in a new tab instead.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Testimonial } from '../feed/types.js';

export function renderDownloadCard(
  { card, id }: Testimonial,
  label: string,
): TemplateResult | typeof nothing {
  return card
    ? html`<p><a class="download-card" part="download-card" href=${card} download=${id + '.jpg'} target="_blank" rel="noopener noreferrer">${label}</a></p>`
    : nothing;
}
