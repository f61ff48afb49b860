// The fresh apps of tests/package/frameworks.test.mjs, one per stack, each written the way that stack's own
// docs set up a custom element. Every app shows one gallery with the feed named by `?feed=`, a `strings`
// override given as an object (so the value must arrive as a property), and records each `nwt-slide-change`
// in `window.nwtEvents`. Each has a type check that must pass, and one place where a wrong `theme` must be
// an error.
//
// Built twice: as written, and without `notwiththem-gallery/define` (an empty module instead), into
// dist-without-gallery/, so the difference is what the gallery adds to the app. The Vite apps do it with an
// alias (NWT_WITHOUT_GALLERY=1); `build` says how for an app that is not built by Vite.

/** Text the next button must read: proves `strings` arrived as an object. */
export const NEXT_LABEL = 'Siguiente';

const VERSIONS = {
  vite: '^8.0.0',
  typescript: '~5.9.3',
};

const html = (entry) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>gallery app</title>
  </head>
  <body>
    <div id="app"></div>
    <script type="module" src="${entry}"></script>
  </body>
</html>
`;

/** vite.config.js: the stack's plugin, and the alias that builds the app without the gallery. */
const viteConfig = (pluginImport, pluginCall) => `import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
${pluginImport}

const withoutGallery = process.env.NWT_WITHOUT_GALLERY === '1';

export default defineConfig({
  plugins: [${pluginCall}],
  resolve: {
    alias: withoutGallery
      ? { 'notwiththem-gallery/define': fileURLToPath(new URL('./src/empty.js', import.meta.url)) }
      : {},
  },
  build: { outDir: withoutGallery ? 'dist-without-gallery' : 'dist' },
});
`;

const tsconfig = (extra = {}, include = ['src']) =>
  JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        types: [],
        ...extra,
      },
      include,
    },
    null,
    2,
  );

const shared = {
  'src/empty.js': 'export {};\n',
  'src/events.ts': `// Every nwt-slide-change the page sees, for the test to read.
declare global {
  interface Window {
    nwtEvents: string[];
  }
}
window.nwtEvents = [];
export function recordSlideChange(event: CustomEvent<{ index: number }>): void {
  window.nwtEvents.push(\`nwt-slide-change \${event.detail.index}\`);
}
export const feed = new URLSearchParams(location.search).get('feed') ?? '/testimonials.json';
export const strings = { next: '${NEXT_LABEL}' };
`,
};

/** Plain Vite + TypeScript, typed from the main entry; a second tsconfig checks moduleResolution node10. */
const vanilla = {
  name: 'vite-ts',
  dependencies: {},
  devDependencies: { vite: VERSIONS.vite, typescript: VERSIONS.typescript },
  files: {
    ...shared,
    'index.html': html('/src/main.ts'),
    'vite.config.js': viteConfig('', ''),
    'tsconfig.json': tsconfig({}, ['src/main.ts', 'src/events.ts']),
    'src/main.ts': `import 'notwiththem-gallery/define';
import { englishStrings, type NotWithThemGallery } from 'notwiththem-gallery';
import { feed, recordSlideChange, strings } from './events';

const gallery = document.createElement('notwiththem-gallery');
gallery.src = feed;
gallery.theme = 'dark';
gallery.strings = { ...strings, previous: englishStrings.previous };
document.querySelector('#app')!.append(gallery);
// Typed on document and window too: the events bubble out of the shadow root.
document.addEventListener('nwt-slide-change', (event) => recordSlideChange(event));
window.addEventListener('nwt-load', (event) => console.log('loaded', event.detail.count));
const found: NotWithThemGallery | null = document.querySelector('notwiththem-gallery');
// @ts-expect-error: theme is light, dark or auto
if (found) found.theme = 'sepia';
`,
    // The main entry alone types the tag and the events (no define import in this program).
    'tsconfig.main-entry.json': JSON.stringify({
      extends: './tsconfig.json',
      include: ['src/main-entry.ts'],
    }),
    'src/main-entry.ts': `import { englishStrings, type NotWithThemGallery } from 'notwiththem-gallery';

const found: NotWithThemGallery | null = document.querySelector('notwiththem-gallery');
if (found) found.strings = { next: englishStrings.next };
window.addEventListener('nwt-error', (event) => console.log(event.detail.code));
// @ts-expect-error: theme is light, dark or auto
if (found) found.theme = 'sepia';
`,
    // TypeScript's pre-exports resolution reads the subpaths through typesVersions.
    'tsconfig.node10.json': JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: { moduleResolution: 'node10', module: 'ESNext' },
      include: ['src/node10.ts'],
    }),
    'src/node10.ts': `import type { NotWithThemGallery } from 'notwiththem-gallery/define';

const found: NotWithThemGallery | null = document.querySelector('notwiththem-gallery');
document.addEventListener('nwt-load', (event) => console.log(event.detail.count));
// @ts-expect-error: theme is light, dark or auto
if (found) found.theme = 'sepia';
`,
  },
  typeCheck: (tool) => {
    tool('tsc', ['-p', 'tsconfig.json']);
    tool('tsc', ['-p', 'tsconfig.main-entry.json']);
    tool('tsc', ['-p', 'tsconfig.node10.json']);
  },
};

