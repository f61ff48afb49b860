/**
 * The share area of one testimonial (on its slide and in the full-testimonial dialog) and the feed's
 * call to action. Rendering is a plain function of its inputs (`renderShareArea`, `renderSubmitLink`);
 * `ShareController` holds what changes over time (copy feedback, the manual-copy fallback, whether
 * the targets fit on a slide) and performs the shares.
 *
 * Privacy: every network is a plain `<a href>` built by `targets.ts`; nothing is fetched, prefetched
 * or framed before a reader clicks.
 */
import { html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SubmitLink, Testimonial } from '../feed/types.js';
import type { GalleryStrings } from '../i18n/en.js';
import { format } from '../i18n/pick.js';
import { icons } from '../icons.js';
import { copyText } from './clipboard.js';
import { shareIcon } from './share-icons.js';
import {
  clean,
  httpUrl,
  NETWORK_NAMES,
  parseShareList,
  shareHref,
  shareText,
  testimonialUrl,
  type ShareTarget,
} from './targets.js';

export interface NwtShareDetail {
  target: ShareTarget;
  testimonial: Testimonial;
  /** The testimonial's own URL (`share-url` or the page, plus `#nwt-<id>`). */
  url: string;
}

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
      title=${label}
      @click=${onClick}
      >${shareIcon(target)}</a
    >`;
  }
  const copied = target === 'copy' && input.copied;
  const button = html`<button class="share-control" part=${part} type="button" aria-label=${label} title=${label} @click=${onClick}>
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
          title=${strings.shareClose}
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

