import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clampInterval } from './interval.js';

/**
 * Why rotation is held for a while without the reader having stopped it. `focus`: keyboard focus rests
 * on the rotation button, which keeps saying "Stop" so the reader hears that the slides were moving.
 */
export type PauseReason = 'hover' | 'hidden' | 'offscreen' | 'focus';

/**
 * Automatic rotation as the WAI-ARIA carousel pattern wants it: `playing` is the reader's choice
 * (Start / Stop); pauses are temporary holds (pointer over the gallery, tab hidden, gallery scrolled
 * off-screen) that lift by themselves. Host-agnostic: it knows timers and observers, not the slides.
 */
export class AutoplayController implements ReactiveController {
  /** Rotation is on (the reader has not stopped it). */
  playing = false;
  private readonly activeHolds = new Set<PauseReason>();
  private tickTimer: ReturnType<typeof setTimeout> | undefined;
  private untilDisconnected: AbortController | undefined;
  private offscreenObserver: IntersectionObserver | undefined;

  constructor(
    private readonly galleryHost: ReactiveControllerHost & HTMLElement,
    private readonly tick: () => void,
    private readonly readInterval: () => number,
  ) {
    galleryHost.addController(this);
  }

  /** Rotation is on and nothing holds it: the slides are moving. */
  get rotating(): boolean {
    return this.playing && this.activeHolds.size === 0;
  }

  hostConnected(): void {
    this.untilDisconnected = new AbortController();
    const { signal } = this.untilDisconnected;
    document.addEventListener(
      'visibilitychange',
      () => this.hold('hidden', document.visibilityState === 'hidden'),
      {
        signal,
      },
    );
    this.galleryHost.addEventListener(
      'pointerenter',
      (event) => event.pointerType === 'mouse' && this.hold('hover', true),
      {
        signal,
      },
    );
    this.galleryHost.addEventListener('pointerleave', () => this.hold('hover', false), { signal });
    this.offscreenObserver = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) this.hold('offscreen', !entry.isIntersecting);
    });
    this.offscreenObserver.observe(this.galleryHost);
    if (document.visibilityState === 'hidden') this.activeHolds.add('hidden');
    this.scheduleTick();
  }

  // The aborted signal and the disconnected observer are replaced on the next connect.
  hostDisconnected(): void {
    this.untilDisconnected?.abort();
    this.offscreenObserver?.disconnect();
    this.activeHolds.clear();
    this.clearTick();
  }

  /** The reader asked for rotation: it starts at once, whatever the pointer or focus hold. */
  readonly start = (): void => {
    this.playing = true;
    this.activeHolds.delete('hover');
    this.activeHolds.delete('focus');
    this.scheduleTick();
    this.galleryHost.requestUpdate();
  };

  readonly stop = (): void => {
    this.playing = false;
    this.clearTick();
    this.galleryHost.requestUpdate();
  };

  /** Adds or lifts one temporary hold; true when that changed it. */
  hold(reason: PauseReason, on: boolean): boolean {
    const had = this.activeHolds.has(reason);
    if (on === had) return false;
    if (on) this.activeHolds.add(reason);
    else this.activeHolds.delete(reason);
    this.scheduleTick();
    this.galleryHost.requestUpdate();
    return true;
  }

  /**
   * Keyboard focus entering the gallery stops rotation until the reader presses Start again. On the
   * rotation button itself it only holds it, so the button still says "Stop" (the slides were moving);
   * leaving the button, anywhere, stops it.
   */
  readonly focusIn = (event: FocusEvent): void => {
    const target = event.composedPath()[0] as Element | undefined;
    if (!this.playing || !target?.matches?.(':focus-visible')) return;
    if (target.matches('.rotation')) {
      this.hold('focus', true);
      // Unless Start was pressed meanwhile (it lifts the hold), leaving the button stops rotation.
      target.addEventListener('focusout', () => this.hold('focus', false) && this.stop(), { once: true });
    } else this.stop();
  };

  private scheduleTick(): void {
    this.clearTick();
    if (!this.rotating) return;
    this.tickTimer = setTimeout(() => {
      this.tickTimer = undefined;
      this.tick();
      this.scheduleTick();
    }, clampInterval(this.readInterval()));
  }

  private clearTick(): void {
    clearTimeout(this.tickTimer);
    this.tickTimer = undefined;
  }
}
