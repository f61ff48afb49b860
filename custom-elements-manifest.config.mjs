// `npm run manifest`: custom-elements.json from the element's JSDoc (the class comment is the public API),
// then the typings and editor data generated from it (scripts/framework-types.mjs). Runs after tsc (the
// build does that), since the manifest points at the shipped modules in dist/esm/.
// Only the browser modules: the build-feed CLI (src/cli) and the iframe page's code (src/embed, shipped
// as the built dist/embed.html) are not part of the element's API.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { writeFrameworkTypes } from './scripts/framework-types.mjs';

const TAG = 'notwiththem-gallery';
/** The module that calls `NotWithThemGallery.define()` (a static method the analyzer cannot follow). */
const DEFINE_MODULE = 'dist/esm/define.js';
/** The module that declares the events' types, one `'name': CustomEvent<Detail>` entry each. */
const EVENT_MAP = { file: 'src/events.ts', name: 'NotWithThemGalleryEventMap' };

/**
 * Two things the analyzer's Lit support gets wrong for this element, put right after analysis:
 * - internal reactive state (`static properties` entries with `state: true`, declared `protected`) is not an
 *   attribute;
 * - `this.dispatchEvent(new CustomEvent(type, …))` in the private `emit(type, …)` helper is not an event
 *   called "type" (the real events are the documented `@event`s).
 */
function publicApiOnly() {
  return {
    name: 'nwt-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of elements(customElementsManifest)) {
        const hidden = new Set(
          (declaration.members ?? [])
            .filter((member) => member.privacy && member.privacy !== 'public')
            .map((member) => member.name),
        );
        declaration.attributes = (declaration.attributes ?? []).filter(
          (attribute) => !hidden.has(attribute.fieldName ?? attribute.name),
        );
        declaration.events = (declaration.events ?? []).filter(
          (event) => event.description || event.name !== 'type',
        );
      }
    },
  };
}

/** Each documented event gets its type, `CustomEvent<Detail>`, from the event map the typings declare. */
function typedEvents() {
  return {
    name: 'nwt-typed-events',
    packageLinkPhase({ customElementsManifest }) {
      const types = eventTypes(EVENT_MAP.file, EVENT_MAP.name);
      for (const declaration of elements(customElementsManifest))
        for (const event of declaration.events ?? []) {
          if (!types.has(event.name))
            throw new Error(`${EVENT_MAP.file} has no type for event ${event.name}`);
          event.type = { text: types.get(event.name) };
        }
    },
  };
}

/**
 * Paths of the shipped files: `src/x.ts` becomes `dist/esm/x.js` (modules and references alike), and the
 * define module declares the tag, so tools map `<notwiththem-gallery>` to the import that registers it.
 */
function shippedPaths() {
  const shipped = (path) => path.replace(/^src\/(.*)\.ts$/, 'dist/esm/$1.js');
  const relink = (value) => {
    if (Array.isArray(value)) value.forEach(relink);
    else if (value && typeof value === 'object') {
      if (typeof value.module === 'string') value.module = shipped(value.module);
      Object.values(value).forEach(relink);
    }
  };
  return {
    name: 'nwt-shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        module.path = shipped(module.path);
        relink(module.declarations);
        relink(module.exports);
      }
      const define = customElementsManifest.modules.find((module) => module.path === DEFINE_MODULE);
      const [element] = elements(customElementsManifest);
      const elementModule = customElementsManifest.modules.find((module) =>
        module.declarations?.includes(element),
      );
      define.exports = [
        ...(define.exports ?? []).filter((entry) => entry.kind !== 'custom-element-definition'),
        {
          kind: 'custom-element-definition',
          name: TAG,
          declaration: { name: element.name, module: elementModule.path },
        },
      ];
    },
  };
}

/** Writes the framework typings and editor data, last, from the finished manifest. */
function frameworkTypes() {
  return {
    name: 'nwt-framework-types',
    packageLinkPhase({ customElementsManifest }) {
      writeFrameworkTypes(customElementsManifest, { esmDir: 'dist/esm', dataDir: 'dist' });
    },
  };
}

function elements(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? []).filter((item) => item.customElement),
  );
}

/** `name → type text` for the members of interface `name` in `file`. */
function eventTypes(file, name) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const types = new Map();
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === name) {
      for (const member of node.members)
        if (ts.isPropertySignature(member) && member.type)
          types.set(member.name.getText(source).replace(/^['"]|['"]$/g, ''), member.type.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return types;
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/cli/**', 'src/embed/**', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json already points at the manifest ("customElements"); the analyzer must not rewrite it.
  packagejson: false,
  plugins: [publicApiOnly(), typedEvents(), shippedPaths(), frameworkTypes()],
};
