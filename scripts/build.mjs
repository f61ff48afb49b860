#!/usr/bin/env node
// `npm run build`: the npm build (ES modules + .d.ts, lit left as a dependency), the script-tag bundle, the
// iframe embed page, and custom-elements.json (from the element's JSDoc).
import { execSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
run('node scripts/version.mjs');
run('npx tsc -p tsconfig.build.json');
// Hand-written declarations that tsc does not copy: the React 19 JSX typings (`notwiththem-gallery/react`).
copyFileSync('src/react.d.ts', 'dist/esm/react.d.ts');
run('npx vite build --logLevel warn');
run('npx vite build --mode embed --logLevel warn');
run('npx cem analyze --quiet');
