/**
 * Counts the page's `fetch` calls until `restore()`; every call still reaches the real `fetch`. For tests
 * that a gallery asks for nothing (a testimonials property, an unusable `src`).
 */
export function countFetches(): { readonly count: number; restore(): void } {
  const realFetch = window.fetch;
  let count = 0;
  window.fetch = (...args: Parameters<typeof fetch>) => {
    count++;
    return realFetch(...args);
  };
  return {
    get count() {
      return count;
    },
    restore: () => void (window.fetch = realFetch),
  };
}
