import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { ifDefined } from 'lit/directives/if-defined.js';
import { galleryStyles } from './notwiththem-gallery.styles.js';
import { AutoplayController } from './carousel/autoplay-controller.js';
import { keyToMove } from './carousel/keys.js';
import {
  clampIndex,
  isAtEnd,
  isAtStart,
  isInView,
  nextIndex,
  pageStart,
  previousIndex,
  type Paging,
} from './carousel/paging.js';
import { slideWindow, WINDOW_THRESHOLD } from './carousel/window.js';
import { repeat } from 'lit/directives/repeat.js';
import { loadFeed, type LoadOptions } from './feed/load.js';
import { parseFeed } from './feed/parse.js';
import { firstPageUrls, joinPage, nearEnd } from './feed/pages.js';
import { hasFigures, readFigures, watchFigures } from './feed/from-figures.js';
import { own, ownFields } from './feed/own.js';
import { FeedError, type FeedErrorCode, type ParsedFeed, type Testimonial } from './feed/types.js';
import { format, resolveStrings } from './i18n/pick.js';
import type { GalleryStrings } from './i18n/en.js';
import { icons } from './icons.js';
import { ShareController, type NwtShareDetail } from './share/share-area.js';
import { httpUrl } from './share/targets.js';
import { shareAreaStyles } from './share/share-area.styles.js';
import { fixPropertyTypes } from './properties.js';
import { version } from './version.js';

export interface NwtLoadDetail {
  count: number;
}
export interface NwtSlideChangeDetail {
  index: number;
  testimonial: Testimonial;
}
export interface NwtErrorDetail {
  code: FeedErrorCode;
  message: string;
  status?: number;
}

/** Marks a tag's class once the version warning was given (shared by every copy of the script). */
const warned = Symbol.for('notwiththem-gallery.version-warned');

/**
 * A photo box's placeholder colour (checked `#rrggbb`) as CSS text for a `.style` property binding: set
 * through the CSSOM, which a strict page's CSP (`style-src` without 'unsafe-inline') allows. `styleMap`
 * would set a `style` attribute on its first render, which such a page blocks.
 */
const placeholderStyle = (color: string | undefined): string =>
  color && /^#[\da-f]{6}$/.test(color) ? `background-color: ${color}` : '';

const errorStringKeys: Record<FeedErrorCode, keyof GalleryStrings> = {
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  http: 'errorHttp',
  parse: 'errorParse',
  schema: 'errorSchema',
  'too-large': 'errorTooLarge',
};

/**
 * A carousel of testimonials (a photo, the reason a person gives, and who they are) from a JSON feed.
 * Page-wide loading settings (timeout, retries, backoff) are the static `loaderOptions`.
 *
 * @summary Embeddable, accessible, private-by-default testimonial gallery.
 * @tag notwiththem-gallery
 *
 * @event nwt-load - The feed loaded and rendered. `detail: { count }`.
 * @event nwt-slide-change - The reader moved to another testimonial (not fired on first render).
 *   `detail: { index, testimonial }`.
 * @event nwt-error - The feed could not be used. `detail: { code, message, status? }`; `code` is one of
 *   `network`, `timeout`, `http`, `parse`, `schema`, `too-large`.
 * @event nwt-share - A reader chose a share target, dispatched before the share happens.
 *   `detail: { target, testimonial, url }`. Cancelable: `preventDefault()` stops the link from opening
 *   (or the share sheet or copy from happening), for a page that handles the share itself.
 *
 * @slot - Fallback content, shown when the gallery has no source.
 * @slot header - Content shown beside the title.
 * @slot footer - Content shown below the gallery.
 *
 * @csspart gallery - The wrapper of everything inside.
 * @csspart header - The row with the title.
 * @csspart title - The gallery's visible title.
 * @csspart viewport - The box around the slides.
 * @csspart track - The scrolling list of slides.
 * @csspart slide - One testimonial.
 * @csspart figure - The figure inside a slide.
 * @csspart photo - The fixed-size box of the photo.
 * @csspart image - The photo itself.
 * @csspart image-fallback - What shows when a photo fails to load.
 * @csspart caption - The caption: quote and who.
 * @csspart quote - The reason, clamped to `--nwt-caption-lines` lines.
 * @csspart who - Name, role, place and affiliation.
 * @csspart name - The name in `who` (on the slide and in the dialog).
 * @csspart controls - The row of carousel controls.
 * @csspart control - Every round control button.
 * @csspart previous - The previous button.
 * @csspart next - The next button.
 * @csspart position - The "3 / 120" position text, shown instead of the picker when dots do not fit.
 * @csspart picker - The slide picker (a tab list of dots).
 * @csspart picker-dot - One tab of the slide picker.
 * @csspart rotation - The Start / Stop automatic slide show button.
 * @csspart read-more - The "Read more" button of a slide.
 * @csspart dialog - The full-testimonial dialog.
 * @csspart dialog-photo - The large photo in the dialog.
 * @csspart dialog-quote - The whole quote in the dialog.
 * @csspart dialog-who - Name, role, place and affiliation in the dialog.
 * @csspart dialog-link - The link to more about the testimonial, in the dialog.
 * @csspart close - The dialog's Close button.
 * @csspart state - The message box of the loading, error, empty and no-source states.
 * @csspart message - The text of those states.
 * @csspart retry - The Retry button of the error state.
 * @csspart footer - The row below the controls.
 * @csspart share - The row of share controls of a testimonial (on its slide and in the dialog).
 * @csspart share-control - Every share link or button; each also has `share-<target>`
 *   (`share-native`, `share-facebook`, `share-x`, `share-whatsapp`, `share-telegram`, `share-bluesky`,
 *   `share-linkedin`, `share-email`, `share-copy`).
 * @csspart share-more - The "Share" button of a slide with more than three targets: it shows them in the
 *   slide's row (a disclosure) or, when the row has no room for them, opens the dialog.
 * @csspart share-close - The button beside a slide's shown targets that hides them again.
 * @csspart share-fallback - The label and field showing the link to copy by hand when copying failed.
 * @csspart submit - The call to action in the footer ("Send us your pic…").
 *
 * @cssproperty [--nwt-accent=#b3122e] - Accent colour (buttons, links).
 * @cssproperty [--nwt-on-accent=#ffffff] - Text on the accent colour.
 * @cssproperty [--nwt-background=#ffffff] - Background.
 * @cssproperty [--nwt-color=#1b1b1f] - Text colour.
 * @cssproperty [--nwt-muted-color=#4f5058] - Secondary text colour.
 * @cssproperty [--nwt-surface=#f2f2f4] - Placeholder and skeleton colour.
 * @cssproperty [--nwt-border-color=#85868f] - Control borders.
 * @cssproperty [--nwt-focus-color=#1a5fd0] - Focus ring colour.
 * @cssproperty [--nwt-radius=0.75rem] - Corner radius.
 * @cssproperty [--nwt-gap=1rem] - Space between slides.
 * @cssproperty [--nwt-padding=1rem] - Space around the gallery.
 * @cssproperty [--nwt-font-family=system-ui] - Font of the gallery.
 * @cssproperty [--nwt-quote-font-family=inherit] - Font of the quotes.
 * @cssproperty [--nwt-heading-font-family=inherit] - Font of the title.
 * @cssproperty [--nwt-font-size=1rem] - Base font size.
 * @cssproperty [--nwt-aspect-ratio=4 / 3] - Aspect ratio of the photo boxes.
 * @cssproperty [--nwt-caption-lines=4] - Lines of quote shown before "Read more".
 * @cssproperty [--nwt-slides-per-view] - Slides shown at once; by default 1, 2 or 3 by the element's width.
 * @cssproperty [--nwt-control-size=2.75rem] - Size of the round controls.
 */
