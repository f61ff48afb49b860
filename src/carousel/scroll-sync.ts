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
   * Where the element's own scroll is taking the track (px), until the track rests: the latest move's,
   * so a newer move takes over from one under way. Its frames pass over slides nobody chose, and under
   * load they come further apart than the rest timer: while it is set, the position chooses no slide. A
   * reader's own scroll (wheel, touch, keys) drops it.
   */
  private ownTarget: number | undefined;
  private scrollRestTimer: ReturnType<typeof setTimeout> | undefined;
  /** The track before a render, and its position (px). */
  private heldTrack: HTMLElement | null = null;
  private heldLeft = 0;

  constructor(
    private readonly galleryHost: ReactiveControllerHost &
      HTMLElement & { renderRoot: ParentNode; readonly currentIndex: number },
    /** The paging the current slide is on. */
    private readonly readPaging: () => Paging,
    /** The reader's scroll came to rest on another page: its first slide in view becomes current. */
    private readonly chooseAtRest: (index: number) => void,
  ) {
    galleryHost.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.scrollRestTimer);
  }

  hostUpdate(): void {
    const track = (this.heldTrack = measure.trackOf(this.galleryHost.renderRoot));
    if (track) this.heldLeft = track.scrollLeft;
  }

  /**
   * A render leaves the track where it was. WebKit re-snaps a track whose snap points changed to the
   * point of the same rank in the new list: a large feed's window that dropped slides before the one in
   * view moved the track on by as many, that scroll moved the window on, and so on, for good.
   */
  hostUpdated(): void {
    const track = measure.trackOf(this.galleryHost.renderRoot);
    // A new track (the slides after the skeleton's) has no position to keep, and reading one would lay
    // out the slides just rendered inside this task, not in the frame that paints them.
    if (track && track == this.heldTrack && Math.abs(track.scrollLeft - this.heldLeft) >= 1)
      track.scrollTo({ left: this.heldLeft, behavior: 'instant' });
  }

  /** Scrolls the track to the current page ('auto': smooth, or a jump under reduced motion). */
  scrollToActive(behavior: ScrollBehavior = 'auto'): void {
    const track = measure.trackOf(this.galleryHost.renderRoot);
    if (!track) return;
    const left =
      pageStart(this.galleryHost.currentIndex, this.readPaging()) *
      measure.slideStep(track) *
      (measure.isRightToLeft(this.galleryHost) ? -1 : 1);
    const there = Math.abs(track.scrollLeft - left) < 1;
    // Already there, no scroll event may follow: the rest check runs anyway. With a scroll of its own
    // under way the track may only read as there (Chromium, before that scroll's next frame), and this
    // scroll may stop it where it is: the rest check puts the track where this move wants it.
    if (there) this.restSoon();
    if (!there || this.ownTarget !== undefined) this.ownTarget = left;
    // 'auto' lets the stylesheet choose: smooth, or a jump under prefers-reduced-motion.
    track.scrollTo({ left, behavior: measure.prefersReducedMotion() ? 'instant' : behavior });
  }

  /** A scroll frame: the track comes to rest when no other follows for a while. */
  restSoon(): void {
    clearTimeout(this.scrollRestTimer);
    this.scrollRestTimer = setTimeout(this.syncFromScroll, 150);
  }

  /** The reader scrolls the track (wheel, pointer, a key): its position says which slide is current again. */
  readonly readerScrolls = (): void => {
    this.ownTarget = undefined;
  };

  /**
   * The track came to rest (scrollend, or no scroll event for a while). After the element's own scroll
   * it must be where the latest move wants it: a scroll stopped short (by a newer one that read the
   * track before that scroll's last frame) or taken on elsewhere (an older one a newer one did not stop)
   * glides there again, and the target holds until the track is on the current page. After a reader's,
   * its first slide in view becomes current when it is on another page.
   */
  readonly syncFromScroll = (): void => {
    clearTimeout(this.scrollRestTimer);
    const track = measure.trackOf(this.galleryHost.renderRoot);
    if (!track) return;
    const paging = this.readPaging();
    const first = measure.firstSlideInView(track, paging.count);
    // Keep the current slide when it is still on the page in view (it may not be the page's first).
    const away = first >= 0 && pageStart(this.galleryHost.currentIndex, paging) !== pageStart(first, paging);
    if (this.ownTarget !== undefined) {
      if (Math.abs(track.scrollLeft - this.ownTarget) >= 1) this.scrollToActive();
      if (!away) this.ownTarget = undefined;
    } else if (away) this.chooseAtRest(first);
  };
}
