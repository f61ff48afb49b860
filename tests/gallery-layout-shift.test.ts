import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { TRACK } from './helpers/gallery.js';

/**
 * Loads a page with the gallery above other content, a slow feed and slow photos, in an iframe of
 * its own, and sums the page's layout-shift entries from first paint until every photo has arrived.
 */
async function layoutShiftOf(
  width: number,
  n = 7,
): Promise<{ sum: number; entries: number; details?: string[] }> {
  await setViewport({ width: Math.max(width + 40, 400), height: 900 });
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:1200px;border:0`;
  frame.src = `/tests/fixtures/layout-shift-page.html?n=${n}`;
  document.body.append(frame);
  try {
    await waitUntil(
      () => {
        const doc = frame.contentDocument;
        const gallery = doc?.getElementById('gallery');
        const images = gallery?.shadowRoot?.querySelectorAll<HTMLImageElement>(`${TRACK} img`);
        // The photos in view have loaded (lazy ones off-screen may never load, which is the point).
        return images && images.length > 0 && [...images].some((img) => img.complete && img.naturalWidth > 0);
      },
      'photos never loaded',
      { timeout: 8000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    return (
      frame.contentWindow as unknown as { layoutShift: { sum: number; entries: number; details?: string[] } }
    ).layoutShift;
  } finally {
    frame.remove();
  }
}

describe('layout shift', () => {
  // Layout Instability API: Chromium only.
  const supported = PerformanceObserver.supportedEntryTypes?.includes('layout-shift');

  for (const width of [320, 768, 1200]) {
    it(`is 0 at ${width} px with a slow feed and slow photos`, async function () {
      if (!supported) this.skip();
      const { sum, entries, details } = await layoutShiftOf(width);
      expect(sum, `${entries} layout-shift entries: ${details?.join('; ')}`).to.equal(0);
    });
  }

  it('is 0 with 1,000 testimonials', async function () {
    if (!supported) this.skip();
    const { sum } = await layoutShiftOf(768, 1000);
    expect(sum).to.equal(0);
  });
});
