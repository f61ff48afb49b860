// Koa middleware for @web/test-runner's server: feeds and faults served under /__feeds/.
// Tests fetch these real responses instead of stubbing fetch, so the loader meets real bodies and headers.
//
// Every request carrying `?key=K` is counted per key (whatever the route), and `/__feeds/hits?key=K`
// returns `{ "hits": n }`; stateful routes (flaky, 429, 503) use that count, so each test picks a fresh
// key and runs stay independent. To add a fault, add a row to `routes`.
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';

/** @typedef {import('koa').Context} Context */
/** @typedef {(ctx: Context, hit: number) => void | Promise<void>} Route */

/** A small valid feed: two testimonials (nothing renders the images here). */
export const FEED = [
  {
    id: 'laura-vilches',
    image: { src: '/tests/fixtures/laura.jpg', width: 800, height: 600, alt: 'Laura Vilches holding a sign' },
    quote: '#NotWithThem because they represent the capitalist class',
    name: 'Laura Vilches',
    role: 'Legislator, Province of Córdoba',
    affiliation: "Left and Workers' Front – PTS",
  },
  {
    id: 'students-uba',
    image: '/tests/fixtures/students.jpg',
    quote: '#NotWithThem because education is a right, not a business',
    name: 'Students of the School of Social Sciences, UBA',
    place: 'Buenos Aires, Argentina',
  },
];
const FEED_JSON = JSON.stringify(FEED);

/** Bytes sent by the oversized routes: more than the loader's 5 MiB default. */
const HUGE_BYTES = 6_000_000;

/** Hits per `key` query parameter. */
const hitsByKey = new Map();
/** Keys whose `until-cleared` fault was cleared. */
const clearedKeys = new Set();
/** Per key: how many `hang` requests the client abandoned before an answer. */
const goneByKey = new Map();
/** Keys released by `/__feeds/release?of=K`, and the held responses waiting for theirs. */
const releasedKeys = new Set();
/** @type {Map<string, (value: unknown) => void>} */
const waitingForRelease = new Map();

/** @param {Context} ctx */
function sendFeed(ctx) {
  ctx.status = 200;
  ctx.type = 'application/json';
  ctx.body = FEED_JSON;
}

/** @param {Context} ctx @param {number} status @param {string} [body] */
function sendStatus(ctx, status, body = `status ${status}`) {
  ctx.status = status;
  ctx.type = 'text/plain';
  ctx.body = body;
}

/** A query parameter as a number, within [0, max]. @param {Context} ctx @param {string} name */
function numberParam(ctx, name, fallback, max = 60_000) {
  const value = Number(ctx.query[name]);
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), max) : fallback;
}

/** Resolves after `ms`, or as soon as the client has gone. @param {Context} ctx @param {number} ms */
function wait(ctx, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      ctx.res.off('close', done);
      resolve(undefined);
    }
    ctx.res.on('close', done);
  });
}

/** Answers `status` with Retry-After (the `after` query, default 1 s) on the first hit, then the feed. */
function retryAfterRoute(status) {
  /** @type {Route} */
  return (ctx, hit) => {
    if (hit > 1) return sendFeed(ctx);
    ctx.set('Retry-After', String(ctx.query.after ?? '1'));
    sendStatus(ctx, status);
  };
}

/** A valid 6 MB JSON array, produced lazily in 64 KiB strings. */
function* hugeJson() {
  const item = JSON.stringify('x'.repeat(64 * 1024 - 3));
  yield '[';
  let sent = 1;
  let first = true;
  while (sent < HUGE_BYTES) {
    const chunk = (first ? '' : ',') + item;
    first = false;
    sent += chunk.length;
    yield chunk;
  }
  yield ']';
}

