/**
 * A testimonial's deep link, `#nwt-<id>`: written into every shared URL, read from the page's hash on
 * load and on `hashchange`. Both halves live here so they cannot drift apart.
 */
const PREFIX = 'nwt-';

/** The hash that leads to one testimonial, `#nwt-` and its id percent-encoded. */
export function deepLinkHash(id: string): string {
  return `#${PREFIX}${encodeURIComponent(id)}`;
}

/**
 * The testimonial id in a page's hash, or undefined when the hash is not ours. A host page's own hash
 * (`#50%-off`) or broken percent-encoding is not an error: the gallery just starts where it would.
 */
export function deepLinkId(hash: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(hash.slice(1));
  } catch {
    return undefined;
  }
  return decoded.startsWith(PREFIX) ? decoded.slice(PREFIX.length) : undefined;
}
