/**
 * Percentile bootstrap (Efron & Tibshirani 1993, ch. 13): the analyses resample
 * their independent units (Morris trajectories, Saltelli base rows) with
 * replacement, recompute the index, and report the 5th and 95th percentiles of
 * the replicates as a 90% interval. Resampling indices are drawn here, in one
 * fixed order, so that an analysis is a pure function of its inputs and its
 * random stream.
 */
import { quantileType7OfFinite } from '../../numeric/quantiles.js';

/** Option defaults (graphology style: whoever fills in options, a schema included, reads them here). */
export const DEFAULTS = Object.freeze({
  /** Bootstrap replicates of an index. */
  bootstrap: 1000,
});

/** The interval level of every analysis. */
export const intervalLevel = 0.9;

/** n indices drawn uniformly from 0..n−1 with replacement (n draws). */
export function resample(n: number, random: () => number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = Math.floor(random() * n);
  return idx;
}


/** The 90% percentile interval of bootstrap replicates. */
export function percentileInterval(replicates: readonly number[]): [number, number] {
  const tail = (1 - intervalLevel) / 2;
  return [quantileType7OfFinite(replicates, tail), quantileType7OfFinite(replicates, 1 - tail)];
}
