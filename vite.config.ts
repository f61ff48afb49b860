// Two builds, both self-contained (Lit inside) and minified; the npm build is plain `tsc`.
// - `vite build`: dist/notwiththem-gallery.bundle.js, one IIFE file that works from a classic
//   <script src> and from <script type="module" src> alike.
// - `vite build --mode embed`: dist/embed.html and dist/embed-assets/, the iframe embed (src/embed/).
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import {
  filesUnder,
  minifyLitLiterals,
  privateMemberNames,
  stripLitErrorTexts,
} from './scripts/minify-literals.mjs';

// `private` members of our classes get short names in these builds (never in the npm modules).
const ownModules = filesUnder(
  'src',
  (file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.includes('/cli/'),
);
const bundledPackages = ['lit-html', 'lit-element', '@lit/reactive-element'].flatMap((name) =>
  filesUnder(`node_modules/${name}`, (file) => file.endsWith('.js') && !/\/(development|node)\//.test(file)),
);
const privateNames = privateMemberNames(ownModules, bundledPackages);
const minify = {
  compress: true,
  mangle: true,
  ...(privateNames.length ? { mangleProps: { include: new RegExp(`^(?:${privateNames.join('|')})$`) } } : {}),
};

const bundle: UserConfig = {
  plugins: [minifyLitLiterals(), stripLitErrorTexts()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2021',
    sourcemap: true,
    lib: {
      entry: 'src/define.ts',
      name: 'NotWithThemGallery',
      formats: ['iife'],
      fileName: () => 'notwiththem-gallery.bundle.js',
    },
    rolldownOptions: { output: { minify } },
  },
};

const embed: UserConfig = {
  root: fileURLToPath(new URL('src/embed/', import.meta.url)),
  base: './',
  publicDir: false,
  plugins: [minifyLitLiterals(), stripLitErrorTexts()],
  build: {
    outDir: fileURLToPath(new URL('dist/', import.meta.url)),
    emptyOutDir: false,
    target: 'es2021',
    assetsDir: 'embed-assets',
    modulePreload: false,
    rolldownOptions: {
      input: fileURLToPath(new URL('src/embed/embed.html', import.meta.url)),
      output: { minify },
    },
  },
};

export default defineConfig(({ mode }) => (mode === 'embed' ? embed : bundle));
