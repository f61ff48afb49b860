// The self-contained bundle for script tags: Lit inside, minified, one IIFE file that works from a
// classic <script src> and from <script type="module" src> alike. The npm build is plain `tsc`.
import { defineConfig } from 'vite';

export default defineConfig({
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
  },
});
