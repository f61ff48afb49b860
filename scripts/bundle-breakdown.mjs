#!/usr/bin/env node
// `npm run size:breakdown`: what each part of the script-tag bundle weighs. Builds the bundle in memory with
// vite.config.ts, then minifies each module's rendered code on its own and gzips it (level 9, as size-limit
// does). Parts gzipped alone compress worse than together, so their sum is a little above the real total,
// which is printed last.
import { gzipSync } from 'node:zlib';
import { build, minifySync } from 'vite';

const groupOf = (id) => {
  const path = id.replace(/\\/g, '/');
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg)
    return ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].includes(pkg[1]) ? 'lit' : pkg[1];
  const own = path.match(/\/src\/(.*)$/);
  return own ? `src/${own[1]}` : path;
};

const modules = new Map();
let bundle = '';
await build({
  logLevel: 'warn',
  build: { write: false, sourcemap: false },
  plugins: [
    {
      name: 'nwt:breakdown',
      generateBundle(_options, output) {
        for (const chunk of Object.values(output)) {
          if (chunk.type !== 'chunk') continue;
          bundle = chunk.code;
          for (const [id, info] of Object.entries(chunk.modules)) {
            const group = groupOf(id);
            modules.set(group, (modules.get(group) ?? '') + (info.code ?? '') + '\n');
          }
        }
      },
    },
  ],
});

const gzip = (text) => gzipSync(text, { level: 9 }).length;
const rows = [...modules].map(([group, code]) => {
  const min = minifySync('part.js', code, { compress: true, mangle: { toplevel: true } }).code;
  return { group, min: min.length, gzip: gzip(min) };
});
rows.sort((a, b) => b.gzip - a.gzip);
const pad = (s, n) => String(s).padStart(n);
console.log(`${'part'.padEnd(40)} ${pad('min B', 8)} ${pad('gzip B', 8)}`);
for (const row of rows) console.log(`${row.group.padEnd(40)} ${pad(row.min, 8)} ${pad(row.gzip, 8)}`);
const sum = rows.reduce((all, row) => all + row.gzip, 0);
console.log(`${'sum of parts'.padEnd(40)} ${pad('', 8)} ${pad(sum, 8)}`);
console.log(`${'bundle (as shipped)'.padEnd(40)} ${pad(bundle.length, 8)} ${pad(gzip(bundle), 8)}`);
