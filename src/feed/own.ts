/**
 * Reading checked feed objects where they are used. The parser reads only own properties and builds
 * plain objects, but a plain object still inherits: on a page whose other code gave `Object.prototype`
 * a `url`, `next` or `srcset`, `testimonial.url` answers with it for every entry that has none. What
 * the gallery renders or fetches is therefore read through these. Pure: no DOM.
 */

/** `object[key]` if it is the object's own property, else `undefined`. */
export function own<T extends object, K extends keyof T>(object: T, key: K): T[K] | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** A copy of the object's own fields that inherits nothing (no prototype). */
export function ownFields<T extends object>(object: T): T {
  return Object.assign(Object.create(null), object);
}

/** Sets `key` only when `value` is truthy (so never '', 0 or NaN); returns `object`. */
export function setTruthy<T extends object, K extends keyof T>(
  object: T,
  key: K,
  value: T[K] | undefined,
): T {
  if (value) object[key] = value;
  return object;
}
