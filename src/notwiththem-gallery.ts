import { LitElement, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { galleryStyles } from './notwiththem-gallery.styles.js';
import { shareAreaStyles } from './share/share-area.styles.js';
import { AutoplayController } from './carousel/autoplay-controller.js';
import { keyTarget, keyToMove } from './carousel/keys.js';
import { ResizeController } from './carousel/resize-controller.js';
import { ScrollSync } from './carousel/scroll-sync.js';
import * as measure from './carousel/measure.js';
import {
  clampIndex,
  indexOfTestimonial,
  nextIndex,
  pageStart,
  previousIndex,
  type Paging,
} from './carousel/paging.js';
import { WINDOW_THRESHOLD } from './carousel/rendered-range.js';
import { DeepLinkController } from './deep-link.js';
import { emit, warn } from './events.js';
import { fixPropertyTypes, warnObjectAttributes } from './properties.js';
import { FeedController, type LoaderOptions } from './feed/feed-controller.js';
import type { ParsedFeed, Testimonial } from './feed/types.js';
import { en, type GalleryStrings } from './i18n/en.js';
import { languageOf, resolveStrings } from './i18n/pick.js';
import { ShareController } from './share/share-controller.js';
import { renderReady, renderState, type FrameParts, type ReadyInput } from './templates/gallery.js';
import { focusStateControl, renderError, renderNoSource, renderStatusMessage } from './templates/states.js';
import { preloadPhoto } from './templates/testimonial.js';
import { focusAfterKey } from './templates/track.js';
import { defineOnce } from './define-once.js';
import { hydrates } from './hydration.js';
import { version } from './version.js';

/** A server's render, or one the browser may hydrate: false in the script-tag bundle. */
const SSR = isServer || hydrates;

export type { NwtErrorDetail, NwtLoadDetail, NwtSlideChangeDetail, NwtShareDetail } from './events.js';

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
 *   `src` (the `src` attribute is empty, not a URL, or neither `http(s):` nor `blob:`; nothing is requested, and the card
 *   says so without "Try again"), `network`, `timeout`, `http`, `parse`, `schema`, `too-large`.
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
 * @csspart title-more - The "Read more" button beside a title cut by its band.
 * @csspart title-all - The popover with the whole title.
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
 * @csspart download-card - The "Download card" link in the dialog, for a testimonial with a share card.
 * @csspart close - The dialog's Close button.
 * @csspart state - The message box of the loading, error, empty and no-source states.
 * @csspart message - The text of those states.
 * @csspart retry - The Retry button of the error state.
 * @csspart footer - The row below the controls.
 * @csspart share - The row of share controls of a testimonial (on its slide and in the dialog).
 * @csspart share-control - Every share link or button; each also has `share-<target>`
 *   (`share-native`, `share-facebook`, `share-x`, `share-whatsapp`, `share-telegram`, `share-bluesky`,
 *   `share-linkedin`, `share-email`, `share-copy`).
 * @csspart share-more - The "Share" button of a slide with more than three targets, or whose row has no
 *   room for them: it opens them in the share sheet.
 * @csspart share-sheet - The compact share sheet (a popover at the bottom of the window): the targets with their names.
 * @csspart share-fallback - The label and field showing the link to copy by hand when copying failed.
 * @csspart submit - The call to action in the footer ("Send us your pic…").
 *
 * @cssproperty [--nwt-accent=#b0112d] - Accent colour (buttons, links).
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
 * @cssproperty [--nwt-aspect-ratio=4 / 5] - Aspect ratio of the photo boxes.
 * @cssproperty [--nwt-caption-lines=4] - Lines of quote shown before "Read more".
 * @cssproperty [--nwt-slides-per-view] - Slides shown at once; by default 1, 2 or 3 by the element's width.
 * @cssproperty [--nwt-control-size=2.75rem] - Size of the round controls.
 */
export class NotWithThemGallery extends LitElement {
  // Public API --------------------------------------------------------------------------------------

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
    // A default is not reflected: the host keeps only the attributes its author wrote.
    theme: { reflect: true, useDefault: true },
    fit: { reflect: true, useDefault: true },
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
    defineOnce(this, tag, registry);
  }

  /**
   * Loading settings for every gallery of this class on the page (not attributes: they are a page's
   * policy, not a gallery's): `timeout` in ms per attempt (default 15000; 0 for none), `retries` after
   * the first attempt for network errors, 5xx and 429 (default 3), `retryDelay`, the base of the
   * exponential backoff in ms (default 500). Read when a load starts, e.g.
   * `NotWithThemGallery.loaderOptions = { timeout: 8000 }`. The fault tests shorten them.
   */
  static loaderOptions: LoaderOptions = {};

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
  /**
   * How photos fill their box: `cover` (default: filled, around the focal point; a photo it would crop by
   * more than a fifth, such as a landscape photo in the 4:5 box, shows whole over its colour) or `contain`.
   * Set `fit="cover"` to crop every photo.
   */
  declare fit: 'cover' | 'contain';
  /** Testimonials given directly (no fetch). Checked like a feed. */
  declare testimonials: unknown;
  /** Overrides for any visible or spoken label. */
  declare strings: Partial<GalleryStrings> | null;

  /** The testimonials on show (empty until the feed is ready). */
  get items(): readonly Testimonial[] {
    return this.feedController.items;
  }

  /** Index of the testimonial the reader is on. */
  get currentIndex(): number {
    return this.activeIndex;
  }

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
   */
  goTo(indexOrId: number | string): void {
    const index = indexOfTestimonial(this.items, indexOrId);
    if (index >= 0) this.moveToIndex(index);
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
    return this.feedController.reload();
  }

  // State -------------------------------------------------------------------------------------------

  /** The testimonial the reader is on; the page shown is the one that contains it. */
  declare private activeIndex: number;
  /** Slides shown at once, read from the CSS (container queries or --nwt-slides-per-view). */
  declare private perView: number;
  declare private failedImages: ReadonlySet<string>;
  /** Ids of the slides whose quote is cut by the line clamp: they get "Read more". */
  declare private clampedIds: ReadonlySet<string>;
  /** The testimonial open in the dialog, or -1. */
  declare private dialogIndex: number;
  /** The first slide under the scroll position, followed during swipes so large feeds render what is seen. */
  declare private scrollIndex: number;

  /** How many picker dots fit in the controls row (more slides show "3 / 120"); not a reactive state. */
  private maxDots = 10;
  /** The labels in the gallery's language, with the `strings` overrides. */
  private resolvedStrings: GalleryStrings = en;
  /**
   * Set when the track must jump (not glide) to the active slide after the next render: 1 after a resize,
   * 2 for a new feed's first slides (see `updated`).
   */
  declare private jumpPending?: number;
  /** Try again was pressed: focus follows to each new state's control or message (the button is gone). */
  declare private focusNewState?: boolean;
  /** The button that opened the dialog, to give focus back when it closes. */
  declare private dialogOpener?: HTMLElement | null;
  /**
   * This render must be the same as a server's (@lit-labs/ssr): the element's own `lang` only, no share
   * controls (the page's URL), no hash, motion setting or layout. On a server, and in the browser until
   * the first update that hydrates a server's render is done; then the browser's facts render. Read
   * behind `SSR`, so that the script-tag bundle (no hydration) drops it.
   */
  declare private serverView: boolean;

  private readonly feedController = new FeedController(
    this,
    () => (this.constructor as typeof NotWithThemGallery).loaderOptions,
    () => this.onFeedReady(),
    // A fetched feed's first testimonial, before the rest is checked: when the gallery opens on it (no
    // deep link, no `start` elsewhere), its photo leaves now (and answers onFeedReady's request for it).
    (first) => {
      if ((this.deepLinkController.id ?? this.start ?? first.id) === first.id) preloadPhoto(first.image);
    },
  );

  private readonly autoplayController = new AutoplayController(
    this,
    () => this.goTo(nextIndex(this.activeIndex, this.paging, true)),
    // Not finite (Infinity too): the default; the controller keeps it within 2 s and a timer's reach.
    () => (Number.isFinite(this.interval) ? this.interval : 7000),
  );

  private readonly scrollSync = new ScrollSync(
    this,
    () => this.paging,
    (index) => this.setActive(index),
  );

  private readonly deepLinkController = new DeepLinkController(this, (index) => this.goTo(index));

  private readonly shareController = new ShareController(this, () => ({
    share: this.share,
    shareUrl: this.shareUrl,
    hashtag: this.hashtag || this.feedController.feed?.hashtag || 'NotWithThem',
    title: this.titleText(this.feedController.feed),
    strings: this.resolvedStrings,
  }));

  constructor() {
    super();
    // Slides per view, the dots that fit and the clamped quotes change with the gallery's width.
    new ResizeController(this, () => this.measureLayout());
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
    this.strings = null;
    this.activeIndex = 0;
    this.perView = 1;
    this.failedImages = new Set();
    this.clampedIds = new Set();
    this.dialogIndex = -1;
    this.scrollIndex = 0;
  }

  private get paging(): Paging {
    // perView is at least 1: it starts so, and slidesPerView never reads less.
    return { count: this.items.length, perView: this.perView, loop: this.loop };
  }

  // Lifecycle ---------------------------------------------------------------------------------------

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // A server's render that is not hydrated here (no hydrate support, or the script-tag bundle): Lit
    // would render a second gallery after it, so it goes.
    if (!hydrates) this.shadowRoot?.replaceChildren();
    return super.createRenderRoot();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The server's render, hydrated (lit-element-hydrate-support) in this first update.
    if (SSR && !this.hasUpdated) {
      this.serverView = this.feedController.serverView =
        isServer || !!this.renderRoot.querySelector('.gallery');
    }
    for (const [name, value, ignored] of fixPropertyTypes(this, changed.keys())) {
      (this as Record<string, unknown>)[name] = value;
      if (ignored) warn(`${name} ignored: wrong type`);
    }
    if (!this.hasUpdated) warnObjectAttributes(this);
    if (changed.has('lang') || changed.has('strings') || !this.hasUpdated) {
      this.resolvedStrings = resolveStrings(
        SSR && this.serverView ? this.lang : languageOf(this),
        this.strings,
      );
    }
    // A server runs no controller's hostUpdate: the feed's source is read here.
    if (isServer) this.feedController.hostUpdate();
  }

  protected override firstUpdated(): void {
    requestAnimationFrame(() => this.requestUpdate());
  }

  protected override updated(changed: PropertyValues): void {
    if (SSR && this.serverView) {
      this.serverView = this.feedController.serverView = false;
      // The server's render is hydrated: now the page's language, share links, hash, motion and layout.
      queueMicrotask(() => {
        this.resolvedStrings = resolveStrings(languageOf(this), this.strings);
        if (this.feedController.feed) this.onFeedReady();
        this.feedController.figuresChanged();
        this.requestUpdate();
      });
    }
    if (this.focusNewState && !this.feedController.pending) {
      this.focusNewState = false;
      focusStateControl(this.renderRoot);
    }
    if (this.jumpPending && measure.trackOf(this.renderRoot)) {
      // A new feed's slides are measured in the frame that lays them out, before it paints: this task
      // only renders them (with their layout, forced here, it was one long task at 10,000 testimonials).
      // After a resize, a microtask later: the photos just rendered send their requests before the layout
      // this forces, and the frame under way paints the track where it belongs.
      (this.jumpPending > 1 ? requestAnimationFrame : queueMicrotask)(() => {
        this.measureLayout();
        this.scrollSync.scrollToActive('instant');
        this.loadMoreIfNear();
      });
      this.jumpPending = 0;
    } else if (this.items.length && (changed.has('scrollIndex') || changed.has('activeIndex'))) {
      // Slides that entered a large feed's window may need "Read more"; the end may be near. (Not before
      // the feed: the first update would force the page's first layout inside the bundle's own task. Not
      // with a jump to come: its measure does both.)
      this.measureClamps();
      this.loadMoreIfNear();
    }
    if (changed.has('dialogIndex') && this.dialogIndex >= 0) {
      this.renderRoot.querySelector<HTMLDialogElement>('dialog:not([open])')?.showModal();
    }
    // Whether the share targets fit beside "Read more" depends on both, and on the words. Only with slides:
    // before, there is nothing to fit (the feed's arrival measures the skeleton's row), and the first
    // update would lay out the page inside the upgrade's task.
    if (this.items.length && ['clampedIds', 'share', 'lang', 'strings'].some((name) => changed.has(name))) {
      this.shareController.measure();
    }
  }

  // Behaviour: a new feed ---------------------------------------------------------------------------

  /** A new feed: start where `start` or the page's `#nwt-<id>` says, and rotate if asked to. */
  private onFeedReady(): void {
    // Read from the laid-out skeleton (no extra layout), so the first ready render is the right one.
    if (!(SSR && this.serverView)) this.measureLayout();
    this.failedImages = new Set();
    // Only when not empty: a new set is a change, on which `updated` measures the share rows, laying out
    // the new slides inside the render's task (the measure in their first frame does it).
    if (this.clampedIds.size) this.clampedIds = new Set();
    this.dialogIndex = -1;
    const fromHash = SSR && this.serverView ? -1 : this.deepLinkController.linkedIndex;
    this.activeIndex =
      fromHash >= 0 ? fromHash : Math.max(0, indexOfTestimonial(this.items, this.start ?? -1));
    this.scrollIndex = this.activeIndex;
    this.jumpPending = 2;
    if (SSR && this.serverView) return;
    // The first photo in view starts loading now, before its slide is rendered and laid out.
    preloadPhoto(this.items[pageStart(this.activeIndex, this.paging)]?.image);
    if (fromHash >= 0) this.updateComplete.then(() => this.scrollIntoView({ block: 'nearest' }));
    // Rotation never starts by itself for readers who asked for less motion.
    if (this.autoplay && !measure.prefersReducedMotion() && !this.autoplayController.playing) {
      this.autoplayController.start();
    }
  }

  // Behaviour: layout -------------------------------------------------------------------------------

  /** Reads slides per view from the CSS and how many picker dots fit, after any size change. */
  private measureLayout(): void {
    // The slides' track, or the loading skeleton's (one of them at a time).
    const track = this.renderRoot.querySelector<HTMLElement>('.track');
    if (track) {
      const perView = measure.slidesPerView(track);
      if (perView !== this.perView) {
        this.perView = perView;
        this.jumpPending ||= 1;
      }
    }
    const row = this.renderRoot.querySelector<HTMLElement>('.controls');
    const maxDots = measure.dotsThatFit(row, this.getBoundingClientRect().width);
    if (this.showsDots() !== this.showsDots(maxDots)) this.requestUpdate();
    this.maxDots = maxDots;
    this.measureClamps();
    this.shareController.measure();
  }

  /** Whether the controls row shows one dot per testimonial (else the "3 / 120" counter). */
  private showsDots(maxDots = this.maxDots): boolean {
    return this.items.length <= Math.min(maxDots, WINDOW_THRESHOLD);
  }

  private measureClamps(): void {
    const clamped = measure.clampedQuotes(this.renderRoot);
    // Ids are slugs (no commas), both sets in the slides' order: equal lists, equal sets.
    if (String([...clamped]) !== String([...this.clampedIds])) this.clampedIds = clamped;
  }

  private loadMoreIfNear(): void {
    void this.feedController.loadNextPageIfNear(Math.max(this.activeIndex, this.scrollIndex), this.perView);
  }

  // Behaviour: moving -------------------------------------------------------------------------------

  /** Moves to a testimonial, scrolling the track there. */
  private moveToIndex(index: number): void {
    const from = pageStart(this.activeIndex, this.paging);
    this.setActive(index);
    // Past the slides rendered around the page in view there is only blank space to glide over: jump.
    const far =
      this.items.length > WINDOW_THRESHOLD &&
      Math.abs(pageStart(this.activeIndex, this.paging) - from) > this.perView;
    if (far) this.scrollIndex = this.activeIndex;
    void this.updateComplete.then(() => this.scrollSync.scrollToActive(far ? 'instant' : 'auto'));
  }

  /** A move never lifts a hold: a pointer resting on the gallery after a click still holds rotation. */
  private setActive(index: number): void {
    const target = clampIndex(index, this.items.length);
    if (target === this.activeIndex) return;
    this.activeIndex = target;
    const testimonial = this.items[target];
    if (testimonial && this.hasUpdated) emit(this, 'nwt-slide-change', { index: target, testimonial });
  }

  /** A scroll frame: the rest check starts again, and a large feed's window follows the position. */
  private handleScroll(): void {
    this.scrollSync.restSoon();
    const track = measure.trackOf(this.renderRoot);
    if (track && this.items.length > WINDOW_THRESHOLD) {
      const first = measure.firstSlideInView(track, this.items.length);
      if (first >= 0) this.scrollIndex = first;
    }
  }

  /**
   * Arrows, Home and End, on the picker as in a tab list (a page, the first or the last page, always
   * wrapping) and the same on a slide in view (the quick way through a large feed, which has no picker).
   * Focus follows: to the selected tab, or to the first slide in view (the one it was on is inert now).
   */
  private handleKeydown(event: KeyboardEvent, picker?: boolean): void {
    const move = keyToMove(event.key, measure.isRightToLeft(this));
    if (!move || event.altKey || event.ctrlKey || event.metaKey) {
      // Another key on a slide may scroll the track (Page Down, Space…). Tab, or any key on the picker,
      // only moves focus: a move under way keeps its target, or its slow frames would choose a slide.
      if (!picker && event.key !== 'Tab') this.scrollSync.readerScrolls();
      return;
    }
    event.preventDefault();
    this.goTo(keyTarget(move, this.activeIndex, this.paging));
    void this.updateComplete.then(() =>
      focusAfterKey(this.renderRoot, picker, pageStart(this.activeIndex, this.paging)),
    );
  }

  // Behaviour: the reader ---------------------------------------------------------------------------

  private readonly openDialog = (index: number, opener: HTMLElement): void => {
    this.autoplayController.stop();
    this.dialogOpener = opener;
    this.dialogIndex = index;
  };

  private handleDialogClose(): void {
    this.dialogIndex = -1;
    this.dialogOpener?.focus();
    this.dialogOpener = null;
  }

  // Rendering ---------------------------------------------------------------------------------------

  private titleText(feed?: ParsedFeed): string {
    return this.label || feed?.title || this.resolvedStrings.label;
  }

  override render(): TemplateResult {
    const t = this.resolvedStrings;
    const { feed, pending } = this.feedController;
    const frame: FrameParts = {
      title: this.titleText(feed),
      cutIds: this.clampedIds,
      busy: pending,
      strings: t,
      // Loading is announced by the footer's live region, outside the busy viewport; on the first render
      // the region comes empty and the text a frame later (firstUpdated), so screen readers speak it.
      footer: this.shareController.renderFooter(feed?.submit, this.hasUpdated && pending ? t.loading : ''),
      onFocusIn: this.autoplayController.focusIn,
    };
    // No source, or a failed load: no feed's title.
    const untitled = { ...frame, title: this.titleText() };
    return this.feedController.render({
      // Figures parsed after the element was upgraded (script in <head> without defer) become the feed.
      initial: () =>
        renderState(
          untitled,
          renderNoSource(t, () => this.feedController.figuresChanged()),
        ),
      // The page's poster is the first slide's photo: shown while the first feed loads, unless the
      // gallery opens on another testimonial (a server's view knows no hash).
      pending: () =>
        renderState(
          frame,
          renderStatusMessage(t.loading, false),
          !feed && !this.start && ((SSR && this.serverView) || this.deepLinkController.id === undefined),
        ),
      error: (error) =>
        renderState(
          untitled,
          renderError(error, t, () => {
            this.focusNewState = true;
            void this.reload();
          }),
        ),
      complete: ({ testimonials }) =>
        testimonials.length > 0
          ? renderReady(this.readyInput(frame))
          : renderState(frame, renderStatusMessage(t.empty)),
    });
  }

  /** The carousel's input: the element's state, and what the reader's actions call. */
  private readyInput(frame: FrameParts): ReadyInput {
    const { playing } = this.autoplayController;
    return {
      ...frame,
      items: this.items,
      paging: this.paging,
      active: this.activeIndex,
      scrolled: this.scrollIndex,
      tabbed: this.showsDots(),
      rotating: this.autoplayController.rotating,
      playing,
      rotationShown: this.autoplay || playing,
      failedIds: this.failedImages,
      openIndex: this.dialogIndex,
      shareArea: (testimonial, place, shown) =>
        SSR && this.serverView ? nothing : this.shareController.render(testimonial, place, shown),
      onScroll: this.handleScroll,
      onScrollEnd: this.scrollSync.syncFromScroll,
      onReaderScroll: this.scrollSync.readerScrolls,
      onKeydown: (event) => this.handleKeydown(event),
      onPickerKeydown: (event) => this.handleKeydown(event, true),
      onPrevious: () => this.previous(),
      onNext: () => this.next(),
      onPick: (index) => this.goTo(index),
      onToggleRotation: playing ? this.autoplayController.stop : this.autoplayController.start,
      onImageError: (id) => {
        this.failedImages = new Set([...this.failedImages, id]);
      },
      onReadMore: this.openDialog,
      onDialogClose: this.handleDialogClose,
    };
  }
}
