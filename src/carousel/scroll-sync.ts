import type { ReactiveController, ReactiveControllerHost } from 'lit';
import * as measure from './measure.js';
import { pageStart, type Paging } from './paging.js';

/**
 * Keeps the track's scroll position and the current slide in step: the element's own scrolls take the
 * track to the current page, and a reader's scroll, once the track comes to rest, chooses the current
 * slide. The element keeps the state (the current slide, the paging); this keeps the scroll's.
 */
export class ScrollSync implements ReactiveController {
  /**
   * The element's own scroll to the current page is under way. Its frames pass over slides nobody
   * chose, and under load they come further apart than the rest timer: until the track is on the
   * current page, only a reader's own scroll (wheel, touch, keys) sets the current slide from the position.
   */
  private ownScroll = false;
  private scrollRestTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly gallery: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    /** The current slide and the paging it is on. */
    private readonly activePage: () => [active: number, paging: Paging],
    /** The reader's scroll came to rest on another page: its first slide in view becomes current. */
    private readonly chooseAtRest: (index: number) => void,
  ) {
    gallery.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.scrollRestTimer);
  }

  /** Scrolls the track to the current page ('auto': smooth, or a jump under reduced motion). */
  scrollToActive(behavior: ScrollBehavior = 'auto'): void {
    const track = measure.trackOf(this.gallery.renderRoot);
    if (!track) return;
    const [active, paging] = this.activePage();
    const left =
      pageStart(active, paging) * measure.slideStep(track) * (measure.isRightToLeft(this.gallery) ? -1 : 1);
    // Already there, no scroll event may follow (one under way stops): the rest check runs anyway.
    if (Math.abs(track.scrollLeft - left) < 1) this.restSoon();
    else this.ownScroll = true;
    // 'auto' lets the stylesheet choose: smooth, or a jump under prefers-reduced-motion.
    track.scrollTo({ left, behavior: measure.prefersReducedMotion() ? 'instant' : behavior });
  }

  /** A scroll frame: the track comes to rest when no other follows for a while. */
  restSoon(): void {
    clearTimeout(this.scrollRestTimer);
    this.scrollRestTimer = setTimeout(() => this.syncFromScroll(), 150);
  }

  /** The reader scrolls the track (wheel, pointer, a key): its position says which slide is current again. */
  readerScrolls(): void {
    this.ownScroll = false;
  }

  /** The track came to rest (scrollend, or no scroll event for a while). */
  syncFromScroll(): void {
    clearTimeout(this.scrollRestTimer);
    const track = measure.trackOf(this.gallery.renderRoot);
    const [active, paging] = this.activePage();
    const first = track ? measure.firstSlideInView(track, paging.count) : -1;
    // Keep the current slide when it is still on the page in view (it may not be the page's first).
    const away = first >= 0 && pageStart(active, paging) !== pageStart(first, paging);
    if (away && this.ownScroll) return;
    this.ownScroll = false;
    if (away) this.chooseAtRest(first);
  }
}
