/**
 * The gallery's feed: where it comes from (`src`, `testimonials`, or the `<figure>` children), the
 * testimonials loaded (the first page, then the pages its `next` links lead to), reloads, and the
 * `nwt-load` / `nwt-error` events. The one place that holds the testimonials.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { emit, warn } from '../events.js';
import { hydrates } from '../hydration.js';
import { hasFigures, readFigures, watchFigures } from './from-figures.js';
import { own } from './own.js';
import { loadFeed, type LoadOptions } from './load.js';
import { firstPageUrls, joinPage, nearEnd } from './next-page.js';
import { nextTask, parseFeed, parseFeedInSlices } from './parse.js';
import { afterPosterPaint } from '../poster.js';
import { FeedError, type ParsedFeed, type Testimonial } from './types.js';

/** Page-wide loading settings (the element's static `loaderOptions`). */
export type LoaderOptions = Readonly<Pick<LoadOptions, 'timeout' | 'retries' | 'retryDelay'>>;

/** The element the feed belongs to: its two sources are properties, the third its `<figure>` children. */
export interface FeedHost extends ReactiveControllerHost, HTMLElement {
  src: string | null;
  testimonials: unknown;
}

type LoadStatus = 'initial' | 'pending' | 'complete' | 'error';
type Source = readonly [src: string | null, testimonials: unknown];

/** What to render in each state of the load. */
export interface LoadRenderers<T> {
  initial(): T;
  pending(): T;
  error(error: unknown): T;
  complete(feed: ParsedFeed): T;
}

export class FeedController implements ReactiveController {
  /** Every testimonial loaded: the feed's first page, then its next pages. Empty until the feed is ready. */
  items: readonly Testimonial[] = [];
  /** URL of the page after the last one loaded. */
  private nextPage: string | undefined;
  /** Page URLs already requested, so a feed whose pages link in a circle stops. */
  private requestedPages = new Set<string>();
  /** The URLs the first page came from (asked for, and answered from after redirects). */
  private firstPages: string[] = [];
  /** A disconnect aborted the load in flight: the next connect starts it again. */
  private reloadOnConnect = false;
  private untilDisconnected: AbortController | undefined;
  /** The load's state; `loaded` is the feed last loaded (kept while the next one loads). */
  private loadStatus: LoadStatus = 'initial';
  private loadedFeed: ParsedFeed | undefined;
  private failure: unknown;
  /** The source of the last load: a change starts a new one. */
  private lastSource: Source | undefined;
  /** The load in flight: a new one aborts it, and only the latest may settle. */
  private inFlight: AbortController | undefined;
  /** The element's first update hydrates a server's render (see `reload`). */
  declare serverView?: boolean;

  /**
   * @param options - The loading settings, read when a load starts.
   * @param onReady - Called with a new feed before its first render (where to start, what to measure).
   * @param onFirst - Called with a fetched feed's first testimonial once the first entry is checked,
   *   before the rest is (a task later): its photo may leave at once.
   */
  constructor(
    private readonly galleryHost: FeedHost,
    private readonly readOptions: () => LoaderOptions,
    private readonly onReady: (feed: ParsedFeed) => void,
    private readonly onFirst: (first: Testimonial) => void,
  ) {
    galleryHost.addController(this);
  }

  /** The feed last loaded (kept while the next one loads). */
  get feed(): ParsedFeed | undefined {
    return this.loadedFeed;
  }

  get pending(): boolean {
    return this.loadStatus === 'pending';
  }

  /** Renders by the load's state: no source yet, loading, failed, or ready. */
  render<T>(renderers: LoadRenderers<T>): T {
    // The states are the renderers' names: `error` gets the failure, `complete` the feed.
    const status = this.loadStatus;
    return renderers[status]((status === 'error' ? this.failure : this.loadedFeed) as ParsedFeed);
  }

  /** Loads the feed again from its source. */
  async reload(): Promise<void> {
    const [src, given] = (this.lastSource = [this.galleryHost.src, this.galleryHost.testimonials]);
    this.inFlight?.abort();
    const run = (this.inFlight = new AbortController());
    this.loadStatus = 'pending';
    this.galleryHost.requestUpdate();
    // A server's render (@lit-labs/ssr), and the browser's first update that hydrates it, must be the
    // same: testimonials given are checked at once; a server fetches nothing (`src` renders loading), and
    // `<figure>` children, which a server cannot see, wait for the browser's next update.
    if (isServer || (hydrates && this.serverView)) {
      if (given == null) {
        if (!src) this.loadStatus = 'initial';
        if (isServer || !src) return;
      } else {
        try {
          // A server has no page to resolve relative URLs against: it refuses them (one warning each).
          const feed = parseFeed(given, { baseUrl: isServer ? undefined : document.baseURI });
          for (const warning of feed.warnings)
            warn(`feed entry ${warning.index} left out: ${warning.reason}`);
          this.takeFeed(feed);
          this.loadStatus = 'complete';
          this.loadedFeed = feed;
        } catch (error) {
          this.loadStatus = 'error';
          this.failure = this.failLoad(error);
        }
        return;
      }
    }
    let status: LoadStatus = 'error';
    let feed: ParsedFeed | undefined;
    let failure: unknown;
    try {
      feed = await this.readSource(src, given, run.signal);
      if (feed) this.takeFeed(feed);
      status = feed ? 'complete' : 'initial';
    } catch (error) {
      failure = error;
    }
    if (this.inFlight !== run) return;
    this.inFlight = undefined;
    this.loadStatus = status;
    this.failure = failure;
    // Without a source, the feed last loaded stays; a failure drops it.
    if (status !== 'initial') this.loadedFeed = feed;
    this.galleryHost.requestUpdate();
  }

