#!/usr/bin/env node
// `npm run build`: the npm build (ES modules + .d.ts, lit left as a dependency) and the script-tag bundle.
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
run('node scripts/version.mjs');
run('npx tsc -p tsconfig.build.json');
run('npx vite build --logLevel warn');
