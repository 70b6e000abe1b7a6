/**
 * Variance-based sensitivity analysis: Saltelli's sampling design and the
 * first-order and total Sobol' indices estimated from it (Saltelli et al.
 * 2010, "Variance based sensitivity analysis of model output. Design and
 * estimator for the total sensitivity index", Comput. Phys. Commun. 181,
 * 259–270, Table 2: first order (b) and total (f), the latter Jansen 1999).
 *
 * Two independent base matrices A and B (n × k) and, for each factor i, AB_i:
 * A with column i taken from B. n(k + 2) runs give every first-order index S_i
 * (the share of output variance explained by factor i alone) and every total
 * index ST_i (its share including all its interactions). ST_i − S_i is the
 * interaction part; ST_i ≈ 0 means the factor can be fixed anywhere.
 *
 * Row order: grouped by base row. Rows i(k+2) … i(k+2)+k+1 are A_i, B_i,
 * AB_1,i, …, AB_k,i. A run of consecutive groups is itself a valid smaller
 * design, so a sweep stopped early still holds complete groups, and with the
 * Sobol' base the first n' = 2^m groups are the design Saltelli n' would give.
 *
 * Base points: the Sobol' sequence in 2k dimensions (A from the first k, B
 * from the next k), digitally shifted by `random` (2k draws); or, beyond the
 * sequence's dimensions or on request, Monte Carlo from `random` (2k draws per
 * base row, A's k then B's k). n a power of two gives the sequence's best
 * balance.
 */
import type { SweepSobolIndex } from '../../charts/inputs.js';
import { DEFAULTS as BOOTSTRAP_DEFAULTS, percentileInterval, resample } from './bootstrap.js';
import { fail, requireOutputs, requireRandom, requireWhole } from './errors.js';
import { checkFactors, fromUnit, type Factor } from './factors.js';
import { maxSobolDimensions, randomShift, sobolWords } from './sobol-sequence.js';

export type BaseSequence = 'sobol' | 'monte-carlo';

/**
 * Option defaults of the indices. The design's base sequence has none to share:
 * it is Sobol' when 2k dimensions fit the direction numbers, Monte Carlo otherwise.
 */
export const DEFAULTS = Object.freeze({
  bootstrap: BOOTSTRAP_DEFAULTS.bootstrap,
});

export interface SaltelliOptions {
  /**
   * How A and B are drawn. Default: 'sobol' while 2k ≤ 64 dimensions,
   * otherwise 'monte-carlo'. Asking for 'sobol' beyond 64 dimensions throws.
   */
  sequence?: BaseSequence;
}

export interface SaltelliDesign {
  /** Factor values, n(k + 2) rows: row i(k+2) + j is A_i (j = 0), B_i (j = 1), AB_{j−1},i (j ≥ 2). */
  points: number[][];
  n: number;
  k: number;
  sequence: BaseSequence;
}

/** First-order and total indices per factor with bootstrap 90 % intervals: the shape the Sobol chart reads (charts/inputs). */
export type SobolIndex = SweepSobolIndex;

/** The row of base row i's A, its B, or its AB_j (block = factor index j). */
export function saltelliRow(design: Pick<SaltelliDesign, 'k'>, i: number, block: 'A' | 'B' | number): number {
  const offset = block === 'A' ? 0 : block === 'B' ? 1 : 2 + block;
  return i * (design.k + 2) + offset;
}

export function saltelliDesign(
  factors: readonly Factor[],
  n: number,
  random: () => number,
  options: SaltelliOptions = {},
): SaltelliDesign {
  const fn = 'saltelliDesign';
  checkFactors(fn, factors);
  // Two base rows are the fewest from which a variance can be estimated.
  requireWhole(fn, 'n', n, 2);
  requireRandom(fn, random);
  const k = factors.length;
  const fits = 2 * k <= maxSobolDimensions;
  const sequence = options.sequence ?? (fits ? 'sobol' : 'monte-carlo');
  if (sequence !== 'sobol' && sequence !== 'monte-carlo') fail(fn, 'options.sequence must be "sobol" or "monte-carlo"', sequence);
  if (sequence === 'sobol' && !fits) {
    fail(fn, `options.sequence "sobol" needs 2k ≤ ${maxSobolDimensions} dimensions; use "monte-carlo" for ${k} factors`, 2 * k);
  }
  if (sequence === 'sobol' && n > 2 ** 31) fail(fn, 'n must be at most 2^31 with the Sobol sequence', n);

  const words = sequence === 'sobol' ? sobolWords(2 * k, n, randomShift(2 * k, random)) : null;
  const points: number[][] = [];
  const a = new Array<number>(k);
  const b = new Array<number>(k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 2 * k; j++) {
      const u = words ? words[i * 2 * k + j]! / 2 ** 32 : random();
      if (j < k) a[j] = u;
      else b[j - k] = u;
    }
    const A = a.map((u, j) => fromUnit(factors[j]!, u));
    const B = b.map((u, j) => fromUnit(factors[j]!, u));
    points.push(A, B);
    for (let j = 0; j < k; j++) {
      const ab = A.slice();
      ab[j] = B[j]!;
      points.push(ab);
    }
  }
  return { points, n, k, sequence };
}

