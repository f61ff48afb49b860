/**
 * Properties as frameworks set them. An attribute is always a string, but a property can be anything:
 * `hashtag = 2024`, `share = 3`, `lang = 7` or `strings = "x"` reach code that expects a string or an
 * object. `fixPropertyTypes` is pure: the element applies the fixes and warns about the values it ignores.
 */
import { warn } from './events.js';

/** The element's properties that hold text (or null), as their attributes do. */
const TEXT = 'src start share shareUrl hashtag lang label theme fit'.split(' ');

/**
 * The fixes for the `changed` properties of `values`, as `[name, value, ignored]`: a number, boolean or
 * bigint in a text property becomes its string (as the attribute would be); any other non-string in a
 * text property, and `strings` that is not an object, becomes `null` (the default) and is `ignored`.
 */
export function fixPropertyTypes(
  values: object,
  changed: Iterable<PropertyKey>,
): [name: string, value: string | null, ignored: boolean][] {
  const fixes: [string, string | null, boolean][] = [];
  for (const name of changed) {
    const value = (values as Record<PropertyKey, unknown>)[name];
    const text = TEXT.includes(name as string);
    if ((text || name === 'strings') && value != null && typeof value !== (text ? 'string' : 'object')) {
      const primitive = text && /^[nb]/.test(typeof value); // number, boolean, bigint
      fixes.push([name as string, primitive ? String(value) : null, !primitive]);
    }
  }
  return fixes;
}

/**
 * A framework that rendered the tag before it was defined (React 19 with a lazy define) wrote the object
 * properties as attributes ("[object Object]"): the objects are lost, one warning each says how to keep them.
 */
export function warnObjectAttributes(element: Element & Record<'testimonials' | 'strings', unknown>): void {
  for (const name of ['testimonials', 'strings'] as const) {
    if (element.hasAttribute(name) && element[name] == null) {
      warn(`${name} came as an attribute: import the define module first`);
    }
  }
}
