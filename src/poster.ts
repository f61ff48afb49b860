/**
 * The page's poster: an `<img slot="poster">` child of the element, the first slide's photo, written by
 * the embed builder. The page paints it in the first slide's photo box before the script runs, and the
 * loading skeleton shows it in that same box (renderSkeleton).
 */

/**
 * Resolves once the page has had its chance to paint: when the poster is shown, after it has loaded (at
 * most 1 s) and the page has painted it, so the photo is on screen before the slides' first render and
 * stays the page's largest paint (the slide's photo, the same size and painted later, is no new
 * candidate). A browser forgets a painted image that leaves the layout before its frame is presented:
 * where largest-contentful-paint is observed, this waits for the poster's entry; elsewhere for a frame
 * and a task; at most 300 ms after the decode (a page may paint larger things; a hidden page runs no
 * frames). Without a poster shown: after a task, which is also when WebKit sends an image request asked
 * for in this one.
 */
export function afterPosterPaint(host: Element): Promise<unknown> {
  const poster = host.querySelector<HTMLImageElement>(':scope>img[slot=poster]');
  return new Promise((resolve) =>
    poster?.assignedSlot
      ? (setTimeout(resolve, 1e3), poster.decode().then(() => reported(poster, resolve), resolve))
      : setTimeout(resolve),
  );
}

/**
 * Runs `run` once a loaded poster on the page has been reported as painted (see `reported`), and at
 * once, in the same task, without one: frameworks that set properties right after creating the element
 * expect it upgraded by then. The bundle defines the element through it: the upgrade gives the poster a
 * new layout box, and Chromium drops a painted image whose box goes before its paint is reported, so the
 * poster painted before the script ran would not count as the page's largest paint, and the slides'
 * photo would.
 */
export function afterPagePosterReported(run: () => void): void {
  const poster = document.querySelector<HTMLImageElement>(
    'notwiththem-gallery:not(:defined)>img[slot=poster]',
  );
  poster?.complete && poster.naturalWidth ? reported(poster, run) : run();
}

/**
 * Calls `resolve` on the poster's largest-contentful-paint entry, else after a frame and a task; ≤300 ms.
 * It may be called more than once: a promise's resolve and `define()` both ignore the later calls.
 */
function reported(poster: HTMLImageElement, resolve: (value?: unknown) => void): void {
  const lcp = 'largest-contentful-paint';
  setTimeout(resolve, 300);
  if (PerformanceObserver.supportedEntryTypes.includes(lcp))
    new PerformanceObserver(
      (list, observer) =>
        list.getEntries().some((entry) => (entry as LargestContentfulPaint).element == poster) &&
        resolve(observer.disconnect()),
    ).observe({ type: lcp, buffered: true });
  else requestAnimationFrame(() => setTimeout(resolve));
}