export class NotWithThemGallery extends LitElement {
  static override styles = [galleryStyles, shareAreaStyles];

  static override properties = {
    src: { reflect: true },
    start: {},
    autoplay: { type: Boolean, reflect: true },
    interval: { type: Number },
    loop: { type: Boolean, reflect: true },
    share: {},
    shareUrl: { attribute: 'share-url' },
    hashtag: {},
    lang: { reflect: true },
    label: {},
    theme: { reflect: true },
    fit: { reflect: true },
    testimonials: { attribute: false },
    strings: { attribute: false },
    activeIndex: { state: true },
    perView: { state: true },
    failedImages: { state: true },
    clampedIds: { state: true },
    dialogIndex: { state: true },
    scrollIndex: { state: true },
  };

  /** The package version of this copy of the element (a page may load two copies). */
  static readonly version: string = version;

  /**
   * Registers the element under `tag` (default `notwiththem-gallery`). Safe to call twice.
   * @param tag - Another tag name, for hosts that need one.
   * @param registry - The registry to define in.
   */
  static define(tag = 'notwiththem-gallery', registry: CustomElementRegistry = customElements): void {
    const existing = registry.get(tag) as
      (CustomElementConstructor & { version?: string; [warned]?: true }) | undefined;
    if (existing) {
      // A second copy of the script is harmless; a different version under the same tag warns once.
      if (existing.version !== this.version && !existing[warned]) {
        existing[warned] = true;
        const other = existing.version ? `version ${existing.version}` : 'another element';
        console.warn(
          `<${tag}>: version ${this.version} is not registered: ${other} is already defined under this tag.`,
        );
      }
      return;
    }
    // A class can be registered only once per registry: another tag gets a subclass.
    const alreadyNamed = registry.getName?.(this);
    registry.define(tag, alreadyNamed ? class extends this {} : this);
  }

  /**
   * Loading settings for every gallery of this class on the page (not attributes: they are a page's
   * policy, not a gallery's): `timeout` in ms per attempt (default 15000; 0 for none), `retries` after
   * the first attempt for network errors, 5xx and 429 (default 3), `retryDelay`, the base of the
   * exponential backoff in ms (default 500). Read when a load starts, e.g.
   * `NotWithThemGallery.loaderOptions = { timeout: 8000 }`. The fault tests shorten them.
   */
  static loaderOptions: Readonly<Pick<LoadOptions, 'timeout' | 'retries' | 'retryDelay'>> = {};

  /** URL of the JSON feed. Relative URLs in the feed resolve against this URL. */
  declare src: string | null;
  /** The first testimonial shown: an index from 0, or an id. */
  declare start: string | null;
  /** Rotates the testimonials automatically (off by default; never under reduced motion). */
  declare autoplay: boolean;
  /** Milliseconds between automatic moves (default 7000, at least 2000). */
  declare interval: number;
  /** Next after the last testimonial goes back to the first. */
  declare loop: boolean;
  /** Share targets, space-separated, in order, or `none`. A slide shows three or fewer as they are; more wait behind its "Share" button. */
  declare share: string | null;
  /** The URL shares point at; default: the page's URL without its hash. */
  declare shareUrl: string | null;
  /** Hashtag for shares and the call to action, without '#'; default: the feed's, else NotWithThem. */
  declare hashtag: string | null;
  /** Language of the gallery's labels; default: the nearest ancestor's `lang`. */
  declare lang: string;
  /** Accessible name and visible title; default: the feed's title. */
  declare label: string | null;
  /** `light` (default), `dark`, or `auto` (follows the reader's system). */
  declare theme: 'light' | 'dark' | 'auto';
  /** How photos fill their box: `cover` (default) or `contain`. */
  declare fit: 'cover' | 'contain';
  /** Testimonials given directly (no fetch). Checked like a feed. */
  declare testimonials: unknown;
  /** Overrides for any visible or spoken label. */
  declare strings: Partial<GalleryStrings> | null;

