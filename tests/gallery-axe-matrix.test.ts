// axe-core with every rule (WCAG A/AA/AAA tags, best practices and experimental rules) on the gallery in
// each state × configuration: light, dark, forced colours (where the engine can emulate it), 200% zoom,
// 320 px reflow and the WCAG text-spacing values. Any violation on a node inside the gallery fails.
import 'axe-core/axe.min.js';
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/define.js';
import { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { isChromium } from './helpers/engine.js';
import { $, FEED, TRACK } from './helpers/gallery.js';
import { waitUntil } from './helpers/waits.js';

interface AxeRun {
  violations: { id: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
  passes: unknown[];
}
interface Axe {
  run(context: Element, options: object): Promise<AxeRun>;
  getRules(): { ruleId: string }[];
}
const axe = (window as unknown as { axe: Axe }).axe;
const everyRule = Object.fromEntries(axe.getRules().map(({ ruleId }) => [ruleId, { enabled: true }]));

const SPACING = `notwiththem-gallery, * { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`;

interface Config {
  name: string;
  width: number;
  attrs?: string;
  /** CSS zoom of the wrapper (the whole gallery at 200%). */
  zoom?: number;
  css?: string;
  forcedColors?: boolean;
}
const configs: Config[] = [
  { name: 'light', width: 800 },
  { name: 'dark', width: 800, attrs: 'theme="dark"' },
  ...(isChromium ? [{ name: 'forced colours', width: 800, forcedColors: true }] : []),
  { name: '200% zoom', width: 640, zoom: 2 },
  { name: '320 px reflow', width: 320 },
  { name: 'WCAG text spacing', width: 800, css: SPACING },
];

interface State {
  name: string;
  src?: string | null;
  attrs?: string;
  testimonials?: unknown;
  /** Loader settings for this state only (restored after each test). */
  loaderOptions?: typeof NotWithThemGallery.loaderOptions;
  ready(el: NotWithThemGallery): Promise<unknown>;
}
const message = (el: NotWithThemGallery) => $(el, '[part~="message"]');
const slidesShown = (el: NotWithThemGallery) => waitUntil(() => $(el, `${TRACK} > .slide`), 'no slides');
let key = 0;
const states: State[] = [
  { name: 'no source', src: null, ready: (el) => waitUntil(() => message(el), 'no message') },
  {
    name: 'loading',
    src: `/__feeds/hang?ms=3000&key=axe-${Date.now()}`,
    ready: (el) => waitUntil(() => $(el, '[role="status"]'), 'no status'),
  },
  {
    // A server error, which offers Retry (a 404 or a bad file has no button): every control of the state.
    name: 'error',
    src: '/__feeds/500',
    loaderOptions: { retries: 0 },
    ready: (el) => waitUntil(() => $(el, '[part~="retry"]'), 'no retry'),
  },
  {
    name: 'empty',
    src: null,
    testimonials: [],
    ready: (el) => waitUntil(() => message(el), 'no message'),
  },
  { name: 'ready', ready: slidesShown },
  { name: 'rotating', attrs: 'autoplay', ready: slidesShown },
  { name: 'counter (120)', src: '/__feeds/many?n=120', ready: slidesShown },
  {
    name: 'dialog open',
    ready: async (el) => {
      await slidesShown(el);
      const opener = $(el, '.slide:not([inert]) button')!;
      (el as unknown as { openDialog(index: number, opener: HTMLElement): void }).openDialog(0, opener);
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'dialog never opened');
    },
  },
];

const counts = { runs: 0, violations: 0, passes: 0 };

describe('axe, every rule, in every state and configuration', function () {
  this.timeout(60_000);
  let sheet: HTMLStyleElement | undefined;
  const savedLoaderOptions = NotWithThemGallery.loaderOptions;
  afterEach(async () => {
    NotWithThemGallery.loaderOptions = savedLoaderOptions;
    sheet?.remove();
    sheet = undefined;
    if (isChromium) await emulateMedia({ forcedColors: 'none' });
  });
  after(() =>
    console.log(
      `axe matrix: ${states.length} states × ${configs.length} configurations = ${counts.runs} runs, ` +
        `${axe.getRules().length} rules, ${counts.passes} rule passes, ${counts.violations} violations`,
    ),
  );

  for (const config of configs) {
    for (const state of states) {
      it(`${state.name} · ${config.name}`, async () => {
        if (config.forcedColors) {
          // Sent over the DevTools protocol (scripts/test-runner/wtr-engine-commands.mjs): the stock
          // command dropped the option, so the page never was in forced colours.
          await emulateMedia({ forcedColors: 'active' });
          expect(matchMedia('(forced-colors: active)').matches, 'forced colours applied').to.equal(true);
        }
        if (config.css) {
          sheet = Object.assign(document.createElement('style'), { textContent: config.css });
          document.head.append(sheet);
        }
        if (state.loaderOptions) NotWithThemGallery.loaderOptions = state.loaderOptions;
        const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
        wrapper.style.width = `${config.width / (config.zoom ?? 1)}px`;
        if (config.zoom) wrapper.style.setProperty('zoom', String(config.zoom));
        const src = state.src === undefined ? FEED : state.src;
        wrapper.innerHTML = `<notwiththem-gallery ${src ? `src="${src}${src.includes('?') ? '&' : '?'}k=${key++}"` : ''} ${state.attrs ?? ''} ${config.attrs ?? ''}></notwiththem-gallery>`;
        const el = wrapper.firstElementChild as NotWithThemGallery;
        if (state.testimonials !== undefined) el.testimonials = state.testimonials;
        await state.ready(el);
        await el.updateComplete;
        const result = await axe.run(el, { rules: everyRule, resultTypes: ['violations'] });
        counts.runs++;
        counts.passes += result.passes.length;
        const inside = result.violations.filter((v) => v.id !== 'page-has-heading-one');
        counts.violations += inside.length;
        const text = inside.map(
          (v) =>
            `${v.id}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('; ')}`,
        );
        $<HTMLDialogElement>(el, 'dialog')?.close();
        expect(text, `${state.name} · ${config.name}`).to.deep.equal([]);
      });
    }
  }
});
