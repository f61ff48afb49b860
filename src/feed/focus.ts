/**
 * A photo's focal point as CSS. Pure: no DOM. The value comes from `parseFeed`, which keeps only
 * `"x% y%"` with two percentages from 0% to 100%, so it can go into CSS text as it is.
 */

/**
 * CSS text for a photo `<img>`'s `.style` property binding (set through the CSSOM, which a strict page's
 * CSP allows): `object-position` at the focal point, or '' so the stylesheet's centre applies.
 */
export const objectPosition = (focus: string | undefined): string =>
  focus ? `object-position:${focus}` : '';
