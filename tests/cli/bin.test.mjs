// The bin shim: works from a fresh clone (compiles the CLI itself), says how to build otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, symlink, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { cli, scratch, ROOT } from './helpers.mjs';

test('in a fresh clone (no dist/), the command compiles itself first, then runs', async (t) => {
  const clone = await scratch(t);
  for (const path of [
    'bin',
    'scripts/build.mjs',
    'src/cli',
    'src/feed/parse.ts',
    'src/feed/types.ts',
    'package.json',
    'tsconfig.json',
    'tsconfig.cli.json',
  ]) {
    await cp(join(ROOT, path), join(clone, path), { recursive: true });
  }
  await symlink(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
  const result = await cli(['build-feed', '--help'], {
    bin: join(clone, 'bin/notwiththem-gallery.mjs'),
    cwd: clone,
  });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /compiling the command first/);
  assert.match(result.stdout, /Usage: notwiththem-gallery build-feed/);
  await stat(join(clone, 'dist/esm/cli/main.js'));
});

test('installed without its build and without the sources, it says how to build and exits 1', async (t) => {
  const pkg = await scratch(t);
  await mkdir(join(pkg, 'bin'));
  await cp(join(ROOT, 'bin/notwiththem-gallery.mjs'), join(pkg, 'bin/notwiththem-gallery.mjs'));
  await writeFile(join(pkg, 'package.json'), '{"type":"module"}');
  const result = await cli(['--help'], { bin: join(pkg, 'bin/notwiththem-gallery.mjs'), cwd: pkg });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /dist\/esm\/cli\/main\.js is missing/);
  assert.match(result.stderr, /npm run build/);
  assert.equal(result.stdout, '');
});