function renderStatus(text: string): TemplateResult {
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

/** What the controller reads from its element at each render. */
export interface ShareContext {
  /** The `share` attribute. */
  share: string | null;
  /** The `share-url` attribute. */
  shareUrl: string | null;
  /** The `hashtag` attribute, else the feed's, else the default; a leading '#' is tolerated. */
  hashtag: string;
  /** Title for the native share sheet when a testimonial has no name. */
  title: string;
  strings: GalleryStrings;
}

/** Compact size of a slide's share control, and the gap between two, in em (as in the stylesheet). */
const COMPACT_EM = 2;
const GAP_EM = 0.25;
/**
 * Up to this many targets show on every slide as they are; more wait behind one "Share" button, so a
 * slide stays calm and a gallery renders (and lays out) a few nodes per slide instead of dozens.
 */
const INLINE_MAX = 3;
/** The actions row of the slides; the loading skeleton's has the same width, so it answers before the slides exist. */
const ROW = '.slide .slide-actions';
/** How long "Link copied" stays on the button. */
const COPIED_MS = 2000;

/**
 * Share state and actions for one gallery element. It decides whether a slide's row holds every
 * target (else the slide shows one "Share" button that opens the dialog), dispatches the cancelable
 * `nwt-share` event before each share, and shows and announces the copy feedback.
 */
export class ShareController implements ReactiveController {
  private readonly host: LitElement;
  private readonly context: () => ShareContext;
  /**
   * Whether a slide's row holds all its targets at the compact size: beside "Read more" when they show
   * inline, with the button that hides them when they were opened.
   */
  private fits = false;
  /** Id of the testimonial whose slide shows its targets after a click on "Share"; '' for none. */
  private open = '';
  /** `place id` of the copy button showing "Link copied", and of the area showing the fallback. */
  private copied = '';
  private failed = '';
  private status: [SharePlace, string] = ['slide', ''];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private parsed: { value: string | null; targets: ShareTarget[] } | undefined;
  /** The last `share-url` warned about. */
  private badShareUrl: unknown;
  /** Unknown names already warned about (lower case): once per element. */
  private readonly warned = new Set<string>();
  /**
   * Each testimonial's links, for one URL and hashtag: cutting a text to a network's limit segments
   * it many times (0.3 ms for a short quote, about 30 ms for one of 2,000 characters), too much to
   * repeat for every slide at every render.
   */
  private readonly links = new WeakMap<
    Testimonial,
    { key: string; hrefs: Map<ShareTarget, string | undefined> }
  >();

  constructor(host: LitElement, context: () => ShareContext) {
    this.host = host;
    this.context = context;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** The targets of the `share` attribute, in order; `native` only where the browser has a share sheet. */
  targets(): ShareTarget[] {
    const { share } = this.context();
    if (this.parsed?.value !== share) {
      const { targets, unknown } = parseShareList(share);
      for (const name of unknown) {
        if (this.warned.has(name.toLowerCase())) continue;
        this.warned.add(name.toLowerCase());
        console.warn(`<notwiththem-gallery>: unknown share target "${name}" ignored`);
      }
      this.parsed = { value: share, targets };
    }
    return this.parsed.targets.filter(
      (target) => target !== 'native' || typeof navigator.share === 'function',
    );
  }

  /** Whether the slide of this testimonial shows its targets, opened by "Share" (its "Read more" then waits). */
  isOpen(id: string): boolean {
    return this.open === id;
  }

  /**
   * The share area of one testimonial. On a slide, `onMore` opens the dialog when the targets do not fit.
   * `shown`: whether the slide is in view. Cutting a long quote to each network's limit costs
   * milliseconds, so only a slide in view gets its links; the others (inert: nobody can focus or click
   * them) point at the testimonial's URL until they come into view and render again.
   */
  render(
    testimonial: Testimonial,
    place: SharePlace,
    onMore?: (opener: HTMLElement) => void,
    shown = true,
  ): TemplateResult | typeof nothing {
    const context = this.context();
    const key = `${place} ${testimonial.id}`;
    // A testimonial's own share page previews it on every network; a page's URL would preview the page.
    const url =
      testimonial.sharePage ||
      testimonialUrl(this.shareUrl(context.shareUrl), testimonial.id, document.baseURI);
    const targets = this.targets();
    const input: ShareAreaInput = {
      place,
      targets,
      testimonial,
      url,
      hashtag: cleanHashtag(context.hashtag),
      strings: context.strings,
      mode:
        place === 'dialog' || (this.fits && targets.length <= INLINE_MAX)
          ? 'inline'
          : this.fits && this.open === testimonial.id
            ? 'open'
            : 'button',
      copied: this.copied === key,
      failed: this.failed === key,
      status: this.status[0] === place ? this.status[1] : '',
      href: (target) => (shown || target === 'native' || target === 'copy' ? this.href(target, input) : url),
      onShare: (target, event) => void this.share(target, input, key, event),
      onFallbackDone: () => this.set({ failed: '' }),
    };
    if (onMore) input.onMore = onMore;
    if (place === 'slide' && this.fits) {
      input.onOpen = () => void this.toggle(testimonial.id);
      input.onClose = () => void this.toggle('');
    }
    return renderShareArea(input);
  }

  /** `share-url` if it is an http(s) URL, else (after one warning per value) the page's URL. */
  private shareUrl(value: unknown): string {
    const url = value ? httpUrl(value, document.baseURI) : location.href;
    if (!url && this.badShareUrl !== value) {
      this.badShareUrl = value;
      console.warn(`<notwiththem-gallery>: share-url is not http(s): the page's URL is shared`);
    }
    return url ?? location.href;
  }

  /**
   * Shows the targets on one slide (`id`) or hides them (''), and moves focus as a disclosure does: to
   * the first target when they show, back to "Share" when they hide.
   */
  private async toggle(id: string): Promise<void> {
    const was = this.open;
    this.set({ open: id, failed: '' });
    await this.host.updateComplete;
    const root = this.host.renderRoot;
    const focus = id
      ? root.querySelector<HTMLElement>('.slide-actions .share [part~="share-control"]')
      : [...root.querySelectorAll<HTMLElement>('[part~="share-more"]')].find(
          (button) => button.dataset.share === was,
        );
    focus?.focus({ preventScroll: true });
  }

  /** The footer's call to action and the polite live region that announces copies made on slides. */
  renderFooter(submit: SubmitLink | undefined): TemplateResult {
    const { strings, hashtag } = this.context();
    return html`${renderSubmitLink(submit, strings, cleanHashtag(hashtag))}${renderStatus(
      this.status[0] === 'slide' ? this.status[1] : '',
    )}`;
  }

  private href(target: ShareTarget, input: ShareAreaInput): string | undefined {
    const key = `${input.url} ${input.hashtag}`;
    let entry = this.links.get(input.testimonial);
    if (entry?.key !== key) this.links.set(input.testimonial, (entry = { key, hrefs: new Map() }));
    if (!entry.hrefs.has(target)) entry.hrefs.set(target, shareHref(target, input));
    return entry.hrefs.get(target);
  }

  private set(state: {
    copied?: string;
    failed?: string;
    status?: [SharePlace, string];
    open?: string;
  }): void {
    Object.assign(this, state);
    this.host.requestUpdate();
  }

  /** Tells the page first (`nwt-share`, cancelable); if it lets us, shares. A link's click goes on by itself. */
  private async share(target: ShareTarget, input: ShareAreaInput, key: string, event: Event): Promise<void> {
    const { testimonial, url, place } = input;
    const detail: NwtShareDetail = { target, testimonial, url };
    const allowed = this.host.dispatchEvent(
      new CustomEvent<NwtShareDetail>('nwt-share', {
        detail,
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    if (!allowed) {
      event.preventDefault();
      return;
    }
    if (target === 'native') {
      try {
        await navigator.share({
          title: clean(testimonial.name || this.context().title),
          text: shareText(testimonial, input.hashtag),
          url,
          ...(await cardFiles(testimonial)),
        });
      } catch (error) {
        // The reader closing the sheet is not an error.
        if ((error as Error | null)?.name !== 'AbortError')
          console.warn('<notwiththem-gallery>: share failed', error);
      }
    } else if (target === 'copy') {
      await this.copy(url, place, key, input.strings);
    }
  }

  private async copy(url: string, place: SharePlace, key: string, strings: GalleryStrings): Promise<void> {
    clearTimeout(this.timer);
    if (!(await copyText(url))) {
      this.set({ copied: '', failed: key });
      await this.host.updateComplete;
      const field = this.host.renderRoot.querySelector<HTMLInputElement>('.share-fallback input');
      // Selected from the end back to the start, so the field shows the link's beginning; no
      // scrolling, which would move the carousel's track.
      field?.focus({ preventScroll: true });
      field?.setSelectionRange(0, field.value.length, 'backward');
      return;
    }
    // Empty the live region first, so that copying twice is announced twice.
    this.set({ copied: key, failed: '', status: [place, ''] });
    await this.host.updateComplete;
    this.set({ status: [place, strings.linkCopied] });
    this.timer = setTimeout(() => this.set({ copied: '', status: [place, ''] }), COPIED_MS);
  }

  /**
   * Whether every slide's targets fit at the compact size, beside the widest "Read more". It reads layout,
   * so the element calls it where it measures anyway: when the feed arrives (from the loading skeleton's
   * row, so the first render of the slides has the right Share buttons), when its width changes, and
   * after a render that changed the targets, the words or which slides have "Read more".
   */
  measure(): void {
    const root = this.host.renderRoot;
    const row = root.querySelector<HTMLElement>(ROW);
    if (!row) return;
    const em = parseFloat(getComputedStyle(row).fontSize) || 16;
    let reserve = 0;
    for (const more of root.querySelectorAll(`${ROW} [part~="read-more"]`)) {
      reserve = Math.max(reserve, more.getBoundingClientRect().width + em / 2);
    }
    // Opened targets take the whole row ("Read more" waits) and add the button that hides them.
    const count = this.targets().length;
    const shown = count <= INLINE_MAX ? count : count + 1;
    const fits =
      row.clientWidth - (count <= INLINE_MAX ? reserve : 0) >=
      (shown * COMPACT_EM + (shown - 1) * GAP_EM) * em;
    if (fits !== this.fits) {
      this.fits = fits;
      this.host.requestUpdate();
    }
  }
}

/**
 * The testimonial's card as a file, for a share sheet that takes files (phones: stories, status
 * updates); none elsewhere. Fetched only here, on the reader's click; a card that cannot be fetched
 * leaves the share as text and link.
 */
const cardFiles = ({ card, id }: Testimonial): Promise<{ files: File[] } | void> | void => {
  const files = (parts: BlobPart[]) => ({ files: [new File(parts, id + '.jpg', { type: 'image/jpeg' })] });
  if (card && navigator.canShare?.(files([])))
    return fetch(card, { credentials: 'omit', referrerPolicy: 'no-referrer' })
      .then((response) => response.blob())
      .then(
        (blob) => files([blob]),
        () => {},
      );
};

function cleanHashtag(hashtag: string): string {
  return hashtag.replace(/^#+/, '');
}
