#!/usr/bin/env node
// `npm test`: gets what the tests need (npm packages, Debian browsers), builds, then runs every suite.
import { execSync } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';

const run = (cmd, env = {}) => execSync(cmd, { stdio: 'inherit', env: { ...process.env, ...env } });

try {
  ensureDeps();
  run('bash scripts/ensure-browsers.sh chromium');
  run('npx tsc -p tsconfig.json --noEmit');
  run('node scripts/build.mjs');
  run('npx web-test-runner --config web-test-runner.config.mjs');
} catch (error) {
  process.exit(typeof error.status === 'number' ? error.status : 1);
}
