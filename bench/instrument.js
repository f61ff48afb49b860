// Injected by the runner into every page before any of the page's scripts (Playwright addInitScript), the
// same for every contestant and reference. Everything is read from the page's own clock
// (performance.now(), whose 0 is the navigation start).
//
// What the host page's reader sees: first contentful paint and largest contentful paint (the browser's own
// entries, whatever paints them, shadow roots included), the layout shifts, and the first photo painted.
// That last one is polled: Element Timing cannot see into shadow roots (ours renders in one), so every
// animation frame looks for the first testimonial's <img> (in the gallery, or in its shadow root); once it
// is complete, has pixels, is in the viewport and visible (checkVisibility with opacity and visibility),
// we await `img.decode()`, then take the time after the next frame (requestAnimationFrame, then a task).
(() => {
  if (window.top !== window || window.__bench) return;
  const bench = (window.__bench = {
    longtasks: [],
    shifts: [],
    lcp: [],
    fcp: null,
    firstImage: null,
    settledAt: null,
  });
  const observe = (type, each) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true });
    } catch {
      bench[`no_${type}`] = true;
    }
  };
  observe('longtask', (e) => bench.longtasks.push({ start: e.startTime, duration: e.duration }));
  observe('layout-shift', (e) =>
    bench.shifts.push({ start: e.startTime, value: e.value, input: e.hadRecentInput }),
  );
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') bench.fcp = e.startTime;
  });
  // An LCP entry's element may sit in a shadow root (it is then reported as null): the URL tells an image.
  observe('largest-contentful-paint', (e) =>
    bench.lcp.push({ start: e.startTime, size: e.size, url: e.url, tag: e.element?.tagName ?? null }),
  );

  /** Where the contestant's slides live: its gallery element, or that element's shadow root. */
  const scope = () => {
    const host = document.querySelector('[data-bench-gallery]');
    if (!host) return null;
    return host.dataset.benchScope === 'shadow' ? host.shadowRoot : host;
  };
  /** The <img> of testimonial `index` (every testimonial has its own image URL, /img/<index>.webp[?…]). */
  bench.image = (index) =>
    scope()?.querySelector(`img[src$="/img/${index}.webp"], img[src*="/img/${index}.webp?"]`) ?? null;

  const inViewport = (el) => {
    const r = el.getBoundingClientRect();
    return (
      r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth
    );
  };

  let resolveFirst;
  bench.firstImagePromise = new Promise((resolve) => (resolveFirst = resolve));
  let img = null;
  const poll = () => {
    // A page without a gallery (the reference) has no photo to wait for: its load ends at `load`.
    if (document.readyState === 'complete' && !document.querySelector('[data-bench-gallery]')) {
      resolveFirst(performance.now());
      return;
    }
    if (!img || !img.isConnected) img = bench.image(0);
    if (
      img &&
      img.complete &&
      img.naturalWidth > 0 &&
      inViewport(img) &&
      img.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
    ) {
      img
        .decode()
        .catch(() => {})
        .then(() =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              bench.firstImage = performance.now();
              resolveFirst(bench.firstImage);
            }),
          ),
        );
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);

  /**
   * Load is over when the first photo is painted (or, without a gallery, the page has loaded), the
   * document is complete, and no long task has ended for `quietMs` (at most `capMs` after the photo).
   */
  bench.settled = (quietMs = 500, capMs = 15000) =>
    bench.firstImagePromise.then(
      (from) =>
        new Promise((resolve) => {
          const check = () => {
            const now = performance.now();
            const lastLongTask = Math.max(0, ...bench.longtasks.map((t) => t.start + t.duration));
            const quiet =
              now - from >= quietMs && now - lastLongTask >= quietMs && document.readyState === 'complete';
            if (quiet || now - from > capMs) {
              bench.settledAt = now;
              resolve(now);
            } else setTimeout(check, 100);
          };
          check();
        }),
    );

  /** When the first request whose URL matches `pattern` left, and when its response ended (Resource Timing). */
  const request = (pattern) => {
    const entry = performance.getEntriesByType('resource').find((e) => pattern.test(e.name));
    return entry ? { start: entry.startTime, end: entry.responseEnd } : null;
  };

  /** The load figures, over [navigation start, settledAt]. */
  bench.collect = () => {
    const end = bench.settledAt ?? performance.now();
    const fcp = bench.fcp ?? 0;
    // Total blocking time, as Lighthouse: each long task after FCP (clipped to start at FCP), minus 50 ms.
    let tbt = 0;
    for (const task of bench.longtasks) {
      const from = Math.max(task.start, fcp);
      const to = Math.min(task.start + task.duration, end);
      if (to - from > 50) tbt += to - from - 50;
    }
    // CLS as the web-vitals library: the largest session window (gaps < 1 s, windows ≤ 5 s); also the sum.
    let cls = 0,
      sum = 0,
      windowValue = 0,
      windowStart = -Infinity,
      previous = -Infinity;
    for (const shift of bench.shifts) {
      if (shift.input || shift.start > end) continue;
      sum += shift.value;
      if (shift.start - previous < 1000 && shift.start - windowStart < 5000) windowValue += shift.value;
      else {
        windowValue = shift.value;
        windowStart = shift.start;
      }
      previous = shift.start;
      cls = Math.max(cls, windowValue);
    }
    const lcpEntry = bench.lcp.filter((e) => e.start <= end).at(-1) ?? null;
    const beforePhoto = bench.longtasks.filter((t) => t.start < (bench.firstImage ?? end));
    return {
      fcp: bench.fcp,
      lcp: lcpEntry?.start ?? null,
      lcpIsPhoto: lcpEntry ? /\/img\/\d+\.webp$/.test(lcpEntry.url ?? '') : null,
      lcpWhat: lcpEntry ? lcpEntry.url || lcpEntry.tag || 'text in a shadow root' : null,
      firstImage: bench.firstImage,
      tbt,
      cls,
      clsSum: sum,
      longtasks: bench.longtasks.length,
      longestTaskBeforePhoto: Math.max(0, ...beforePhoto.map((t) => t.duration)),
      feed: request(/\/feeds\/\d+\.json/),
      photo: request(/\/img\/0\.webp$/),
      script: request(/\/(dist|nm)\/.*\.m?js(\?|$)/),
      settledAt: end,
    };
  };
})();
