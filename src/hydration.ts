/**
 * Whether a server's render (@lit-labs/ssr) may be hydrated on this page: Lit's hydrate support is
 * loaded (it must be, before Lit). The script-tag bundle has no hydration: its build reads this global
 * as `undefined` (scripts/clobber-proof-globals.mjs), so the code behind this flag leaves the bundle.
 */
export const hydrates = !!(globalThis as { litElementHydrateSupport?: unknown }).litElementHydrateSupport;
