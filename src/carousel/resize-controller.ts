import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `onResize` whenever the host's box changes size, while the host is connected. The call waits
 * for the next animation frame: what it changes (a "Read more", the dots or the counter) may resize
 * the host, which inside the observer's callback would be a loop the browser reports as an error.
 */
export class ResizeController implements ReactiveController {
  private resizeObserver: ResizeObserver | undefined;

  constructor(
    private readonly galleryHost: ReactiveControllerHost & Element,
    private readonly onResize: () => void,
  ) {
    galleryHost.addController(this);
  }

  hostConnected(): void {
    this.resizeObserver = new ResizeObserver(() => requestAnimationFrame(this.onResize));
    this.resizeObserver.observe(this.galleryHost);
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
  }
}
