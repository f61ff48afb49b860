import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { iframeSnippet, scriptSnippet } from '../src/embed/snippets.js';

interface ShiftReport {
  sum: number;
  entries: number;
  details: string[];
  /** performance.now() of the first contentful paint, and of the moment the element was defined. */
  fcp: number | null;
  definedAt: number | null;
}
import { TRACK } from './helpers/gallery.js';
import { atRest, nextTask, stable, waitUntil } from './helpers/waits.js';

/**
 * A host page with the gallery above other content, embedded with the script snippet the embed builder
 * hands out, as is: only the hosted bundle's URL points at a route that holds it until the page has
 * painted, so the element is defined after the first paint (as on a slow network; a fixed delay let a
 * loaded machine run the bundle before it), and the feed and the photos are slow.
 */
const files = (held: string) => ({
  bundle: `/__feeds/slow-bundle?held=${held}`,
  embed: new URL('/dist/embed.html', location.href).href,
});
const slowFeed = (n: number, title = '') =>
  new URL(
    `/__feeds/slow-feed-of-many?n=${n}&ms=700&imageMs=900${title && `&title=${encodeURIComponent(title)}`}`,
    location.href,
  ).href;

function hostPage(snippet: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Layout shift page</title>
    <script>
      // Every layout shift from the first paint on, as CLS counts them; and when the element was defined.
      window.report = { sum: 0, entries: 0, details: [], fcp: null, definedAt: null };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.hadRecentInput) continue;
          report.sum += entry.value;
          report.entries++;
          for (const s of entry.sources)
            report.details.push(\`\${s.node?.nodeName}#\${s.node?.id || ''} \${JSON.stringify(s.previousRect)} -> \${JSON.stringify(s.currentRect)} at \${Math.round(entry.startTime)}\`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (entry.name === 'first-contentful-paint') report.fcp = entry.startTime;
      }).observe({ type: 'paint', buffered: true });
      customElements.whenDefined('notwiththem-gallery').then(() => (report.definedAt = performance.now()));
    </script>
    <style>
      body { margin: 0; font-family: serif; }
      main { max-width: 900px; margin: 0 auto; padding: 1rem; }
    </style>
  </head>
  <body>
    <main>
      <h1>A page with a gallery above its content</h1>
      ${snippet}
      <p id="below">This paragraph sits below the gallery; it must never move while the gallery loads.</p>
      <p>More text. More text. More text.</p>
    </main>
  </body>
</html>`;
}

/** Loads the host page in an iframe `width` px wide and reports its shifts once the photos in view are in. */
async function layoutShiftOf(
  width: number,
  n = 7,
  embed: 'script' | 'iframe' = 'script',
  /** The feed's title, shown once the feed arrives (without one, the snippet's short label). */
  title = '',
): Promise<ShiftReport> {
  await setViewport({ width: Math.max(width + 40, 400), height: 900 });
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:1200px;border:0`;
  const options = title ? { src: slowFeed(n, title) } : { src: slowFeed(n), label: 'Testimonials' };
  const held = `bundle-${Math.random().toString(36).slice(2)}`;
  frame.srcdoc = hostPage(
    embed === 'script' ? scriptSnippet(options, files(held)) : iframeSnippet(options, files(held)),
  );
  document.body.append(frame);
  try {
    if (embed === 'script') {
      // The bundle leaves the server once the page's first contentful paint is reported.
      await waitUntil(
        () => (frame.contentWindow as unknown as { report?: ShiftReport }).report?.fcp != null,
        'the page never painted',
        { timeout: 10000 },
      );
      await fetch(`/__feeds/release?of=${held}`);
    }
    await waitUntil(
      () => {
        const inner = frame.contentDocument?.querySelector('iframe');
        const gallery = (inner ? inner.contentDocument : frame.contentDocument)?.querySelector(
          'notwiththem-gallery',
        );
        const images = gallery?.shadowRoot?.querySelectorAll<HTMLImageElement>(`${TRACK} img`);
        // The photos in view have loaded (lazy ones off-screen may never load, which is the point).
        return images && images.length > 0 && [...images].some((img) => img.complete && img.naturalWidth > 0);
      },
      'photos never loaded',
      { timeout: 10000 },
    );
    // Late shifts would come from the renders and measures that follow the photos: wait until the gallery
    // and the paragraph below it hold still, then for the observer's delivery (a task after the frame).
    const inner = frame.contentDocument!.querySelector('iframe');
    const galleryWindow = inner ? inner.contentWindow! : frame.contentWindow!;
    const gallery = galleryWindow.document.querySelector('notwiththem-gallery')!;
    await atRest(gallery, 'the gallery never came to rest', { win: galleryWindow, timeout: 10_000 });
    const below = frame.contentDocument!.getElementById('below')!;
    await stable(() => below.getBoundingClientRect().toJSON(), 'the paragraph below kept moving', {
      win: frame.contentWindow!,
    });
    await nextTask();
    return (frame.contentWindow as unknown as { report: ShiftReport }).report;
  } finally {
    frame.remove();
  }
}

describe('layout shift, with the snippets the builder hands out', () => {
  // Layout Instability API: Chromium only.
  const supported = PerformanceObserver.supportedEntryTypes?.includes('layout-shift');

  for (const width of [320, 768, 1200]) {
    it(`is 0 at ${width} px with a late bundle, a slow feed and slow photos`, async function () {
      if (!supported) this.skip();
      const { sum, entries, details, fcp, definedAt } = await layoutShiftOf(width);
      // The page painted before the element was defined: the reserved box is what held the place.
      expect(fcp, 'first contentful paint').to.be.a('number');
      expect(definedAt, 'defined').to.be.a('number');
      expect(fcp!).to.be.below(definedAt!);
      expect(sum, `${entries} layout-shift entries: ${details.join('; ')}`).to.equal(0);
    });
  }

  it('is 0 with the iframe snippet, a slow feed and slow photos', async function () {
    if (!supported) this.skip();
    const { sum, entries, details } = await layoutShiftOf(768, 7, 'iframe');
    expect(sum, `${entries} layout-shift entries: ${details.join('; ')}`).to.equal(0);
  });

  for (const width of [320, 1200]) {
    it(`is 0 at ${width} px when the feed brings a title longer than its band`, async function () {
      if (!supported) this.skip();
      // 5 lines at 320 px, 2 at 1200 px: the band holds 2 lines (1 from 48rem) and is decided before the feed.
      const title =
        '#NotWithThem: students, workers, teachers, nurses and legislators from every province of Argentina join the campaign against both candidates';
      const { sum, entries, details } = await layoutShiftOf(width, 7, 'script', title);
      expect(sum, `${entries} layout-shift entries: ${details.join('; ')}`).to.equal(0);
    });
  }

  it('is 0 with 1,000 testimonials', async function () {
    if (!supported) this.skip();
    const { sum, details } = await layoutShiftOf(768, 1000);
    expect(sum, details.join('; ')).to.equal(0);
  });
});
