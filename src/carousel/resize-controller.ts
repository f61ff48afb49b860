import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `onResize` whenever the host's box changes size, while the host is connected. The call waits
 * for the next animation frame: what it changes (a "Read more", the dots or the counter) may resize
 * the host, which inside the observer's callback would be a loop the browser reports as an error.
 */
export class ResizeController implements ReactiveController {
  private resizeObserver: ResizeObserver | undefined;

  constructor(
    private readonly gallery: ReactiveControllerHost & Element,
    private readonly onResize: () => void,
  ) {
    gallery.addController(this);
  }

  hostConnected(): void {
    this.resizeObserver = new ResizeObserver(() => requestAnimationFrame(this.onResize));
    this.resizeObserver.observe(this.gallery);
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }
}