  /** The testimonial the reader is on; the page shown is the one that contains it. */
  declare protected activeIndex: number;
  /** Slides shown at once, read from the CSS (container queries or --nwt-slides-per-view). */
  declare protected perView: number;
  /**
   * How many picker dots fit in the controls row; more slides than this show "3 / 120" instead. Measured,
   * read at render, and a reason to render only when it turns the dots into the counter or back.
   */
  private maxDots = 10;
  declare protected failedImages: ReadonlySet<string>;
  /** Ids of the slides whose quote is cut by the line clamp: they get "Read more". */
  declare protected clampedIds: ReadonlySet<string>;
  /** The testimonial open in the dialog, or -1. */
  declare protected dialogIndex: number;
  /** The first slide under the scroll position, followed during swipes so large feeds render what is seen. */
  declare protected scrollIndex: number;

  protected t: GalleryStrings = resolveStrings('en');

  /** Fetches and checks the feed; a new `src` aborts the previous run and only the latest may settle. */
  private readonly feedTask = new Task(this, {
    args: () => [this.src, this.testimonials] as const,
    task: async ([src, given], { signal }) => this.fetchFeed(src, given, signal),
  });

  private readonly autoplayController = new AutoplayController(
    this,
    () => this.goTo(nextIndex(this.activeIndex, this.paging, true), { fromRotation: true }),
    () => Math.max(2000, Number.isFinite(this.interval) ? this.interval : 7000),
  );

  /** Share controls, copy feedback and the call to action (src/share/share-area.ts). */
  private readonly sharing = new ShareController(this, () => ({
    share: this.share,
    shareUrl: this.shareUrl,
    hashtag: this.hashtag || this.feedTask.value?.hashtag || 'NotWithThem',
    title: this.titleText(this.feedTask.value),
    strings: this.t,
  }));

  private connection: AbortController | undefined;
  /** Every testimonial loaded: the feed's first page, then the pages its `next` links led to. */
  private list: readonly Testimonial[] = [];
  /** URL of the page after the last one loaded. */
  private nextPage: string | undefined;
  /** Page URLs already requested, so a feed whose pages link in a circle stops. */
  private fetchedPages = new Set<string>();
  private resizeObserver: ResizeObserver | undefined;
  private scrollRestTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set when the track must jump (not glide) to the active slide after the next render. */
  private jumpPending = false;
  /** A disconnect aborted the load in flight: the next connect starts it again. */
  private reloadOnConnect = false;
  /** The button that opened the dialog, to give focus back when it closes. */
  private dialogOpener: HTMLElement | null = null;

  constructor() {
    super();
    this.src = null;
    this.start = null;
    this.autoplay = false;
    this.interval = 7000;
    this.loop = false;
    this.share = null;
    this.shareUrl = null;
    this.hashtag = null;
    this.label = null;
    this.theme = 'light';
    this.fit = 'cover';
    this.testimonials = undefined;
    this.strings = null;
    this.activeIndex = 0;
    this.perView = 1;
    this.failedImages = new Set();
    this.clampedIds = new Set();
    this.dialogIndex = -1;
    this.scrollIndex = 0;
  }

  /** The testimonials on show (empty until the feed is ready). */
  get items(): readonly Testimonial[] {
    return this.list;
  }

  /** Index of the testimonial the reader is on. */
  get currentIndex(): number {
    return this.activeIndex;
  }

  private get paging(): Paging {
    return { count: this.items.length, perView: Math.max(1, this.perView), loop: this.loop };
  }

