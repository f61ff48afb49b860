#!/usr/bin/env node
// `npm run build`: the npm build (ES modules + .d.ts, lit left as a dependency), the script-tag bundle, the
// iframe embed page, and custom-elements.json (from the element's JSDoc).
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { minifyModuleTemplates } from './minify-literals.mjs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
run('node scripts/version.mjs');
run('npx tsc -p tsconfig.build.json');
// The templates in the npm modules get the bundle's shrinking (the CLI's modules have none to shrink).
const saved = minifyModuleTemplates('dist/esm', (file) => !file.includes('/cli/'));
console.log(`dist/esm: Lit templates minified (${saved} B less)`);
run('npx vite build --logLevel warn');
run('npx vite build --mode embed --logLevel warn');
// The manifest, then the React, Vue and Svelte typings and the editor data generated from it.
run('npx cem analyze --quiet');
