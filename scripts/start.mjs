#!/usr/bin/env node
// `npm start [-- --port N] [-- --host H]`: installs what is missing, then serves the demo with Vite.
import { parseArgs } from 'node:util';
import { ensureDeps } from './test-runner/ensure-deps.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '5173' }, host: { type: 'string', default: '127.0.0.1' } },
  allowPositionals: true,
});

ensureDeps();
const { createServer } = await import('vite');
const server = await createServer({
  configFile: false,
  root: process.cwd(),
  server: { port: Number(values.port), host: values.host, strictPort: true },
  logLevel: 'warn',
});
await server.listen();
const url = `http://${values.host === '0.0.0.0' ? 'localhost' : values.host}:${server.config.server.port}/demo/`;
console.log(`The gallery demo is at ${url}  (Ctrl+C stops it)`);
