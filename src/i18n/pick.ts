/** Choosing and filling the gallery's strings. Pure: no DOM. */
import { en, type GalleryStrings } from './en.js';
import { es } from './es.js';

/** The built-in catalog for a BCP 47 tag: Spanish for `es` and its regions, else English. */
export function catalogFor(lang: string | null | undefined): GalleryStrings {
  return (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] === 'es' ? es : en;
}

/**
 * The strings for `lang`, with `overrides` on top. Only known keys with string values are taken,
 * so a bad override (a number, an unknown key, `__proto__`) changes nothing.
 */
export function resolveStrings(
  lang: string | null | undefined,
  overrides?: Partial<GalleryStrings> | null,
): GalleryStrings {
  const result = { ...catalogFor(lang) };
  for (const key in result) {
    const value = overrides?.[key as keyof GalleryStrings];
    if (typeof value === 'string') result[key as keyof GalleryStrings] = value;
  }
  return result;
}

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export function format(template: string, values: Record<string, string | number>): string {
  // replace() turns what the function returns into a string (a number here).
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : match,
  );
}

/** The language of `element`: its `lang`, else the nearest ancestor's (across shadow roots), else the document's. */
export function languageOf(element: HTMLElement): string {
  // The property first: set before the first update, it is not reflected to the attribute yet.
  if (element.lang) return element.lang;
  let node: Element | undefined = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    // A document's root has no host: undefined ends the walk.
    node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host;
  }
  return document.documentElement.lang || 'en';
}
