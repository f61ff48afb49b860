// Typings and editor data for every stack, generated from custom-elements.json by the custom-elements
// community's generators (run by `cem analyze`, after tsc has written dist/esm/):
// - dist/esm/jsx-props.d.ts (@wc-toolkit/jsx-types): the element's JSX props, `on<event>` handlers typed
//   with their CustomEvent; dist/esm/react.d.ts and dist/esm/svelte.d.ts put them into React 19's and
//   Svelte 5's element maps;
// - dist/esm/vue.d.ts (custom-element-vuejs-integration): Vue's GlobalComponents;
// - dist/vscode.html-custom-data.json, dist/vscode.css-custom-data.json (custom-element-vs-code-integration)
//   and dist/web-types.json (custom-element-jet-brains-integration): completions in plain HTML.
// Each .d.ts has an empty .js beside it, so that `import 'notwiththem-gallery/react'` (without `type`)
// also survives a bundler.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import ts from 'typescript';

const TAG = 'notwiththem-gallery';

// custom-element-svelte-integration is not used: it writes Svelte 4 syntax (`on:event`, `bind:prop`) into a
// `svelteHTML` namespace that its own import makes module-scoped, so Svelte 5's checker never reads it.
// Svelte 5 sets a custom element's known props as properties and takes `on<event>` handlers, as React
// 19 does, so both read the JSX props.
const REACT = `/**
 * JSX typings for React 19, generated from custom-elements.json. React 19 sets the element's props as
 * properties (\`testimonials={[…]}\` works) and listens to \`on<event-name>\` props (\`onnwt-load\`).
 * Opt in once in the app: \`import type {} from 'notwiththem-gallery/react';\`
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { NotWithThemGallery } from './index.js';
import type { NotWithThemGalleryProps } from './jsx-props.js';

export type { NotWithThemGalleryProps };

/** Everything \`<${TAG}>\` accepts in React's JSX. */
export type NotWithThemGalleryJsxProps = DetailedHTMLProps<HTMLAttributes<NotWithThemGallery>, NotWithThemGallery> &
  NotWithThemGalleryProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      '${TAG}': NotWithThemGalleryJsxProps;
    }
  }
}
`;

const SVELTE = `/**
 * Svelte 5 typings, generated from custom-elements.json: \`<${TAG} theme="dark" onnwt-load={…}>\` is
 * checked by svelte-check. Svelte 5 sets the element's props as properties. Opt in once in the app:
 * \`import type {} from 'notwiththem-gallery/svelte';\` (in a .d.ts or a <script lang="ts">).
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { NotWithThemGallery } from './index.js';
import type { NotWithThemGalleryProps } from './jsx-props.js';

export type { NotWithThemGalleryProps };

/** Everything \`<${TAG}>\` accepts in a Svelte template. */
export type NotWithThemGallerySvelteProps = Omit<HTMLAttributes<NotWithThemGallery>, keyof NotWithThemGalleryProps> &
  NotWithThemGalleryProps;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    '${TAG}': NotWithThemGallerySvelteProps;
  }
}
`;

const RUNTIME = `// Types only (see the .d.ts beside this file): an import without \`type\` loads nothing.\nexport {};\n`;

/**
 * Writes the typings under `esmDir` (next to index.d.ts, which they import) and the editor data under
 * `dataDir`. `manifest` has event types as `CustomEvent<Detail>`.
 */
export function writeFrameworkTypes(manifest, { esmDir, dataDir }) {
  const quiet = { hideLogs: true };
  generateJsxTypes(structuredClone(manifest), {
    ...quiet,
    outdir: esmDir,
    fileName: 'jsx-props.d.ts',
    globalTypePath: './index.js',
    excludeCssCustomProperties: true,
  });
  keepAugmentations(join(esmDir, 'jsx-props.d.ts'), []);
  // The Vue generator wraps each event type in CustomEvent<…> itself: it gets the detail types.
  generateVuejsTypes(withDetailEventTypes(manifest), {
    ...quiet,
    outdir: esmDir,
    fileName: 'vue.d.ts',
    globalTypePath: './index.js',
  });
  keepAugmentations(join(esmDir, 'vue.d.ts'), ['vue']);
  writeFileSync(join(esmDir, 'react.d.ts'), REACT);
  writeFileSync(join(esmDir, 'svelte.d.ts'), SVELTE);
  for (const name of ['jsx-props', 'react', 'svelte', 'vue'])
    writeFileSync(join(esmDir, `${name}.js`), RUNTIME);
  generateVsCodeCustomElementData(structuredClone(manifest), { ...quiet, outdir: dataDir });
  // package.json names web-types.json itself ("web-types"): the generator must not rewrite it.
  generateJetBrainsWebTypes(structuredClone(manifest), { ...quiet, outdir: dataDir, packageJson: false });
}

/**
 * Drops the `declare module '…'` and `declare global` blocks of a generated file, but those for `modules`.
 * @wc-toolkit/jsx-types registers the tag for React, Preact, Solid, Qwik, Stencil, Hono and the global JSX
 * at once, with base props (`dir: 'ltr' | 'rtl'`) that clash with React's own; the Vue generator adds a
 * global JSX entry beside Vue's GlobalComponents. Each entry here opts in to one framework only.
 */
function keepAugmentations(file, modules) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const dropped = source.statements.filter(
    (statement) =>
      ts.isModuleDeclaration(statement) &&
      !(ts.isStringLiteral(statement.name) && modules.includes(statement.name.text)),
  );
  let out = text;
  for (const statement of dropped.reverse())
    out = out.slice(0, statement.getFullStart()) + out.slice(statement.getEnd());
  writeFileSync(file, out.trimEnd() + '\n');
}

function withDetailEventTypes(manifest) {
  const copy = structuredClone(manifest);
  for (const module of copy.modules)
    for (const declaration of module.declarations ?? [])
      for (const event of declaration.events ?? []) {
        const detail = event.type?.text.match(/^CustomEvent<(.+)>$/)?.[1];
        if (detail) event.type = { text: detail };
      }
  return copy;
}
