// The self-contained bundle for script tags: Lit inside, minified, one IIFE file that works from a
// classic <script src> and from <script type="module" src> alike. The npm build is plain `tsc`.
import { defineConfig } from 'vite';
import { filesUnder, minifyLitLiterals, privateMemberNames } from './scripts/minify-literals.mjs';

// `private` members of our classes get short names in the bundle (never in the npm modules).
const ownModules = filesUnder('src', (file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.includes('/cli/'));
const bundledPackages = ['lit-html', 'lit-element', '@lit/reactive-element', '@lit/task'].flatMap((name) =>
  filesUnder(`node_modules/${name}`, (file) => file.endsWith('.js') && !/\/(development|node)\//.test(file)),
);
const privateNames = privateMemberNames(ownModules, bundledPackages);

export default defineConfig({
  plugins: [minifyLitLiterals()],
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
    rolldownOptions: {
      output: {
        minify: {
          compress: true,
          mangle: true,
          ...(privateNames.length ? { mangleProps: { include: new RegExp(`^(?:${privateNames.join('|')})$`) } } : {}),
        },
      },
    },
  },
});
