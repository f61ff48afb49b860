// People photos in the fixed photo box: a portrait fills it (cropped at most a fifth, around its focal
// point), a landscape photo of two people and their sign shows whole, at 320–1440 px with 1, 2 and 3
// slides in view. The box keeps its size either way, so nothing moves when the photo arrives.
import { expect } from '@open-wc/testing';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { $, mount, slides } from './helpers/gallery.js';
import { waitUntil } from './helpers/waits.js';

const DEMO = '/demo/';

async function demoFeed(): Promise<{ testimonials: Record<string, any>[] } & Record<string, unknown>> {
  const feed = await (await fetch(`${DEMO}testimonials.json`)).json();
  for (const t of feed.testimonials) {
    t.image.src = DEMO + t.image.src;
    delete t.image.srcset;
  }
  return feed;
}

/** The region of the source image (0–1 on each axis) the box shows, from its object-fit and position. */
function visibleRegion(img: HTMLImageElement) {
  const style = getComputedStyle(img);
  const { width: w, height: h } = img.getBoundingClientRect();
  const [nw, nh] = [img.naturalWidth, img.naturalHeight];
  const scale = (style.objectFit === 'contain' ? Math.min : Math.max)(w / nw, h / nh);
  const [rw, rh] = [nw * scale, nh * scale];
  const [px, py] = style.objectPosition.split(' ').map((v) => parseFloat(v) / 100) as [number, number];
  const [ox, oy] = [(w - rw) * px, (h - rh) * py];
  return {
    x0: Math.max(0, -ox / rw),
    x1: Math.min(1, (w - ox) / rw),
    y0: Math.max(0, -oy / rh),
    y1: Math.min(1, (h - oy) / rh),
  };
}

async function photoOf(el: NotWithThemGallery, id: string): Promise<HTMLImageElement> {
  const slide = slides(el).find((s) => $(s, `[data-id="${id}"]`))!;
  const img = $<HTMLImageElement>(slide, '[part~="image"]')!;
  // Lazy photos off-screen: load it now, as scrolling to it would.
  img.loading = 'eager';
  await waitUntil(() => img.complete && img.naturalWidth > 0, `the photo of ${id} never loaded`, {
    timeout: 8000,
  });
  // The fit is decided in the photo's load listener, which runs after `complete` turns true.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return img;
}

describe('photo fit', function () {
  this.timeout(60_000);

  for (const [width, perView] of [
    [320, 1],
    [768, 2],
    [1440, 3],
  ] as const) {
    it(`at ${width} px (${perView} in view) the landscape photo shows whole; the portrait fills its box around its focus`, async () => {
      const feed = await demoFeed();
      const el = await mount({ width, testimonials: feed });
      expect(slides(el).filter((s) => !s.inert).length).to.equal(perView);
      const box = $(slides(el)[0]!, '[part~="photo"]')!.getBoundingClientRect();
      expect(box.height / box.width, 'the 4:5 box').to.be.closeTo(5 / 4, 0.02);

      // Noelia Barbeito and Macarena Escudero's 4:3 photo: the whole width (both people, the whole sign).
      const wide = await photoOf(el, 'barbeito-escudero');
      expect(wide.naturalWidth / wide.naturalHeight).to.be.above(1.2);
      const r = visibleRegion(wide);
      expect(r.x0, 'left edge shown').to.be.at.most(0.001);
      expect(r.x1, 'right edge shown').to.be.at.least(0.999);
      expect(r.y0).to.be.at.most(0.001);
      expect(r.y1).to.be.at.least(0.999);

      // Laura Vilches's 3:4 portrait still fills the box (no bands), cropped by less than a fifth, and
      // shows its focal point.
      const laura = feed.testimonials.find((t) => t.id === 'laura-vilches')!;
      const tall = await photoOf(el, 'laura-vilches');
      expect(getComputedStyle(tall).objectFit).to.equal('cover');
      const p = visibleRegion(tall);
      expect(p.x1 - p.x0, 'portrait width shown').to.be.at.least(0.999);
      expect(p.y1 - p.y0, 'portrait height shown').to.be.at.least(0.8);
      const [fx, fy] = String(laura.image.focus ?? '50% 50%')
        .split(' ')
        .map((v) => parseFloat(v) / 100) as [number, number];
      expect(fx >= p.x0 && fx <= p.x1 && fy >= p.y0 && fy <= p.y1, 'the focal point shows').to.equal(true);
    });
  }

  it('fit="cover" keeps the crop of a landscape photo, as the page asked', async () => {
    const el = await mount({ width: 320, attrs: 'fit="cover"', testimonials: await demoFeed() });
    const r = visibleRegion(await photoOf(el, 'barbeito-escudero'));
    expect(r.x1 - r.x0).to.be.below(0.7);
  });
});
