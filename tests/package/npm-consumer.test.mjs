// The package as an app installs it: `npm pack`, unpacked into a fresh project's node_modules (its
// dependencies linked from this repository's), then built with Vite and type-checked with TypeScript as the
// app's own code would be. Run: node --test tests/package/ (after npm run build).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'vite';
import { DEMO_COUNT, ROOT, launch, openPage, requireBuild, serve, waitForSlides } from '../e2e/helpers.mjs';

requireBuild();

const DEPENDENCIES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@types/react', 'csstype'];

let app;
let repo;
let browser;

/** A fresh project with the packed package installed in node_modules. */
function consumerProject() {
  const dir = mkdtempSync(join(tmpdir(), 'nwt-consumer-'));
  const tarball = execFileSync('npm', ['pack', '--pack-destination', dir, '--ignore-scripts', '--silent'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  const installed = join(dir, 'node_modules', 'notwiththem-gallery');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, tarball), '-C', installed, '--strip-components=1']);
  for (const name of DEPENDENCIES) {
    const from = join(ROOT, 'node_modules', name);
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(from, join(dir, 'node_modules', name), 'dir');
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  return dir;
}

async function buildApp(dir, name, main, body = '') {
  const root = join(dir, name);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'main.js'), main);
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><script type="module" src="./main.js"></script></head><body>${body}</body></html>`,
  );
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: join(dir, 'dist', name), emptyOutDir: true },
  });
  const assets = join(dir, 'dist', name, 'assets');
  const js = readdirSync(assets).filter((file) => file.endsWith('.js'));
  return js.map((file) => readFileSync(join(assets, file), 'utf8')).join('\n');
}

before(async () => {
  app = consumerProject();
  repo = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await repo?.close();
  if (app) rmSync(app, { recursive: true, force: true });
});

describe('npm install, then import', () => {
  it("`import 'notwiththem-gallery/define'` registers the element in an app built with Vite", async () => {
    const feed = `${repo.origin}/demo/testimonials.json`;
    await buildApp(
      app,
      'define',
      "import 'notwiththem-gallery/define';\n",
      `<notwiththem-gallery src="${feed}"></notwiththem-gallery>`,
    );
    const site = await serve({ root: join(app, 'dist', 'define') });
    try {
      const { page, context, logs } = await openPage(browser);
      await page.goto(`${site.origin}/`);
      await waitForSlides(page, DEMO_COUNT);
      assert.deepEqual(logs.errors, []);
      await context.close();
    } finally {
      await site.close();
    }
  });

  it('the main entry registers nothing, and an unused import leaves nothing in the app', async () => {
    const used = await buildApp(
      app,
      'class',
      "import { NotWithThemGallery } from 'notwiththem-gallery';\nwindow.result = [typeof NotWithThemGallery.define, String(customElements.get('notwiththem-gallery'))];\n",
    );
    const site = await serve({ root: join(app, 'dist', 'class') });
    try {
      const { page, context } = await openPage(browser);
      await page.goto(`${site.origin}/`);
      await page.waitForFunction(() => window.result);
      assert.deepEqual(await page.evaluate(() => window.result), ['function', 'undefined']);
      await context.close();
    } finally {
      await site.close();
    }
    assert.ok(used.length > 10_000);
    const unused = await buildApp(app, 'unused', "import 'notwiththem-gallery';\nconsole.log('app');\n");
    assert.ok(unused.length < 2_000, `an unused import kept ${unused.length} bytes`);
  });

  it('types the element, its events and its JSX for React 19', () => {
    writeFileSync(
      join(app, 'app.tsx'),
      `import 'notwiththem-gallery/define';
import type {} from 'notwiththem-gallery/react';
import { NotWithThemGallery, type NwtLoadDetail } from 'notwiththem-gallery';

const el: NotWithThemGallery | null = document.querySelector('notwiththem-gallery');
el?.addEventListener('nwt-load', (event) => {
  const detail: NwtLoadDetail = event.detail;
  console.log(detail.count);
});
el?.goTo('laura-vilches');
console.log(NotWithThemGallery.version);

export const ok = (
  <notwiththem-gallery
    src="/testimonials.json"
    autoplay
    interval={9000}
    theme="dark"
    share-url="https://blog.example/post"
    testimonials={[{ image: 'a.webp', quote: 'Why' }]}
    strings={{ retry: 'Reload' }}
    className="wide"
    onnwt-load={(event) => console.log(event.detail.count)}
    onnwt-error={(event) => console.log(event.detail.code)}
  />
);
// @ts-expect-error: theme is light, dark or auto
export const badTheme = <notwiththem-gallery theme="neon" />;
// @ts-expect-error: interval is a number
export const badInterval = <notwiththem-gallery interval="fast" />;
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: [],
        },
        files: ['app.tsx'],
      }),
    );
    try {
      execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(app, 'tsconfig.json')],
        { encoding: 'utf8' },
      );
    } catch (error) {
      assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
    }
  });
});
