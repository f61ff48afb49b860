// Koa middleware for @web/test-runner's server: `GET /__ssr/gallery` answers `{ html, testimonials }`,
// a gallery rendered with @lit-labs/ssr from the npm build (dist/esm, built by `npm run build`) at the
// time of the request, for tests/gallery-ssr.test.ts to hydrate. `testimonials` is the browser suites'
// feed with its photos made absolute against this server (a server renders no relative URL); the same
// array goes to the element in the page. Query: `tag` (the element's name, default notwiththem-gallery),
// `lang` (its attribute), `src` (instead of the testimonials), `figures` (two <figure> children instead). The render runs in a process of its own, so this server never loads Lit's DOM shim.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const FEED = 'tests/fixtures/gallery-feed.json';
const RENDER = fileURLToPath(new URL('./ssr-render.mjs', import.meta.url));
/** Testimonials written in the page (README, "Without JavaScript"), which only the browser reads. */
const FIGURES = `<figure data-id="laura-vilches"><img src="/tests/fixtures/photos/sign-1.svg" alt="Laura Vilches holds a sign"><figcaption><blockquote>#NotWithThem because they represent the capitalist class</blockquote><cite>Laura Vilches</cite></figcaption></figure><figure id="pompeya"><img src="/tests/fixtures/photos/sign-4.svg" alt=""><figcaption>#NotWithThem. We need a workers party! <span class="name">Workers from Pompeya</span></figcaption></figure>`;

/** Runs ssr-render.mjs with `options` on stdin; resolves to its HTML. */
function render(options) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RENDER], { stdio: ['pipe', 'pipe', 'inherit'] });
    let html = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (html += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(html) : reject(new Error(`ssr-render exited ${code}`)),
    );
    child.stdin.end(JSON.stringify(options));
  });
}

/** @param {import('koa').Context} ctx @param {() => Promise<void>} next */
export async function ssrRoute(ctx, next) {
  if (ctx.path !== '/__ssr/gallery') return next();
  const tag = ctx.query.tag || undefined;
  const lang = ctx.query.lang || undefined;
  const src = ctx.query.src || undefined;
  const children = ctx.query.figures ? FIGURES : '';
  let testimonials;
  if (!src && !children) {
    const base = new URL(FEED, `${ctx.origin}/`);
    const absolute = (url) => new URL(url, base).href;
    const feed = JSON.parse(await readFile(FEED, 'utf8'));
    testimonials = feed.testimonials.map((entry) => ({
      ...entry,
      image:
        typeof entry.image === 'string'
          ? absolute(entry.image)
          : { ...entry.image, src: absolute(entry.image.src) },
    }));
  }
  ctx.type = 'json';
  ctx.body = JSON.stringify({ html: await render({ tag, lang, src, testimonials, children }), testimonials });
}
