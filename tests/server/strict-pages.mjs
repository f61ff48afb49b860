// Koa middleware for @web/test-runner's server: the pages under /tests/fixtures/strict/ are served with
// a strict Content-Security-Policy (tests/gallery-strict-page.test.ts), as a careful host page would send it.

/** No inline script or style, nothing from another origin, Trusted Types for every script sink. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html 'allow-duplicates'",
].join('; ');

/** @param {import('koa').Context} ctx @param {() => Promise<void>} next */
export async function strictPages(ctx, next) {
  await next();
  if (/^\/tests\/fixtures\/strict\/[\w-]+\.html$/.test(ctx.path))
    ctx.set('Content-Security-Policy', STRICT_CSP);
}
