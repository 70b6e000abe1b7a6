/** The arithmetic mean, summed left to right (NaN for no values). */
export function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}
