// Installs the npm packages from the lock file when node_modules is missing or older than the lock.
// Used by `npm start` and `npm test`, so both work on a fresh clone with no other step.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

export function ensureDeps() {
  const marker = 'node_modules/.package-lock.json';
  const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
  if (!stale) return;
  console.log('Installing npm packages (npm ci)…');
  // Puppeteer (the Firefox launcher's dependency) must never download a browser of its own.
  execSync('npm ci --no-audit --no-fund', {
    stdio: 'inherit',
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true' },
  });
}
