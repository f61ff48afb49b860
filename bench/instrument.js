// Injected by the runner into every page before any of the page's scripts (Playwright addInitScript), the
// same for every contestant. Everything is read from the page's own clock (performance.now(), whose 0 is
// the navigation start).
//
// First image painted: Element Timing cannot see into shadow roots (ours renders in one) and LCP reports
// the *largest* paint, not the first testimonial's, so every page is polled once per animation frame for
// the first testimonial's <img> (in the gallery, or in its shadow root): once it is complete, has pixels,
// is in the viewport and visible (checkVisibility with opacity and visibility), we await `img.decode()`,
// then take the time after the next frame (requestAnimationFrame, then a task): the frame that paints it.
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
  observe('largest-contentful-paint', (e) => bench.lcp.push({ start: e.startTime, size: e.size }));

  /** Where the contestant's slides live: its gallery element, or that element's shadow root. */
  const scope = () => {
    const host = document.querySelector('[data-bench-gallery]');
    if (!host) return null;
    return host.dataset.benchScope === 'shadow' ? host.shadowRoot : host;
  };
  /** The <img> of testimonial `index` (every testimonial has its own image URL, /img/<index>.webp). */
  bench.image = (index) => scope()?.querySelector(`img[src$="/img/${index}.webp"]`) ?? null;

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
   * Load is over when the first image is painted, the document is complete, and no long task has ended
   * for `quietMs` (at least `quietMs` after the first image; at most `capMs` after it).
   */
  bench.settled = (quietMs = 1000, capMs = 15000) =>
    bench.firstImagePromise.then(
      () =>
        new Promise((resolve) => {
          const check = () => {
            const now = performance.now();
            const lastLongTask = Math.max(0, ...bench.longtasks.map((t) => t.start + t.duration));
            const quiet =
              now - bench.firstImage >= quietMs &&
              now - lastLongTask >= quietMs &&
              document.readyState === 'complete';
            if (quiet || now - bench.firstImage > capMs) {
              bench.settledAt = now;
              resolve(now);
            } else setTimeout(check, 100);
          };
          check();
        }),
    );

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
    const lcp = bench.lcp.length ? bench.lcp[bench.lcp.length - 1].start : null;
    return {
      fcp: bench.fcp,
      firstImage: bench.firstImage,
      lcp,
      tbt,
      cls,
      clsSum: sum,
      longtasks: bench.longtasks.length,
      settledAt: end,
    };
  };

  /** Elements (as Lighthouse's DOM size) and all nodes, open shadow roots included. */
  bench.countDom = () => {
    let elements = 0,
      nodes = 0,
      shadowRoots = 0;
    const walk = (root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes++;
        if (node.nodeType === Node.ELEMENT_NODE) {
          elements++;
          if (node.shadowRoot) {
            shadowRoots++;
            walk(node.shadowRoot);
          }
        }
      }
    };
    walk(document);
    return { elements, nodes, shadowRoots };
  };

  /**
   * Time for `next` to settle: from the click event (its timeStamp) to the last animation frame in which
   * the slide that `next` brings in (testimonial `index`, its image's left edge) still moved, once it has
   * been still for `stillMs`. `offset` is where it stopped, relative to where the first slide was.
   */
  bench.trackNext = (index, stillMs = 300, capMs = 5000) => {
    const first = bench.image(0);
    const rest = first ? first.getBoundingClientRect().left : NaN;
    let clickAt = null;
    addEventListener('click', (e) => (clickAt = e.timeStamp), { capture: true, once: true });
    let target = bench.image(index);
    let last = target ? target.getBoundingClientRect().left : NaN;
    let lastChange = null;
    const started = performance.now();
    bench.nextResult = new Promise((resolve) => {
      const tick = () => {
        const now = performance.now();
        if (!target || !target.isConnected) target = bench.image(index);
        const x = target ? target.getBoundingClientRect().left : NaN;
        if (!(Math.abs(x - last) <= 0.5)) {
          if (!(Number.isNaN(x) && Number.isNaN(last))) lastChange = now;
          last = x;
        }
        if (clickAt !== null && lastChange !== null && now - lastChange >= stillMs) {
          resolve({ settle: lastChange - clickAt, offset: last - rest, timeout: false });
        } else if (now - started > capMs) {
          resolve({ settle: null, offset: last - rest, timeout: true, clicked: clickAt !== null });
        } else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return true;
  };
})();
