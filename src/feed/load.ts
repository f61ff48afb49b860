/**
 * Fetching a feed: one URL in, parsed JSON out, with a timeout, retries, a size cap and shared requests.
 * Browser code with no Lit and no DOM beyond fetch, AbortController and timers. Validation is parse.ts's job.
 *
 * Decisions (DESIGN.md "Fetching" leaves these open):
 * - Request: `mode: 'cors'`, `credentials: 'omit'`, `Accept: application/json` (a CORS-safelisted header,
 *   so no preflight), `referrerPolicy: 'no-referrer'`, like the gallery's images: the feed host learns no
 *   page path (a cross-origin request still carries `Origin`). The HTTP cache is left to the feed host's
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
 * - An unparseable `src` (or a relative one with no document to resolve it against) is a `network` error.
 */
import { FeedError } from './types.js';

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
/** How many timed-out attempts are retried. */
const TIMEOUT_RETRIES = 1;

interface Settings {
  timeout: number;
  retries: number;
  retryDelay: number;
  maxBytes: number;
  fetch: typeof fetch;
}

/** One network load and the callers waiting for it. */
interface InFlight {
  promise: Promise<LoadedFeed>;
  controller: AbortController;
  /** Callers still waiting; the fetch is aborted when this drops to 0. */
  waiting: number;
}

/** Loads in flight, by request key. An entry lives only until its load settles or every caller aborts. */
const inFlight = new Map<string, InFlight>();

/** Gives each fetch seam a number so that loads through different seams are never shared. */
const fetchIds = new WeakMap<typeof fetch, number>();
let nextFetchId = 1;

const defaultFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** `Retry-After` in ms for an HTTP error that carried one (only 429 and 503). */
const retryAfterOf = new WeakMap<FeedError, number>();

/**
 * Fetches `src` and parses it as JSON.
 *
 * Concurrent calls for the same absolute URL (and the same options) share one request. Each caller's
 * `signal` only detaches that caller; the request itself is aborted once every caller has aborted.
 *
 * @param src Feed URL, resolved against `document.baseURI`.
 * @returns The JSON and the URL it came from.
 * @throws FeedError with code `network`, `timeout`, `http` (with `status`), `parse` or `too-large`;
 *   or the signal's reason when aborted.
 */
export function loadFeed(src: string, options: LoadOptions = {}): Promise<LoadedFeed> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);

  let url: string;
  try {
    url = resolveUrl(src);
  } catch {
    return Promise.reject(new FeedError('network', `Invalid feed URL: ${JSON.stringify(src)}`));
  }

  const settings = settingsFrom(options);
  const key = requestKey(url, settings);
  let entry = inFlight.get(key);
  if (!entry) {
    entry = start(key, url, settings);
    inFlight.set(key, entry);
  }
  return join(key, entry, signal);
}

function resolveUrl(src: string): string {
  const base = typeof document !== 'undefined' ? document.baseURI : globalThis.location?.href;
  return new URL(src, base).href;
}

function settingsFrom(options: LoadOptions): Settings {
  const number = (value: number | undefined, fallback: number) =>
    typeof value === 'number' && !Number.isNaN(value) ? value : fallback;
  const timeout = number(options.timeout, DEFAULT_TIMEOUT);
  return {
    timeout: timeout > 0 ? timeout : Infinity,
    retries: Math.max(0, Math.floor(number(options.retries, DEFAULT_RETRIES))),
    retryDelay: Math.max(0, number(options.retryDelay, DEFAULT_RETRY_DELAY)),
    maxBytes: Math.max(0, number(options.maxBytes, DEFAULT_MAX_BYTES)),
    fetch: options.fetch ?? defaultFetch,
  };
}

function requestKey(url: string, s: Settings): string {
  let id = fetchIds.get(s.fetch);
  if (id === undefined) {
    id = nextFetchId++;
    fetchIds.set(s.fetch, id);
  }
  return JSON.stringify([id, s.timeout, s.retries, s.retryDelay, s.maxBytes, url]);
}

function start(key: string, url: string, settings: Settings): InFlight {
  const controller = new AbortController();
  const entry: InFlight = { controller, waiting: 0, promise: undefined as unknown as Promise<LoadedFeed> };
  const forget = () => {
    if (inFlight.get(key) === entry) inFlight.delete(key);
  };
  entry.promise = load(url, settings, controller.signal).then(
    (feed) => {
      forget();
      return feed;
    },
    (error: unknown) => {
      forget();
      throw error;
    },
  );
  // Every caller handles the outcome through join(); this only keeps an abandoned load quiet.
  entry.promise.catch(() => {});
  return entry;
}

