/**
 * Percentile bootstrap (Efron & Tibshirani 1993, ch. 13): the analyses resample
 * their independent units (Morris trajectories, Saltelli base rows) with
 * replacement, recompute the index, and report the 5th and 95th percentiles of
 * the replicates as a 90% interval. Resampling indices are drawn here, in one
 * fixed order, so that an analysis is a pure function of its inputs and its
 * random stream.
 */

/** Default count of bootstrap replicates. */
export const defaultBootstrap = 1000;

/** The interval level of every analysis. */
export const intervalLevel = 0.9;

/** n indices drawn uniformly from 0..n−1 with replacement (n draws). */
export function resample(n: number, random: () => number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = Math.floor(random() * n);
  return idx;
}

/**
 * Quantile q of the finite values among `values`, linear between order
 * statistics (Hyndman & Fan 1996, type 7, R's default). NaN when none is finite.
 */
export function quantile(values: readonly number[], q: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The 90% percentile interval of bootstrap replicates. */
export function percentileInterval(replicates: readonly number[]): [number, number] {
  const tail = (1 - intervalLevel) / 2;
  return [quantile(replicates, tail), quantile(replicates, 1 - tail)];
}
