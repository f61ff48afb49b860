/**
 * Properties as frameworks set them. An attribute is always a string, but a property can be anything:
 * `hashtag = 2024`, `share = 3`, `lang = 7` or `strings = "x"` reach code that expects a string or an
 * object. Pure: the element applies the fixes and prints the warnings.
 */

/** The element's properties that hold text (or null), as their attributes do. */
const TEXT = ['src', 'start', 'share', 'shareUrl', 'hashtag', 'lang', 'label', 'theme', 'fit'];

export interface PropertyFixes {
  /** The corrected values, by property name. */
  fixes: Record<string, unknown>;
  /** One line per property whose value was ignored. */
  warnings: string[];
}

/**
 * The fixes for the `changed` properties of `values`: a number, boolean or bigint in a text property
 * becomes its string (as the attribute would be); any other non-string becomes `null` (the default) with
 * a warning; `strings` that is not an object becomes `null` with a warning.
 */
export function fixPropertyTypes(values: object, changed: Iterable<PropertyKey>): PropertyFixes {
  const fixes: Record<string, unknown> = {};
  const warnings: string[] = [];
  for (const name of changed) {
    if (typeof name !== 'string') continue;
    const value = (values as Record<string, unknown>)[name];
    const type = typeof value;
    if (value == null || (name === 'strings' ? type === 'object' : type === 'string')) continue;
    if (TEXT.includes(name) && /^(number|boolean|bigint)$/.test(type)) {
      fixes[name] = String(value);
    } else if (TEXT.includes(name) || name === 'strings') {
      fixes[name] = null;
      warnings.push(
        `${name} ignored: ${name === 'strings' ? 'an object' : 'text'} was expected, got ${type}`,
      );
    }
  }
  return { fixes, warnings };
}
