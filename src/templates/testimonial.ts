/** One testimonial on a slide: its photo, who gives it, "Read more" and its share area. */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { pageStart, type Paging } from '../carousel/paging.js';
import { objectPosition } from '../feed/focus.js';
import { ownFields } from '../feed/own.js';
import type { Testimonial, TestimonialImage } from '../feed/types.js';
import type { GalleryStrings } from '../i18n/en.js';
import { icons } from '../icons.js';
import type { SharePlace } from '../share/share-area.js';

type Part = TemplateResult | typeof nothing;

/**
 * A photo box's placeholder colour (checked `#rrggbb`) as CSS text for a `.style` property binding: set
 * through the CSSOM, which a strict page's CSP (`style-src` without 'unsafe-inline') allows. `styleMap`
 * would set a `style` attribute on its first render, which such a page blocks.
 */
export const placeholderStyle = (color: string | undefined): string =>
  color && /^#[\da-f]{6}$/.test(color) ? `background-color: ${color}` : '';

/**
 * A photo its box would crop by more than a fifth of its width or height (a landscape photo of two people
 * and their sign in the 4:5 box) shows whole (`contain`) over its colour; the box keeps its size, so
 * nothing moves. Read from the loaded image against the box, so the box's ratio may be any.
 */
const fitPhoto = ({ target }: Event): void => {
  const img = target as HTMLImageElement;
  const ratio = (img.naturalWidth * img.clientHeight) / (img.naturalHeight * img.clientWidth);
  img.classList.toggle('whole', ratio > 1.25 || ratio < 0.8);
};

export interface PhotoInput {
  testimonial: Testimonial;
  strings: GalleryStrings;
  /** Ids of the testimonials whose photo failed to load: they show the fallback instead. */
  failedIds: ReadonlySet<string>;
  onImageError(id: string): void;
}

export function renderPhoto(input: PhotoInput, eager: boolean, sizes?: string): TemplateResult {
  const { testimonial } = input;
  const image = ownFields(testimonial.image);
  if (input.failedIds.has(testimonial.id)) {
    return html`<div class="photo-fallback" part="image-fallback" role="img" aria-label=${image.alt}>
      ${icons.brokenImage}<span class="alt" aria-hidden="true">${input.strings.imageError}</span>
    </div>`;
  }
  return html`<img
    part="image"
    src=${image.src}
    srcset=${ifDefined(image.srcset)}
    sizes=${ifDefined(sizes ?? image.sizes)}
    width=${ifDefined(image.width)}
    height=${ifDefined(image.height)}
    alt=${image.alt}
    loading=${eager ? 'eager' : 'lazy'}
    fetchpriority=${eager ? 'high' : 'auto'}
    decoding="async"
    referrerpolicy="no-referrer"
    .style=${objectPosition(image.focus)}
    @load=${fitPhoto}
    @error=${() => input.onImageError(testimonial.id)}
  />`;
}

/** Name, role and place, affiliation; `nameId` lets a slide take its name from the visible one. */
export function renderWho(testimonial: Testimonial, nameId?: string): TemplateResult {
  const where = [testimonial.role, testimonial.place].filter(Boolean).join(' · ');
  return html`
    ${testimonial.name ? html`<span class="name" part="name" id=${ifDefined(nameId)} dir="auto">${testimonial.name}</span>` : nothing}
    ${where ? html`<span dir="auto">${where}</span>` : nothing}
    ${testimonial.affiliation ? html`<span dir="auto">${testimonial.affiliation}</span>` : nothing}
  `;
}

export interface SlideInput extends PhotoInput {
  index: number;
  paging: Paging;
  /** The testimonial the reader is on: the slides of its page are in view, the others inert. */
  active: number;
  /** The picker is a tab list: the slide is a tab panel (else a group described as a slide). */
  tabbed: boolean;
  /** Ids of the testimonials whose quote is cut: they show "Read more". */
  cutIds: ReadonlySet<string>;
  /** A testimonial's share area, on its slide (`shown`: in view) or in the dialog. */
  shareArea(testimonial: Testimonial, place: SharePlace, shown?: boolean): Part;
  onReadMore(index: number, opener: HTMLElement): void;
}

export function renderSlide(input: SlideInput): TemplateResult {
  const { testimonial, strings, index, paging, active } = input;
  // The first slide in view loads its photo first.
  const start = pageStart(active, paging);
  const inView = index >= start && index < start + paging.perView;
  // Named by its visible name, else by its quote (visible, unique to it). A tab panel in view is a tab
  // stop, as one whose first content (the photo) is not focusable is.
  const nameId = testimonial.name ? `name-${index}` : undefined;
  const readMore = input.cutIds.has(testimonial.id);
  return html`
    <div
      class="slide"
      part="slide"
      id=${`slide-${index}`}
      role=${input.tabbed ? 'tabpanel' : 'group'}
      aria-roledescription=${input.tabbed ? nothing : strings.slide}
      aria-labelledby=${nameId ?? `quote-${index}`}
      tabindex=${inView && input.tabbed ? 0 : nothing}
      ?inert=${!inView}
    >
      <figure part="figure">
        <div class="photo" part="photo" .style=${placeholderStyle(testimonial.image.color)}>
          ${renderPhoto(input, index === start)}
        </div>
        <figcaption part="caption">
          <div class=${readMore ? 'text cut' : 'text'}>
            <blockquote class="quote" part="quote" id=${`quote-${index}`} dir="auto" data-id=${testimonial.id} lang=${ifDefined(testimonial.lang)}>${testimonial.quote}</blockquote>
            <p class="who" part="who" data-id=${testimonial.id}>${renderWho(testimonial, nameId)}</p>
          </div>
          <div class="slide-actions">
            ${
              readMore
                ? html`<button
                    class="link-button"
                    part="read-more"
                    type="button"
                    aria-haspopup="dialog"
                    @click=${(event: Event) => input.onReadMore(index, event.currentTarget as HTMLElement)}
                  >
                    ${strings.readMore}
                  </button>`
                : nothing
            }
            ${input.shareArea(testimonial, 'slide', inView)}
          </div>
        </figcaption>
      </figure>
    </div>
  `;
}

/**
 * Starts loading a photo before its slide is rendered and laid out; its <img> (same URL, same srcset and
 * sizes) then takes it from the memory cache.
 */
export function preloadPhoto(photo: TestimonialImage | undefined): void {
  if (!photo) return;
  Object.assign(new Image(), {
    fetchPriority: 'high',
    referrerPolicy: 'no-referrer',
    sizes: photo.sizes ?? '',
    srcset: photo.srcset ?? '',
    src: photo.src,
  });
}
