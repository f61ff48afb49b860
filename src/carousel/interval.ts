/**
 * The pause between two automatic moves, kept to what a timer can wait. Pure.
 *
 * Browsers store a timer's delay as a signed 32-bit count of milliseconds: a longer one (`1e308`,
 * `3000000000`, `2147483648`) wraps to 0 or less and fires at once, so an overflowing `interval`
 * would spin the carousel instead of holding it.
 */

/** The shortest pause, in ms: a reader needs time to take in a testimonial. */
export const MIN_INTERVAL = 2000;
/** The longest pause a timer can wait, in ms (2^31 − 1, about 24.8 days). */
export const MAX_INTERVAL = 2 ** 31 - 1;
/** The pause when `interval` is not a number. */
export const DEFAULT_INTERVAL = 7000;

/** `ms` within `MIN_INTERVAL`…`MAX_INTERVAL`; `DEFAULT_INTERVAL` for NaN. */
export function clampInterval(ms: number): number {
  return Math.min(MAX_INTERVAL, Math.max(MIN_INTERVAL, ms)) || DEFAULT_INTERVAL;
}
