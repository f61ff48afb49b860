// Lifecycle: a disconnect aborts the load in flight and a reconnect restores the gallery; mounting and
// unmounting leaves nothing behind (timers, window/document listeners and observers are counted);
// galleries stay independent and share one request per feed; the bundle loaded twice and a property
// set before the upgrade (both in iframes, with the built script-tag bundle) break nothing.
import { expect, oneEvent, nextFrame } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/define.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { waitUntil } from './helpers/waits.js';

const key = () => `life-${Math.random().toString(36).slice(2)}`;

// Waits that the census does not see (waitUntil leaves its 5 s guard timer pending when it succeeds): a
// poll on the page's own setTimeout, taken before the census wraps it. It polls every 5 ms rather than
// every animation frame: WebKit under load gives few frames, and the 100 cycles below wait for each.
const rawSetTimeout = window.setTimeout.bind(window);
const rawFrame = window.requestAnimationFrame.bind(window);
const frameUnseen = () => new Promise((resolve) => rawFrame(resolve));
async function until(condition: () => boolean, message: string, timeout = 5000): Promise<void> {
  const end = performance.now() + timeout;
  while (!condition()) {
    if (performance.now() > end) throw new Error(message);
    await new Promise((resolve) => rawSetTimeout(resolve, 5));
  }
}
const slidesOf = (el: Element) => el.shadowRoot?.querySelectorAll('[part~="slide"]').length ?? 0;

async function hits(k: string): Promise<number> {
  return ((await (await fetch(`/__feeds/hits?key=${k}`)).json()) as { hits: number }).hits;
}
async function gone(k: string): Promise<number> {
  return ((await (await fetch(`/__feeds/gone?of=${k}`)).json()) as { gone: number }).gone;
}

const TESTIMONIALS = [
  {
    id: 'one',
    image: '/tests/fixtures/photos/sign-1.svg',
    quote: '#NotWithThem because they represent the capitalist class',
    name: 'Laura Vilches',
  },
  {
    id: 'two',
    image: '/tests/fixtures/photos/sign-2.svg',
    quote: '#NotWithThem because education is a right',
    name: 'Students',
  },
  {
    id: 'three',
    image: '/tests/fixtures/photos/sign-3.svg',
    quote: '#NotWithThem. We need a workers party!',
    name: 'Workers',
  },
];

/** A gallery in a column of its own, 360 px wide (one slide per page). */
function gallery(attrs: Partial<NotWithThemGallery> = {}, parent?: HTMLElement): NotWithThemGallery {
  if (!parent) {
    parent = document.createElement('div');
    parent.dataset.test = '';
    parent.style.width = '360px';
    document.body.append(parent);
  }
  const el = document.createElement('notwiththem-gallery');
  Object.assign(el, attrs);
  parent.append(el);
  return el;
}

// ---------------------------------------------------------------------------------------------------
// A census of what a page keeps alive: pending timeouts and intervals, listeners on window and document
// (removed by removeEventListener, by their AbortSignal, or by firing once), live observers.

type Key = string;
interface Census {
  timers: number;
  intervals: number;
  animationFrames: number;
  listeners: number;
  observers: number;
}

class Tracker {
  private readonly timers = new Set<number>();
  private readonly intervals = new Set<number>();
  private readonly frames = new Set<number>();
  private readonly listeners = new Map<EventTarget, Map<Key, Set<unknown>>>();
  private readonly observers = new Set<object>();
  private readonly restore: (() => void)[] = [];

