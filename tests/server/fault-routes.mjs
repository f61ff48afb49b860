// Koa middleware for @web/test-runner's server: feeds and faults served under /__feeds/.
// Tests fetch these real responses instead of stubbing fetch, so the loader meets real bodies and headers.

/** @param {import('koa').Context} ctx @param {() => Promise<void>} next */
export async function faultRoutes(ctx, next) {
  if (!ctx.path.startsWith('/__feeds/')) return next();
  ctx.status = 404;
  ctx.body = 'unknown fault route';
}
