/**
 * The Wilson score interval of a binomial proportion (Wilson, E. B. (1927) "Probable
 * inference, the law of succession, and statistical inference", JASA 22(158):209–212):
 * the proportions p whose score test does not reject k successes in n trials. Unlike the
 * normal (Wald) interval it stays inside 0..1 and does not collapse to a point at k = 0 or
 * k = n, which is where the probability of a rare or a near-certain cascade lies.
 */

/** z of a two-sided 95 % interval: the 97.5 % quantile of the standard normal. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** The Wilson interval of k successes in n trials at `z` (95 % by default); NaN for n = 0. */
export function wilsonInterval(k: number, n: number, z = Z95): Interval {
  if (!(n > 0)) return { low: NaN, high: NaN };
  const p = k / n;
  const z2 = z * z;
  const scale = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / scale;
  const half = (z / scale) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 and k = n the interval touches the bound exactly; rounding must not push it past.
  return { low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}
