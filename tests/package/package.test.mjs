// The npm package as npm would publish it: its files, its entry points, its manifest and the README's API
// section. Run: node --test tests/package/ (after npm run build).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { apiMarkdown, elementDeclaration, withApiSection } from '../../scripts/api-docs.mjs';
import { filesUnder } from '../../scripts/minify-literals.mjs';
import { ROOT, requireBuild } from '../e2e/helpers.mjs';

requireBuild();

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }),
)[0];
const files = packed.files.map((file) => file.path);
const has = (path) => files.includes(path.replace(/^\.\//, ''));

describe('npm pack', () => {
  it('ships the ES modules with their types, the bundle, the embed page, the manifest, the README and the CLI', () => {
    for (const path of [
      'dist/esm/index.js',
      'dist/esm/index.d.ts',
      'dist/esm/define.js',
      'dist/esm/define.d.ts',
      'dist/esm/notwiththem-gallery.js',
      'dist/esm/notwiththem-gallery.d.ts',
      'dist/esm/react.d.ts',
      'dist/notwiththem-gallery.bundle.js',
      'dist/embed.html',
      'custom-elements.json',
      'README.md',
      'package.json',
      'bin/notwiththem-gallery.mjs',
    ]) {
      assert.ok(has(path), `${path} is not in the package`);
    }
    assert.ok(
      files.some((path) => /^dist\/embed-assets\/embed-[\w-]+\.js$/.test(path)),
      'the embed page script is not in the package',
    );
    // Every module has its declarations.
    for (const path of files.filter((file) => file.startsWith('dist/esm/') && file.endsWith('.js'))) {
      assert.ok(has(path.replace(/\.js$/, '.d.ts')), `${path} has no .d.ts`);
    }
  });

  it('ships no tests, demo, sources, screenshots or tooling', () => {
    // src/ stays out: dist/esm is readable ES2022 with .d.ts next to it, and the bundle has a source map.
    const unwanted = files.filter(
      (path) =>
        /^(tests|demo|src|screenshots|scripts|bench|node_modules|\.ci)\//.test(path) ||
        /(^|\/)(tsconfig[^/]*|vite\.config\.ts|web-test-runner\.config\.mjs|\.gitignore|\.npmrc)$/.test(path),
    );
    assert.deepEqual(unwanted, []);
  });

  it('stays small', () => {
    assert.ok(packed.unpackedSize < 2_000_000, `unpacked size ${packed.unpackedSize}`);
  });
});

describe('package.json', () => {
  it('points every entry at a packed file', () => {
    const targets = [];
    const walk = (value) =>
      typeof value === 'string' ? targets.push(value) : Object.values(value).forEach(walk);
    walk(pkg.exports);
    targets.push(pkg.main, pkg.module, pkg.types, pkg.customElements, ...Object.values(pkg.bin));
    for (const target of targets)
      assert.ok(target === './package.json' || has(target), `${target} is not packed`);
  });

  it('has a side-effect-free main entry and a define entry that registers the tag', () => {
    assert.deepEqual(Object.keys(pkg.exports['.']), ['types', 'default']);
    assert.deepEqual(Object.keys(pkg.exports['./define']), ['types', 'default']);
    // Only the files that register the tag are marked as having side effects.
    assert.deepEqual([...pkg.sideEffects].sort(), [
      './dist/esm/define.js',
      './dist/notwiththem-gallery.bundle.js',
    ]);
    const index = readFileSync(join(ROOT, 'dist/esm/index.js'), 'utf8');
    assert.doesNotMatch(index, /define\(/);
    assert.match(readFileSync(join(ROOT, 'dist/esm/define.js'), 'utf8'), /NotWithThemGallery\.define\(\)/);
  });

  it('carries its version into the element (src/version.ts is up to date)', () => {
    assert.match(
      readFileSync(join(ROOT, 'src/version.ts'), 'utf8'),
      new RegExp(`version = '${pkg.version.replace(/\./g, '\\.')}'`),
    );
    const bundle = readFileSync(join(ROOT, 'dist/notwiththem-gallery.bundle.js'), 'utf8');
    assert.ok(
      ['"', "'", '`'].some((quote) => bundle.includes(`${quote}${pkg.version}${quote}`)),
      `the bundle does not carry version ${pkg.version}`,
    );
  });

  it('maps every typings entry for moduleResolution node10 (typesVersions) to a packed file', () => {
    const mapped = pkg.typesVersions['*'];
    for (const [subpath, entry] of Object.entries(pkg.exports)) {
      if (typeof entry !== 'object' || subpath === '.') continue;
      assert.deepEqual(mapped[subpath.slice(2)], [entry.types], `typesVersions for ${subpath}`);
      // Each typings entry has a runtime file, so an import without `type` survives a bundler.
      assert.ok(has(entry.default), `${entry.default} is not packed`);
    }
  });

  it('names its license, keywords and CDN entry (the script-tag bundle)', () => {
    assert.equal(pkg.license, 'MIT');
    assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /^MIT License\n/);
    assert.ok(pkg.keywords?.length);
    // No repository, homepage or bugs address until the project has a public one: a guessed URL misleads.
    for (const field of ['repository', 'homepage', 'bugs']) assert.equal(pkg[field], undefined, field);
    assert.equal(pkg.unpkg, './dist/notwiththem-gallery.bundle.js');
    assert.equal(pkg.jsdelivr, pkg.unpkg);
    assert.ok(has('LICENSE') && has('CHANGELOG.md') && has(pkg['web-types']));
  });

  it('builds everything before `npm pack` or `npm publish` (prepack)', () => {
    assert.equal(pkg.scripts.prepack, 'node scripts/build.mjs');
  });

  it('keeps the build-feed command’s packages out of an app’s install (optional peers)', () => {
    for (const name of ['cli-progress', 'csv-parse', 'sharp']) {
      assert.equal(pkg.dependencies[name], undefined, `${name} is a dependency`);
      assert.equal(pkg.peerDependenciesMeta[name]?.optional, true, `${name} is not an optional peer`);
      assert.ok(pkg.devDependencies[name], `${name} is not installed here for the CLI's tests`);
    }
  });

  it('has a size budget for the bundle', () => {
    assert.deepEqual(
      pkg['size-limit'].map(({ path, gzip }) => ({ path, gzip })),
      [{ path: 'dist/notwiththem-gallery.bundle.js', gzip: true }],
    );
  });
});

describe('custom-elements.json', () => {
  const el = elementDeclaration(manifest);
  const publicMembers = (el.members ?? []).filter((member) => !member.privacy || member.privacy === 'public');

  it('describes every attribute, property, method (and parameter), event, slot, part and custom property', () => {
    const missing = [];
    const check = (kind, items, name = (item) => item.name) => {
      for (const item of items ?? [])
        if (!item.description?.trim()) missing.push(`${kind} ${name(item) || '(default)'}`);
    };
    check('attribute', el.attributes);
    check('member', publicMembers);
    for (const method of publicMembers.filter((member) => member.kind === 'method'))
      check(`parameter of ${method.name}()`, method.parameters);
    check('event', el.events);
    check('slot', el.slots);
    check('part', el.cssParts);
    check('css property', el.cssProperties);
    assert.deepEqual(missing, []);
  });

  it('points at shipped modules and declares which one defines the tag', () => {
    const paths = manifest.modules.map((module) => module.path);
    assert.deepEqual(
      paths.filter((path) => !has(path)),
      [],
    );
    const definitions = manifest.modules.flatMap((module) =>
      (module.exports ?? [])
        .filter((entry) => entry.kind === 'custom-element-definition')
        .map((entry) => ({ module: module.path, ...entry })),
    );
    assert.deepEqual(definitions, [
      {
        module: 'dist/esm/define.js',
        kind: 'custom-element-definition',
        name: 'notwiththem-gallery',
        declaration: { name: 'NotWithThemGallery', module: 'dist/esm/notwiththem-gallery.js' },
      },
    ]);
  });

  it('types each event as the CustomEvent the element dispatches', () => {
    assert.deepEqual(Object.fromEntries(el.events.map((event) => [event.name, event.type?.text])), {
      'nwt-load': 'CustomEvent<NwtLoadDetail>',
      'nwt-slide-change': 'CustomEvent<NwtSlideChangeDetail>',
      'nwt-error': 'CustomEvent<NwtErrorDetail>',
      'nwt-share': 'CustomEvent<NwtShareDetail>',
    });
  });

  it('lists the element API', () => {
    const names = (items) => (items ?? []).map((item) => item.name);
    for (const attribute of [
      'src',
      'start',
      'autoplay',
      'interval',
      'loop',
      'share',
      'share-url',
      'hashtag',
      'lang',
      'label',
      'theme',
      'fit',
    ]) {
      assert.ok(names(el.attributes).includes(attribute), `attribute ${attribute}`);
    }
    for (const member of [
      'testimonials',
      'strings',
      'next',
      'previous',
      'goTo',
      'play',
      'pause',
      'reload',
      'define',
      'version',
    ]) {
      assert.ok(names(publicMembers).includes(member), `member ${member}`);
    }
    for (const event of ['nwt-load', 'nwt-error', 'nwt-slide-change'])
      assert.ok(names(el.events).includes(event), `event ${event}`);
    for (const slot of ['', 'header', 'footer']) assert.ok(names(el.slots).includes(slot), `slot "${slot}"`);
    assert.ok(names(el.cssProperties).every((name) => name.startsWith('--nwt-')));
    // Internal state is not part of the API.
    assert.ok(
      !names(el.attributes).some((name) =>
        /^(activeIndex|perView|maxDots|failedImages|clampedIds|dialogIndex)$/.test(name),
      ),
    );
  });

  it('documents every --nwt-* custom property the stylesheets read', () => {
    const css = filesUnder(join(ROOT, 'src'), (file) => /styles\.ts$/.test(file))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const used = new Set(
      css.match(/var\(\s*--nwt-[\w-]+/g)?.map((match) => match.replace(/^var\(\s*/, '')) ?? [],
    );
    const documented = new Set(el.cssProperties.map((property) => property.name));
    assert.deepEqual(
      [...used].filter((name) => !documented.has(name)),
      [],
    );
  });

  it('names a part that the element really renders, for each documented part', () => {
    const source = filesUnder(join(ROOT, 'src'), (file) => file.endsWith('.ts') && !file.includes('/cli/'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const missing = el.cssParts
      .map((part) => part.name)
      .filter(
        (name) => !new RegExp(`part=["'\`][^"'\`]*\\b${name}\\b`).test(source) && !/^share-/.test(name),
      );
    assert.deepEqual(missing, []);
  });
});

describe('README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('has its API section generated from the manifest (run `npm run api-docs` when this fails)', () => {
    assert.equal(withApiSection(readme, apiMarkdown(manifest)), readme);
  });

  it('keeps the two set-up commands first', () => {
    const firstBlock = readme.split('```')[1];
    assert.match(firstBlock, /^sh\nnpm start .*\nnpm test .*\n$/);
  });

  it('covers each way of embedding, theming, privacy and browser support', () => {
    for (const heading of [
      'Script tag',
      'npm',
      'React',
      'Vue',
      'Svelte',
      'Angular',
      'Server rendering',
      'iframe',
      'Without JavaScript',
      'The feed',
      'API',
      'Theming',
      'Privacy',
      'Browser support',
    ]) {
      assert.match(readme, new RegExp(`^#+ .*${heading}`, 'm'), `no "${heading}" section`);
    }
  });
});

describe('built files', () => {
  it('the bundle is Lit’s production build, minified, with the CSS minified', () => {
    const bundle = readFileSync(join(ROOT, 'dist/notwiththem-gallery.bundle.js'), 'utf8');
    assert.doesNotMatch(bundle, /Lit is in dev mode/);
    assert.doesNotMatch(bundle, /\n {4,}--_/);
    // Minified, and with the private custom properties' short names.
    assert.match(bundle, /:host\{color-scheme:light;--_[a-z]{1,2}:var\(--nwt-accent,/);
    assert.ok(bundle.split('\n').length < 10);
  });

  it('the bundle keeps every key of the labels, which `strings` overrides by name', async () => {
    const bundle = readFileSync(join(ROOT, 'dist/notwiththem-gallery.bundle.js'), 'utf8');
    const { englishStrings } = await import(new URL('../../dist/esm/index.js', import.meta.url));
    for (const [key, text] of Object.entries(englishStrings))
      assert.ok(bundle.includes(`${key}:${JSON.stringify(text)}`), `${key} is renamed in the bundle`);
  });

  it('the bundle carries no text of Lit’s errors, joined ones included', () => {
    const bundle = readFileSync(join(ROOT, 'dist/notwiththem-gallery.bundle.js'), 'utf8');
    assert.deepEqual(bundle.match(/\bError\([^)]/g), null);
    assert.doesNotMatch(bundle, /Value passed to 'css'/);
  });

  it('the npm modules have their Lit templates minified as the bundle has', () => {
    const styles = readFileSync(join(ROOT, 'dist/esm/notwiththem-gallery.styles.js'), 'utf8');
    assert.match(styles, /css\s*`/);
    assert.doesNotMatch(styles, /\n {4,}--_accent/);
    // The element's markup lives in its template modules.
    const templates = ['states', 'testimonial', 'dialog', 'controls', 'track'].flatMap(
      (name) =>
        readFileSync(join(ROOT, `dist/esm/templates/${name}.js`), 'utf8').match(/html\s*`[^`]*`/g) ?? [],
    );
    assert.ok(templates.length > 5);
    assert.deepEqual(
      templates.filter((template) => /\n\s*</.test(template)),
      [],
    );
  });

  it('exports the English labels from the main entry', async () => {
    const { englishStrings } = await import(new URL('../../dist/esm/index.js', import.meta.url));
    assert.equal(englishStrings.next, 'Next testimonial');
  });

  it('the embed page exists with its script', () => {
    const html = readFileSync(join(ROOT, 'dist/embed.html'), 'utf8');
    const script = html.match(/src="\.\/(embed-assets\/[^"]+\.js)"/);
    assert.ok(script, 'no script in embed.html');
    assert.ok(existsSync(join(ROOT, 'dist', script[1])));
  });
});