  install(): void {
    const win = window as unknown as Record<string, unknown>;
    const swap = <T>(owner: Record<string, unknown>, name: string, value: T) => {
      const original = owner[name];
      owner[name] = value;
      this.restore.push(() => (owner[name] = original));
      return original;
    };

    const setTimeout_ = window.setTimeout.bind(window);
    const clearTimeout_ = window.clearTimeout.bind(window);
    swap(win, 'setTimeout', (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id: number = setTimeout_(
        (...a: unknown[]) => {
          this.timers.delete(id);
          if (typeof handler === 'function') (handler as (...x: unknown[]) => void)(...a);
        },
        ms,
        ...args,
      );
      this.timers.add(id);
      return id;
    });
    swap(win, 'clearTimeout', (id?: number) => {
      if (id !== undefined) this.timers.delete(id);
      clearTimeout_(id);
    });
    const setInterval_ = window.setInterval.bind(window);
    const clearInterval_ = window.clearInterval.bind(window);
    swap(win, 'setInterval', (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id = setInterval_(handler, ms, ...args);
      this.intervals.add(id);
      return id;
    });
    swap(win, 'clearInterval', (id?: number) => {
      if (id !== undefined) this.intervals.delete(id);
      clearInterval_(id);
    });
    const raf = window.requestAnimationFrame.bind(window);
    const caf = window.cancelAnimationFrame.bind(window);
    swap(win, 'requestAnimationFrame', (callback: FrameRequestCallback) => {
      const id = raf((time) => {
        this.frames.delete(id);
        callback(time);
      });
      this.frames.add(id);
      return id;
    });
    swap(win, 'cancelAnimationFrame', (id: number) => {
      this.frames.delete(id);
      caf(id);
    });

    const proto = EventTarget.prototype as unknown as Record<string, unknown>;
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    const tracker = this;
    const watched = (target: unknown) => target === window || target === document;
    const keyOf = (type: string, options?: boolean | EventListenerOptions) =>
      `${type}|${typeof options === 'boolean' ? options : Boolean(options?.capture)}`;
    const forget = (target: EventTarget, k: Key, listener: unknown) =>
      tracker.listeners.get(target)?.get(k)?.delete(listener);
    swap(
      proto,
      'addEventListener',
      function (
        this: EventTarget,
        type: string,
        listener: EventListenerOrEventListenerObject | null,
        options?: boolean | AddEventListenerOptions,
      ) {
        add.call(this, type, listener, options);
        if (!listener || !watched(this)) return;
        const signal = typeof options === 'object' ? options.signal : undefined;
        if (signal?.aborted) return;
        const k = keyOf(type, options);
        let byType = tracker.listeners.get(this);
        if (!byType) tracker.listeners.set(this, (byType = new Map()));
        let set = byType.get(k);
        if (!set) byType.set(k, (set = new Set()));
        if (set.has(listener)) return;
        set.add(listener);
        const target = this;
        signal && add.call(signal, 'abort', () => forget(target, k, listener), { once: true });
        if (typeof options === 'object' && options.once) {
          // Fired once, the browser removes it: so do we (a capturing listener of our own, added first… or after,
          // either way it runs in the same dispatch).
          add.call(this, type, () => forget(target, k, listener), { once: true, capture: options.capture });
        }
      },
    );
    swap(
      proto,
      'removeEventListener',
      function (
        this: EventTarget,
        type: string,
        listener: EventListenerOrEventListenerObject | null,
        options?: boolean | EventListenerOptions,
      ) {
        remove.call(this, type, listener, options);
        if (listener && watched(this)) forget(this, keyOf(type, options), listener);
      },
    );

    for (const name of ['ResizeObserver', 'IntersectionObserver', 'MutationObserver'] as const) {
      const Original = window[name] as unknown as new (...args: never[]) => { disconnect(): void };
      const live = this.observers;
      const Counted = class extends (Original as new (...args: unknown[]) => { disconnect(): void }) {
        constructor(...args: unknown[]) {
          super(...args);
          live.add(this);
        }
        override disconnect(): void {
          live.delete(this);
          super.disconnect();
        }
      };
      swap(win, name, Counted);
    }
  }

  uninstall(): void {
    while (this.restore.length) this.restore.pop()!();
  }

  count(): Census {
    let listeners = 0;
    for (const byType of this.listeners.values()) for (const set of byType.values()) listeners += set.size;
    return {
      timers: this.timers.size,
      intervals: this.intervals.size,
      animationFrames: this.frames.size,
      listeners,
      observers: this.observers.size,
    };
  }

  /** What is still registered, for a failure message. */
  describe(): string {
    const lines: string[] = [];
    for (const [target, byType] of this.listeners) {
      for (const [k, set] of byType)
        if (set.size) lines.push(`${target === window ? 'window' : 'document'} ${k} ×${set.size}`);
    }
    return lines.join(', ');
  }
}

