import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { styleMap } from 'lit/directives/style-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { galleryStyles } from './notwiththem-gallery.styles.js';
import { loadFeed } from './feed/load.js';
import { parseFeed } from './feed/parse.js';
import { FeedError, type FeedErrorCode, type ParsedFeed, type Testimonial } from './feed/types.js';
import { format, resolveStrings } from './i18n/pick.js';
import type { GalleryStrings } from './i18n/en.js';
import { icons } from './icons.js';

export interface NwtLoadDetail {
  count: number;
}
export interface NwtErrorDetail {
  code: FeedErrorCode;
  message: string;
  status?: number;
}

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
 *
 * @summary Embeddable, accessible, private-by-default testimonial gallery.
 * @tag notwiththem-gallery
 *
 * @event nwt-load - The feed loaded and rendered. `detail: { count }`.
 * @event nwt-error - The feed could not be used. `detail: { code, message, status? }`; `code` is one of
 *   `network`, `timeout`, `http`, `parse`, `schema`, `too-large`.
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
 * @csspart controls - The row of carousel controls.
 * @csspart control - Every round control button.
 * @csspart previous - The previous button.
 * @csspart next - The next button.
 * @csspart position - The "3 / 6" position text.
 * @csspart state - The message box of the loading, error, empty and no-source states.
 * @csspart retry - The Retry button of the error state.
 * @csspart footer - The row below the controls.
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
  static override styles = galleryStyles;

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
    failedImages: { state: true },
  };

  /**
   * Registers the element under `tag` (default `notwiththem-gallery`). Safe to call twice.
   * @param tag - Another tag name, for hosts that need one.
   * @param registry - The registry to define in.
   */
  static define(tag = 'notwiththem-gallery', registry: CustomElementRegistry = customElements): void {
    if (registry.get(tag)) return;
    // A class can be registered only once per registry: another tag gets a subclass.
    const alreadyNamed = registry.getName?.(this);
    registry.define(tag, alreadyNamed ? class extends this {} : this);
  }

  /** URL of the JSON feed. Relative URLs in the feed resolve against this URL. */
  declare src: string | null;
  /** The first testimonial shown: an index from 0, or an id. */
  declare start: string | null;
  /** Rotates the testimonials automatically (off by default). */
  declare autoplay: boolean;
  /** Milliseconds between automatic moves (at least 2000). */
  declare interval: number;
  /** Next after the last testimonial goes back to the first. */
  declare loop: boolean;
  /** Share targets, space-separated, in order, or `none`. */
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

  declare protected activeIndex: number;
  declare protected failedImages: ReadonlySet<string>;

  protected t: GalleryStrings = resolveStrings('en');

  /** Fetches and checks the feed; a new `src` aborts the previous run and only the latest may settle. */
  private readonly feedTask = new Task(this, {
    args: () => [this.src, this.testimonials] as const,
    task: async ([src, given], { signal }) => this.fetchFeed(src, given, signal),
  });

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
    this.failedImages = new Set();
  }

  /** The testimonials on show (empty until the feed is ready). */
  get items(): readonly Testimonial[] {
    return this.feedTask.value?.testimonials ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') || changed.has('strings') || !this.hasUpdated) {
      this.t = resolveStrings(this.effectiveLang(), this.strings);
    }
  }

  /** The element's `lang`, else the nearest ancestor's (inside a shadow tree too), else the document's. */
  private effectiveLang(): string {
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
      if (given !== undefined && given !== null) {
        feed = parseFeed(given, { baseUrl: document.baseURI });
      } else if (src) {
        const loaded = await loadFeed(src, { signal });
        feed = parseFeed(loaded.data, { baseUrl: loaded.url });
      } else {
        return initialState as never;
      }
      if (signal.aborted) throw signal.reason;
      for (const warning of feed.warnings) {
        console.warn(`<notwiththem-gallery>: feed entry ${warning.index} left out: ${warning.reason}`);
      }
      this.failedImages = new Set();
      this.activeIndex = 0;
      this.emit<NwtLoadDetail>('nwt-load', { count: feed.testimonials.length });
      return feed;
    } catch (error) {
      if (signal.aborted) throw error;
      const feedError =
        error instanceof FeedError ? error : new FeedError('parse', error instanceof Error ? error.message : String(error));
      console.warn(`<notwiththem-gallery>: ${feedError.code}: ${feedError.message}`);
      const detail: NwtErrorDetail = { code: feedError.code, message: feedError.message };
      if (feedError.status !== undefined) detail.status = feedError.status;
      this.emit<NwtErrorDetail>('nwt-error', detail);
      throw feedError;
    }
  }

  private emit<T>(type: string, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }));
  }

  private get track(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="track"]');
  }

  private handleImageError(id: string): void {
    this.failedImages = new Set([...this.failedImages, id]);
  }

  private handleScroll(): void {
    const track = this.track;
    const first = track?.firstElementChild as HTMLElement | null;
    if (!track || !first) return;
    const step = first.getBoundingClientRect().width + parseFloat(getComputedStyle(track).columnGap || '0');
    if (step <= 0) return;
    const index = Math.round(Math.abs(track.scrollLeft) / step);
    this.activeIndex = Math.min(Math.max(index, 0), this.items.length - 1);
  }

  private scrollToIndex(index: number): void {
    const slide = this.track?.children[index] as HTMLElement | undefined;
    const track = this.track;
    if (!slide || !track) return;
    const dir = getComputedStyle(this).direction === 'rtl' ? -1 : 1;
    const offset = Math.abs(slide.offsetLeft - (dir === 1 ? 0 : track.scrollWidth - track.clientWidth));
    track.scrollTo({ left: offset * dir });
  }

  /** Shows the next testimonial. */
  next(): void {
    this.scrollToIndex(Math.min(this.activeIndex + 1, this.items.length - 1));
  }

  /** Shows the previous testimonial. */
  previous(): void {
    this.scrollToIndex(Math.max(this.activeIndex - 1, 0));
  }

  /** Fetches the feed again (what the Retry button does). */
  reload(): Promise<void> {
    return this.feedTask.run();
  }

  private titleText(feed?: ParsedFeed): string {
    return this.label || feed?.title || this.t.label;
  }

  override render(): TemplateResult {
    return this.feedTask.render({
      initial: () => this.renderFrame(this.titleText(), this.renderSkeleton(this.renderNoSource())),
      pending: () => this.renderFrame(this.titleText(this.feedTask.value), this.renderSkeleton(this.renderLoading())),
      error: (error) => this.renderFrame(this.titleText(), this.renderSkeleton(this.renderError(error))),
      complete: (feed) =>
        feed.testimonials.length === 0
          ? this.renderFrame(this.titleText(feed), this.renderSkeleton(this.renderEmpty()))
          : this.renderFrame(this.titleText(feed), this.renderSlides(feed), this.renderControls()),
    }) as TemplateResult;
  }

  /** Every state shares this frame: header, viewport, controls row and footer keep their sizes. */
  private renderFrame(title: string, viewport: TemplateResult, controls: TemplateResult | typeof nothing = nothing): TemplateResult {
    const busy = this.feedTask.status === TaskStatus.PENDING;
    return html`
      <section class="gallery" part="gallery" aria-label=${title} aria-busy=${busy ? 'true' : 'false'}>
        <div class="header" part="header">
          <h2 class="title" part="title">${title}</h2>
          <slot name="header"></slot>
        </div>
        <div class="viewport" part="viewport">${viewport}</div>
        <div class="controls" part="controls">${controls}</div>
        <div class="footer" part="footer"><slot name="footer"></slot></div>
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
    return html`<div class="state" part="state" role="status"><p class="message">${this.t.loading}</p></div>`;
  }

  private renderNoSource(): TemplateResult {
    return html`<div class="state" part="state"><slot><p class="message">${this.t.noSource}</p></slot></div>`;
  }

  private renderEmpty(): TemplateResult {
    return html`<div class="state" part="state" role="status"><p class="message">${this.t.empty}</p></div>`;
  }

  private renderError(error: unknown): TemplateResult {
    const code: FeedErrorCode = error instanceof FeedError ? error.code : 'network';
    const status = error instanceof FeedError && error.status !== undefined ? error.status : '';
    const message = format(this.t[errorStringKeys[code]], { status });
    return html`
      <div class="state" part="state" role="alert">
        <p class="message">${message}</p>
        <button class="text-button" part="retry" type="button" @click=${() => this.reload()}>${this.t.retry}</button>
      </div>
    `;
  }

  private renderSlides(feed: ParsedFeed): TemplateResult {
    const count = feed.testimonials.length;
    return html`
      <div class="track" part="track" tabindex="0" @scroll=${this.handleScroll}>
        ${feed.testimonials.map((testimonial, index) => this.renderSlide(testimonial, index, count))}
      </div>
    `;
  }

  private renderSlide(testimonial: Testimonial, index: number, count: number): TemplateResult {
    const { image } = testimonial;
    const failed = this.failedImages.has(testimonial.id);
    const who = [testimonial.role, testimonial.place].filter(Boolean).join(' · ');
    return html`
      <div
        class="slide"
        part="slide"
        id=${`nwt-slide-${testimonial.id}`}
        role="group"
        aria-roledescription=${this.t.slide}
        aria-label=${format(this.t.slideLabel, { index: index + 1, count })}
      >
        <figure part="figure">
          <div class="photo" part="photo" style=${styleMap({ backgroundColor: image.color })}>
            ${failed
              ? html`<div class="photo-fallback" part="image-fallback" role="img" aria-label=${image.alt}>
                  ${icons.brokenImage}<span class="alt" aria-hidden="true">${this.t.imageError}</span>
                </div>`
              : html`<img
                  part="image"
                  src=${image.src}
                  srcset=${ifDefined(image.srcset)}
                  sizes=${ifDefined(image.sizes)}
                  width=${ifDefined(image.width)}
                  height=${ifDefined(image.height)}
                  alt=${image.alt}
                  loading=${index === 0 ? 'eager' : 'lazy'}
                  fetchpriority=${index === 0 ? 'high' : 'auto'}
                  decoding="async"
                  referrerpolicy="no-referrer"
                  @error=${() => this.handleImageError(testimonial.id)}
                />`}
          </div>
          <figcaption part="caption">
            <blockquote class="quote" part="quote" lang=${ifDefined(testimonial.lang)}>${testimonial.quote}</blockquote>
            <p class="who" part="who">
              ${testimonial.name ? html`<span class="name">${testimonial.name}</span>` : nothing}
              ${who ? html`<span>${who}</span>` : nothing}
              ${testimonial.affiliation ? html`<span>${testimonial.affiliation}</span>` : nothing}
            </p>
          </figcaption>
        </figure>
      </div>
    `;
  }

  private renderControls(): TemplateResult {
    const count = this.items.length;
    const atStart = !this.loop && this.activeIndex <= 0;
    const atEnd = !this.loop && this.activeIndex >= count - 1;
    return html`
      <button
        class="control previous"
        part="control previous"
        type="button"
        aria-label=${this.t.previous}
        aria-disabled=${atStart ? 'true' : 'false'}
        @click=${() => (atStart ? undefined : this.previous())}
      >
        ${icons.previous}
      </button>
      <span class="position" part="position">${format(this.t.counter, { index: this.activeIndex + 1, count })}</span>
      <button
        class="control next"
        part="control next"
        type="button"
        aria-label=${this.t.next}
        aria-disabled=${atEnd ? 'true' : 'false'}
        @click=${() => (atEnd ? undefined : this.next())}
      >
        ${icons.next}
      </button>
    `;
  }
}

declare global {
  interface HTMLElementEventMap {
    'nwt-load': CustomEvent<NwtLoadDetail>;
    'nwt-error': CustomEvent<NwtErrorDetail>;
  }
}
