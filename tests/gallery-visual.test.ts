// Visual regression baselines (@web/test-runner-visual-regression, configured in
// web-test-runner.config.mjs): the ready gallery with the local fixture photos, in a fixed-width wrapper,
// at 320, 768 and 1280 px, light and dark, left-to-right and right-to-left. Chromium only.
//
// Baselines: tests/visual-baselines/Chromium/baseline/<name>.png, committed. After an intended visual
// change, rewrite them with
//   UPDATE_REFS=true NWT_BROWSERS=chromium npx web-test-runner tests/gallery-visual.test.ts --config web-test-runner.config.mjs
// and commit the new images. A failed comparison leaves the new screenshot and a diff in
// screenshots/visual-failed/Chromium/ (ignored by git).
import { expect, nextFrame } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import * as visualRegression from '@web/test-runner-visual-regression';
import '../src/define.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { isChromium, skipIn } from './helpers/engine.js';
import { $$, TRACK } from './helpers/gallery.js';
import { waitUntil } from './helpers/waits.js';

// The package's index.d.ts re-exports './browser/commands.mjs', for which it ships no .d.mts: TypeScript
// sees no exports. The function is there at run time (browser/commands.d.ts describes it).
const { visualDiff } = visualRegression as unknown as {
  visualDiff(element: Node, name: string): Promise<void>;
};

const photo = (n: number) => `/tests/fixtures/photos/sign-${n}.svg`;

/** The content of tests/fixtures/gallery-feed.json, with the local photos. */
const FEED = {
  title: 'Test gallery',
  hashtag: 'NotWithThem',
  submit: { url: 'mailto:contact@example.org' },
  testimonials: [
    {
      id: 'laura-vilches',
      image: { src: photo(1), width: 800, height: 600, color: '#d9485f' },
      quote: '#NotWithThem because they represent the capitalist class',
      name: 'Laura Vilches',
      role: 'Legislator',
      place: 'Córdoba, Argentina',
      affiliation: "Left and Workers' Front – PTS",
    },
    {
      image: { src: photo(2), alt: 'Two legislators hold a sign' },
      quote: '#NotWithThem because we are not their backyard',
      name: 'Noelia Barbeito and Macarena Escudero',
      place: 'Mendoza, Argentina',
    },
    {
      image: photo(3),
      quote:
        '#NotWithThem because both deny rights for immigrants, because both are imperialists and because Black Lives Matter',
      name: 'Students of the School of Social Sciences, UBA',
    },
    {
      image: photo(4),
      quote:
        '#NotWithThem. We are with Black Lives Matter, the women and the workers. We need a workers party!',
      name: 'Workers from Pompeya',
    },
  ],
};

const WIDTHS = [320, 768, 1280] as const;
const THEMES = ['light', 'dark'] as const;
const DIRECTIONS = ['ltr', 'rtl'] as const;

/** Every image in the slides on show has loaded and decoded. */
async function photosLoaded(el: NotWithThemGallery): Promise<void> {
  const images = [...$$<HTMLImageElement>(el, `${TRACK} > .slide:not([inert]) img`)];
  expect(images.length, 'photos on show').to.be.greaterThan(0);
  await waitUntil(() => images.every((img) => img.complete), 'the photos never loaded', { timeout: 10_000 });
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
  expect(
    images.every((img) => img.naturalWidth > 0),
    'every photo loaded',
  ).to.equal(true);
}

describe('visual regression', function () {
  beforeEach(function () {
    skipIn(
      this,
      ['firefox', 'webkit'],
      'the baselines are Chromium screenshots; fonts and antialiasing differ by engine',
    );
  });

  before(async function () {
    if (!isChromium) return;
    // Room for the widest wrapper; no animation or smooth scrolling in the pictures.
    await setViewport({ width: 1340, height: 1000 });
    await emulateMedia({ reducedMotion: 'reduce' });
  });

  after(async () => {
    if (!isChromium) return;
    await emulateMedia({ reducedMotion: 'no-preference' });
    await setViewport({ width: 800, height: 600 });
  });

  afterEach(() => document.querySelectorAll('[data-test]').forEach((node) => node.remove()));

  for (const width of WIDTHS) {
    for (const theme of THEMES) {
      for (const dir of DIRECTIONS) {
        const name = `gallery-${width}-${theme}-${dir}`;
        it(name, async () => {
          const wrapper = document.createElement('div');
          wrapper.dataset.test = '';
          wrapper.dir = dir;
          wrapper.lang = 'en';
          // A fixed-width frame with the page colour of the theme; the gallery's height is its own.
          wrapper.style.cssText = `width: ${width}px; padding: 8px; box-sizing: content-box; background: ${theme === 'dark' ? '#000' : '#fff'}; font: 16px/1.5 sans-serif`;
          const el = document.createElement('notwiththem-gallery');
          el.theme = theme;
          el.testimonials = FEED;
          wrapper.append(el);
          document.body.prepend(wrapper);

          await waitUntil(
            () => el.shadowRoot?.querySelectorAll('[part~="slide"]').length === 4,
            'no slides',
            { timeout: 5000 },
          );
          await document.fonts.ready;
          await photosLoaded(el);
          // Let the measures (slides per view, dots, clamps, share row) settle, then finish anything animating.
          for (let i = 0; i < 3; i++) {
            await el.updateComplete;
            await nextFrame();
          }
          for (const animation of document.getAnimations()) animation.finish();
          (document.activeElement as HTMLElement | null)?.blur();
          expect(el.getBoundingClientRect().width).to.equal(width);

          await visualDiff(wrapper, name);
        });
      }
    }
  }
});
