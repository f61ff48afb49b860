/**
 * The page's poster: an `<img slot="poster">` child of the element, the first slide's photo, written by
 * the embed builder. The page paints it in the first slide's photo box before the script runs, and the
 * loading skeleton shows it in that same box (renderSkeleton).
 */

/**
 * Resolves once the page has had its chance to paint: when the poster is shown and loaded, after the
 * frame that paints it, so the photo is on screen before the slides' first render (the longest task of
 * the load) and stays the page's largest paint; else after a task, which is also when WebKit sends an
 * image request asked for in this one. At most 100 ms: a hidden page runs no frames.
 */
export function afterPosterPaint(host: Element): Promise<unknown> {
  const poster = host.querySelector<HTMLImageElement>(':scope>img[slot=poster]');
  const shown = poster?.assignedSlot && poster.complete;
  return new Promise((resolve) => {
    setTimeout(resolve, shown ? 100 : 0);
    if (shown) void poster.decode().then(() => requestAnimationFrame(() => setTimeout(resolve)), resolve);
  });
}
