// `npm run manifest`: custom-elements.json from the element's JSDoc (the class comment is the public API).
// Only the browser modules: the build-feed CLI (src/cli) is not part of the element's API.

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
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
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
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/cli/**', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json already points at the manifest ("customElements"); the analyzer must not rewrite it.
  packagejson: false,
  plugins: [publicApiOnly()],
};
