import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Calls `onResize` whenever the host's box changes size, while the host is connected. */
export class ResizeController implements ReactiveController {
  private resizeObserver: ResizeObserver | undefined;

  constructor(
    private readonly gallery: ReactiveControllerHost & Element,
    private readonly onResize: () => void,
  ) {
    gallery.addController(this);
  }

  hostConnected(): void {
    this.resizeObserver = new ResizeObserver(() => this.onResize());
    this.resizeObserver.observe(this.gallery);
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }
}
