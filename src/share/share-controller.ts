/**
 * Share state and actions for one gallery element: copy feedback, the manual-copy fallback, whether the
 * targets fit on a slide, and the cancelable `nwt-share` event before each share. It renders through
 * the plain templates of share-area.ts.
 */
import { html, type LitElement, type nothing, type ReactiveController, type TemplateResult } from 'lit';
import { emit, warn } from '../events.js';
import type { SubmitLink, Testimonial } from '../feed/types.js';
import type { GalleryStrings } from '../i18n/en.js';
import { copyText } from './clipboard.js';
import {
  renderShareArea,
  renderStatus,
  renderSubmitLink,
  type ShareAreaInput,
  type SharePlace,
} from './share-area.js';
import {
  clean,
  httpUrl,
  parseShareList,
  shareHref,
  shareText,
  testimonialUrl,
  type ShareTarget,
} from './targets.js';

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
 * It decides whether a slide's row holds every target (else the slide shows one "Share" button that
 * opens the share sheet), dispatches `nwt-share`, and shows and announces the copy feedback.
 */
export class ShareController implements ReactiveController {
  private readonly galleryHost: LitElement;
  private readonly readContext: () => ShareContext;
  /** Whether a slide's row holds all its targets (three or fewer) at the compact size, beside "Read more". */
  private rowFits = false;
  /** Id of the testimonial whose share sheet was opened last (only its targets are rendered). */
  private sheetId = '';
  /** `place id` of the copy button showing "Link copied", and of the area showing the fallback. */
  private copiedKey = '';
  private failedKey = '';
  private liveStatus: Partial<Record<SharePlace, string>> = {};
  private copiedTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last `share` value read, and its targets. */
  private parsedShare: [string | null, ShareTarget[]] | undefined;
  /** The last `share-url` warned about. */
  private badShareUrl: unknown;
  /** Unknown names already warned about (lower case): once per element. */
  private readonly warned = new Set<string>();
  /**
   * Each testimonial's links, for one URL and hashtag: cutting a text to a network's limit segments
   * it many times (longer the longer the quote), too much to repeat for every slide at every render.
   */
  private readonly linkCache = new WeakMap<Testimonial, Record<string, string | undefined>>();

