/**
 * An accent colour that reads in both themes. The gallery uses its accent as text on its background
 * and as the background of text in `--nwt-on-accent` (white in the light theme, the dark background in
 * the dark theme), so one contrast ratio per theme says whether it can be read. An accent picked on a
 * light page is often too dark for the dark theme: it gets a lighter counterpart there, the same hue
 * mixed with white until it reaches 4.5:1 (WCAG AA for text). Pure: no DOM.
 */

/** The gallery's default backgrounds (its styles' `--_bg`), light and dark. */
export const BACKGROUNDS = { light: '#ffffff', dark: '#16161a' } as const;
/** WCAG 2 AA for normal text. */
export const MIN_CONTRAST = 4.5;

const channels = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** `hex` mixed with white: `amount` 0 gives `hex`, 1 gives white. */
function tint(hex: string, amount: number): string {
  return `#${channels(hex)
    .map((c) =>
      Math.round(c + (255 - c) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

export interface AccentPair {
  /** The accent as chosen: the light theme uses it unchanged. */
  light: string;
  /** The dark theme's accent: the chosen one when it reads there, else its lightest-needed tint. */
  dark: string;
  /** Contrast ratios on each theme's background. */
  lightRatio: number;
  darkRatio: number;
}

/** The accent for each theme, for a `#rrggbb` or `#rgb` colour (any case). */
export function accentPair(accent: string): AccentPair {
  const light = accent.toLowerCase().replace(/^#(\w)(\w)(\w)$/, '#$1$1$2$2$3$3');
  let dark = light;
  for (let step = 1; step <= 20 && contrastRatio(dark, BACKGROUNDS.dark) < MIN_CONTRAST; step++)
    dark = tint(light, step / 20);
  return {
    light,
    dark,
    lightRatio: contrastRatio(light, BACKGROUNDS.light),
    darkRatio: contrastRatio(dark, BACKGROUNDS.dark),
  };
}

/**
 * The value of `--nwt-accent` for a chosen accent: the colour itself when it reads in both themes, else
 * `light-dark(chosen, counterpart)`, which the gallery resolves with its theme's `color-scheme`.
 */
export function accentValue(accent: string): string {
  const { light, dark } = accentPair(accent);
  return dark === light ? light : `light-dark(${light}, ${dark})`;
}