describe('lifecycle', function () {
  afterEach(() => {
    sinon.restore();
    document.querySelectorAll('[data-test]').forEach((node) => node.remove());
  });

  it('a disconnect mid-request aborts it: the signal aborts and the server sees the client go', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    const k = key();
    const el = gallery({ src: `/__feeds/hang?ms=20000&key=${k}` });
    await waitUntil(async () => (await hits(k)) === 1, 'the request never reached the server', {
      timeout: 5000,
    });
    const feedCall = fetchSpy
      .getCalls()
      .find((call) => String(call.args[0]).includes(`hang?ms=20000&key=${k}`));
    expect(
      feedCall,
      `the loader's fetch among ${fetchSpy
        .getCalls()
        .map((c) => String(c.args[0]))
        .join(', ')}`,
    ).to.exist;
    const signal = (feedCall!.args[1] as RequestInit).signal!;
    expect(signal.aborted).to.equal(false);

    const errors: Event[] = [];
    el.addEventListener('nwt-error', (event) => errors.push(event));
    el.remove();
    await waitUntil(() => signal.aborted, 'the fetch signal was not aborted', { timeout: 2000 });
    await waitUntil(async () => (await gone(k)) === 1, 'the server never saw the client go', {
      timeout: 5000,
    });
    // An abort is not a failure: no nwt-error, nothing in the console. The abort reaches the element
    // only through promise reactions: once the fetch itself has rejected and a frame and a render have
    // passed, an nwt-error would have fired.
    await (feedCall!.returnValue as Promise<Response>).catch(() => {});
    await nextFrame();
    await el.updateComplete;
    expect(errors).to.deep.equal([]);
  });

  it('a reconnect after an aborted load loads again and shows the gallery', async () => {
    const k = key();
    // The first request hangs until the client goes, however long the removal takes on a loaded machine
    // (a fixed 600 ms answered before the removal now and then); the second gets the feed at once.
    const el = gallery({ src: `/__feeds/hang?hangs=1&key=${k}` });
    await waitUntil(async () => (await hits(k)) === 1, 'the request never reached the server', {
      timeout: 5000,
    });
    el.remove();
    await waitUntil(async () => (await gone(k)) === 1, 'the server never saw the client go', {
      timeout: 5000,
    });

    const loaded = oneEvent(el, 'nwt-load');
    document.querySelector<HTMLElement>('div[data-test]')!.append(el);
    expect((await loaded).detail.count).to.equal(2);
    await waitUntil(() => slidesOf(el) === 2, 'no slides after reconnecting');
    expect(await hits(k)).to.equal(2);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('a move (disconnect and connect in one task) keeps the request; a reconnect keeps a ready gallery working', async () => {
    const k = key();
    const first = document.createElement('div');
    const second = document.createElement('div');
    first.dataset.test = second.dataset.test = '';
    first.style.width = second.style.width = '360px';
    document.body.append(first, second);
    const el = gallery({ src: `/__feeds/slow?ms=300&key=${k}` }, first);
    await waitUntil(async () => (await hits(k)) === 1, 'the request never reached the server', {
      timeout: 5000,
    });
    second.append(el);
    await waitUntil(() => slidesOf(el) === 2, 'no slides after the move', { timeout: 5000 });
    expect(await hits(k), 'the move made no second request').to.equal(1);

    el.remove();
    await nextFrame(); // not a move: the reconnect comes in a later task
    first.append(el);
    await el.updateComplete;
    expect(slidesOf(el)).to.equal(2);
    expect(await hits(k), 'a ready gallery reconnects without fetching').to.equal(1);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next"]')!.click();
    await waitUntil(() => el.currentIndex === 1, 'next did not move after reconnecting', { timeout: 3000 });
  });

  it('100 mount/unmount cycles leave no timer, listener or observer behind', async function () {
    // Bounds a broken run only: WebKit under stress-ng took over 30 s for the 100 cycles.
    this.timeout(120_000);
    const tracker = new Tracker();
    const container = document.createElement('div');
    container.dataset.test = '';
    container.style.width = '700px';
    document.body.append(container);
    // Let what the page itself was doing run its frame.
    await nextFrame();
    tracker.install();
    const warn = sinon.stub(console, 'warn');
    let during: { max: Census } = { max: tracker.count() };
    try {
      await frameUnseen();
      const before = tracker.count();
      const k = key();
      for (let cycle = 0; cycle < 100; cycle++) {
        const kind = cycle % 4;
        const el = document.createElement('notwiththem-gallery');
        if (kind === 0) el.testimonials = TESTIMONIALS;
        if (kind === 1) {
          // Autoplay: the rotation timer, the IntersectionObserver, visibilitychange.
          el.testimonials = TESTIMONIALS;
          el.autoplay = true;
          el.interval = 2000;
        }
        if (kind === 2) el.src = `/__feeds/ok?key=${k}`;
        // Unmounted mid-request: the loader's timeout timer and listeners must go too.
        if (kind === 3) el.src = `/__feeds/hang?ms=5000&key=${k}-${cycle}`;
        container.append(el);
        if (kind !== 3) await until(() => slidesOf(el) > 0, `cycle ${cycle}: no slides`);
        else await el.updateComplete; // rendered its loading state: the request is under way
        await nextFrame();
        const now = tracker.count();
        during = {
          max: Object.fromEntries(
            Object.entries(now).map(([name, value]) => [
              name,
              Math.max(value, during.max[name as keyof Census]),
            ]),
          ) as unknown as Census,
        };
        el.remove();
      }
      // Aborted loads settle, observers run their last callbacks: wait until the census is back where it
      // started (the assertion below names what is left if it never gets there).
      await until(
        () => JSON.stringify(tracker.count()) === JSON.stringify(before),
        'not back to the census before',
      ).catch(() => {});
      const after = tracker.count();
      console.log(
        `lifecycle census: before ${JSON.stringify(before)}, busiest cycle ${JSON.stringify(during.max)}, after ${JSON.stringify(after)}`,
      );
      expect(during.max.observers, 'the census saw the observers').to.be.greaterThan(before.observers);
      expect(during.max.listeners, 'the census saw the listeners').to.be.greaterThan(before.listeners);
      expect(after, `left behind: ${tracker.describe()}`).to.deep.equal(before);
    } finally {
      tracker.uninstall();
      warn.restore();
    }
  });

  it('two galleries with different feeds stay independent', async () => {
    const ka = key();
    const kb = key();
    const a = gallery({ src: `/__feeds/ok?key=${ka}` });
    const b = gallery({ src: `/__feeds/many?n=5&key=${kb}`, lang: 'es' });
    await waitUntil(() => slidesOf(a) === 2 && slidesOf(b) === 5, 'both never loaded', { timeout: 5000 });
    a.next();
    await waitUntil(() => a.currentIndex === 1);
    expect(b.currentIndex).to.equal(0);
    expect(b.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Many testimonials');
    expect(a.shadowRoot!.querySelector('[part~="next"]')!.getAttribute('aria-label')).to.equal(
      'Next testimonial',
    );
    expect(b.shadowRoot!.querySelector('[part~="next"]')!.getAttribute('aria-label')).to.equal(
      'Testimonio siguiente',
    );

    // One failing does not touch the other.
    const failed = oneEvent(a, 'nwt-error');
    const warn = sinon.stub(console, 'warn');
    a.src = `/__feeds/404?key=${ka}`;
    await failed;
    warn.restore();
    await a.updateComplete;
    expect(slidesOf(a)).to.equal(0);
    expect(slidesOf(b)).to.equal(5);
    expect(b.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('two galleries with one feed make one request', async () => {
    const k = key();
    const src = `/__feeds/slow?ms=300&key=${k}`;
    const a = gallery({ src });
    const b = gallery({ src });
    await waitUntil(() => slidesOf(a) === 2 && slidesOf(b) === 2, 'both never loaded', { timeout: 5000 });
    expect(await hits(k)).to.equal(1);
    // Each has its own copy of the data to page through.
    b.next();
    await waitUntil(() => b.currentIndex === 1);
    expect(a.currentIndex).to.equal(0);
  });

  it('one of two galleries sharing a request disconnecting leaves the other loading', async () => {
    const k = key();
    const src = `/__feeds/slow?ms=400&key=${k}`;
    const a = gallery({ src });
    const b = gallery({ src });
    await waitUntil(async () => (await hits(k)) === 1, 'no request', { timeout: 5000 });
    a.remove();
    await waitUntil(() => slidesOf(b) === 2, 'the other gallery never loaded', { timeout: 5000 });
    expect(await hits(k)).to.equal(1);
  });
});

// ---------------------------------------------------------------------------------------------------
// The built bundle, as a page would use it, in an iframe of its own (a fresh custom-element registry).

const BUNDLE = '/dist/notwiththem-gallery.bundle.js';

interface FrameWindow extends Window {
  errors: string[];
  customElements: CustomElementRegistry;
}

/** An iframe with `body` (after a script that records errors); resolves when it has loaded. */
async function frame(body: string): Promise<{ iframe: HTMLIFrameElement; win: FrameWindow; doc: Document }> {
  const iframe = document.createElement('iframe');
  iframe.dataset.test = '';
  iframe.style.width = '400px';
  iframe.style.height = '700px';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.srcdoc = `<!doctype html><html lang="en"><head><script>
      window.errors = [];
      addEventListener('error', (e) => errors.push(String(e.message)));
      addEventListener('unhandledrejection', (e) => errors.push('unhandled: ' + e.reason));
    </script></head><body>${body}</body></html>`;
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as FrameWindow;
  return { iframe, win, doc: iframe.contentDocument! };
}

describe('the script-tag bundle in a page', function () {
  before(async function () {
    const response = await fetch(BUNDLE, { method: 'HEAD' });
    if (!response.ok)
      throw new Error(`${BUNDLE} is missing: run \`node scripts/build.mjs\` (npm test builds it first)`);
  });
  afterEach(() => document.querySelectorAll('[data-test]').forEach((node) => node.remove()));

  it('loaded twice (two classic script tags): no error, one definition, the gallery works', async () => {
    const { win, doc } = await frame(`
      <notwiththem-gallery src="/__feeds/ok?key=${key()}"></notwiththem-gallery>
      <script src="${BUNDLE}"></script>
      <script src="${BUNDLE}?copy=2"></script>`);
    const el = doc.querySelector('notwiththem-gallery')!;
    await waitUntil(() => slidesOf(el) === 2, 'the gallery never loaded', { timeout: 5000 });
    expect(win.errors).to.deep.equal([]);
    expect(win.customElements.get('notwiththem-gallery')).to.be.a('function');
  });

  it('loaded twice, once as a classic script and once as a module: no error', async () => {
    const { win, doc } = await frame(`
      <script src="${BUNDLE}"></script>
      <script type="module" src="${BUNDLE}?copy=module"></script>
      <notwiththem-gallery src="/__feeds/ok?key=${key()}"></notwiththem-gallery>`);
    const el = doc.querySelector('notwiththem-gallery')!;
    await waitUntil(() => slidesOf(el) === 2, 'the gallery never loaded', { timeout: 5000 });
    expect(win.errors).to.deep.equal([]);
  });

  it('keeps properties set on the element before the bundle upgraded it', async () => {
    const data = JSON.stringify(TESTIMONIALS);
    const { win, doc } = await frame(`
      <notwiththem-gallery id="g"></notwiththem-gallery>
      <script>
        const g = document.getElementById('g');
        g.testimonials = ${data};
        g.label = 'Set before the upgrade';
        g.lang = 'es';
        g.start = 'two';
        window.definedBefore = Boolean(customElements.get('notwiththem-gallery'));
      </script>
      <script src="${BUNDLE}"></script>`);
    expect((win as unknown as { definedBefore: boolean }).definedBefore).to.equal(false);
    const el = doc.getElementById('g') as NotWithThemGallery;
    await waitUntil(() => slidesOf(el) === 3, 'the early testimonials never rendered', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Set before the upgrade');
    expect(el.currentIndex).to.equal(1);
    expect(el.shadowRoot!.querySelector('[part~="next"]')!.getAttribute('aria-label')).to.equal(
      'Testimonio siguiente',
    );
    expect(win.errors).to.deep.equal([]);
  });
});
