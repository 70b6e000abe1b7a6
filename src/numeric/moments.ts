/** The arithmetic mean, summed left to right (NaN for no values). */
export function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/**
 * The sample standard deviation (n − 1 in the denominator), about `centre` (the
 * mean unless the caller already has it: passing it saves a pass and keeps the
 * very same mean). NaN for fewer than two values: one value says nothing about spread.
 */
export function sampleStandardDeviation(xs: readonly number[], centre = mean(xs)): number {
  if (xs.length < 2) return NaN;
  return Math.sqrt(xs.reduce((s, x) => s + (x - centre) ** 2, 0) / (xs.length - 1));
}