  private get reducedMotion(): boolean {
    return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  private get rtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.connection = new AbortController();
    window.addEventListener('hashchange', () => this.showHashTarget(true), {
      signal: this.connection.signal,
    });
    watchFigures(this, () => this.handleFallbackChange(), this.connection.signal);
    this.resizeObserver = new ResizeObserver(() => this.measure());
    this.resizeObserver.observe(this);
    if (this.reloadOnConnect) {
      this.reloadOnConnect = false;
      const { status } = this.feedTask;
      if (status === TaskStatus.PENDING || status === TaskStatus.ERROR) void this.feedTask.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.connection?.abort();
    this.connection = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    clearTimeout(this.scrollRestTimer);
    // A disconnect aborts the load in flight (its timers and its request go too); a move, disconnected
    // and connected again before the microtask, keeps it.
    if (this.feedTask.status === TaskStatus.PENDING) {
      queueMicrotask(() => {
        if (this.isConnected || this.feedTask.status !== TaskStatus.PENDING) return;
        this.reloadOnConnect = true;
        this.feedTask.abort();
      });
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    for (const [name, value, ignored] of fixPropertyTypes(this, changed.keys())) {
      (this as Record<string, unknown>)[name] = value;
      if (ignored) console.warn(`<notwiththem-gallery>: ${name} ignored: wrong type`);
    }
    if (changed.has('lang') || changed.has('strings') || !this.hasUpdated) {
      this.t = resolveStrings(this.effectiveLang(), this.strings);
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (this.jumpPending && this.track) {
      this.jumpPending = false;
      // One microtask later: the photos just rendered queued their own loads as microtasks, so the
      // first photo's request leaves before the layout this measure forces (about 10 ms on a page).
      queueMicrotask(() => {
        this.measure();
        this.scrollToActive('instant');
        void this.loadNextPageIfNear();
      });
    }
    if (changed.has('dialogIndex') && this.dialogIndex >= 0) {
      const dialog = this.renderRoot.querySelector('dialog');
      if (dialog && !dialog.open) dialog.showModal();
    }
    // Slides that entered a large feed's window may need "Read more"; the end may be near.
    if (changed.has('scrollIndex') || changed.has('activeIndex')) {
      this.measureClamps();
      void this.loadNextPageIfNear();
    }
    // Whether the share targets fit beside "Read more" depends on both, and on the words.
    if (['clampedIds', 'share', 'lang', 'strings'].some((name) => changed.has(name))) this.sharing.measure();
  }

  /** The element's `lang`, else the nearest ancestor's (inside a shadow tree too), else the document's. */
  private effectiveLang(): string {
    // The property first: set before the first update, it is not reflected to the attribute yet.
    if (this.lang) return this.lang;
    let node: Element | null = this;
    while (node) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
      node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
    }
    return document.documentElement.lang || 'en';
  }

  private async fetchFeed(src: string | null, given: unknown, signal: AbortSignal): Promise<ParsedFeed> {
    try {
      let feed: ParsedFeed;
      let fetched: string[] = [];
      if (given !== undefined && given !== null) {
        feed = parseFeed(given, { baseUrl: document.baseURI });
      } else if (src) {
        const options = (this.constructor as typeof NotWithThemGallery).loaderOptions;
        const loaded = await loadFeed(src, { ...options, signal });
        feed = parseFeed(loaded.data, { baseUrl: loaded.url });
        fetched = firstPageUrls(src, loaded.url, document.baseURI);
      } else if (hasFigures(this)) {
        // No src and no testimonials: the <figure> children written in the page are the feed.
        feed = parseFeed(readFigures(this), { baseUrl: document.baseURI });
      } else {
        return initialState as never;
      }
      if (signal.aborted) throw signal.reason;
      for (const warning of feed.warnings) {
        console.warn(`<notwiththem-gallery>: feed entry ${warning.index} left out: ${warning.reason}`);
      }
      this.onFeedReady(feed, fetched);
      this.emit<NwtLoadDetail>('nwt-load', { count: feed.testimonials.length });
      return feed;
    } catch (error) {
      if (signal.aborted) throw error;
      const feedError =
        error instanceof FeedError
          ? error
          : new FeedError('parse', error instanceof Error ? error.message : String(error));
      console.warn(`<notwiththem-gallery>: ${feedError.code}: ${feedError.message}`);
      const detail: NwtErrorDetail = { code: feedError.code, message: feedError.message };
      if (feedError.status !== undefined) detail.status = feedError.status;
      this.emit<NwtErrorDetail>('nwt-error', detail);
      throw feedError;
    }
  }

  /** A new feed: start where `start` or the page's `#nwt-<id>` says, and rotate if asked to. */
  private onFeedReady(feed: ParsedFeed, fetched: readonly string[] = []): void {
    // Slides per view and the dots that fit, read from the skeleton (laid out already, so this costs no
    // layout): the first ready render is then the right one, not one that a measure redoes at once.
    this.measure();
    this.list = feed.testimonials;
    this.nextPage = own(feed, 'next');
    this.fetchedPages = new Set(fetched);
    this.failedImages = new Set();
    this.clampedIds = new Set();
    this.dialogIndex = -1;
    const fromHash = this.indexFromHash(feed.testimonials);
    const fromStart = this.start !== null ? this.findIndex(this.start, feed.testimonials) : -1;
    this.activeIndex = fromHash >= 0 ? fromHash : Math.max(0, fromStart);
    this.scrollIndex = this.activeIndex;
    this.jumpPending = true;
    // The first photo in view starts loading now, while its slide is still to be rendered and laid out;
    // its <img> (same URL, same srcset and sizes) then takes it from the memory cache.
    const photo = this.list[pageStart(this.activeIndex, this.paging)]?.image;
    if (photo) {
      Object.assign(new Image(), {
        fetchPriority: 'high',
        referrerPolicy: 'no-referrer',
        sizes: photo.sizes ?? '',
        srcset: photo.srcset ?? '',
        src: photo.src,
      });
    }
    if (fromHash >= 0) this.updateComplete.then(() => this.scrollIntoView({ block: 'nearest' }));
    // Rotation never starts by itself for readers who asked for less motion.
    if (this.autoplay && !this.reducedMotion && !this.autoplayController.playing)
      this.autoplayController.start();
  }

  private findIndex(indexOrId: number | string, list: readonly Testimonial[] = this.items): number {
    if (typeof indexOrId === 'number')
      return Number.isInteger(indexOrId) && indexOrId >= 0 && indexOrId < list.length ? indexOrId : -1;
    const trimmed = indexOrId.trim();
    if (/^\d+$/.test(trimmed)) return this.findIndex(Number(trimmed), list);
    return list.findIndex((item) => item.id === trimmed);
  }

  private indexFromHash(list: readonly Testimonial[]): number {
    const hash = decodeURIComponent(location.hash.slice(1));
    return hash.startsWith('nwt-') ? list.findIndex((item) => item.id === hash.slice(4)) : -1;
  }

  private showHashTarget(scrollPage: boolean): void {
    const index = this.indexFromHash(this.items);
    if (index < 0) return;
    this.goTo(index);
    if (scrollPage)
      this.scrollIntoView({ block: 'nearest', behavior: this.reducedMotion ? 'auto' : 'smooth' });
  }

  private emit<T>(type: string, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(
      new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }),
    );
  }