const react = {
  name: 'react',
  dependencies: { react: '^19.0.0', 'react-dom': '^19.0.0' },
  devDependencies: {
    vite: VERSIONS.vite,
    typescript: VERSIONS.typescript,
    '@vitejs/plugin-react': '^6.0.0',
    '@types/react': '^19.0.0',
    '@types/react-dom': '^19.0.0',
  },
  files: {
    ...shared,
    'index.html': html('/src/main.tsx'),
    'vite.config.js': viteConfig("import react from '@vitejs/plugin-react';", 'react()'),
    'tsconfig.json': tsconfig({ jsx: 'react-jsx', types: ['react', 'react-dom'] }),
    'src/main.tsx': `import { createRoot } from 'react-dom/client';
import 'notwiththem-gallery/define';
// Without \`type\` on purpose: the runtime file behind ./react keeps a bundler happy.
import 'notwiththem-gallery/react';
import { feed, recordSlideChange, strings } from './events';

function App() {
  return (
    <notwiththem-gallery
      src={feed}
      theme="dark"
      strings={strings}
      onnwt-slide-change={(event) => recordSlideChange(event)}
    />
  );
}

// @ts-expect-error: theme is light, dark or auto
export const wrongTheme = <notwiththem-gallery theme="sepia" />;

createRoot(document.querySelector('#app')!).render(<App />);
`,
  },
  typeCheck: (tool) => tool('tsc', ['-p', 'tsconfig.json']),
};

const vue = {
  name: 'vue',
  dependencies: { vue: '^3.5.0' },
  devDependencies: {
    vite: VERSIONS.vite,
    typescript: VERSIONS.typescript,
    '@vitejs/plugin-vue': '^6.0.0',
    'vue-tsc': '^3.0.0',
  },
  files: {
    ...shared,
    'index.html': html('/src/main.ts'),
    'vite.config.js': viteConfig(
      "import vue from '@vitejs/plugin-vue';",
      "vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('notwiththem-') } } })",
    ),
    'tsconfig.json': tsconfig({ jsx: 'preserve' }, ['src/**/*.ts', 'src/**/*.vue']),
    'src/env.d.ts': "import type {} from 'notwiththem-gallery/vue';\n",
    'src/main.ts': `import { createApp } from 'vue';
import 'notwiththem-gallery/define';
import App from './App.vue';

createApp(App).mount('#app');
`,
    'src/App.vue': `<script setup lang="ts">
import { feed, recordSlideChange, strings } from './events';
</script>

<template>
  <notwiththem-gallery
    :src="feed"
    theme="dark"
    :strings="strings"
    @nwt-slide-change="recordSlideChange"
  />
  <!-- @vue-expect-error theme is light, dark or auto -->
  <notwiththem-gallery v-if="false" theme="sepia" />
</template>
`,
  },
  typeCheck: (tool) => tool('vue-tsc', ['--noEmit', '-p', 'tsconfig.json']),
};

