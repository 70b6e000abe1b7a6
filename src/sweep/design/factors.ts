/**
 * Factors: the parameters an experiment varies, each over a range. Every design
 * is built in the unit hypercube [0, 1]^k and mapped to factor values here, so
 * that stratification, Morris levels and Sobol points mean the same thing for
 * every factor whatever its range; a log factor is uniform in log space, which
 * is what a rate spanning orders of magnitude needs.
 */
import { fail } from './errors.js';

export interface Factor {
  name: string;
  low: number;
  high: number;
  /** `log`: low > 0, uniform in log space. */
  scale: 'linear' | 'log';
}

/** u in [0, 1] → factor value in [low, high]; u = 0 and u = 1 give low and high exactly. */
export function fromUnit(f: Factor, u: number): number {
  if (!(u >= 0 && u <= 1)) fail('fromUnit', `u must be a number in [0, 1] (factor ${JSON.stringify(f.name)})`, u);
  if (u === 0) return f.low;
  if (u === 1) return f.high;
  const x =
    f.scale === 'log'
      ? Math.exp(Math.log(f.low) + u * (Math.log(f.high) - Math.log(f.low)))
      : f.low + u * (f.high - f.low);
  // Rounding may carry x one ulp past an end; a value outside the declared range
  // would be refused by the scenario's own checks.
  return Math.min(f.high, Math.max(f.low, x));
}

/** Factor value → unit coordinate; values outside [low, high] map outside [0, 1]. */
export function toUnit(f: Factor, x: number): number {
  if (!Number.isFinite(x) || (f.scale === 'log' && x <= 0)) {
    fail('toUnit', `x must be a finite number${f.scale === 'log' ? ' > 0' : ''} (factor ${JSON.stringify(f.name)})`, x);
  }
  if (f.scale === 'log') return (Math.log(x) - Math.log(f.low)) / (Math.log(f.high) - Math.log(f.low));
  return (x - f.low) / (f.high - f.low);
}

/** Checks a design's factor list: at least one factor, distinct names, sound ranges. */
export function checkFactors(fn: string, factors: readonly Factor[]): void {
  if (!Array.isArray(factors) || factors.length === 0) fail(fn, 'factors must be a non-empty array', factors);
  const seen = new Set<string>();
  factors.forEach((f, i) => {
    const at = `factors[${i}]`;
    if (typeof f?.name !== 'string' || f.name === '') fail(fn, `${at}.name must be a non-empty string`, f?.name);
    if (seen.has(f.name)) fail(fn, `factor names must be distinct`, f.name);
    seen.add(f.name);
    if (f.scale !== 'linear' && f.scale !== 'log') fail(fn, `${at}.scale must be "linear" or "log"`, f.scale);
    if (!Number.isFinite(f.low)) fail(fn, `${at}.low must be a finite number`, f.low);
    if (!Number.isFinite(f.high)) fail(fn, `${at}.high must be a finite number`, f.high);
    if (!(f.high > f.low)) fail(fn, `${at}.high must be greater than low (${f.low})`, f.high);
    if (f.scale === 'log' && !(f.low > 0)) fail(fn, `${at}.low must be > 0 on a log scale`, f.low);
  });
}