/** One caller's view of a shared load: settles with it, or rejects alone when this caller aborts. */
function join(key: string, entry: InFlight, signal: AbortSignal | undefined): Promise<LoadedFeed> {
  entry.waiting++;
  if (!signal) return entry.promise;
  return new Promise<LoadedFeed>((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason);
      entry.waiting--;
      if (entry.waiting === 0) {
        // Nobody is left: stop the request, and let the next caller start a fresh one.
        if (inFlight.get(key) === entry) inFlight.delete(key);
        entry.controller.abort(signal.reason);
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    entry.promise.then(
      (feed) => {
        signal.removeEventListener('abort', onAbort);
        resolve(feed);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Attempts, and waits between them, until one succeeds or an error is final. */
async function load(url: string, s: Settings, signal: AbortSignal): Promise<LoadedFeed> {
  let timeoutsLeft = TIMEOUT_RETRIES;
  for (let attempt = 0; ; attempt++) {
    let error: FeedError;
    try {
      return await attemptOnce(url, s, signal);
    } catch (caught) {
      if (signal.aborted) throw signal.reason;
      if (!(caught instanceof FeedError)) throw caught;
      error = caught;
    }

    if (attempt >= s.retries || !isRetryable(error)) throw error;
    if (error.code === 'timeout' && timeoutsLeft-- <= 0) throw error;

    const retryAfter = retryAfterOf.get(error);
    if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER) throw error;
    await sleep(retryAfter ?? backoff(attempt, s.retryDelay), signal);
  }
}

function isRetryable(error: FeedError): boolean {
  switch (error.code) {
    case 'network':
    case 'timeout':
      return true;
    case 'http':
      return error.status === 429 || (error.status !== undefined && error.status >= 500);
    default:
      return false;
  }
}

/** Full jitter: anywhere between 0 and the capped exponential delay. */
function backoff(attempt: number, base: number): number {
  return Math.random() * Math.min(MAX_BACKOFF, base * 2 ** attempt);
}

/** `Retry-After` as ms from now: delta-seconds or an HTTP-date; undefined when absent or malformed. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form names a day and month; this keeps Date.parse's leniency ('-1') out.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** One request: headers and body within `s.timeout`, status checked, size capped, JSON parsed. */
async function attemptOnce(url: string, s: Settings, outer: AbortSignal): Promise<LoadedFeed> {
  const controller = new AbortController();
  const signal = controller.signal;
  let timedOut = false;
  const onOuterAbort = () => controller.abort(outer.reason);
  outer.addEventListener('abort', onOuterAbort, { once: true });
  const timer = Number.isFinite(s.timeout)
    ? setTimeout(() => {
        timedOut = true;
        controller.abort(new DOMException('Feed request timed out', 'TimeoutError'));
      }, s.timeout)
    : undefined;

  // Whatever went wrong, say it as the caller's abort, a timeout, or a FeedError.
  const fail = (error: unknown): never => {
    if (outer.aborted) throw outer.reason;
    if (timedOut) throw new FeedError('timeout', `No complete response from ${url} within ${s.timeout} ms`);
    if (error instanceof FeedError) throw error;
    const detail = error instanceof Error ? `: ${error.message}` : '';
    throw new FeedError('network', `Could not fetch ${url}${detail}`);
  };

  try {
    let response: Response;
    try {
      response = await abortable(
        s.fetch(url, {
          method: 'GET',
          mode: 'cors',
          credentials: 'omit',
          headers: { Accept: 'application/json' },
          referrerPolicy: 'no-referrer',
          signal,
        }),
        signal,
      );
    } catch (error) {
      return fail(error);
    }

    if (!response.ok) {
      discard(response);
      const error = new FeedError('http', `HTTP ${response.status} for ${url}`, response.status);
      if (response.status === 429 || response.status === 503) {
        const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
        if (retryAfter !== undefined) retryAfterOf.set(error, retryAfter);
      }
      throw error;
    }

    let bytes: Uint8Array;
    try {
      bytes = await readCapped(response, s.maxBytes, signal);
    } catch (error) {
      return fail(error);
    }
    return { data: parseJson(bytes, response, url), url: response.url || url };
  } finally {
    clearTimeout(timer);
    outer.removeEventListener('abort', onOuterAbort);
  }
}

/** The body, refused as soon as it is known to exceed `maxBytes`: from Content-Length, then while streaming. */
async function readCapped(response: Response, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const tooLarge = () => new FeedError('too-large', `Feed is larger than ${maxBytes} bytes`);
  const declared = Number(response.headers.get('Content-Length') ?? NaN);
  if (declared > maxBytes) {
    discard(response);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await abortable(reader.read(), signal);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }

  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function parseJson(bytes: Uint8Array, response: Response, url: string): unknown {
  // TextDecoder drops a leading BOM by default.
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.trim() === '') throw new FeedError('parse', `Feed at ${url} is empty`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const type = response.headers.get('Content-Type');
    const hint = type && /html/i.test(type) ? ` (the server sent ${type}: is this the right URL?)` : '';
    const detail = error instanceof Error ? `: ${error.message}` : '';
    throw new FeedError('parse', `Feed at ${url} is not valid JSON${hint}${detail}`);
  }
}

/** Lets go of a body we will not read, so the connection is freed. */
function discard(response: Response): void {
  if (response.body && !response.bodyUsed) response.body.cancel().catch(() => {});
}

/** `promise`, or the signal's reason as soon as it aborts (for seams and streams that ignore signals). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      promise.catch(() => {});
      reject(signal.reason);
      return;
    }
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