  private get track(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.track[part~="track"]');
  }

  /** Reads slides per view from the CSS and how many picker dots fit, after any size change. */
  private measure(): void {
    const track = this.track ?? this.renderRoot.querySelector<HTMLElement>('.track');
    if (track) {
      const perView = Math.round(parseFloat(getComputedStyle(track).getPropertyValue('--_spv')) || 1);
      if (perView !== this.perView) {
        this.perView = Math.max(1, perView);
        this.jumpPending = true;
      }
    }
    // Each dot is a 24px target with 4px between; the row also holds the two arrow buttons (44px, less
    // in a narrow gallery with a large font) and its gaps: measured once the row has them.
    const row = this.renderRoot.querySelector<HTMLElement>('.controls');
    const arrow = row?.querySelector<HTMLElement>('.control.next')?.offsetWidth;
    const room =
      row && arrow
        ? row.clientWidth - 2 * (arrow + (parseFloat(getComputedStyle(row).columnGap) || 0)) + 4
        : this.getBoundingClientRect().width - 2 * 52 - 40;
    const maxDots = Math.max(0, Math.floor(room / 28));
    if (this.showsDots() !== this.showsDots(maxDots)) this.requestUpdate();
    this.maxDots = maxDots;
    this.measureClamps();
    this.sharing.measure();
  }

  /** Whether the controls row shows one dot per testimonial (else the "3 / 120" counter). */
  private showsDots(maxDots = this.maxDots): boolean {
    return this.items.length <= Math.min(maxDots, WINDOW_THRESHOLD);
  }

  /** Which quotes the line clamp cuts: those get a "Read more" button. */
  private measureClamps(): void {
    const clamped = new Set<string>();
    for (const quote of this.renderRoot.querySelectorAll<HTMLElement>('.slide .quote[data-id]')) {
      if (quote.scrollHeight > quote.clientHeight + 1) clamped.add(quote.dataset.id!);
    }
    const same = clamped.size === this.clampedIds.size && [...clamped].every((id) => this.clampedIds.has(id));
    if (!same) this.clampedIds = clamped;
  }

  private slideStep(track: HTMLElement): number {
    // The first rendered slide: the track may start with a spacer.
    const first = track.querySelector<HTMLElement>(':scope > .slide');
    if (!first) return 0;
    return first.getBoundingClientRect().width + (parseFloat(getComputedStyle(track).columnGap) || 0);
  }

  private scrollToActive(behavior: ScrollBehavior = 'auto'): void {
    const track = this.track;
    if (!track) return;
    const left = pageStart(this.activeIndex, this.paging) * this.slideStep(track) * (this.rtl ? -1 : 1);
    // 'auto' lets the stylesheet choose: smooth, or a jump under prefers-reduced-motion.
    track.scrollTo({ left, behavior: this.reducedMotion ? 'instant' : behavior });
  }

  /** After a swipe comes to rest, the first slide in view becomes the current one. */
  private handleScroll(): void {
    clearTimeout(this.scrollRestTimer);
    this.scrollRestTimer = setTimeout(() => this.syncFromScroll(), 150);
    // A large feed renders a window of slides: it follows the scroll position as it moves.
    const track = this.track;
    if (track && this.items.length > WINDOW_THRESHOLD) {
      const step = this.slideStep(track);
      if (step > 0)
        this.scrollIndex = clampIndex(Math.round(Math.abs(track.scrollLeft) / step), this.items.length);
    }
  }

  private syncFromScroll(): void {
    clearTimeout(this.scrollRestTimer);
    const track = this.track;
    if (!track) return;
    const step = this.slideStep(track);
    if (step <= 0) return;
    const first = clampIndex(Math.round(Math.abs(track.scrollLeft) / step), this.items.length);
    // Keep the current slide when it is still on the page in view (it may not be the page's first).
    if (pageStart(this.activeIndex, this.paging) !== pageStart(first, this.paging)) this.setActive(first);
  }

  private setActive(index: number, { fromRotation = false } = {}): void {
    const target = clampIndex(index, this.items.length);
    if (!fromRotation) this.autoplayController.hold('hover', false);
    if (target === this.activeIndex) return;
    this.activeIndex = target;
    const testimonial = this.items[target];
    if (testimonial && this.hasUpdated)
      this.emit<NwtSlideChangeDetail>('nwt-slide-change', { index: target, testimonial });
  }

  /**
   * Fetches the feed's `next` page once the reader nears the end of what is loaded. Its testimonials are
   * appended after the last slide, so nothing the reader sees moves. A page that fails ends the paging
   * (one warning), until the feed is loaded again.
   */
  private async loadNextPageIfNear(): Promise<void> {
    const url = this.nextPage;
    const position = Math.max(this.activeIndex, this.scrollIndex);
    if (!url || this.fetchedPages.has(url) || !nearEnd(position, this.list.length, this.perView)) return;
    this.fetchedPages.add(url);
    const signal = this.connection?.signal;
    const feedAtStart = this.feedTask.value;
    try {
      const loaded = await loadFeed(url, {
        ...(this.constructor as typeof NotWithThemGallery).loaderOptions,
        signal,
      });
      const page = parseFeed(loaded.data, { baseUrl: loaded.url });
      if (signal?.aborted || this.feedTask.value !== feedAtStart) return;
      for (const warning of page.warnings) {
        console.warn(`<notwiththem-gallery>: next page entry ${warning.index} left out: ${warning.reason}`);
      }
      this.list = [...this.list, ...joinPage(this.list, page.testimonials)];
      this.nextPage = own(page, 'next');
      this.requestUpdate();
    } catch (error) {
      if (signal?.aborted) return;
      this.nextPage = undefined;
      console.warn(
        `<notwiththem-gallery>: the next page of the feed could not be used: ${(error as Error).message}`,
      );
    }
  }

