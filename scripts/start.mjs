#!/usr/bin/env node
// `npm start [-- --port N] [-- --host H]`: installs what is missing, then serves the demo with Vite.
import { parseArgs } from 'node:util';
import { ensureDeps } from './test-runner/ensure-deps.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '5173' }, host: { type: 'string', default: '127.0.0.1' } },
  allowPositionals: true,
});

/**
 * `/` is the demo's front door: it leads to `/demo/`. Pages that name no icon (the share pages, the
 * iframe embed) get the demo's, so no request of the demo fails.
 */
function frontDoor() {
  const moved = { '/': '/demo/', '/index.html': '/demo/', '/favicon.ico': '/demo/favicon.svg' };
  return {
    name: 'nwt-front-door',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const to = moved[request.url?.split('?')[0] ?? ''];
        if (!to) return next();
        response.writeHead(302, { Location: to });
        response.end();
      });
    },
  };
}

ensureDeps();
const { createServer } = await import('vite');
const server = await createServer({
  configFile: false,
  root: process.cwd(),
  server: { port: Number(values.port), host: values.host, strictPort: true },
  logLevel: 'warn',
  plugins: [frontDoor()],
});
await server.listen();
const url = `http://${values.host === '0.0.0.0' ? 'localhost' : values.host}:${server.config.server.port}/`;
console.log(`The gallery demo is at ${url}  (Ctrl+C stops it)`);
