/**
 * The frame every state shares (header, viewport, controls row, footer) and the messages of the states
 * without slides: no source, loading, error, empty. Plain functions of their inputs.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { icons } from '../icons.js';
import { FeedError, retryable, type FeedErrorCode } from '../feed/types.js';
import type { GalleryStrings } from '../i18n/en.js';
import { format } from '../i18n/pick.js';

type Part = TemplateResult | typeof nothing;

/** The label that says what went wrong for an error code: `too-large` → `errorTooLarge`. */
export const errorStringKey = (code: FeedErrorCode): keyof GalleryStrings =>
  `error${code.replace(/(^|-)./g, (c) => c.at(-1)!.toUpperCase())}` as keyof GalleryStrings;

export interface FrameInput {
  title: string;
  /**
   * Keys of the texts cut by their clamp: `#` is the title's (it offers "Read more", a popover with all
   * of it), the others the slides' quotes.
   */
  cutIds: ReadonlySet<string>;
  /** The feed is loading. */
  busy: boolean;
  strings: GalleryStrings;
  viewport: TemplateResult;
  controls?: Part;
  /** The Start / Stop button, in the header. */
  rotation?: Part;
  /** The call to action and the live region, in the footer. */
  footer: Part;
  onFocusIn(event: FocusEvent): void;
}

/**
 * Every state shares this frame: header, viewport, controls row and footer keep their sizes. The controls
 * come before the viewport in the tab sequence (the stylesheet shows them below it).
 */
export function renderFrame(input: FrameInput): TemplateResult {
  const { title } = input;
  return html`
    <section
      class=${input.busy ? 'gallery busy' : 'gallery'}
      part="gallery"
      aria-roledescription=${input.strings.carousel}
      aria-labelledby="title"
      @focusin=${input.onFocusIn}
    >
      <div class="header" part="header">
        ${input.rotation}
        <h2 class="title" part="title" id="title" dir="auto" data-id="#">${title}</h2>
        ${
          input.cutIds.has('#')
            ? html`<button class="control title-more" part="title-more" type="button" aria-label=${input.strings.readMore} popovertarget="title-all">${icons.more}</button><div class="sheet" part="title-all" id="title-all" popover dir="auto">${title}</div>`
            : nothing
        }
        <slot name="header"></slot>
      </div>
      <div class="controls" part="controls">${input.controls}</div>
      <div class="viewport" part="viewport" aria-busy=${input.busy}>${input.viewport}</div>
      <div class="footer" part="footer">${input.footer}<slot name="footer"></slot></div>
    </section>
  `;
}

const placeholder = (photo?: Part) => html`
  <div class="slide skeleton">
    <figure>
      <div class="photo">${photo}</div>
      <figcaption>
        <div class="text">
          <div class="skeleton-line"></div>
          <div class="skeleton-line short"></div>
          <div class="skeleton-line shorter"></div>
        </div>
        <div class="slide-actions"></div>
      </figcaption>
    </figure>
  </div>
`;

/**
 * A still picture of the ready state, with the state's message laid over it. With `poster`, the first
 * photo box shows the page's `<img slot="poster">` (the first slide's photo, which the page may have
 * painted there before the element was defined).
 */
export function renderSkeleton(message: TemplateResult, poster = false): TemplateResult {
  return html`
    <div class="skeleton-track track" aria-hidden="true">
      ${placeholder(poster ? html`<slot name="poster"></slot>` : nothing)}${placeholder()}${placeholder()}
    </div>
    ${message}
  `;
}

/**
 * Loading and empty: the message, a polite status (`live`) or, while loading, shown only: the footer's
 * live region, outside the busy viewport, announces loading.
 */
export function renderStatusMessage(text: string, live = true): TemplateResult {
  return html`<div class="state" part="state" role=${live ? 'status' : nothing}><p class="message" part="message">${text}</p></div>`;
}

/** No source: the element's own children if it has any, else the message. */
export function renderNoSource(strings: GalleryStrings, onSlotChange: () => void): TemplateResult {
  return html`<div class="state" part="state"><slot @slotchange=${onSlotChange}><p class="message" part="message">${strings.noSource}</p></slot></div>`;
}

export function renderError(error: unknown, strings: GalleryStrings, onRetry: () => void): TemplateResult {
  const feedError = error instanceof FeedError ? error : new FeedError('network', '');
  const message = format(strings[errorStringKey(feedError.code)], { status: feedError.status ?? '' });
  // Only where trying again can help (as the loader retries): a 404 or a bad file stays so, and says so
  // without a useless button.
  return html`
    <div class="state" part="state" role="alert">
      <p class="message" part="message">${message}</p>
      ${
        retryable(feedError)
          ? html`<button class="text-button" part="retry" type="button" @click=${onRetry}>${strings.retry}</button>`
          : nothing
      }
    </div>
  `;
}

/**
 * After Try again, focus goes to the new state's control or message, not to <body> with the button:
 * unless the reader went elsewhere meanwhile.
 */
export function focusStateControl(root: ParentNode): void {
  if (document.activeElement !== document.body) return;
  const find = (selector: string) => root.querySelector<HTMLElement>(selector);
  const target = find('[part~=retry]') ?? find('.slide[tabindex="0"]') ?? find('[part~=message]');
  if (target?.localName === 'p') target.tabIndex = -1;
  target?.focus();
}
