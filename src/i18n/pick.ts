/** Choosing and filling the gallery's strings. Pure: no DOM. */
import { en, type GalleryStrings } from './en.js';
import { es } from './es.js';

const catalogs: Record<string, GalleryStrings> = { en, es };

/** The built-in catalog for a BCP 47 tag: its primary language if we have it, else English. */
export function catalogFor(lang: string | null | undefined): GalleryStrings {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return catalogs[primary] ?? en;
}

/**
 * The strings for `lang`, with `overrides` on top. Only known keys with string values are taken,
 * so a bad override (a number, an unknown key, `__proto__`) changes nothing.
 */
export function resolveStrings(lang: string | null | undefined, overrides?: Partial<GalleryStrings> | null): GalleryStrings {
  const base = catalogFor(lang);
  const result = { ...base };
  if (overrides && typeof overrides === 'object') {
    for (const key of Object.keys(base) as (keyof GalleryStrings)[]) {
      const value = (overrides as Record<string, unknown>)[key];
      if (typeof value === 'string') result[key] = value;
    }
  }
  return result;
}

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match,
  );
}