export function sobolIndices(
  design: SaltelliDesign,
  factors: readonly Factor[],
  outputs: readonly number[],
  options: { bootstrap?: number; random: () => number },
): SobolIndex[] {
  const fn = 'sobolIndices';
  checkFactors(fn, factors);
  const { n, k } = design;
  if (k !== factors.length) fail(fn, `design.k must equal the number of factors (${factors.length})`, k);
  if (design.points.length !== n * (k + 2)) fail(fn, `design.points must have n(k + 2) = ${n * (k + 2)} rows`, design.points.length);
  requireOutputs(fn, outputs, design.points.length);
  const B = requireWhole(fn, 'options.bootstrap', options?.bootstrap ?? DEFAULTS.bootstrap, 1);
  const random = requireRandom(fn, options.random);

  const y = Float64Array.from(outputs);
  const point = estimate(y, n, k, null);
  const firstBoot: number[][] = factors.map(() => []);
  const totalBoot: number[][] = factors.map(() => []);
  for (let b = 0; b < B; b++) {
    const e = estimate(y, n, k, resample(n, random));
    for (let j = 0; j < k; j++) {
      firstBoot[j]!.push(e.first[j]!);
      totalBoot[j]!.push(e.total[j]!);
    }
  }
  return factors.map((f, j) => {
    const [firstLow, firstHigh] = percentileInterval(firstBoot[j]!);
    const [totalLow, totalHigh] = percentileInterval(totalBoot[j]!);
    return { factor: f.name, first: point.first[j]!, firstLow, firstHigh, total: point.total[j]!, totalLow, totalHigh };
  });
}

/**
 * S_j = mean((f(B) − ȳ)·(f(AB_j) − f(A))) / V and ST_j = mean((f(A) − f(AB_j))²) / (2V),
 * ȳ and V the mean and sample variance of f(A) and f(B) pooled, over the base
 * rows `rows` (all of them when null). Subtracting ȳ leaves the estimator
 * unbiased (f(AB_j) − f(A) has mean zero) and keeps its error from growing with
 * the output's level: a count of thousands of travellers varying by tens would
 * otherwise drown S_j in noise. NaN when V = 0: a constant output has no
 * variance to apportion.
 */
export function estimate(
  y: ArrayLike<number>,
  n: number,
  k: number,
  rows: ArrayLike<number> | null,
): { first: number[]; total: number[]; variance: number } {
  const width = k + 2;
  const at = (r: number) => (rows ? rows[r]! : r) * width;
  let sum = 0;
  for (let r = 0; r < n; r++) sum += y[at(r)]! + y[at(r) + 1]!;
  const mean = sum / (2 * n);
  let ss = 0;
  for (let r = 0; r < n; r++) ss += (y[at(r)]! - mean) ** 2 + (y[at(r) + 1]! - mean) ** 2;
  const variance = ss / (2 * n - 1);
  const first = new Array<number>(k).fill(0);
  const total = new Array<number>(k).fill(0);
  for (let r = 0; r < n; r++) {
    const base = at(r);
    const fa = y[base]!;
    const fb = y[base + 1]!;
    for (let j = 0; j < k; j++) {
      const fab = y[base + 2 + j]!;
      first[j]! += (fb - mean) * (fab - fa);
      total[j]! += (fa - fab) ** 2;
    }
  }
  const ok = variance > 0;
  return {
    first: first.map((s) => (ok ? s / n / variance : NaN)),
    total: total.map((s) => (ok ? s / n / (2 * variance) : NaN)),
    variance,
  };
}