/** @type {Record<string, Route>} */
const routes = {
  ok: sendFeed,
  count: sendFeed,
  hits: (ctx) => {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ hits: hitsByKey.get(String(ctx.query.key ?? '')) ?? 0 });
  },
  404: (ctx) => sendStatus(ctx, 404, 'not found'),
  500: (ctx) => sendStatus(ctx, 500),
  // 500 on the first request per key, then the feed.
  flaky: (ctx, hit) => (hit === 1 ? sendStatus(ctx, 500) : sendFeed(ctx)),
  429: retryAfterRoute(429),
  503: retryAfterRoute(503),
  // Nothing at all, not even headers, for `ms`.
  slow: async (ctx) => {
    await wait(ctx, numberParam(ctx, 'ms', 1000));
    sendFeed(ctx);
  },
  // Headers and half the body at once, the rest after `ms`.
  'slow-body': async (ctx) => {
    ctx.respond = false;
    const body = Buffer.from(FEED_JSON);
    const half = Math.floor(body.length / 2);
    ctx.res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
    ctx.res.write(body.subarray(0, half));
    await wait(ctx, numberParam(ctx, 'ms', 1000));
    if (!ctx.res.destroyed) ctx.res.end(body.subarray(half));
  },
  // A complete HTTP response whose JSON is cut off.
  truncated: (ctx) => {
    ctx.type = 'application/json';
    ctx.body = FEED_JSON.slice(0, Math.floor(FEED_JSON.length / 2));
  },
  html: (ctx) => {
    ctx.type = 'text/html';
    ctx.body = '<!doctype html><title>Not found</title><h1>This is not the feed you are looking for</h1>';
  },
  'text-plain': (ctx) => {
    ctx.type = 'text/plain';
    ctx.body = FEED_JSON;
  },
  // UTF-8 with a byte order mark.
  bom: (ctx) => {
    ctx.type = 'application/json';
    ctx.body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FEED_JSON)]);
  },
  empty: (ctx) => {
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.body = '';
  },
  // 6 MB of valid JSON, chunked, no Content-Length: only a streaming cap can refuse it.
  huge: (ctx) => {
    ctx.type = 'application/json';
    ctx.body = Readable.from(hugeJson());
  },
  // Announces 6 MB, sends 1 KB, then stalls until the client gives up (or 30 s): only a
  // Content-Length check refuses it before a timeout would.
  'huge-length': async (ctx) => {
    ctx.respond = false;
    ctx.res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(HUGE_BYTES) });
    ctx.res.write('[' + ' '.repeat(1023));
    await wait(ctx, 30_000);
    ctx.res.destroy();
  },
  // The connection dies without a response.
  reset: (ctx) => {
    ctx.respond = false;
    ctx.req.socket.destroy();
  },
  // A small SVG photo after `ms` (default 0): slow images for layout-shift tests.
  'slow-image': async (ctx) => {
    await wait(ctx, numberParam(ctx, 'ms', 0));
    const hue = numberParam(ctx, 'hue', 200, 360);
    ctx.type = 'image/svg+xml';
    ctx.body = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="hsl(${hue} 60% 45%)"/></svg>`;
  },
  // Page `page` (from 1) of `pages`, `per` testimonials each; `next` links the following page (relative).
  paged: async (ctx) => {
    await wait(ctx, numberParam(ctx, 'ms', 0));
    const page = numberParam(ctx, 'page', 1, 1000);
    const pages = numberParam(ctx, 'pages', 3, 1000);
    const per = numberParam(ctx, 'per', 5, 1000);
    const testimonials = Array.from({ length: per }, (_, i) => {
      const n = (page - 1) * per + i + 1;
      return {
        id: `p${n}`,
        image: { src: `slow-image?hue=${(n * 47) % 360}`, width: 800, height: 600 },
        quote: `Reason ${n}`,
        name: `Person ${n}`,
      };
    });
    const next =
      page < pages
        ? `paged?page=${page + 1}&pages=${pages}&per=${per}&ms=${ctx.query.ms ?? 0}&key=${ctx.query.key ?? ''}-${page + 1}`
        : undefined;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ title: 'Paged feed', testimonials, next });
  },
  // The built bundle (dist/notwiththem-gallery.bundle.js) after `ms`: a page loading it with `defer` then
  // paints before the element is defined, as on a slow network. With `held=K` it waits instead until
  // `/__feeds/release?of=K` (at most `ms`, default 30 s): a test releases it once the page has painted,
  // which a fixed delay cannot promise on a loaded machine.
  'slow-bundle': async (ctx) => {
    const held = ctx.query.held === undefined ? undefined : String(ctx.query.held);
    const ms = numberParam(ctx, 'ms', held === undefined ? 1000 : 30_000);
    if (held !== undefined && !releasedKeys.has(held)) {
      await Promise.race([wait(ctx, ms), new Promise((resolve) => waitingForRelease.set(held, resolve))]);
    } else if (held === undefined) await wait(ctx, ms);
    ctx.type = 'text/javascript';
    ctx.body = await readFile(new URL('../../dist/notwiththem-gallery.bundle.js', import.meta.url));
  },
  // `many`, after `ms`.
  'slow-feed-of-many': async (ctx, hit) => {
    await wait(ctx, numberParam(ctx, 'ms', 1000));
    routes.many(ctx, hit);
  },
  // A feed of `n` testimonials (default 40, at most 20,000) whose photos come from slow-image after `imageMs`,
  // titled `title` (default "Many testimonials").
  many: (ctx) => {
    const count = numberParam(ctx, 'n', 40, 20_000);
    const imageMs = numberParam(ctx, 'imageMs', 0);
    const testimonials = Array.from({ length: count }, (_, i) => ({
      id: `t${i + 1}`,
      image: { src: `/__feeds/slow-image?ms=${imageMs}&hue=${(i * 47) % 360}`, width: 800, height: 600 },
      quote:
        `#NotWithThem reason number ${i + 1}` +
        (i % 3 === 0
          ? ', told at length so that the caption needs more lines than the clamp allows it to show at once in the slide, which is why a reader gets a Read more button that opens the whole testimonial in a dialog'
          : ''),
      name: `Person ${i + 1}`,
      place: 'Buenos Aires, Argentina',
    }));
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ title: String(ctx.query.title ?? 'Many testimonials'), testimonials });
  },
  // 302 to another route (`to`, default ok), keeping the query.
  redirect: (ctx) => {
    const to = String(ctx.query.to ?? 'ok').replace(/[^\w-]/g, '');
    ctx.redirect(`/__feeds/${to}${ctx.search}`);
  },
  // The route named by `fault` (default 500, the query passed through; stateful rows behave as on their
  // first hit) on every request until `/__feeds/clear?of=K`, then the feed, with
  // `Access-Control-Allow-Origin: *` so that a cross-origin fault clears too. For "Retry works once the
  // fault clears" whatever the loader's retries did meanwhile.
  'until-cleared': async (ctx) => {
    if (clearedKeys.has(String(ctx.query.key ?? ''))) {
      ctx.set('Access-Control-Allow-Origin', '*');
      return sendFeed(ctx);
    }
    const fault = String(ctx.query.fault ?? '500');
    await (fault !== 'until-cleared' && Object.hasOwn(routes, fault) ? routes[fault] : routes[500])(ctx, 1);
  },
  // Clears the `until-cleared` fault of key `of` (`of`, not `key`, so clearing is not counted as a hit).
  clear: (ctx) => {
    clearedKeys.add(String(ctx.query.of ?? ''));
    ctx.status = 204;
  },
  // A PNG where the feed should be: status 200, `Content-Type: image/png`, binary bytes.
  png: (ctx) => {
    ctx.type = 'image/png';
    ctx.body = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e221bc330000000049454e44ae426082',
      'hex',
    );
  },
  // No answer until `ms` (default 30 s) or until the client goes; `/__feeds/gone?of=K` says how many
  // requests with `key=K` the client abandoned before an answer (abort-on-disconnect tests). With
  // `hangs=N` only the first N hits of the key hang and later ones get the feed at once: a test can wait
  // for the client to abandon the first request however slowly it gets there, then load again.
  hang: async (ctx, hit) => {
    if (hit > numberParam(ctx, 'hangs', Infinity, Infinity)) return sendFeed(ctx);
    const key = String(ctx.query.key ?? '');
    let gone = false;
    ctx.res.once('close', () => {
      gone = !ctx.res.writableEnded;
    });
    await wait(ctx, numberParam(ctx, 'ms', 30_000));
    if (gone) goneByKey.set(key, (goneByKey.get(key) ?? 0) + 1);
    else sendFeed(ctx);
  },
  release: (ctx) => {
    const key = String(ctx.query.of ?? '');
    releasedKeys.add(key);
    waitingForRelease.get(key)?.(undefined);
    waitingForRelease.delete(key);
    ctx.body = '';
  },
  gone: (ctx) => {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ gone: goneByKey.get(String(ctx.query.of ?? '')) ?? 0 });
  },
};

/** @param {Context} ctx @param {() => Promise<void>} next */
export async function faultRoutes(ctx, next) {
  if (!ctx.path.startsWith('/__feeds/')) return next();
  const name = ctx.path.slice('/__feeds/'.length);
  const route = Object.hasOwn(routes, name) ? routes[name] : undefined;
  if (!route) {
    ctx.status = 404;
    ctx.body = 'unknown fault route';
    return;
  }
  let hit = 1;
  if (name !== 'hits') {
    const key = String(ctx.query.key ?? '');
    hit = (hitsByKey.get(key) ?? 0) + 1;
    hitsByKey.set(key, hit);
  }
  ctx.set('Cache-Control', 'no-store');
  await route(ctx, hit);
}
