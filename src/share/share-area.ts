/**
 * The share area of one testimonial (on its slide and in the full-testimonial dialog) and the feed's
 * call to action, as plain functions of their inputs; `ShareController` (share-controller.ts) holds
 * what changes over time and performs the shares.
 *
 * Privacy: every network is a plain `<a href>` built by `targets.ts`; nothing is fetched, prefetched
 * or framed before a reader clicks.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SubmitLink, Testimonial } from '../feed/types.js';
import type { GalleryStrings } from '../i18n/en.js';
import { format } from '../i18n/pick.js';
import { icons } from '../icons.js';
import { shareIcon } from './share-icons.js';
import { NETWORK_NAMES, shareHref, type ShareTarget } from './targets.js';

export type SharePlace = 'slide' | 'dialog';

/** Plain inputs of one share area. */
export interface ShareAreaInput {
  place: SharePlace;
  targets: readonly ShareTarget[];
  testimonial: Testimonial;
  url: string;
  /** Without '#'. */
  hashtag: string;
  strings: GalleryStrings;
  /**
   * How a slide shows its area: `inline`, the targets themselves (few of them, and they fit); `button`,
   * one "Share" button that opens them on the slide (`onOpen`) or, when they do not fit, in the dialog
   * (`onMore`); `open`, the targets and a button that hides them again (`onClose`). Default `inline`.
   */
  mode?: 'inline' | 'button' | 'open';
  /** The copy button shows "Link copied". */
  copied?: boolean;
  /** Copying failed: show the link in a selected read-only field instead. */
  failed?: boolean;
  /** A link target's href; default `shareHref` (the controller passes a cached one). */
  href?: (target: ShareTarget) => string | undefined;
  /** Text of the dialog's polite live region (slides announce through the element's own). */
  status?: string;
  /** A control was activated; `event` is the click, to cancel a link's navigation. */
  onShare(target: ShareTarget, event: Event): void;
  onMore?(opener: HTMLElement): void;
  onOpen?(): void;
  onClose?(): void;
  onFallbackDone?(): void;
}

/** The localized accessible name of a target's control: "Share on WhatsApp", "Copy link"… */
export function shareLabel(target: ShareTarget, strings: GalleryStrings): string {
  if (target === 'native') return strings.shareNative;
  if (target === 'email') return strings.shareEmail;
  if (target === 'copy') return strings.copyLink;
  return format(strings.shareOn, { network: NETWORK_NAMES[target] });
}

function renderControl(target: ShareTarget, input: ShareAreaInput): TemplateResult {
  const label = shareLabel(target, input.strings);
  const part = `share-control share-${target}`;
  const onClick = (event: Event) => input.onShare(target, event);
  const href = input.href ? input.href(target) : shareHref(target, input);
  if (href !== undefined) {
    // mailto: stays in the tab (a mail client opens); web links open a new tab and send no referrer.
    const web = target !== 'email';
    return html`<a
      class="share-control"
      part=${part}
      href=${href}
      target=${ifDefined(web ? '_blank' : undefined)}
      rel=${ifDefined(web ? 'noopener noreferrer' : undefined)}
      aria-label=${label}
      @click=${onClick}
      >${shareIcon(target)}</a
    >`;
  }
  const copied = target === 'copy' && input.copied;
  const button = html`<button class="share-control" part=${part} type="button" aria-label=${label} @click=${onClick}>
    ${shareIcon(copied ? 'check' : target)}
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
      <input readonly .value=${input.url} @blur=${() => input.onFallbackDone?.()} />
    </label>`;
  }
  const { onOpen, onMore, onClose } = input;
  if (input.mode === 'button' && (onOpen || onMore)) {
    // Opens the targets in place when they fit (a disclosure), else the dialog that lists them.
    return html`<button
      class="link-button share-more"
      part="share-more"
      type="button"
      data-share=${input.testimonial.id}
      aria-expanded=${ifDefined(onOpen ? 'false' : undefined)}
      aria-haspopup=${ifDefined(onOpen ? undefined : 'dialog')}
      @click=${(event: Event) => (onOpen ? onOpen() : onMore!(event.currentTarget as HTMLElement))}
    >
      ${shareIcon('native')}${strings.share}
    </button>`;
  }
  const open = input.mode === 'open' && onClose;
  const onKeydown = (event: KeyboardEvent) => open && event.key === 'Escape' && onClose();
  return html`<div class=${`share share-${input.place}`} part="share" role="group" aria-label=${strings.share} @keydown=${onKeydown}>
      ${input.place === 'dialog' ? html`<span class="share-title" aria-hidden="true">${strings.share}</span>` : nothing}
      ${input.targets.map((target) => renderControl(target, input))}
    </div>${
      open
        ? html`<button
          class="share-control share-close"
          part="share-close"
          type="button"
          aria-label=${strings.shareClose}
          @click=${onClose}
          @keydown=${onKeydown}
        >
          ${icons.close}
        </button>`
        : nothing
    }`;
}

/**
 * The share controls of one testimonial, in the order of `targets`; nothing when there are none.
 * In the dialog it carries its own live region, since a modal dialog hides the rest of the gallery.
 */
export function renderShareArea(input: ShareAreaInput): TemplateResult | typeof nothing {
  if (input.targets.length === 0) return nothing;
  return html`${renderControls(input)}${input.place === 'dialog' ? renderStatus(input.status ?? '') : nothing}`;
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
    class="submit"
    part="submit"
    href=${submit.url}
    target=${ifDefined(web ? '_blank' : undefined)}
    rel=${ifDefined(web ? 'noopener noreferrer' : undefined)}
    >${submit.label || format(strings.submit, { hashtag })}</a
  >`;
}