  /** The `<figure>` children changed: without `src` or `testimonials`, they are the feed again. */
  figuresChanged(): void {
    const { src, testimonials } = this.galleryHost;
    if (!src && testimonials == null && hasFigures(this.galleryHost)) void this.reload();
  }

  /** Before each render: a new source (`src` or `testimonials`) starts a new load. */
  hostUpdate(): void {
    const { src, testimonials } = this.galleryHost;
    if (this.lastSource && this.lastSource[0] === src && this.lastSource[1] === testimonials) return;
    void this.reload();
  }

  hostConnected(): void {
    this.untilDisconnected = new AbortController();
    // Figures the parser adds after the upgrade (a script in <head> without defer), or that change later.
    watchFigures(this.galleryHost, () => this.figuresChanged(), this.untilDisconnected.signal);
    if (this.reloadOnConnect) {
      this.reloadOnConnect = false;
      if (this.loadStatus === 'pending' || this.loadStatus === 'error') void this.reload();
    }
  }

  hostDisconnected(): void {
    this.untilDisconnected?.abort();
    this.untilDisconnected = undefined;
    // A disconnect aborts the load in flight (its timers and its request go too); a move, disconnected
    // and connected again before the microtask, keeps it.
    if (this.pending) {
      queueMicrotask(() => {
        if (this.galleryHost.isConnected || !this.pending) return;
        this.reloadOnConnect = true;
        this.inFlight?.abort();
      });
    }
  }

  /** The feed is ready: its testimonials are on show (`nwt-load`). */
  private takeFeed(feed: ParsedFeed): void {
    this.items = feed.testimonials;
    this.nextPage = own(feed, 'next');
    // The first page's own URLs count as fetched: a `next` chain back to them ends there.
    this.requestedPages = new Set(this.firstPages);
    this.onReady(feed);
    emit(this.galleryHost, 'nwt-load', { count: feed.testimonials.length });
  }

  /**
   * The feed from its source, checked; undefined without a source. A failure gives one warning and
   * `nwt-error`, and is thrown as a FeedError for the error state.
   */
  private async readSource(
    src: string | null,
    given: unknown,
    signal: AbortSignal,
  ): Promise<ParsedFeed | undefined> {
    this.firstPages = [];
    try {
      let feed: ParsedFeed;
      if (given !== undefined && given !== null) {
        feed = parseFeed(given, { baseUrl: document.baseURI });
      } else if (src != null) {
        // An empty or unusable address is an error the card shows (`src`), not a gallery without a source.
        // Parsed once the page has painted the poster it shows (JSON.parse is one task, long for a large
        // feed, which would hold back that paint and the page's first one), so the slides render after it.
        const loaded = await loadFeed(src, {
          ...this.readOptions(),
          signal,
          beforeParse: () => afterPosterPaint(this.galleryHost),
        });
        const { data, url } = loaded;
        // Checked in slices, so a feed of thousands makes no long task. After its first testimonial, the
        // first photo is asked for before the rest is checked.
        let slices = 0;
        feed = await parseFeedInSlices(
          data,
          { baseUrl: url },
          ([first]) => (slices++ || !first || this.onFirst(first), nextTask()),
        );
        this.firstPages = firstPageUrls(src, url, document.baseURI);
      } else if (hasFigures(this.galleryHost)) {
        // No src and no testimonials: the <figure> children written in the page are the feed.
        feed = parseFeed(readFigures(this.galleryHost), { baseUrl: document.baseURI });
      } else {
        return undefined;
      }
      if (signal.aborted) throw signal.reason;
      for (const warning of feed.warnings) warn(`feed entry ${warning.index} left out: ${warning.reason}`);
      return feed;
    } catch (error) {
      if (signal.aborted) throw error;
      throw this.failLoad(error);
    }
  }

  /** A feed that cannot be used: one warning and `nwt-error`; the FeedError for the error state. */
  private failLoad(error: unknown): FeedError {
    const feedError =
      error instanceof FeedError
        ? error
        : new FeedError('parse', error instanceof Error ? error.message : String(error));
    const { code, message, status } = feedError;
    warn(`${code}: ${message}`);
    emit(this.galleryHost, 'nwt-error', status === undefined ? { code, message } : { code, message, status });
    return feedError;
  }

  /**
   * Fetches the feed's `next` page once `position` nears the end of what is loaded. Its testimonials are
   * appended after the last slide, so nothing the reader sees moves. A page that fails ends the paging
   * (one warning), until the feed is loaded again.
   */
  async loadNextPageIfNear(position: number, perView: number): Promise<void> {
    const url = this.nextPage;
    if (!url || this.requestedPages.has(url) || !nearEnd(position, this.items.length, perView)) return;
    this.requestedPages.add(url);
    const signal = this.untilDisconnected?.signal;
    const feedAtStart = this.feed;
    try {
      const loaded = await loadFeed(url, { ...this.readOptions(), signal });
      const page = parseFeed(loaded.data, { baseUrl: loaded.url });
      if (signal?.aborted || this.feed !== feedAtStart) return;
      for (const warning of page.warnings) {
        warn(`next page entry ${warning.index} left out: ${warning.reason}`);
      }
      this.items = [...this.items, ...joinPage(this.items, page.testimonials)];
      this.nextPage = own(page, 'next');
      this.galleryHost.requestUpdate();
    } catch (error) {
      if (signal?.aborted) return;
      this.nextPage = undefined;
      warn(`the next page of the feed could not be used: ${(error as Error).message}`);
    }
  }
}
