// A Vite (Rolldown) plugin for the script-tag bundle and the embed: makes Lit's optional globals immune to
// DOM clobbering.
//
// Lit reads a few optional globals: polyfill hooks (`litHtmlPolyfillSupport`, `reactiveElementPolyfillSupport`,
// `litElementPolyfillSupport`, `litElementHydrateSupport`), version registries (`litHtmlVersions`…) and
// `ShadyCSS`, `trustedTypes`. An element with such an id or name in the host page (`<div id="litHtmlVersions">`)
// is a named property of `window`, so Lit calls an element, or pushes into one: a TypeError before the gallery
// is defined. The bundle never runs with Lit's polyfills (its browsers are newer), so the hooks and ShadyCSS
// become `undefined`; a version registry is used only when it is an array; `trustedTypes` only when it can
// create a policy. Each rule must match, so a Lit release that changes these reads fails the build instead of
// quietly losing the protection.

/**
 * [pattern, replacement, what it protects, optional]. Optional: Lit's only read of ShadyCSS is in its
 * adoptedStyleSheets test, which `litBaseline` (scripts/lit-cuts.mjs) removes whole; a read left
 * elsewhere is still rewritten.
 */
const RULES = [
  [/\b[\w$]+\.(?:litHtml|reactiveElement|litElement)PolyfillSupport\b/g, '(void 0)', 'polyfill hooks'],
  [/\b[\w$]+\.litElementHydrateSupport\b/g, '(void 0)', 'the hydrate hook'],
  [/\b[\w$]+\.ShadyCSS\b/g, '(void 0)', 'ShadyCSS', true],
  [
    /\(([\w$]+)\.(\w+Versions)\s*\?\?=\s*\[\]\)/g,
    '($1.$2 instanceof Array?$1.$2:$1.$2=[])',
    'the version registries',
  ],
  [/\b([\w$]+)\.trustedTypes\b/g, '($1.trustedTypes?.createPolicy&&$1.trustedTypes)', 'trustedTypes'],
];

/** Rewrites Lit's reads of optional globals in the bundle's chunks (see the comment above). */
export function clobberProofGlobals() {
  return {
    name: 'nwt-clobber-proof-globals',
    renderChunk(code, chunk) {
      if (!/\blitHtmlVersions\b/.test(code)) return null; // a chunk without Lit
      let out = code;
      for (const [pattern, replacement, what, optional] of RULES) {
        const next = out.replace(pattern, replacement);
        if (next === out && !optional)
          this.error(`clobber-proof-globals: no read of ${what} found in ${chunk.fileName}`);
        out = next;
      }
      return { code: out, map: null };
    },
  };
}
