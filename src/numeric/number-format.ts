/**
 * Rounding for output, each function named for what it does. Tables and JSON
 * round so that float noise (0.30000000000000004) never reaches a file; the
 * rules differ by file and are kept apart, because changing one changes bytes.
 */

/** x to `digits` significant digits, through toPrecision (so ties round as the decimal text does). */
export function roundToSignificant(x: number, digits: number): number {
  return Number(x.toPrecision(digits));
}

/**
 * x to `digits` decimals, through toFixed; integers (including −0) are returned
 * unchanged, which also skips the string round trip for the many whole counts.
 */
export function roundToDecimals(x: number, digits: number): number {
  return Number.isInteger(x) ? x : Number(x.toFixed(digits));
}

/**
 * x to `digits` decimals by Math.round of x·10^digits, so halves round up
 * (towards +∞) in binary, unlike toFixed: 0.15 → 0.2 here, 0.1 through toFixed.
 */
export function roundHalfUpToDecimals(x: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(x * scale) / scale;
}

/** A whole number from 10 up (no digits that look more precise than they are), otherwise `digits` significant digits. */
export function wholeOrSignificantText(x: number, digits: number): string {
  return Math.abs(x) >= 10 ? String(Math.round(x)) : String(roundToSignificant(x, digits));
}