  constructor(host: LitElement, context: () => ShareContext) {
    this.galleryHost = host;
    this.readContext = context;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.copiedTimer);
  }

  /** The targets of the `share` attribute, in order; `native` only where the browser has a share sheet. */
  targets(): ShareTarget[] {
    const { share } = this.readContext();
    if (this.parsedShare?.[0] !== share) {
      const { targets, unknown } = parseShareList(share);
      for (const name of unknown) {
        if (this.warned.has(name.toLowerCase())) continue;
        this.warned.add(name.toLowerCase());
        warn(`unknown share target "${name}" ignored`);
      }
      this.parsedShare = [share, targets];
    }
    return this.parsedShare[1].filter(
      (target) => target !== 'native' || typeof navigator.share === 'function',
    );
  }

  /**
   * The share area of one testimonial.
   * `shown`: whether the slide is in view. Cutting a long quote to each network's limit costs
   * milliseconds, so only a slide in view gets its links; the others (inert: nobody can focus or click
   * them) point at the testimonial's URL until they come into view and render again.
   */
  render(testimonial: Testimonial, place: SharePlace, shown = true): TemplateResult | typeof nothing {
    const context = this.readContext();
    const key = `${place} ${testimonial.id}`;
    // A testimonial's own share page previews it on every network; a page's URL would preview the page.
    const url = testimonial.sharePage || testimonialUrl(this.shareUrl(context.shareUrl), testimonial.id);
    const targets = this.targets();
    const input: ShareAreaInput = {
      place,
      targets,
      testimonial,
      url,
      hashtag: context.hashtag,
      strings: context.strings,
      behindButton: place !== 'dialog' && !this.rowFits,
      open: this.sheetId === testimonial.id,
      onSheet: () => {
        this.sheetId = testimonial.id;
        this.galleryHost.requestUpdate();
      },
      copied: this.copiedKey === key,
      failed: this.failedKey === key,
      status: this.liveStatus[place] ?? '',
      href: (target) =>
        shown || target === 'native' || target === 'copy' ? this.cachedHref(target, input) : url,
      onShare: (target, event) => void this.shareTo(target, input, key, event),
      onFallbackDone: () => {
        this.failedKey = '';
        this.galleryHost.requestUpdate();
      },
    };
    return renderShareArea(input);
  }

  /** The footer's call to action and the polite live region that announces copies made on slides (or `news`). */
  renderFooter(submit: SubmitLink | undefined, news = ''): TemplateResult {
    const { strings, hashtag } = this.readContext();
    return html`${renderSubmitLink(submit, strings, hashtag.replace(/^#+/, ''))}${renderStatus(
      news || this.liveStatus.slide || '',
    )}`;
  }

  private cachedHref(target: ShareTarget, input: ShareAreaInput): string | undefined {
    // Keyed by the URL and hashtag they were made for, under '' (no target's name).
    const key = `${input.url} ${input.hashtag}`;
    let hrefs = this.linkCache.get(input.testimonial);
    if (hrefs?.[''] !== key) this.linkCache.set(input.testimonial, (hrefs = { '': key }));
    return target in hrefs ? hrefs[target] : (hrefs[target] = shareHref(target, input));
  }

  /** `share-url` if it is an http(s) URL, else (after one warning per value) the page's URL. */
  private shareUrl(value: unknown): string {
    const url = value ? httpUrl(value, document.baseURI) : location.href;
    if (!url && this.badShareUrl !== value) {
      this.badShareUrl = value;
      warn(`share-url is not http(s): the page's URL is shared`);
    }
    return url ?? location.href;
  }

  /** Tells the page first (`nwt-share`, cancelable); if it lets us, shares. A link's click goes on by itself. */
  private async shareTo(
    target: ShareTarget,
    input: ShareAreaInput,
    key: string,
    event: Event,
  ): Promise<void> {
    const { testimonial, url, place } = input;
    const allowed = emit(this.galleryHost, 'nwt-share', { target, testimonial, url }, true);
    if (!allowed) {
      event.preventDefault();
      return;
    }
    if (target === 'native') {
      try {
        await navigator.share({
          title: clean(testimonial.name || this.readContext().title),
          text: shareText(testimonial, input.hashtag),
          url,
          ...(await cardFiles(testimonial)),
        });
      } catch (error) {
        // The reader closing the sheet is not an error.
        if ((error as Error | null)?.name !== 'AbortError') warn('share failed', error);
      }
    } else if (target === 'copy') {
      await this.copyUrl(url, place, key, input.strings);
    }
  }

  private async copyUrl(url: string, place: SharePlace, key: string, strings: GalleryStrings): Promise<void> {
    clearTimeout(this.copiedTimer);
    if (!(await copyText(url))) {
      this.copiedKey = '';
      this.failedKey = key;
      this.galleryHost.requestUpdate();
      await this.galleryHost.updateComplete;
      const field = this.galleryHost.renderRoot.querySelector<HTMLInputElement>('.share-fallback input');
      // Selected from the end back to the start, so the field shows the link's beginning; no
      // scrolling, which would move the carousel's track.
      field?.focus({ preventScroll: true });
      field?.setSelectionRange(0, url.length, 'backward');
      return;
    }
    // Empty the live region first, so that copying twice is announced twice.
    this.copiedKey = key;
    this.failedKey = '';
    this.liveStatus = { [place]: '' };
    this.galleryHost.requestUpdate();
    await this.galleryHost.updateComplete;
    this.liveStatus = { [place]: strings.linkCopied };
    this.galleryHost.requestUpdate();
    this.copiedTimer = setTimeout(() => {
      this.copiedKey = '';
      this.liveStatus = { [place]: '' };
      this.galleryHost.requestUpdate();
    }, COPIED_MS);
  }

  /**
   * Whether every slide's targets fit at the compact size, beside the widest "Read more". It reads layout,
   * so the element calls it where it measures anyway: when the feed arrives (from the loading skeleton's
   * row, so the first render of the slides has the right Share buttons), when its width changes, and
   * after a render that changed the targets, the words or which slides have "Read more".
   */
  measure(): void {
    const root = this.galleryHost.renderRoot;
    const row = root.querySelector<HTMLElement>(ROW);
    if (!row) return;
    const em = parseFloat(getComputedStyle(row).fontSize) || 16;
    let reserve = 0;
    for (const more of root.querySelectorAll(`${ROW} [part~="read-more"]`)) {
      reserve = Math.max(reserve, more.getBoundingClientRect().width + em / 2);
    }
    // More than three targets always wait behind "Share".
    const count = this.targets().length;
    const fits =
      count <= INLINE_MAX && row.clientWidth - reserve >= (count * (COMPACT_EM + GAP_EM) - GAP_EM) * em;
    if (fits !== this.rowFits) {
      this.rowFits = fits;
      this.galleryHost.requestUpdate();
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
