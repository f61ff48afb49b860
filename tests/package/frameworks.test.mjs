// The package as a new user gets it: packed in a clean clone (so `prepack` must build everything), installed
// with npm into a fresh app per stack (plain Vite + TypeScript, React 19, Vue 3, Svelte 5, Angular 21), type-checked
// with the stack's own checker, built for production, and opened in Chromium, where six slides must render,
// the `strings` object must apply and `nwt-slide-change` must reach the app.
// Slow by nature (npm installs through the shared npm cache, four production builds twice each): the apps
// run one after another. Run: node --test tests/package/frameworks.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_COUNT, launch, openPage, serve, waitForSlides } from '../e2e/helpers.mjs';
import { APPS, NEXT_LABEL } from './framework-apps.mjs';
import { appTool, gzipJsBytes, installApp, packFromCleanClone, treeBytes, writeFiles } from './fresh-app.mjs';

/** Packages only the build-feed command needs: a browser app must not install them. */
const CLI_ONLY = ['cli-progress', 'csv-parse', 'sharp'];

let work;
let packed;
let feedServer;
let browser;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'nwt-apps-'));
  packed = packFromCleanClone(work);
  feedServer = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await feedServer?.close();
  // NWT_KEEP_APPS=1 keeps the apps for a look after a failure.
  if (work && !process.env.NWT_KEEP_APPS) rmSync(work, { recursive: true, force: true });
  else if (work) console.log(`apps kept in ${work}`);
});

describe('npm pack in a clean clone', () => {
  it('builds the whole package before packing it (prepack)', () => {
    for (const path of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'custom-elements.json',
      'dist/esm/index.js',
      'dist/esm/index.d.ts',
      'dist/esm/define.js',
      'dist/esm/react.js',
      'dist/esm/react.d.ts',
      'dist/esm/vue.d.ts',
      'dist/esm/svelte.d.ts',
      'dist/notwiththem-gallery.bundle.js',
      'dist/web-types.json',
      'dist/vscode.html-custom-data.json',
      'dist/embed.html',
      'bin/notwiththem-gallery.mjs',
    ])
      assert.ok(packed.files.includes(path), `${path} is not in the tarball`);
    assert.deepEqual(
      packed.files.filter((path) => path.endsWith('.map') || path.startsWith('dist/esm/embed/')),
      [],
    );
  });
});

describe('a fresh app per stack, from the tarball', () => {
  for (const spec of APPS) {
    it(`${spec.name}: type-checks, builds, and shows six slides that report their changes`, async (t) => {
      const dir = join(work, spec.name);
      installApp(dir, { ...spec, tarball: packed.tarball });
      const tool = (name, args, options) => appTool(dir, name, args, options);

      const installed = (name) => existsSync(join(dir, 'node_modules', name));
      assert.deepEqual(
        CLI_ONLY.filter(installed),
        [],
        'the build-feed command’s packages were installed into a browser app',
      );

      spec.typeCheck(tool);

      const build =
        spec.build ??
        ((run, withoutGallery) =>
          run('vite', ['build', '--logLevel', 'warn'], {
            env: { ...process.env, NWT_WITHOUT_GALLERY: withoutGallery ? '1' : '' },
          }));
      build(tool, false);
      build(tool, true);
      const added = gzipJsBytes(join(dir, 'dist')) - gzipJsBytes(join(dir, 'dist-without-gallery'));
      const gallery = join(dir, 'node_modules', 'notwiththem-gallery');
      t.diagnostic(
        `${spec.name}: the gallery adds ${added} B gzip to the app's JS; node_modules ${treeBytes(join(dir, 'node_modules'))} B, of which notwiththem-gallery ${treeBytes(gallery)} B`,
      );
      assert.ok(added > 10_000 && added < 30_000, `the gallery added ${added} B gzip`);

      const site = await serve({ root: join(dir, 'dist') });
      const { page, context, logs } = await openPage(browser);
      try {
        const feed = `${feedServer.origin}/demo/testimonials.json`;
        await page.goto(`${site.origin}/?feed=${encodeURIComponent(feed)}`);
        assert.equal(DEMO_COUNT, 6);
        await waitForSlides(page, DEMO_COUNT);
        const next = page.locator('notwiththem-gallery [part~="next"]');
        assert.equal(await next.getAttribute('aria-label'), NEXT_LABEL);
        await next.click();
        await page.waitForFunction(() => window.nwtEvents.length > 0, null, { timeout: 10_000 });
        assert.match((await page.evaluate(() => window.nwtEvents))[0], /^nwt-slide-change \d+$/);
        assert.deepEqual(logs.errors, []);
      } finally {
        await context.close();
        await site.close();
      }
    });
  }
});

describe('the package.json a user installs', () => {
  it('lists no CLI-only package as a dependency', () => {
    const pkg = JSON.parse(
      readFileSync(join(work, 'vite-ts', 'node_modules', 'notwiththem-gallery', 'package.json'), 'utf8'),
    );
    assert.deepEqual(
      Object.keys(pkg.dependencies).filter((name) => CLI_ONLY.includes(name)),
      [],
    );
    for (const name of CLI_ONLY) assert.equal(pkg.peerDependenciesMeta[name]?.optional, true, name);
  });

  it('has a build-feed command that names the package it misses, and how to install it', () => {
    const app = join(work, 'vite-ts');
    writeFiles(app, { 'photos/.keep': '', 'captions.csv': 'file,quote\n' });
    const run = spawnSync(
      join(app, 'node_modules', '.bin', 'notwiththem-gallery'),
      ['build-feed', 'photos', '--captions', 'captions.csv', '--out', 'site'],
      { cwd: app, encoding: 'utf8' },
    );
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /needs the "csv-parse" package/);
    assert.match(run.stderr, /npm install --save-dev csv-parse cli-progress sharp/);
    assert.doesNotMatch(run.stderr, /ERR_MODULE_NOT_FOUND|at /);
  });
});