  /** Moves to a testimonial, scrolling the track there. */
  private moveTo(index: number, options: { fromRotation?: boolean } = {}): void {
    const from = pageStart(this.activeIndex, this.paging);
    this.setActive(index, options);
    // Past the slides rendered around the page in view there is only blank space to glide over: jump.
    const far =
      this.items.length > WINDOW_THRESHOLD &&
      Math.abs(pageStart(this.activeIndex, this.paging) - from) > this.perView;
    if (far) this.scrollIndex = this.activeIndex;
    void this.updateComplete.then(() => this.scrollToActive(far ? 'instant' : 'auto'));
  }

  private handleKeydown(event: KeyboardEvent, scope: 'track' | 'picker'): void {
    const move = keyToMove(event.key, this.rtl);
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const last = this.items.length - 1;
    let target: number;
    if (scope === 'picker') {
      // Tabs move one slide at a time and wrap, as in the pattern's tab list.
      const steps = { previous: this.activeIndex - 1, next: this.activeIndex + 1, first: 0, last };
      target = steps[move] < 0 ? last : steps[move] > last ? 0 : steps[move];
    } else {
      const pages = {
        previous: previousIndex(this.activeIndex, this.paging),
        next: nextIndex(this.activeIndex, this.paging),
        first: 0,
        last,
      };
      target = pages[move];
    }
    this.goTo(target);
    if (scope === 'picker') {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus(),
      );
    }
  }

  /** Keyboard focus entering the gallery stops rotation until the reader presses Start again. */
  private handleFocusIn(event: FocusEvent): void {
    const target = event.composedPath()[0] as Element | undefined;
    if (this.autoplayController.playing && target?.matches?.(':focus-visible'))
      this.autoplayController.stop();
  }

  /** Figures parsed after the element was upgraded (script in <head> without defer) become the feed. */
  private handleFallbackChange(): void {
    if (!this.src && this.testimonials == null && hasFigures(this)) void this.feedTask.run();
  }

  private handleImageError(id: string): void {
    this.failedImages = new Set([...this.failedImages, id]);
  }

  private openDialog(index: number, opener: HTMLElement): void {
    this.autoplayController.stop();
    this.dialogOpener = opener;
    this.dialogIndex = index;
  }

  private handleDialogClose(): void {
    this.dialogIndex = -1;
    this.dialogOpener?.focus();
    this.dialogOpener = null;
  }

  // Public methods ------------------------------------------------------------------------------

  /** Shows the next page of testimonials (wraps to the first with `loop`). */
  next(): void {
    this.goTo(nextIndex(this.activeIndex, this.paging));
  }

  /** Shows the previous page of testimonials (wraps to the last with `loop`). */
  previous(): void {
    this.goTo(previousIndex(this.activeIndex, this.paging));
  }

  /**
   * Shows one testimonial.
   * @param indexOrId - Its index from 0, or its id.
   * @param options - `{ fromRotation: true }` marks a move made by automatic rotation (internal; a host leaves it out).
   */
  goTo(indexOrId: number | string, options: { fromRotation?: boolean } = {}): void {
    const index = this.findIndex(indexOrId);
    if (index >= 0) this.moveTo(index, options);
  }

  /** Starts automatic rotation. */
  play(): void {
    this.autoplayController.start();
  }

  /** Stops automatic rotation. */
  pause(): void {
    this.autoplayController.stop();
  }

  /** Fetches the feed again (what the Retry button does). */
  reload(): Promise<void> {
    return this.feedTask.run();
  }

  // Rendering -----------------------------------------------------------------------------------

  private titleText(feed?: ParsedFeed): string {
    return this.label || feed?.title || this.t.label;
  }

  override render(): TemplateResult {
    return this.feedTask.render({
      initial: () => this.renderFrame(this.titleText(), this.renderSkeleton(this.renderNoSource())),
      pending: () =>
        this.renderFrame(this.titleText(this.feedTask.value), this.renderSkeleton(this.renderLoading())),
      error: (error) => this.renderFrame(this.titleText(), this.renderSkeleton(this.renderError(error))),
      complete: (feed) =>
        feed.testimonials.length === 0
          ? this.renderFrame(this.titleText(feed), this.renderSkeleton(this.renderEmpty()))
          : this.renderReady(feed),
    }) as TemplateResult;
  }

  /** Every state shares this frame: header, viewport, controls row and footer keep their sizes. */
  private renderFrame(
    title: string,
    viewport: TemplateResult,
    controls: TemplateResult | typeof nothing = nothing,
    rotation: TemplateResult | typeof nothing = nothing,
  ): TemplateResult {
    const busy = this.feedTask.status === TaskStatus.PENDING;
    return html`
      <section
        class="gallery"
        part="gallery"
        aria-roledescription=${this.t.carousel}
        aria-label=${title}
        aria-busy=${busy ? 'true' : 'false'}
        @focusin=${this.handleFocusIn}
      >
        <div class="header" part="header">
          ${rotation}
          <h2 class="title" part="title" dir="auto">${title}</h2>
          <slot name="header"></slot>
        </div>
        <div class="viewport" part="viewport">${viewport}</div>
        <div class="controls" part="controls">${controls}</div>
        <div class="footer" part="footer">${this.sharing.renderFooter(this.feedTask.value?.submit)}<slot name="footer"></slot></div>
      </section>
    `;
  }

  /** A still picture of the ready state, with the state's message laid over it. */
  private renderSkeleton(message: TemplateResult): TemplateResult {
    const placeholder = html`
      <div class="slide skeleton">
        <div class="figure">
          <div class="photo"></div>
          <div class="caption">
            <div class="quote"><div class="skeleton-line"></div><div class="skeleton-line short"></div></div>
            <div class="who"><div class="skeleton-line shorter"></div></div>
            <div class="slide-actions"></div>
          </div>
        </div>
      </div>
    `;
    return html`
      <div class="skeleton-track track" aria-hidden="true">${placeholder}${placeholder}${placeholder}</div>
      ${message}
    `;
  }

  private renderLoading(): TemplateResult {
    return html`<div class="state" part="state" role="status"><p class="message" part="message">${this.t.loading}</p></div>`;
  }

  private renderNoSource(): TemplateResult {
    return html`<div class="state" part="state"><slot @slotchange=${this.handleFallbackChange}><p class="message" part="message">${this.t.noSource}</p></slot></div>`;
  }

  private renderEmpty(): TemplateResult {
    return html`<div class="state" part="state" role="status"><p class="message" part="message">${this.t.empty}</p></div>`;
  }

  private renderError(error: unknown): TemplateResult {
    const code: FeedErrorCode = error instanceof FeedError ? error.code : 'network';
    const status = error instanceof FeedError && error.status !== undefined ? error.status : '';
    const message = format(this.t[errorStringKeys[code]], { status });
    return html`
      <div class="state" part="state" role="alert">
        <p class="message" part="message">${message}</p>
        <button class="text-button" part="retry" type="button" @click=${() => this.reload()}>${this.t.retry}</button>
      </div>
    `;
  }

  private renderReady(feed: ParsedFeed): TemplateResult {
    const rotation = this.autoplay || this.autoplayController.playing ? this.renderRotation() : nothing;
    return html`
      ${this.renderFrame(this.titleText(feed), this.renderSlides(feed), this.renderControls(), rotation)}
      ${this.renderDialog()}
    `;
  }

  private renderRotation(): TemplateResult {
    const playing = this.autoplayController.playing;
    return html`
      <button
        class="control rotation"
        part="control rotation"
        type="button"
        aria-label=${playing ? this.t.stopRotation : this.t.startRotation}
        @click=${() => (playing ? this.pause() : this.play())}
      >
        ${playing ? icons.pause : icons.play}
      </button>
    `;
  }

  /** The slides to render: all of a small feed; of a large one, those around the page in view and the scroll position. */
  private renderedRange(): { from: number; to: number } {
    const count = this.items.length;
    const perView = Math.max(1, this.perView);
    const active = slideWindow(pageStart(this.activeIndex, this.paging), perView, count);
    const scrolled = slideWindow(this.scrollIndex, perView, count);
    // During a long fling the two are far apart: render where the reader is looking.
    if (Math.abs(active.from - scrolled.from) > 5 * perView) return scrolled;
    return { from: Math.min(active.from, scrolled.from), to: Math.max(active.to, scrolled.to) };
  }

  private renderSlides(feed: ParsedFeed): TemplateResult {
    const items = this.items;
    const count = items.length;
    const { from, to } = this.renderedRange();
    const rotating = this.autoplayController.rotating;
    const spacer = (slots: number) =>
      slots > 0 ? html`<div class="spacer" aria-hidden="true" .style=${`--_slots:${slots}`}></div>` : nothing;
    return html`
      <div
        class="track"
        part="track"
        id="track"
        tabindex="0"
        aria-label=${this.titleText(feed)}
        aria-live=${rotating ? 'off' : 'polite'}
        @scroll=${this.handleScroll}
        @scrollend=${this.syncFromScroll}
        @keydown=${(event: KeyboardEvent) => event.target === event.currentTarget && this.handleKeydown(event, 'track')}
      >
        ${spacer(from)}
        ${repeat(
          items.slice(from, to),
          (testimonial) => testimonial.id,
          (testimonial, offset) => this.renderSlide(testimonial, from + offset, count),
        )}
        ${spacer(count - to)}
      </div>
    `;
  }

  private renderPhoto(testimonial: Testimonial, eager: boolean, sizes?: string): TemplateResult {
    const image = ownFields(testimonial.image);
    if (this.failedImages.has(testimonial.id)) {
      return html`<div class="photo-fallback" part="image-fallback" role="img" aria-label=${image.alt}>
        ${icons.brokenImage}<span class="alt" aria-hidden="true">${this.t.imageError}</span>
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
      @error=${() => this.handleImageError(testimonial.id)}
    />`;
  }

  private renderWho(testimonial: Testimonial): TemplateResult {
    const where = [testimonial.role, testimonial.place].filter(Boolean).join(' · ');
    return html`
      ${testimonial.name ? html`<span class="name" part="name" dir="auto">${testimonial.name}</span>` : nothing}
      ${where ? html`<span dir="auto">${where}</span>` : nothing}
      ${testimonial.affiliation ? html`<span dir="auto">${testimonial.affiliation}</span>` : nothing}
    `;
  }

  private renderSlide(testimonial: Testimonial, index: number, count: number): TemplateResult {
    const inView = isInView(index, this.activeIndex, this.paging);
    const firstInView = index === pageStart(this.activeIndex, this.paging);
    return html`
      <div
        class="slide"
        part="slide"
        id=${`slide-${index}`}
        role="group"
        aria-roledescription=${this.t.slide}
        aria-label=${format(this.t.slideLabel, { index: index + 1, count })}
        ?inert=${!inView}
      >
        <figure part="figure">
          <div class="photo" part="photo" .style=${placeholderStyle(testimonial.image.color)}>
            ${this.renderPhoto(testimonial, firstInView)}
          </div>
          <figcaption part="caption">
            <blockquote class="quote" part="quote" dir="auto" data-id=${testimonial.id} lang=${ifDefined(testimonial.lang)}>${testimonial.quote}</blockquote>
            <p class="who" part="who">${this.renderWho(testimonial)}</p>
            <div class="slide-actions">
              ${
                this.clampedIds.has(testimonial.id) && !this.sharing.isOpen(testimonial.id)
                  ? html`<button
                    class="link-button"
                    part="read-more"
                    type="button"
                    aria-haspopup="dialog"
                    @click=${(event: Event) => this.openDialog(index, event.currentTarget as HTMLElement)}
                  >
                    ${this.t.readMore}
                  </button>`
                  : nothing
              }
              ${this.sharing.render(testimonial, 'slide', (opener) => this.openDialog(index, opener), inView)}
            </div>
          </figcaption>
        </figure>
      </div>
    `;
  }

  private renderControls(): TemplateResult {
    const count = this.items.length;
    const paging = this.paging;
    const atStart = isAtStart(this.activeIndex, paging);
    const atEnd = isAtEnd(this.activeIndex, paging);
    return html`
      <button
        class="control previous"
        part="control previous"
        type="button"
        aria-controls="track"
        aria-label=${this.t.previous}
        aria-disabled=${atStart ? 'true' : 'false'}
        @click=${() => (atStart ? undefined : this.previous())}
      >
        ${icons.previous}
      </button>
      ${this.showsDots() ? this.renderPicker(count) : this.renderCounter(count)}
      <button
        class="control next"
        part="control next"
        type="button"
        aria-controls="track"
        aria-label=${this.t.next}
        aria-disabled=${atEnd ? 'true' : 'false'}
        @click=${() => (atEnd ? undefined : this.next())}
      >
        ${icons.next}
      </button>
    `;
  }

  /** The slide picker: a tab list with roving tabindex, as in the pattern's tabbed carousel. */
  private renderPicker(count: number): TemplateResult {
    return html`
      <div
        class="picker"
        part="picker"
        role="tablist"
        aria-label=${this.t.picker}
        @keydown=${(event: KeyboardEvent) => this.handleKeydown(event, 'picker')}
      >
        ${Array.from({ length: count }, (_, index) => {
          const selected = index === this.activeIndex;
          return html`<button
            class="dot"
            part="picker-dot"
            type="button"
            role="tab"
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls=${`slide-${index}`}
            aria-label=${format(this.t.pickerItem, { index: index + 1 })}
            tabindex=${selected ? 0 : -1}
            @click=${() => this.goTo(index)}
          ></button>`;
        })}
      </div>
    `;
  }

  private renderCounter(count: number): TemplateResult {
    return html`<span class="position" part="position">${format(this.t.counter, { index: this.activeIndex + 1, count })}</span>`;
  }

  /** The whole testimonial: large photo, full quote and who, in a native modal dialog. */
  private renderDialog(): TemplateResult {
    const testimonial = this.dialogIndex >= 0 ? this.items[this.dialogIndex] : undefined;
    return html`
      <dialog class="dialog" part="dialog" aria-labelledby="dialog-title" @close=${this.handleDialogClose}>
        ${
          testimonial
            ? html`
              <div class="dialog-body">
                <div class="dialog-photo photo" part="dialog-photo" .style=${placeholderStyle(testimonial.image.color)}>
                  ${this.renderPhoto(testimonial, true, '(min-width: 50rem) 48rem, 100vw')}
                </div>
                <div class="dialog-text">
                  <h3 class="visually-hidden" id="dialog-title">${
                    testimonial.name ||
                    format(this.t.slideLabel, {
                      index: this.dialogIndex + 1,
                      count: this.items.length,
                    })
                  }</h3>
                  <blockquote class="dialog-quote" part="dialog-quote" dir="auto" lang=${ifDefined(testimonial.lang)}>${testimonial.quote}</blockquote>
                  <p class="dialog-who" part="dialog-who">${this.renderWho(testimonial)}</p>
                  ${
                    httpUrl(own(testimonial, 'url'))
                      ? html`<p><a part="dialog-link" href=${httpUrl(own(testimonial, 'url'))} target="_blank" rel="noopener noreferrer">${testimonial.url}</a></p>`
                      : nothing
                  }
                  ${this.sharing.render(testimonial, 'dialog')}
                </div>
              </div>
              <form method="dialog" class="dialog-close">
                <button class="control" part="control close" type="submit" aria-label=${this.t.close} autofocus>${icons.close}</button>
              </form>
            `
            : nothing
        }
      </dialog>
    `;
  }
}

declare global {
  interface HTMLElementEventMap {
    'nwt-load': CustomEvent<NwtLoadDetail>;
    'nwt-error': CustomEvent<NwtErrorDetail>;
    'nwt-slide-change': CustomEvent<NwtSlideChangeDetail>;
    'nwt-share': CustomEvent<NwtShareDetail>;
  }
}
