// The element against faults served by the test server (tests/server/fault-routes.mjs): each fault gives
// its code in `nwt-error`, a visible localized message with Retry, no uncaught error, and Retry works
// once the fault clears (`until-cleared` rows, cleared with `/__feeds/clear?of=<key>`).
//
// Loads use `NotWithThemGallery.loaderOptions` with a 50 ms backoff base (default 500) and, for the
// timeout case, a 600 ms timeout (default 15 s), so that the whole file takes seconds; the number of
// attempts and the decisions (what is retried, Retry-After, caps) are the loader's defaults.
// Every case's observed behaviour (code, status, attempts, time to settle) is logged once at the end.
import { expect, nextFrame, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/define.js';
import { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import type { NwtErrorDetail } from '../src/events.js';
import { en } from '../src/i18n/en.js';
import { es } from '../src/i18n/es.js';
import { errorStringKey } from '../src/templates/states.js';
import { nextTask, waitUntil } from './helpers/waits.js';

const key = () => `fault-${Math.random().toString(36).slice(2)}`;

/** The test page's origin is one of localhost / 127.0.0.1; the server listens on both: the other is cross-origin. */
const otherOrigin = () =>
  `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;

async function hits(k: string): Promise<number> {
  const response = await fetch(`/__feeds/hits?key=${k}`);
  return ((await response.json()) as { hits: number }).hits;
}

const clear = (k: string) => fetch(`/__feeds/clear?of=${k}`);

interface Observation {
  fault: string;
  outcome: string;
  message: string;
  attempts: number;
  ms: number;
}
const observations: Observation[] = [];

let uncaught: unknown[] = [];
const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);

const stateOf = (el: NotWithThemGallery) => el.shadowRoot!.querySelector<HTMLElement>('[part~="state"]');
const retryOf = (el: NotWithThemGallery) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]');
const slidesOf = (el: NotWithThemGallery) => el.shadowRoot!.querySelectorAll('[part~="slide"]');

/** Laid out, not hidden, at least partly inside the host. */
function expectVisible(node: HTMLElement, host: HTMLElement, what: string): void {
  const box = node.getBoundingClientRect();
  const hostBox = host.getBoundingClientRect();
  const style = getComputedStyle(node);
  expect(box.width > 0 && box.height > 0, `${what} has a size`).to.equal(true);
  expect(style.visibility, `${what} visibility`).to.equal('visible');
  expect(Number(style.opacity), `${what} opacity`).to.be.greaterThan(0.9);
  expect(
    box.top >= hostBox.top - 1 && box.bottom <= hostBox.bottom + 1,
    `${what} inside the host vertically`,
  ).to.equal(true);
  expect(
    box.left >= hostBox.left - 1 && box.right <= hostBox.right + 1,
    `${what} inside the host horizontally`,
  ).to.equal(true);
}

/** A gallery in a 360 px column loading `src`; resolves once it settles (nwt-load or nwt-error). */
async function load(src: string, lang: 'en' | 'es') {
  const column = document.createElement('div');
  column.style.width = '360px';
  document.body.append(column);
  const el = document.createElement('notwiththem-gallery');
  el.lang = lang;
  const errors: NwtErrorDetail[] = [];
  const loads: number[] = [];
  el.addEventListener('nwt-error', (event) => errors.push(event.detail));
  el.addEventListener('nwt-load', (event) => loads.push(event.detail.count));
  const started = performance.now();
  el.src = src;
  column.append(el);
  await waitUntil(() => errors.length + loads.length > 0, `${src} never settled`, {
    timeout: 15_000,
    interval: 10,
  });
  const ms = Math.round(performance.now() - started);
  await el.updateComplete;
  return { el, column, errors, loads, ms };
}

interface Case {
  fault: string;
  /** Route and query after /__feeds/, without the key. */
  route: string;
  code: NwtErrorDetail['code'];
  status?: number;
  lang: 'en' | 'es';
  /** Attempts the loader makes before giving up (the server counts them). */
  attempts: number;
  /** The server may see more requests than attempts: browsers retry a reset keep-alive socket themselves. */
  browserRetries?: boolean;
  crossOrigin?: boolean;
  loaderOptions?: typeof NotWithThemGallery.loaderOptions;
}

/** The label each error code shows, as the element picks it. */
const messageKey = errorStringKey;

const cases: Case[] = [
  { fault: '404', route: 'until-cleared?fault=404', code: 'http', status: 404, lang: 'en', attempts: 1 },
  {
    fault: '500 every time',
    route: 'until-cleared?fault=500',
    code: 'http',
    status: 500,
    lang: 'es',
    attempts: 4,
  },
  {
    fault: '429, Retry-After: 120',
    route: 'until-cleared?fault=429&after=120',
    code: 'http',
    status: 429,
    lang: 'en',
    attempts: 1,
  },
  {
    fault: 'connection reset',
    route: 'until-cleared?fault=reset',
    code: 'network',
    lang: 'es',
    attempts: 4,
    browserRetries: true,
  },
  {
    fault: 'first byte after the timeout',
    route: 'until-cleared?fault=slow&ms=4000',
    code: 'timeout',
    lang: 'en',
    attempts: 2,
    loaderOptions: { timeout: 600 },
  },
  { fault: 'truncated JSON', route: 'until-cleared?fault=truncated', code: 'parse', lang: 'es', attempts: 1 },
  {
    fault: 'HTML page, status 200',
    route: 'until-cleared?fault=html',
    code: 'parse',
    lang: 'en',
    attempts: 1,
  },
  {
    fault: 'wrong content type (image/png)',
    route: 'until-cleared?fault=png',
    code: 'parse',
    lang: 'es',
    attempts: 1,
  },
  { fault: 'empty body', route: 'until-cleared?fault=empty', code: 'parse', lang: 'en', attempts: 1 },
  {
    fault: '6 MB body, chunked',
    route: 'until-cleared?fault=huge',
    code: 'too-large',
    lang: 'es',
    attempts: 1,
  },
  {
    fault: '6 MB Content-Length',
    route: 'until-cleared?fault=huge-length',
    code: 'too-large',
    lang: 'en',
    attempts: 1,
  },
  {
    fault: 'cross-origin, no CORS headers',
    route: 'until-cleared?fault=ok',
    code: 'network',
    lang: 'es',
    attempts: 4,
    crossOrigin: true,
  },
];

describe('faults served by the test server', function () {
  const saved = NotWithThemGallery.loaderOptions;

  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });

  beforeEach(() => {
    uncaught = [];
    NotWithThemGallery.loaderOptions = { retryDelay: 50 };
    // The element warns once per failed load; keep the output for the failures that matter.
    sinon.stub(console, 'warn');
  });

  afterEach(async () => {
    sinon.restore();
    NotWithThemGallery.loaderOptions = saved;
    document.querySelectorAll('body > div').forEach((node) => node.remove());
    // A rejection is reported in a task queued after it: it still belongs to the test that caused it.
    await nextFrame();
    await nextTask();
    expect(uncaught, 'uncaught errors and rejections').to.deep.equal([]);
  });

  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    const rows = observations.map(
      (o) => `${o.fault} | ${o.outcome} | ${o.attempts} | ${o.ms} ms | ${o.message}`,
    );
    console.log(
      `Fault observations (${navigator.userAgent.match(/(Firefox|Chrome|Version)\/[\d.]+/)?.[0] ?? 'browser'}):\n${rows.join('\n')}`,
    );
  });

  for (const c of cases) {
    it(`${c.fault}: ${c.code}${c.status ? ` ${c.status}` : ''}, a ${c.lang === 'es' ? 'Spanish' : 'English'} message, Retry where it can help, and trying again works once it clears`, async function () {
      if (c.loaderOptions)
        NotWithThemGallery.loaderOptions = { ...NotWithThemGallery.loaderOptions, ...c.loaderOptions };
      const k = key();
      const src = `${c.crossOrigin ? otherOrigin() : ''}/__feeds/${c.route}&key=${k}`;
      const { el, errors, loads, ms } = await load(src, c.lang);

      // The error event: its code (and status), once.
      expect(loads, 'nwt-load').to.deep.equal([]);
      // A second nwt-error would come from the same settled load, through its promise reactions: a frame
      // and a render after the first one it would have fired.
      await nextFrame();
      await el.updateComplete;
      expect(errors.length, 'nwt-error fired once').to.equal(1);
      const [detail] = errors as [NwtErrorDetail];
      expect(detail.code).to.equal(c.code);
      expect(detail.status).to.equal(c.status);
      expect(detail.message).to.be.a('string').and.not.equal('');
      const served = await hits(k);
      // Browsers retry a reset connection themselves (Chromium once, Firefox up to
      // network.http.request.max-attempts, 10): the server sees at least one request per loader attempt.
      if (c.browserRetries) expect(served, 'requests served').to.be.at.least(c.attempts);
      else expect(served, 'attempts').to.equal(c.attempts);

      // The visible, localized message, and Retry only where trying again can help.
      const strings = c.lang === 'es' ? es : en;
      const message = strings[messageKey(c.code)].replace('{status}', String(c.status ?? ''));
      const state = stateOf(el)!;
      expect(state.getAttribute('role')).to.equal('alert');
      expect(state.querySelector('.message')!.textContent!.trim()).to.equal(message);
      expectVisible(state.querySelector('.message')!, el, 'message');
      const retryable = c.code === 'network' || c.code === 'timeout' || c.status! >= 500 || c.status === 429;
      const retry = retryOf(el);
      if (retryable) {
        expect(retry!.textContent!.trim()).to.equal(strings.retry);
        expectVisible(retry!, el, 'Retry');
      } else {
        expect(retry, 'no Retry for a fault that trying again cannot mend').to.equal(null);
      }
      // The reader's Retry, or the page's reload() where there is none.
      const tryAgain = () => (retryable ? retryOf(el)!.click() : void el.reload());
      expect(el.shadowRoot!.querySelector('[part~="viewport"]')!.getAttribute('aria-busy')).to.equal('false');
      observations.push({
        fault: c.fault,
        outcome: `${detail.code}${c.status ? ` ${c.status}` : ''}`,
        message,
        attempts: served,
        ms,
      });

      // Retry while the fault is still there fails the same way, quietly.
      const again = oneEvent(el, 'nwt-error');
      tryAgain();
      expect((await again).detail.code).to.equal(c.code);
      await el.updateComplete;

      // Once the fault clears, Retry shows the gallery (within the default timeout: a short one is there
      // only to meet the slow fault quickly, and a loaded machine could exceed it on a healthy answer).
      NotWithThemGallery.loaderOptions = { ...NotWithThemGallery.loaderOptions, timeout: saved.timeout };
      await clear(k);
      const loaded = oneEvent(el, 'nwt-load');
      tryAgain();
      expect((await loaded).detail.count).to.equal(2);
      await waitUntil(() => slidesOf(el).length === 2, 'no slides after Retry');
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      expect(errors.length).to.equal(2);
    });
  }

  it('500 then 200: the loader retries by itself; no error is shown', async () => {
    const k = key();
    const { el, errors, loads, ms } = await load(`/__feeds/flaky?key=${k}`, 'en');
    expect(errors).to.deep.equal([]);
    expect(loads).to.deep.equal([2]);
    expect(await hits(k)).to.equal(2);
    await waitUntil(() => slidesOf(el).length === 2, 'no slides');
    observations.push({
      fault: '500 then 200',
      outcome: 'loaded after 1 retry',
      message: '-',
      attempts: 2,
      ms,
    });
  });

  it('429 with Retry-After: 1 waits the second the server asked for, then loads', async () => {
    const k = key();
    const { el, errors, loads, ms } = await load(`/__feeds/429?after=1&key=${k}`, 'en');
    expect(errors).to.deep.equal([]);
    expect(loads).to.deep.equal([2]);
    expect(await hits(k)).to.equal(2);
    // The backoff alone would have been at most 50 ms: the wait is the server's.
    expect(ms).to.be.at.least(950);
    await waitUntil(() => slidesOf(el).length === 2, 'no slides');
    observations.push({
      fault: '429, Retry-After: 1',
      outcome: 'loaded after waiting Retry-After',
      message: '-',
      attempts: 2,
      ms,
    });
  });

  it('a right feed sent as text/plain still loads (the content type is not checked, by design)', async () => {
    const k = key();
    const { errors, loads, ms } = await load(`/__feeds/text-plain?key=${k}`, 'en');
    expect(errors).to.deep.equal([]);
    expect(loads).to.deep.equal([2]);
    observations.push({
      fault: 'valid JSON as text/plain',
      outcome: 'loaded',
      message: '-',
      attempts: 1,
      ms,
    });
  });

  it('a cross-origin feed with CORS headers loads (the cross-origin case above fails for CORS alone)', async () => {
    const k = key();
    await clear(k);
    const { errors, loads } = await load(`${otherOrigin()}/__feeds/until-cleared?key=${k}`, 'en');
    expect(errors).to.deep.equal([]);
    expect(loads).to.deep.equal([2]);
  });
});
