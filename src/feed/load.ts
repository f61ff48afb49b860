/**
 * Fetching a feed: one URL in, parsed JSON out, with a timeout, retries, a size cap and shared requests.
 * Page code (it reads `document`) with no Lit and no DOM beyond fetch, AbortController, timers, the
 * document's base URL and a look for the page's preload of the feed. Validation is parse.ts's job.
 *
 * Decisions the feed format leaves open:
 * - Request: `mode: 'cors'`, `credentials: 'omit'`, `Accept: application/json` (a CORS-safelisted header,
 *   so no preflight), `referrerPolicy: 'no-referrer'`, like the gallery's images: the feed host learns no
 *   page path (a cross-origin request still carries `Origin`). When the page preloads the feed
 *   (`<link rel="preload" as="fetch" crossorigin>`, as the embed snippets do), the request takes that
 *   preload's credentials mode, `same-origin`, since a preload is only reused by a request of the same
 *   mode: the page asked for exactly that request already, and cookies still never go to another origin. The HTTP cache is left to the feed host's
 *   `Cache-Control`; this module itself keeps nothing once a request settles.
 * - Content-Type is not checked: many hosts serve `.json` as `text/plain` or `application/octet-stream`.
 *   The body is decoded as UTF-8 (a BOM is dropped, invalid bytes become U+FFFD rather than failing the
 *   whole feed) and must be JSON; an HTML page or an empty body is a `parse` error.
 * - Retries: network errors, 5xx and 429 only. 429 and 503 honour `Retry-After` (seconds or HTTP-date);
 *   when the server asks for more than 30 s the load fails now with the `http` error instead of holding a
 *   spinner that long (the element's Retry button is there). A timeout is retried once at most: a server
 *   that stalled twice will stall again, and four 15 s waits would be a minute of skeleton. Without
 *   `Retry-After` the wait is exponential backoff with full jitter, capped at 8 s. Cross-origin,
 *   `Retry-After` is only readable if the host lists it in `Access-Control-Expose-Headers`; otherwise
 *   the plain backoff applies.
 * - `timeout <= 0` or `Infinity` means no timeout; `maxBytes: Infinity` means no cap.
 * - An empty or unparseable `src`, or one that is neither `http(s):` nor `blob:` (an object URL the page
 *   made, as apps and tests do), is a `src` error, and nothing is requested.
 *
 * Written for size (it ships in the script-tag bundle): one helper races a promise against an abort signal
 * for the shared request, each attempt, the body and the backoff.
 */
import { ownFields } from './own.js';
import { FeedError, retryable } from './types.js';

export interface LoadOptions {
  /** Aborting rejects with the signal's reason (an AbortError DOMException), never a FeedError. */
  signal?: AbortSignal;
  /** Milliseconds per attempt until the response headers and the whole body are in. Default 15000. */
  timeout?: number;
  /** Extra attempts after the first, for network errors, 5xx and 429. Default 3. */
  retries?: number;
  /** Base backoff in ms, doubled each retry, with full jitter, capped at 8000. Default 500. */
  retryDelay?: number;
  /** Largest accepted body in bytes. Default 5 MiB. */
  maxBytes?: number;
  /** Replaces the global fetch (tests). Called as `fetch(url, init)`. */
  fetch?: typeof fetch;
  /**
   * Awaited once the body is in, before `JSON.parse` (one task, long for a large feed): the element holds
   * the parse until the page has painted its poster. A shared request takes the first caller's.
   */
  beforeParse?: () => unknown;
}

export interface LoadedFeed {
  /**
   * The parsed JSON. Callers that shared a request get the same object: treat it as read-only
   * (parseFeed builds fresh objects from it anyway).
   */
  data: unknown;
  /** The response URL after redirects, else the absolute request URL: the base for the feed's relative URLs. */
  url: string;
}

export const DEFAULT_TIMEOUT = 15_000;
export const DEFAULT_RETRIES = 3;
export const DEFAULT_RETRY_DELAY = 500;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Longest backoff between two attempts. */
const MAX_BACKOFF = 8_000;
/** Longest `Retry-After` we wait for; a longer one fails the load. */
const MAX_RETRY_AFTER = 30_000;

