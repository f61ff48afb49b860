import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { loadFeed, parseRetryAfter, type LoadOptions } from '../src/feed/load.js';
import { FeedError, type FeedErrorCode } from '../src/feed/types.js';
import { until, waitUntil } from './helpers/waits.js';

// Routes are served by tests/server/fault-routes.mjs. Each test uses its own key so counts never mix.
let keySeq = 0;
const newKey = () => `load-${Date.now()}-${keySeq++}-${Math.random().toString(36).slice(2)}`;
const route = (name: string, query: Record<string, string | number> = {}) =>
  `/__feeds/${name}?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`;

async function hits(key: string): Promise<number> {
  const response = await fetch(route('hits', { key }));
  return ((await response.json()) as { hits: number }).hits;
}

/** A fetch seam that counts calls and answers (headers in), and remembers the signals it was given. */
function fetchSpy() {
  const spy = {
    calls: 0,
    answers: 0,
    signals: [] as AbortSignal[],
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      spy.calls++;
      if (init?.signal) spy.signals.push(init.signal);
      return window.fetch(input, init).then((response) => {
        spy.answers++;
        return response;
      });
    }) as typeof fetch,
  };
  return spy;
}

/** Awaits a rejection and returns what it was rejected with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function expectFeedError(promise: Promise<unknown>, code: FeedErrorCode): Promise<FeedError> {
  const error = await rejection(promise);
  expect(error, String(error)).to.be.instanceOf(FeedError);
  expect((error as FeedError).code, (error as FeedError).message).to.equal(code);
  return error as FeedError;
}

async function expectAbortError(promise: Promise<unknown>): Promise<void> {
  const error = await rejection(promise);
  expect(error).not.to.be.instanceOf(FeedError);
  expect(error).to.be.instanceOf(DOMException);
  expect((error as DOMException).name).to.equal('AbortError');
}

const fast: LoadOptions = { retryDelay: 10 };

describe('loadFeed', () => {
  describe('success', () => {
    it('loads a feed and reports its absolute URL', async () => {
      const result = await loadFeed(route('ok', { key: newKey() }), fast);
      expect(result.data).to.be.an('array').with.length(2);
      expect(result.url).to.match(/^http:\/\/[^/]+\/__feeds\/ok\?key=/);
    });

    it('sends a credential-less CORS GET asking for JSON', async () => {
      let init: RequestInit | undefined;
      const seam = ((input: RequestInfo | URL, options?: RequestInit) => {
        init = options;
        return window.fetch(input, options);
      }) as typeof fetch;
      await loadFeed(route('ok', { key: newKey() }), { ...fast, fetch: seam });
      expect(init?.credentials).to.equal('omit');
      expect(init?.mode).to.equal('cors');
      expect(init?.referrerPolicy).to.equal('no-referrer');
      expect(new Headers(init?.headers).get('Accept')).to.equal('application/json');
      expect(init?.signal).to.be.instanceOf(AbortSignal);
    });

    it('takes the credentials mode of the page’s preload of the feed, so the preload is reused', async () => {
      const url = route('ok', { key: newKey() });
      let init: RequestInit | undefined;
      const seam = ((input: RequestInfo | URL, options?: RequestInit) => {
        init = options;
        return window.fetch(input, options);
      }) as typeof fetch;
      const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href: url });
      link.crossOrigin = 'anonymous';
      link.referrerPolicy = 'no-referrer';
      document.head.append(link);
      try {
        await loadFeed(url, { ...fast, fetch: seam });
        expect(init?.credentials).to.equal('same-origin');
        expect(init?.referrerPolicy).to.equal('no-referrer');
        // A preload of another URL changes nothing.
        await loadFeed(route('ok', { key: newKey() }), { ...fast, fetch: seam });
        expect(init?.credentials).to.equal('omit');
      } finally {
        link.remove();
      }
    });

    it('reports the final URL after a redirect', async () => {
      const result = await loadFeed(route('redirect', { to: 'ok', key: newKey() }), fast);
      expect(new URL(result.url).pathname).to.equal('/__feeds/ok');
    });

    it('accepts JSON served as text/plain', async () => {
      const result = await loadFeed(route('text-plain', { key: newKey() }), fast);
      expect(result.data).to.be.an('array').with.length(2);
    });

    it('strips a UTF-8 byte order mark and decodes UTF-8', async () => {
      const result = await loadFeed(route('bom', { key: newKey() }), fast);
      const [first] = result.data as { role: string }[];
      expect(first?.role).to.equal('Legislator, Province of Córdoba');
    });

    it('decodes characters split between chunks, and invalid bytes as U+FFFD', async () => {
      // Every byte in a chunk of its own (each multi-byte character arrives in pieces), a BOM first, and
      // a byte that is no UTF-8 in the last string.
      const bytes = [
        ...new TextEncoder().encode('\uFEFF["Córdoba","€ 5 🙂","a'),
        0xff,
        ...new TextEncoder().encode('b"]'),
      ];
      const bytewise = (() =>
        Promise.resolve(
          new Response(
            new ReadableStream({
              start(controller) {
                for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
                controller.close();
              },
            }),
          ),
        )) as typeof fetch;
      const { data } = await loadFeed('/__feeds/seam-bytewise', { fetch: bytewise });
      expect(data).to.deep.equal(['Córdoba', '€ 5 🙂', 'a\uFFFDb']);
    });

    it('hits the network again once a load has settled (no result cache)', async () => {
      const key = newKey();
      await loadFeed(route('count', { key }), fast);
      await loadFeed(route('count', { key }), fast);
      expect(await hits(key)).to.equal(2);
    });
  });

  describe('HTTP errors and retries', () => {
    it('does not retry a 404', async () => {
      const key = newKey();
      const error = await expectFeedError(loadFeed(route('404', { key }), fast), 'http');
      expect(error.status).to.equal(404);
      expect(await hits(key)).to.equal(1);
    });

    it('recovers when a 500 is followed by a 200', async () => {
      const key = newKey();
      const result = await loadFeed(route('flaky', { key }), fast);
      expect(result.data).to.be.an('array');
      expect(await hits(key)).to.equal(2);
    });

    it('gives up on a lasting 500 after the retries', async () => {
      const key = newKey();
      const error = await expectFeedError(loadFeed(route('500', { key }), { ...fast, retries: 2 }), 'http');
      expect(error.status).to.equal(500);
      expect(await hits(key)).to.equal(3);
    });

    it('waits for Retry-After on a 429, then succeeds', async () => {
      const key = newKey();
      const started = performance.now();
      const result = await loadFeed(route('429', { key }), fast);
      expect(performance.now() - started).to.be.at.least(950);
      expect(result.data).to.be.an('array');
      expect(await hits(key)).to.equal(2);
    });

    it('honours a Retry-After HTTP-date on a 503', async () => {
      const key = newKey();
      const past = new Date(Date.now() - 60_000).toUTCString();
      const result = await loadFeed(route('503', { key, after: past }), { retryDelay: 60_000 });
      expect(result.data).to.be.an('array');
      expect(await hits(key)).to.equal(2);
    });

    it('fails at once when Retry-After asks for more than 30 s', async () => {
      const key = newKey();
      const error = await expectFeedError(loadFeed(route('429', { key, after: 120 }), fast), 'http');
      expect(error.status).to.equal(429);
      expect(await hits(key)).to.equal(1);
    });

    it('reports a reset connection as a network error after retrying', async () => {
      const spy = fetchSpy();
      await expectFeedError(
        loadFeed(route('reset', { key: newKey() }), { ...fast, retries: 2, fetch: spy.fetch }),
        'network',
      );
      expect(spy.calls).to.equal(3);
    });
  });

  describe('timeouts', () => {
    it('times out while waiting for headers, retrying once', async () => {
      const spy = fetchSpy();
      const started = performance.now();
      // A short timeout (a setting) meets a server that answers after 5 s: two attempts of 300 ms end
      // long before it, even on a loaded machine; waiting for the headers would take 10 s.
      await expectFeedError(
        loadFeed(route('slow', { ms: 5000, key: newKey() }), { ...fast, timeout: 300, fetch: spy.fetch }),
        'timeout',
      );
      expect(spy.calls).to.equal(2);
      expect(spy.answers, 'no headers came').to.equal(0);
      expect(performance.now() - started).to.be.below(4500);
      expect(spy.signals.every((signal) => signal.aborted)).to.equal(true);
    });

    it('times out while the body is still arriving', async () => {
      await expectFeedError(
        loadFeed(route('slow-body', { ms: 2000, key: newKey() }), { ...fast, timeout: 300, retries: 0 }),
        'timeout',
      );
    });
  });

  describe('bodies', () => {
    it('rejects truncated JSON as parse', async () => {
      await expectFeedError(loadFeed(route('truncated', { key: newKey() }), fast), 'parse');
    });

    it('rejects an HTML page served with 200 as parse, without retrying', async () => {
      const key = newKey();
      const error = await expectFeedError(loadFeed(route('html', { key }), fast), 'parse');
      expect(error.message).to.contain('text/html');
      expect(await hits(key)).to.equal(1);
    });

    it('rejects an empty body as parse', async () => {
      await expectFeedError(loadFeed(route('empty', { key: newKey() }), fast), 'parse');
    });

    it('refuses a chunked body that grows past the cap while streaming', async () => {
      const key = newKey();
      await expectFeedError(loadFeed(route('huge', { key }), fast), 'too-large');
      expect(await hits(key)).to.equal(1);
    });

    it('refuses a declared Content-Length over the cap before reading the body', async () => {
      const key = newKey();
      const started = performance.now();
      // The route sends 1 KB then stalls: only the header check can answer before the timeout.
      await expectFeedError(loadFeed(route('huge-length', { key }), { ...fast, timeout: 5000 }), 'too-large');
      expect(performance.now() - started).to.be.below(4000);
      expect(await hits(key)).to.equal(1);
    });

    it('applies a custom maxBytes', async () => {
      await expectFeedError(
        loadFeed(route('ok', { key: newKey() }), { ...fast, maxBytes: 100 }),
        'too-large',
      );
    });
  });

  describe('aborting', () => {
    it('rejects at once when the signal is already aborted, without fetching', async () => {
      const spy = fetchSpy();
      const controller = new AbortController();
      controller.abort();
      await expectAbortError(
        loadFeed(route('ok', { key: newKey() }), { signal: controller.signal, fetch: spy.fetch }),
      );
      expect(spy.calls).to.equal(0);
    });

    it('aborts while waiting for headers', async () => {
      const spy = fetchSpy();
      const controller = new AbortController();
      const key = newKey();
      const promise = loadFeed(route('slow', { ms: 5000, key }), {
        ...fast,
        signal: controller.signal,
        fetch: spy.fetch,
      });
      // The server has the request; its headers come 5 s later.
      await waitUntil(async () => (await hits(key)) === 1, 'the request never reached the server');
      controller.abort();
      await expectAbortError(promise);
      expect(spy.calls).to.equal(1);
      expect(spy.answers, 'no headers came').to.equal(0);
      expect(spy.signals[0]?.aborted).to.equal(true);
    });

    it('aborts while reading the body', async () => {
      const spy = fetchSpy();
      const controller = new AbortController();
      const promise = loadFeed(route('slow-body', { ms: 5000, key: newKey() }), {
        ...fast,
        signal: controller.signal,
        fetch: spy.fetch,
      });
      // The headers and half the body are in; the rest comes 5 s later.
      await waitUntil(() => spy.answers === 1, 'the headers never came');
      controller.abort();
      await expectAbortError(promise);
    });

    it('aborts during a backoff wait', async () => {
      const key = newKey();
      const controller = new AbortController();
      const spy = fetchSpy();
      // The first answer is a 429 with Retry-After: 1. A controllable clock holds the loader's wait for it
      // (no per-attempt timeout, so that wait is the only timer): the abort lands inside the wait for
      // certain, and the clock then shows that nothing was left to retry, without a real second passing.
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        const promise = loadFeed(route('429', { key }), {
          signal: controller.signal,
          fetch: spy.fetch,
          timeout: 0,
        });
        await until(() => spy.answers === 1 && clock.countTimers() === 1, 'the loader never waited');
        controller.abort();
        await expectAbortError(promise);
        await clock.tickAsync(60_000);
        expect(spy.calls).to.equal(1);
      } finally {
        clock.restore();
      }
      expect(await hits(key)).to.equal(1);
    });

    it('aborts and times out even through a fetch seam that ignores the signal', async () => {
      // Headers at once, then a body that never ends and never listens to the signal.
      const stalling = (() =>
        Promise.resolve(
          new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('[')) })),
        )) as typeof fetch;
      const never = (() => new Promise<Response>(() => {})) as typeof fetch;
      let stalled = 0;
      const stallingOnce = ((...args: Parameters<typeof fetch>) => (
        stalled++,
        stalling(...args)
      )) as typeof fetch;

      await expectFeedError(
        loadFeed('/__feeds/seam-body', { timeout: 200, retries: 0, fetch: stalling }),
        'timeout',
      );
      await expectFeedError(
        loadFeed('/__feeds/seam-headers', { timeout: 200, retries: 0, fetch: never }),
        'timeout',
      );
      const controller = new AbortController();
      const promise = loadFeed('/__feeds/seam-abort', { signal: controller.signal, fetch: stallingOnce });
      await until(() => stalled === 1, 'the seam was never called');
      controller.abort();
      await expectAbortError(promise);
    });

    it('rejects with a custom abort reason as it is', async () => {
      const controller = new AbortController();
      const reason = new Error('src changed');
      const promise = loadFeed(route('slow', { ms: 1000, key: newKey() }), { signal: controller.signal });
      controller.abort(reason);
      expect(await rejection(promise)).to.equal(reason);
    });
  });

  describe('shared requests', () => {
    it('shares one request between concurrent callers of the same URL', async () => {
      const key = newKey();
      const spy = fetchSpy();
      const url = route('slow', { ms: 200, key });
      const [a, b] = await Promise.all([
        loadFeed(url, { ...fast, fetch: spy.fetch }),
        loadFeed(new URL(url, location.href).href, { ...fast, fetch: spy.fetch }),
      ]);
      expect(a.data).to.equal(b.data);
      expect(spy.calls).to.equal(1);
      expect(await hits(key)).to.equal(1);
    });

    it('keeps loading for the other caller when one aborts', async () => {
      const key = newKey();
      const spy = fetchSpy();
      const url = route('slow', { ms: 400, key });
      const first = new AbortController();
      const a = loadFeed(url, { ...fast, signal: first.signal, fetch: spy.fetch });
      const b = loadFeed(url, { ...fast, signal: new AbortController().signal, fetch: spy.fetch });
      await waitUntil(() => spy.calls === 1, 'the request never started');
      first.abort();
      await expectAbortError(a);
      const result = await b;
      expect(result.data).to.be.an('array').with.length(2);
      expect(spy.calls).to.equal(1);
      expect(spy.signals[0]?.aborted).to.equal(false);
      expect(await hits(key)).to.equal(1);
    });

    it('aborts the request when every caller has aborted, and starts afresh after', async () => {
      const key = newKey();
      const spy = fetchSpy();
      const url = route('slow', { ms: 400, key });
      const first = new AbortController();
      const second = new AbortController();
      const a = loadFeed(url, { ...fast, signal: first.signal, fetch: spy.fetch });
      const b = loadFeed(url, { ...fast, signal: second.signal, fetch: spy.fetch });
      await waitUntil(() => spy.calls === 1, 'the request never started');
      first.abort();
      expect(spy.signals[0]?.aborted).to.equal(false);
      second.abort();
      await expectAbortError(a);
      await expectAbortError(b);
      expect(spy.signals[0]?.aborted).to.equal(true);

      const c = await loadFeed(url, { ...fast, fetch: spy.fetch });
      expect(c.data).to.be.an('array');
      expect(spy.calls).to.equal(2);
    });
  });

  describe('parseRetryAfter', () => {
    it('reads delta-seconds and HTTP-dates, and ignores garbage', () => {
      const now = Date.parse('Sat, 28 Nov 2026 09:00:00 GMT');
      expect(parseRetryAfter('1', now)).to.equal(1000);
      expect(parseRetryAfter(' 120 ', now)).to.equal(120_000);
      expect(parseRetryAfter('Sat, 28 Nov 2026 09:00:05 GMT', now)).to.equal(5000);
      expect(parseRetryAfter('Sat, 28 Nov 2026 08:00:00 GMT', now)).to.equal(0);
      expect(parseRetryAfter('soon', now)).to.equal(undefined);
      expect(parseRetryAfter('-1', now)).to.equal(undefined);
      expect(parseRetryAfter(null, now)).to.equal(undefined);
    });
  });
});
