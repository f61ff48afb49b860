/**
 * The share area of one testimonial (on its slide and in the full-testimonial dialog) and the feed's
 * call to action, as plain functions of their inputs; `ShareController` (share-controller.ts) holds
 * what changes over time and performs the shares.
 *
 * Privacy: every network is a plain `<a href>` built by `targets.ts`; nothing is fetched, prefetched
 * or framed before a reader clicks.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SubmitLink, Testimonial } from '../feed/types.js';
import type { GalleryStrings } from '../i18n/en.js';
import { format } from '../i18n/pick.js';
import { NETWORK_NAMES, type NetworkTarget, type ShareTarget } from './targets.js';
import { shareIcon } from './share-icons.js';

export type SharePlace = 'slide' | 'dialog';

/** Plain inputs of one share area. */
export interface ShareAreaInput {
  place: SharePlace;
  targets: readonly ShareTarget[];
  testimonial: Testimonial;
  url: string;
  /** A leading '#' is tolerated (the texts drop it). */
  hashtag: string;
  strings: GalleryStrings;
  /**
   * Whether a slide shows one "Share" button that opens the targets in a compact share sheet, rather
   * than the targets themselves (few of them, and they fit). Default false.
   */
  behindButton?: boolean;
  /** The targets of the slide's share sheet are rendered (it is open, or was the last one opened). */
  open?: boolean;
  /** The share sheet is about to open. */
  onSheet(): void;
  /** The copy button shows "Link copied". */
  copied?: boolean;
  /** Copying failed: show the link in a selected read-only field instead. */
  failed?: boolean;
  /** A link target's href: `shareHref`'s, cached by the controller. */
  href(target: ShareTarget): string | undefined;
  /** Text of the dialog's polite live region (slides announce through the element's own). */
  status: string;
  /** A control was activated; `event` is the click, to cancel a link's navigation. */
  onShare(target: ShareTarget, event: Event): void;
  onFallbackDone(): void;
}

/** The localized accessible name of a target's control: "Share on WhatsApp", "Copy link"… */
export function shareLabel(target: ShareTarget, strings: GalleryStrings): string {
  if (target === 'native') return strings.shareNative;
  if (target === 'email') return strings.shareEmail;
  if (target === 'copy') return strings.copyLink;
  return format(strings.shareOn, { network: NETWORK_NAMES[target] });
}

/** One target's link or button; `named` also shows its name beside the icon (in the share sheet). */
function renderControl(target: ShareTarget, input: ShareAreaInput, named = false): TemplateResult {
  const label = shareLabel(target, input.strings);
  const name = named ? html`<span>${NETWORK_NAMES[target as NetworkTarget] ?? label}</span>` : nothing;
  const part = `share-control share-${target}`;
  const onClick = (event: Event) => input.onShare(target, event);
  const href = input.href(target);
  if (href !== undefined) {
    // mailto: stays in the tab (a mail client opens); web links open a new tab and send no referrer.
    const web = target !== 'email';
    return html`<a
      class="share-control"
      part=${part}
      href=${href}
      target=${web ? '_blank' : nothing}
      rel=${web ? 'noopener noreferrer' : nothing}
      aria-label=${label}
      @click=${onClick}
      >${shareIcon(target)}${name}</a
    >`;
  }
  const copied = target === 'copy' && input.copied;
  const button = html`<button class="share-control" part=${part} type="button" aria-label=${label} @click=${onClick}>
    ${shareIcon(copied ? 'check' : target)}${name}
  </button>`;
  if (target !== 'copy') return button;
  // "Link copied" shows beside the button, not in it: the button keeps its name ("Copy link"), and
  // the live region says "Link copied" once.
  return html`<span class="share-copy">${button}${
    copied ? html`<span class="share-copied" aria-hidden="true">${input.strings.linkCopied}</span>` : nothing
  }</span>`;
}

function renderControls(input: ShareAreaInput): TemplateResult | typeof nothing {
  const { strings } = input;
  if (input.failed) {
    return html`<label class="share-fallback" part="share-fallback">
      <span>${strings.copyFailed}</span>
      <input readonly .value=${input.url} @blur=${input.onFallbackDone} />
    </label>`;
  }
  if (input.behindButton) {
    // A compact share sheet (a popover: the targets with their names, focus on the first; Escape or a
    // tap outside closes it and focus goes back to "Share"). It is a bottom sheet at every width: no
    // anchor to place, so it opens in view in every engine. Its targets render as it starts to open (so
    // the first takes focus once it shows), and stay until another slide's sheet opens.
    const sheet = `sheet-${input.testimonial.id}`;
    return html`<button
        class="link-button share-more"
        part="share-more"
        type="button"
        aria-expanded="false"
        aria-controls=${sheet}
        popovertarget=${sheet}
      >
        ${shareIcon('native')}${strings.share}
      </button><div
        class="sheet"
        part="share-sheet"
        id=${sheet}
        popover
        @beforetoggle=${(event: ToggleEvent) => (event.newState === 'open' ? input.onSheet() : giveBack(event))}
        @toggle=${toggled}
      >
        ${
          input.open
            ? html`<div class="share share-sheet" part="share" role="group" aria-label=${strings.share}>
                ${input.targets.map((target) => renderControl(target, input, true))}
              </div>`
            : nothing
        }
      </div>`;
  }
  return html`<div class=${`share share-${input.place}`} part="share" role="group" aria-label=${strings.share}>
    ${input.targets.map((target) => renderControl(target, input))}
  </div>`;
}

/**
 * A sheet that closes with focus inside gives it back to its "Share" button (Chromium leaves it on
 * <body> after Escape when the sheet is in a shadow root).
 */
function giveBack({ target }: ToggleEvent): void {
  const sheet = target as Element;
  if (sheet.matches(':focus-within'))
    (sheet.previousElementSibling as HTMLElement).focus({ preventScroll: true });
}

/** A sheet opened or closed: its button says so, and the first target of an open sheet takes focus. */
function toggled({ newState, target }: ToggleEvent): void {
  const sheet = target as Element;
  sheet.previousElementSibling!.setAttribute('aria-expanded', `${newState === 'open'}`);
  if (newState === 'open') sheet.querySelector<HTMLElement>('a,button')?.focus();
}

/**
 * The share controls of one testimonial, in the order of `targets`; nothing when there are none.
 * In the dialog it carries its own live region, since a modal dialog hides the rest of the gallery.
 */
export function renderShareArea(input: ShareAreaInput): TemplateResult | typeof nothing {
  if (input.targets.length === 0) return nothing;
  return html`${renderControls(input)}${input.place === 'dialog' ? renderStatus(input.status) : nothing}`;
}

export function renderStatus(text: string): TemplateResult {
  return html`<div class="visually-hidden" role="status">${text}</div>`;
}

/**
 * The feed's call to action; nothing without one or for a URL other than http(s) or mailto (the
 * parser already drops those; this keeps the guarantee where the link is written).
 */
export function renderSubmitLink(
  submit: SubmitLink | undefined,
  strings: GalleryStrings,
  hashtag: string,
): TemplateResult | typeof nothing {
  if (!submit || !/^(https?|mailto):/i.test(submit.url)) return nothing;
  const web = !/^mailto:/i.test(submit.url);
  return html`<a
    class="text-button submit"
    part="submit"
    href=${submit.url}
    target=${web ? '_blank' : nothing}
    rel=${web ? 'noopener noreferrer' : nothing}
    >${submit.label || format(strings.submit, { hashtag })}</a
  >`;
}
