// Two builds, both self-contained (Lit inside) and minified; the npm build is plain `tsc`.
// - `vite build`: dist/notwiththem-gallery.bundle.js, one IIFE file that works from a classic
//   <script src> and from <script type="module" src> alike.
// - `vite build --mode embed`: dist/embed.html and dist/embed-assets/, the iframe embed (src/embed/).
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import {
  litAsyncConnection,
  litBaseline,
  litCreationScope,
  litDecorators,
  litJsonConverters,
  litPropertyOptions,
  litPureTags,
  litRenderBefore,
  litSheetsOnly,
  litTemplateParts,
  litWholeAttributeValues,
  litWrappedAccessors,
  stripLitErrorTexts,
} from './scripts/lit-cuts.mjs';
import { privateMemberNames, privateStateNames, shortStateNames } from './scripts/private-names.mjs';
import { filesUnder, minifyLitLiterals, shortCustomProperties } from './scripts/minify-literals.mjs';
import { clobberProofGlobals } from './scripts/clobber-proof-globals.mjs';

// `private` members of our classes, and the members of the classes the package does not export (the
// controllers), get short names in these builds (never in the npm modules).
const ownModules = filesUnder(
  'src',
  (file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.includes('/cli/'),
);
const bundledPackages = ['lit-html', 'lit-element', '@lit/reactive-element'].flatMap((name) =>
  filesUnder(`node_modules/${name}`, (file) => file.endsWith('.js') && !/\/(development|node)\//.test(file)),
);
const privateNames = privateMemberNames(ownModules, bundledPackages, ['src/index.ts', 'src/define.ts']);
// Lit's internal members (`_$AH`, `_$litType$`, `_$litPart$`…) too: each build holds its own Lit, whose
// every module is in it and reads them under the same short name, and has no hydration (@lit-labs/ssr-client
// reads them by name, but only the npm modules hydrate): 77 B gzip.
const litInternals = '_\\$\\w+\\$?';
// The element's private reactive states, which it also names in strings, get `$0`, `$1`… (shortStateNames).
const states = privateStateNames('src/notwiththem-gallery.ts');
const shortStates = shortStateNames(states);
const privateNamePattern = new RegExp(`^(?:${[...privateNames, ...states, litInternals].join('|')})$`);
// Terser, three passes (a third finds about 10 B more), reading a property never has side effects: about 70 B gzip below Rolldown's
// own minifier (the code never reads a layout property only to force a layout). Function expressions that
// never use `this` become arrows, and unused parameters go (no code here reads a function's `length` or
// `prototype`): about 30 B. `builtins` lets the private names that terser's list of old DOM properties
// holds (`nextPage`, `setActive`) be shortened too; the pattern already leaves out every name the DOM
// typings and Lit know. No Safari 10 workarounds (Vite asks terser for them by default; the element
// needs Safari 17.5): about 70 B.
const terserOptions = {
  ecma: 2020 as const,
  safari10: false,
  module: false,
  compress: { passes: 3, pure_getters: true, unsafe_arrows: true, keep_fargs: false },
  mangle: { properties: { regex: privateNamePattern, builtins: true, cache: shortStates.cache } },
  format: { comments: false },
};

// Both builds: our templates shrunk, and Lit without what the element never uses (each plugin fails the
// build when its cut no longer holds).
const templatesAndLit = () => [
  minifyLitLiterals({ constructedSheets: true }),
  litBaseline(),
  litJsonConverters(ownModules),
  litPureTags(),
  litTemplateParts(ownModules),
  stripLitErrorTexts(),
  litAsyncConnection(),
  litWrappedAccessors(ownModules),
  litPropertyOptions(ownModules),
  litDecorators(ownModules),
  litRenderBefore(ownModules),
  litSheetsOnly(),
  litCreationScope(),
  litWholeAttributeValues(ownModules),
  clobberProofGlobals(),
];

const bundle: UserConfig = {
  plugins: [...templatesAndLit(), shortCustomProperties(), shortStates.plugin],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2021',
    // The map is written for local debugging but not referenced: the tarball does not ship it, so a
    // sourceMappingURL would only send a CDN's devtools to a 404 (and cost 32 B gzip).
    sourcemap: 'hidden',
    lib: {
      entry: 'src/define.ts',
      name: 'NotWithThemGallery',
      formats: ['iife'],
      fileName: () => 'notwiththem-gallery.bundle.js',
    },
    minify: 'terser',
    terserOptions,
    // The global `NotWithThemGallery` is a plain object holding the class: no `Symbol.toStringTag` of
    // "Module" on it (which Vite's library mode adds for namespaces), 26 B.
    rolldownOptions: { output: { generatedCode: { symbols: false } } },
  },
};

const embed: UserConfig = {
  root: fileURLToPath(new URL('src/embed/', import.meta.url)),
  base: './',
  publicDir: false,
  plugins: [...templatesAndLit(), shortStates.plugin],
  build: {
    outDir: fileURLToPath(new URL('dist/', import.meta.url)),
    emptyOutDir: false,
    target: 'es2021',
    assetsDir: 'embed-assets',
    modulePreload: false,
    minify: 'terser',
    terserOptions,
    rolldownOptions: {
      input: fileURLToPath(new URL('src/embed/embed.html', import.meta.url)),
    },
  },
};

export default defineConfig(({ mode }) => (mode === 'embed' ? embed : bundle));
