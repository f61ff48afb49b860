/**
 * A testimonial's deep link, `#nwt-<id>`: written into every shared URL, read from the page's hash when
 * a feed loads and on `hashchange`. Both halves live here so they cannot drift apart.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prefersReducedMotion } from './carousel/measure.js';
import type { Testimonial } from './feed/types.js';

const PREFIX = 'nwt-';

/** The hash that leads to one testimonial, `#nwt-` and its id percent-encoded. */
export function deepLinkHash(id: string): string {
  return `#${PREFIX}${encodeURIComponent(id)}`;
}

/**
 * The testimonial id in a page's hash, or undefined when the hash is not ours. A host page's own hash
 * (`#50%-off`) or broken percent-encoding is not an error: the gallery just starts where it would.
 */
export function deepLinkId(hash: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(hash.slice(1));
  } catch {
    return undefined;
  }
  return decoded.startsWith(PREFIX) ? decoded.slice(PREFIX.length) : undefined;
}

/**
 * Follows the page's hash while the gallery is connected: a new `#nwt-<id>` of a testimonial on show
 * calls `onLink` with its index and brings the gallery into view.
 */
export class DeepLinkController implements ReactiveController {
  constructor(
    private readonly galleryHost: ReactiveControllerHost &
      HTMLElement & { readonly items: readonly Testimonial[] },
    private readonly onLink: (index: number) => void,
  ) {
    galleryHost.addController(this);
  }

  /** The id the page's hash names now, if it is a deep link. */
  get id(): string | undefined {
    return deepLinkId(location.hash);
  }

  /** The index of the testimonial the page's hash names, or -1; ids from deep links are taken as they are. */
  get linkedIndex(): number {
    const id = this.id;
    return id === undefined ? -1 : this.galleryHost.items.findIndex((item) => item.id === id);
  }

  private readonly followHash = (): void => {
    const index = this.linkedIndex;
    if (index < 0) return;
    this.onLink(index);
    this.galleryHost.scrollIntoView({
      block: 'nearest',
      behavior: prefersReducedMotion() ? 'auto' : 'smooth',
    });
  };

  hostConnected(): void {
    addEventListener('hashchange', this.followHash);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.followHash);
  }
}