interface Settings {
  timeout: number;
  retries: number;
  retryDelay: number;
  maxBytes: number;
  fetch: typeof fetch;
  beforeParse?: () => unknown;
}

/** One network load, what aborts it, and how many callers still wait for it (aborted at 0). */
type InFlight = [load: Promise<LoadedFeed>, controller: AbortController, waiting: number];

/** Loads in flight, by request key. An entry lives only until its load settles or every caller aborts. */
const inFlight = new Map<string, InFlight>();

/** Gives each fetch seam a number so that loads through different seams are never shared. */
const fetchIds = new WeakMap<typeof fetch, number>();
let nextFetchId = 0;

const defaultFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/**
 * Fetches `src` and parses it as JSON.
 *
 * Concurrent calls for the same absolute URL (and the same options) share one request. Each caller's
 * `signal` only detaches that caller; the request itself is aborted once every caller has aborted.
 *
 * @param src Feed URL, resolved against `document.baseURI`.
 * @returns The JSON and the URL it came from.
 * @throws FeedError with code `src`, `network`, `timeout`, `http` (with `status`), `parse` or `too-large`;
 *   or the signal's reason when aborted.
 */
export function loadFeed(src: string, given: LoadOptions = {}): Promise<LoadedFeed> {
  // Own properties only: a page whose `Object.prototype` was given a `timeout` or a `fetch` changes nothing.
  const options = ownFields(given);
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);

  let url = '';
  try {
    url = new URL(src, document.baseURI).href;
  } catch {}
  // Nothing is requested for an empty, unparseable or other address (`javascript:`, `data:`, `file:`).
  if (!src.trim() || !/^(https?|blob):/.test(url))
    return Promise.reject(
      new FeedError('src', `the feed address is not an http(s) URL: ${JSON.stringify(src.slice(0, 100))}`),
    );

  // A number (not NaN) as given, else the default; never below 0.
  const number = (value: number | undefined, fallback: number) =>
    Math.max(0, value! >= -Infinity ? value! : fallback);
  // In a fixed order: the key below reads them all (but the functions).
  const s: Settings = {
    timeout: number(options.timeout, DEFAULT_TIMEOUT) || Infinity,
    retries: Math.floor(number(options.retries, DEFAULT_RETRIES)),
    retryDelay: number(options.retryDelay, DEFAULT_RETRY_DELAY),
    maxBytes: number(options.maxBytes, DEFAULT_MAX_BYTES),
    fetch: options.fetch ?? defaultFetch,
    beforeParse: options.beforeParse,
  };
  if (!fetchIds.has(s.fetch)) fetchIds.set(s.fetch, nextFetchId++);
  const key = JSON.stringify([fetchIds.get(s.fetch), url, s]);
  const forget = () => inFlight.get(key) === entry && inFlight.delete(key);

  let entry = inFlight.get(key);
  if (!entry) {
    const controller = new AbortController();
    const promise = load(url, s, controller.signal).finally(forget);
    // Every caller handles the outcome below; this only keeps an abandoned load quiet.
    promise.catch(() => {});
    inFlight.set(key, (entry = [promise, controller, 0]));
  }
  const shared = entry;
  // One more caller waiting (`[2]`) for the load (`[0]`).
  shared[2]++;
  if (!signal) return shared[0];
  signal.addEventListener(
    'abort',
    () => {
      // Nobody is left: stop the request (`[1]`), and let the next caller start a fresh one.
      if (!--shared[2]) {
        forget();
        shared[1].abort(signal.reason);
      }
    },
    { once: true },
  );
  return race(shared[0], signal);
}

/** `promise`, or the signal's reason as soon as it aborts (for shared loads, seams and streams that ignore signals, and waits). */
function race<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Whether the document preloads `url` as an anonymous CORS fetch (one the request can take over). */
function preloaded(url: string): boolean {
  return [...document.querySelectorAll<HTMLLinkElement>('link[rel~="preload" i][as="fetch" i]')].some(
    (link) => link.href === url && link.crossOrigin === 'anonymous',
  );
}

