/**
 * Quantiles, each named for its definition: the ones used in Hotbed are not
 * interchangeable (they round differently and disagree on even counts, ties and
 * weights), and outputs depend on which one a table was written with.
 */

/**
 * Quantile q of already sorted values, linear between order statistics
 * (Hyndman & Fan 1996, type 7; R's and numpy's default). NaN for no values.
 * Takes ArrayLike so that typed-array scratch buffers need no copy.
 */
export function quantileType7Sorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Type 7 quantile of the finite values among `values` (NaN and ±Infinity left
 * out, the input not reordered). NaN when none is finite. Bootstrap replicates
 * of an undefined index are NaN, and an interval is still wanted from the rest.
 */
export function quantileType7OfFinite(values: readonly number[], q: number): number {
  return quantileType7Sorted(values.filter(Number.isFinite).sort((a, b) => a - b), q);
}

/**
 * The median as the mean of the two middle values for an even count (not type
 * 7's lo + ½(hi − lo), which can differ in the last bit and is NaN for two
 * infinities); NaN if any value is NaN, so a statistic missing from one run
 * stays missing. NaN for no values.
 */
export function medianOfMiddles(xs: readonly number[]): number {
  if (xs.length === 0 || xs.some((x) => Number.isNaN(x))) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

/** Indices of `values` in ascending order, ties by index, so results do not depend on the input order of equal values' weights. */
function ascendingOrder(values: readonly number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
}

/**
 * The inverse of the weighted empirical distribution function: the smallest
 * value v such that the values ≤ v hold at least a share q of the weight (a step
 * function of q, always one of the values). A relative 1e-12 slack keeps
 * rounding in the running sum from stepping past a value whose cumulative weight
 * is exactly q. NaN for no values.
 */
export function weightedQuantileInverseCdf(values: readonly number[], weights: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const order = ascendingOrder(values);
  const total = weights.reduce((s, w) => s + w, 0);
  let acc = 0;
  for (const i of order) {
    acc += weights[i]!;
    if (acc >= q * total * (1 - 1e-12)) return values[i]!;
  }
  return values[order.at(-1)!]!;
}

/**
 * Weighted quantiles, linear between weight midpoints: each value sits at the
 * middle of its share of the weight, (weight below + w/2)/total, and quantiles
 * interpolate between those positions (flat beyond the first and last). With
 * equal weights this is Hyndman & Fan type 5. NaN for no values.
 */
export function weightedQuantilesMidpoint(values: readonly number[], weights: readonly number[], probabilities: readonly number[]): number[] {
  if (values.length === 0) return probabilities.map(() => NaN);
  const total = weights.reduce((s, w) => s + w, 0);
  const order = ascendingOrder(values);
  const at: number[] = [];
  let acc = 0;
  for (const i of order) {
    at.push((acc + weights[i]! / 2) / total);
    acc += weights[i]!;
  }
  return probabilities.map((p) => {
    if (p <= at[0]!) return values[order[0]!]!;
    for (let k = 1; k < at.length; k++) {
      if (p <= at[k]!) {
        const f = (p - at[k - 1]!) / (at[k]! - at[k - 1]!);
        return values[order[k - 1]!]! + f * (values[order[k]!]! - values[order[k - 1]!]!);
      }
    }
    return values[order.at(-1)!]!;
  });
}
