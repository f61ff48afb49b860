import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clampInterval } from './interval.js';

/** Why rotation is held for a while without the reader having stopped it. */
export type PauseReason = 'hover' | 'hidden' | 'offscreen';

/**
 * Automatic rotation as the WAI-ARIA carousel pattern wants it: `playing` is the reader's choice
 * (Start / Stop); pauses are temporary holds (pointer over the gallery, tab hidden, gallery scrolled
 * off-screen) that lift by themselves. Host-agnostic: it knows timers and observers, not the slides.
 */
export class AutoplayController implements ReactiveController {
  /** Rotation is on (the reader has not stopped it). */
  playing = false;
  private readonly pauses = new Set<PauseReason>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connection: AbortController | undefined;
  private observer: IntersectionObserver | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly tick: () => void,
    private readonly interval: () => number,
  ) {
    host.addController(this);
  }

  /** Rotation is on and nothing holds it: the slides are moving. */
  get rotating(): boolean {
    return this.playing && this.pauses.size === 0;
  }

  hostConnected(): void {
    this.connection = new AbortController();
    const { signal } = this.connection;
    document.addEventListener(
      'visibilitychange',
      () => this.hold('hidden', document.visibilityState === 'hidden'),
      {
        signal,
      },
    );
    this.host.addEventListener(
      'pointerenter',
      (event) => event.pointerType === 'mouse' && this.hold('hover', true),
      {
        signal,
      },
    );
    this.host.addEventListener('pointerleave', () => this.hold('hover', false), { signal });
    if (typeof IntersectionObserver === 'function') {
      this.observer = new IntersectionObserver((entries) => {
        const entry = entries[entries.length - 1];
        if (entry) this.hold('offscreen', !entry.isIntersecting);
      });
      this.observer.observe(this.host);
    }
    if (document.visibilityState === 'hidden') this.pauses.add('hidden');
    this.schedule();
  }

  hostDisconnected(): void {
    this.connection?.abort();
    this.connection = undefined;
    this.observer?.disconnect();
    this.observer = undefined;
    this.pauses.clear();
    this.clear();
  }

  start(): void {
    this.playing = true;
    this.schedule();
    this.host.requestUpdate();
  }

  stop(): void {
    this.playing = false;
    this.clear();
    this.host.requestUpdate();
  }

  /** Adds or lifts one temporary hold. */
  hold(reason: PauseReason, on: boolean): void {
    const had = this.pauses.has(reason);
    if (on === had) return;
    if (on) this.pauses.add(reason);
    else this.pauses.delete(reason);
    this.schedule();
    this.host.requestUpdate();
  }

  /** Whether a timer is pending (for tests and leak checks). */
  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  private schedule(): void {
    this.clear();
    if (!this.rotating) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.tick();
      this.schedule();
    }, clampInterval(this.interval()));
  }

  private clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