/** Attempts, and waits between them, until one succeeds or an error is final. */
async function load(url: string, s: Settings, outer: AbortSignal): Promise<LoadedFeed> {
  let timedOutBefore = false;
  for (let attempt = 0; ; attempt++) {
    // One request: headers and body within `s.timeout`, status checked, size capped, JSON parsed.
    // Aborted by the caller (with its reason) or by the attempt's timeout.
    const clock = new AbortController();
    const signal = AbortSignal.any([outer, clock.signal]);
    let retryAfter: number | undefined;
    const timer = s.timeout < Infinity ? setTimeout(() => clock.abort(), s.timeout) : undefined;
    let error: unknown;
    try {
      const response = await race(
        s.fetch(url, {
          mode: 'cors',
          credentials: preloaded(url) ? 'same-origin' : 'omit',
          headers: { Accept: 'application/json' },
          referrerPolicy: 'no-referrer',
          signal,
        }),
        signal,
      );
      const { status, headers, body } = response;
      if (!response.ok) {
        // Lets go of a body we will not read, so the connection is freed.
        body?.cancel().catch(() => {});
        // 429 and 503 may say when to come back.
        if (status === 429 || status === 503) retryAfter = parseRetryAfter(headers.get('Retry-After'));
        throw new FeedError('http', `HTTP ${status} for ${url}`, status);
      }
      // The body, refused as soon as it is known to exceed `maxBytes`: from Content-Length, then while
      // streaming. Decoded as UTF-8 chunk by chunk as it arrives (a Blob's text() decodes it all in one
      // task at the end: 50 ms of the browser's own code for a 2.9 MB feed); TextDecoder's defaults are
      // Blob.text()'s: a leading BOM dropped, invalid bytes turned into U+FFFD.
      const tooLarge = () => new FeedError('too-large', `Feed is larger than ${s.maxBytes} bytes`);
      if (Number(headers.get('Content-Length')) > s.maxBytes) {
        body?.cancel().catch(() => {});
        throw tooLarge();
      }
      const reader = body?.getReader();
      const decoder = new TextDecoder();
      let text = '';
      let total = 0;
      try {
        for (let chunk; reader && !(chunk = await race(reader.read(), signal)).done;) {
          if ((total += chunk.value.byteLength) > s.maxBytes) throw tooLarge();
          text += decoder.decode(chunk.value, { stream: true });
        }
      } catch (caught) {
        reader?.cancel().catch(() => {});
        throw caught;
      }
      text += decoder.decode();
      await s.beforeParse?.();
      try {
        return { data: JSON.parse(text), url: response.url || url };
      } catch (caught) {
        const type = headers.get('Content-Type');
        const hint = /html/i.test(type!) ? ` (${type}: is this the right URL?)` : '';
        throw new FeedError('parse', `Feed at ${url} is not valid JSON${hint}: ${(caught as Error).message}`);
      }
    } catch (caught) {
      // Whatever went wrong, say it as the caller's abort, a timeout, or a FeedError.
      if (outer.aborted) throw outer.reason;
      error = signal.aborted
        ? new FeedError('timeout', `No complete response from ${url} within ${s.timeout} ms`)
        : caught instanceof FeedError
          ? caught
          : new FeedError(
              'network',
              `Could not fetch ${url}${caught instanceof Error ? `: ${caught.message}` : ''}`,
            );
    } finally {
      clearTimeout(timer);
    }

    // Retried: network errors, 5xx and 429, a timeout once, a Retry-After of at most 30 s.
    const timeout = (error as FeedError).code === 'timeout';
    if (
      attempt >= s.retries ||
      !retryable(error as FeedError) ||
      (timeout && timedOutBefore) ||
      retryAfter! > MAX_RETRY_AFTER
    ) {
      throw error;
    }
    timedOutBefore ||= timeout;
    // Full jitter: anywhere between 0 and the capped exponential delay.
    await race(
      new Promise((resolve) =>
        setTimeout(resolve, retryAfter ?? Math.random() * Math.min(MAX_BACKOFF, s.retryDelay * 2 ** attempt)),
      ),
      outer,
    );
  }
}

/** `Retry-After` as ms from now: delta-seconds or an HTTP-date; undefined when absent or malformed. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const text = value?.trim() ?? '';
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form names a day and month; this keeps Date.parse's leniency ('-1') out.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : NaN;
  return isNaN(date) ? undefined : Math.max(0, date - now);
}
