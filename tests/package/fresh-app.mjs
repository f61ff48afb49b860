// What a new user does with the published package, step by step: the tarball that `npm pack` makes in a
// clean clone of this repository (only committed files, built by `prepack`), installed with npm into a
// fresh app, built for production by the app's own tools.
//
// The apps install from the npm registry through npm's cache, shared by every app and every run (the
// first run downloads, later ones mostly read the cache); nothing else is fetched.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../e2e/helpers.mjs';

const NPM_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

/** Runs a command; a failure throws with its whole output, so a test says what broke. */
export function sh(command, args, options = {}) {
  try {
    return execFileSync(command, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      ...options,
    });
  } catch (error) {
    error.message = `${command} ${args.join(' ')} failed in ${options.cwd ?? process.cwd()}:\n${error.stdout ?? ''}${error.stderr ?? ''}`;
    throw error;
  }
}

/**
 * `git clone` of this repository's HEAD into `workDir`/clone, then `npm pack` there: what a maintainer
 * publishing from a fresh checkout ships. The clone borrows this checkout's node_modules (same lock file)
 * instead of a second `npm ci`. Returns the tarball's path and the list of its files.
 */
export function packFromCleanClone(workDir) {
  const clone = join(workDir, 'clone');
  sh('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone]);
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
  sh('npm', ['pack', '--pack-destination', workDir, '--loglevel=error'], { cwd: clone });
  const { name, version } = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8'));
  const tarball = join(workDir, `${name}-${version}.tgz`);
  const files = sh('tar', ['-tzf', tarball])
    .split('\n')
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ''));
  return { tarball, files };
}

/** Writes `files` (path → text) under `dir`. */
export function writeFiles(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A fresh app: its files written, its dependencies and the gallery's tarball installed with npm. */
export function installApp(dir, { files, dependencies, devDependencies, tarball }) {
  writeFiles(dir, {
    'package.json': JSON.stringify(
      {
        name: `nwt-${dir.split('/').pop()}-app`,
        private: true,
        type: 'module',
        dependencies: { ...dependencies, 'notwiththem-gallery': `file:${tarball}` },
        devDependencies,
      },
      null,
      2,
    ),
    ...files,
  });
  sh('npm', ['install', ...NPM_FLAGS], { cwd: dir });
}

/** Runs one of the app's own tools (node_modules/.bin). */
export function appTool(dir, name, args = [], options = {}) {
  return sh(join(dir, 'node_modules', '.bin', name), args, { cwd: dir, ...options });
}

/** Sum of the gzip sizes (level 9) of the .js files a production build wrote under `outDir`. */
export function gzipJsBytes(outDir) {
  return readdirSync(outDir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length, 0);
}

/** Bytes of every file under `dir`. */
export function treeBytes(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}