const svelte = {
  name: 'svelte',
  dependencies: {},
  devDependencies: {
    vite: VERSIONS.vite,
    typescript: VERSIONS.typescript,
    svelte: '^5.0.0',
    '@sveltejs/vite-plugin-svelte': '^7.0.0',
    'svelte-check': '^4.0.0',
  },
  files: {
    ...shared,
    'index.html': html('/src/main.ts'),
    'vite.config.js': viteConfig("import { svelte } from '@sveltejs/vite-plugin-svelte';", 'svelte()'),
    'tsconfig.json': tsconfig({}, ['src/**/*.ts', 'src/**/*.svelte']),
    'src/env.d.ts': "import type {} from 'notwiththem-gallery/svelte';\n",
    'src/main.ts': `import { mount } from 'svelte';
import 'notwiththem-gallery/define';
import App from './App.svelte';

mount(App, { target: document.querySelector('#app')! });
`,
    'src/App.svelte': `<script lang="ts">
  import { feed, recordSlideChange, strings } from './events';
</script>

<notwiththem-gallery
  src={feed}
  theme="dark"
  {strings}
  onnwt-slide-change={(event) => recordSlideChange(event)}
></notwiththem-gallery>
`,
    // svelte-check has no expect-error for markup: this component must be the only one with errors.
    'src/WrongTheme.svelte':
      '<script lang="ts"></script>\n\n<notwiththem-gallery theme="sepia"></notwiththem-gallery>\n',
  },
  typeCheck: (tool) => {
    let output = '';
    try {
      output = tool('svelte-check', ['--tsconfig', './tsconfig.json', '--output', 'machine']);
    } catch (error) {
      output = `${error.stdout ?? ''}`;
    }
    const errors = output.split('\n').filter((line) => /^\d+ ERROR /.test(line));
    const elsewhere = errors.filter((line) => !line.includes('"src/WrongTheme.svelte"'));
    if (elsewhere.length) throw new Error(`svelte-check errors:\n${elsewhere.join('\n')}`);
    if (!errors.some((line) => /sepia/.test(line)))
      throw new Error(`svelte-check accepted theme="sepia":\n${output}`);
  },
};

/**
 * Angular 21 (the last major that runs on Node 20), built by its CLI. No typings: CUSTOM_ELEMENTS_SCHEMA,
 * which Angular needs for any custom element, turns its template checking off for the tag; the build still
 * type-checks the app's code with strictTemplates.
 */
const angular = {
  name: 'angular',
  dependencies: {
    '@angular/core': '^21.0.0',
    '@angular/common': '^21.0.0',
    '@angular/compiler': '^21.0.0',
    '@angular/platform-browser': '^21.0.0',
    rxjs: '^7.8.0',
    tslib: '^2.6.0',
  },
  devDependencies: {
    '@angular/build': '^21.0.0',
    '@angular/cli': '^21.0.0',
    '@angular/compiler-cli': '^21.0.0',
    typescript: VERSIONS.typescript,
  },
  files: {
    ...shared,
    'src/empty.ts': 'export {};\n',
    'src/gallery.ts': "import 'notwiththem-gallery/define';\n",
    'angular.json': JSON.stringify(
      {
        version: 1,
        cli: { analytics: false },
        newProjectRoot: 'projects',
        projects: {
          app: {
            projectType: 'application',
            root: '',
            sourceRoot: 'src',
            architect: {
              build: {
                builder: '@angular/build:application',
                options: {
                  browser: 'src/main.ts',
                  index: 'src/index.html',
                  tsConfig: 'tsconfig.json',
                  outputPath: { base: 'dist', browser: '' },
                },
                configurations: {
                  production: { optimization: true, outputHashing: 'all' },
                  'without-gallery': {
                    outputPath: { base: 'dist-without-gallery', browser: '' },
                    fileReplacements: [{ replace: 'src/gallery.ts', with: 'src/empty.ts' }],
                  },
                },
                defaultConfiguration: 'production',
              },
            },
          },
        },
      },
      null,
      2,
    ),
    'tsconfig.json': JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'preserve',
          moduleResolution: 'bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true,
          isolatedModules: true,
          types: [],
        },
        angularCompilerOptions: { strictTemplates: true },
        files: ['src/main.ts'],
      },
      null,
      2,
    ),
    'src/index.html': `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>gallery app</title>
    <base href="/" />
  </head>
  <body>
    <app-root></app-root>
  </body>
</html>
`,
    'src/main.ts': `import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import './gallery';
import { feed, recordSlideChange, strings } from './events';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: \`<notwiththem-gallery [src]="feed" theme="dark" [strings]="strings" (nwt-slide-change)="onSlide($event)" />\`,
})
class App {
  feed = feed;
  strings = strings;
  onSlide(event: Event) {
    recordSlideChange(event as CustomEvent<{ index: number }>);
  }
}

bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] }).catch((error) => console.error(error));
`,
  },
  typeCheck: () => {},
  build: (tool, withoutGallery) =>
    tool('ng', ['build', ...(withoutGallery ? ['--configuration', 'production,without-gallery'] : [])], {
      env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
    }),
};

export const APPS = [vanilla, react, vue, svelte, angular];
