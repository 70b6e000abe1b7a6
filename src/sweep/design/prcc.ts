/**
 * Partial rank correlation coefficients (PRCC), the sensitivity measure of a
 * Latin hypercube sample (Marino, Hogue, Ray & Kirschner 2008, "A methodology
 * for performing global uncertainty and sensitivity analysis in systems
 * biology", J. Theor. Biol. 254, 178–196).
 *
 * Every factor and the output are replaced by their ranks (ties get the average
 * of the ranks they span). For factor j, the ranks of x_j and of y are each
 * regressed (with an intercept) on the ranks of the other k − 1 factors; the
 * PRCC is the Pearson correlation of the two residual vectors: how far y keeps
 * rising (or falling) with x_j once what the other factors explain is taken out
 * of both. Ranks make it measure monotone, not only linear, association, and
 * make it blind to each factor's scale (linear or log) and units.
 *
 * The residuals are never formed: with C the (k + 1) × (k + 1) matrix of
 * centred cross-products of the ranks (y last) and Z the other factors, the
 * residuals' cross-products are the Schur complements C_ab − C_aZ C_ZZ⁻¹ C_Zb
 * (least squares with an intercept is the same as on centred columns). One pass
 * over the points builds C; each factor then costs a (k − 1)-dimensional
 * Cholesky factorisation rather than two regressions over all n points, which
 * is what makes a bootstrap of a thousand resamples cheap. (A small one of our
 * own, not numeric/linear-algebra.ts's cholesky: it must skip a column the
 * others already explain rather than fail or add a ridge.) The values are those of the
 * residuals' Pearson correlation (tests/sweep/design/prcc.test.ts checks
 * against explicit residuals).
 *
 * Alongside: a two-sided p-value for PRCC = 0 from t = r·√(df/(1 − r²)) with
 * df = n − 2 − (k − 1) (Marino et al., eq. 9), a 90 % percentile bootstrap
 * interval (points resampled with replacement and re-ranked, bootstrap.ts), and
 * the plain Spearman correlation of the factor with the output, which ignores
 * the other factors, for comparison.
 *
 * Draws from `random`: n per bootstrap resample (bootstrap × n in all), none
 * when no index is defined (a constant output).
 */
import type { SweepPrccIndex } from '../../charts/inputs.js';
import { forwardSubstitution } from '../../numeric/linear-algebra.js';
import { regularizedIncompleteBeta } from '../../numeric/special-functions.js';
import { DEFAULTS as BOOTSTRAP_DEFAULTS, percentileInterval, resample } from './bootstrap.js';
import { fail, requireRandom, requireWhole } from './errors.js';
import { checkFactors, type Factor } from './factors.js';

/** Option defaults. */
export const DEFAULTS = Object.freeze({
  bootstrap: BOOTSTRAP_DEFAULTS.bootstrap,
});

export interface PrccOptions {
  /** Bootstrap resamples for the interval (default 1000). */
  bootstrap?: number;
  /** The stream the resamples draw from. */
  random: () => number;
}

/**
 * PRCC per factor (NaN when undefined: see PrccResult.notes), its bootstrap 90 % interval, the
 * two-sided p-value of PRCC = 0 (Student t, df = n − k − 1) and Spearman's correlation: the
 * shape the PRCC chart reads (charts/inputs).
 */
export type PrccIndex = SweepPrccIndex;

export type PrccResult =
  | {
    indices: PrccIndex[];
    /** Points used: those whose output is a finite number. */
    n: number;
    /** Points left out because their output is not a finite number. */
    dropped: number;
    /** Degrees of freedom of the t test, n − k − 1. */
    df: number;
    /** Why an index is NaN, one sentence each; empty when every index is defined. */
    notes: string[];
  }
  | { skipped: string; n: number; dropped: number };

/**
 * The fewest usable points for k factors: k + 3, so that the t test has
 * n − k − 1 ≥ 2 degrees of freedom. With n = k + 1 the residuals of each
 * regression live in a one-dimensional space and every PRCC is ±1 whatever the
 * model does; a handful more points are needed before the value says anything.
 */
export const minimumPoints = (k: number) => k + 3;

/**
 * Residual sums of squares below this share of the column's own sum of squares
 * count as zero: ranks are integers or halves, so an exact linear dependence
 * leaves only rounding (around 1e-15 relative), far below any real residual.
 */
const EXACT = 1e-10;

export function prcc(
  points: readonly (readonly number[])[],
  factors: readonly Factor[],
  outputs: readonly number[],
  options: PrccOptions,
): PrccResult {
  const fn = 'prcc';
  checkFactors(fn, factors);
  const k = factors.length;
  if (!Array.isArray(points)) fail(fn, 'points must be an array of rows of factor values', points);
  if (!Array.isArray(outputs) && !ArrayBuffer.isView(outputs)) fail(fn, 'outputs must be an array of numbers', outputs);
  if (outputs.length !== points.length) fail(fn, `outputs must have one value per point (${points.length})`, outputs.length);
  points.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== k) fail(fn, `points[${i}] must hold one value per factor (${k})`, row);
    row.forEach((x, j) => {
      if (!Number.isFinite(x)) fail(fn, `points[${i}][${j}] must be a finite number`, x);
    });
  });
  const B = requireWhole(fn, 'options.bootstrap', options?.bootstrap ?? DEFAULTS.bootstrap, 1);
  const random = requireRandom(fn, options.random);

  // A point without an output value (a share of nothing) says nothing about the
  // ranking; it is left out rather than given a rank.
  const keep: number[] = [];
  outputs.forEach((y, i) => {
    if (Number.isFinite(y)) keep.push(i);
  });
  const n = keep.length;
  const dropped = points.length - n;
  if (n < minimumPoints(k)) {
    return {
      skipped: `${n} point${n === 1 ? '' : 's'} with a value${dropped > 0 ? ` (${dropped} without)` : ''}, fewer than the ${minimumPoints(k)} PRCC needs for ${k} factor${k === 1 ? '' : 's'} (factors + 3)`,
      n,
      dropped,
    };
  }
  // Columns: the k factors, then the output; raw values of the points kept.
  const columns = Array.from({ length: k + 1 }, (_, j) => Float64Array.from(keep, (i) => (j < k ? points[i]![j]! : outputs[i]!)));
  const df = n - k - 1;
  const ranked = columns.map(averageRanks);
  const point = estimate(ranked);

  const notes: string[] = [];
  if (point.constantOutput) notes.push(`the output is the same at all ${n} points: there is no ranking to correlate`);
  for (let j = 0; j < k; j++) {
    const why = point.undefinedBecause[j];
    if (why && !point.constantOutput) notes.push(`${JSON.stringify(factors[j]!.name)}: ${why}`);
  }

  // Resample points, re-rank within the resample (a point drawn twice is a tie),
  // recompute: the statistic of the resample, as the bootstrap requires. A
  // constant output has nothing to resample.
  const boot: number[][] = factors.map(() => []);
  if (!point.constantOutput) {
    const keys = ranked.map((r) => Int32Array.from(r, (x) => 2 * x - 2));
    const counts = new Int32Array(2 * n - 1);
    for (let b = 0; b < B; b++) {
      const idx = resample(n, random);
      const e = estimate(keys.map((key) => rerank(key, idx, counts)));
      for (let j = 0; j < k; j++) boot[j]!.push(e.prcc[j]!);
    }
  }

  const indices = factors.map((f, j): PrccIndex => {
    const r = point.prcc[j]!;
    const [prccLow, prccHigh] = Number.isFinite(r) ? percentileInterval(boot[j]!) : [NaN, NaN];
    return { factor: f.name, prcc: r, prccLow, prccHigh, pValue: tTestPValue(r, df), spearman: point.spearman[j]! };
  });
  return { indices, n, dropped, df, notes };
}

/**
 * Ranks 1…n of `values`, a run of equal values sharing the mean of the ranks it
 * spans (so [10, 20, 20, 30] → [1, 2.5, 2.5, 4]): Spearman's convention, which
 * keeps the ranks' sum and mean whatever the ties. The values must be numbers
 * that compare (no NaN).
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(n);
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && values[order[end]!] === values[order[start]!]) end++;
    const rank = (start + 1 + end) / 2; // mean of start + 1 … end
    for (let i = start; i < end; i++) ranks[order[i]!] = rank;
    start = end;
  }
  return ranks;
}

/**
 * averageRanks of the resample `idx` of a column, in O(n) rather than a sort
 * per column and resample: ranks are monotone, so ranking the resampled values
 * is ranking their full-sample ranks, held here as integer keys 2r − 2 in
 * [0, 2n − 2]. A count per key gives each value the mean of the ranks its
 * copies span.
 */
function rerank(key: Int32Array, idx: Int32Array, counts: Int32Array): Float64Array {
  const n = idx.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[key[idx[i]!]!]!++;
  // counts[v] becomes twice the rank of key v: 2·(values below) + copies + 1.
  let below = 0;
  for (let v = 0; v < counts.length; v++) {
    const c = counts[v]!;
    if (c > 0) {
      counts[v] = 2 * below + c + 1;
      below += c;
    }
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = counts[key[idx[i]!]!]! / 2;
  return out;
}

interface Estimate {
  prcc: number[];
  spearman: number[];
  constantOutput: boolean;
  /** Per factor, why its PRCC is NaN. */
  undefinedBecause: (string | undefined)[];
}

/** PRCC and Spearman per factor from the rank columns (factors, then the output). */
function estimate(ranks: readonly Float64Array[]): Estimate {
  const k = ranks.length - 1;
  const n = ranks[0]!.length;
  // Centred cross-products C (the intercept of every regression).
  const centred = ranks.map((c) => {
    let m = 0;
    for (let i = 0; i < n; i++) m += c[i]!;
    m /= n;
    return c.map((x) => x - m);
  });
  const C = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
  for (let a = 0; a <= k; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      const ca = centred[a]!;
      const cb = centred[b]!;
      for (let i = 0; i < n; i++) s += ca[i]! * cb[i]!;
      C[a]![b] = s;
      C[b]![a] = s;
    }
  }
  const y = k;
  const constantOutput = !(C[y]![y]! > 0);
  const prcc: number[] = [];
  const spearman: number[] = [];
  const undefinedBecause: (string | undefined)[] = [];
  for (let j = 0; j < k; j++) {
    spearman.push(C[j]![j]! > 0 && !constantOutput ? clamp(C[j]![y]! / Math.sqrt(C[j]![j]! * C[y]![y]!)) : NaN);
    if (constantOutput) {
      prcc.push(NaN);
      undefinedBecause.push('the output is constant');
      continue;
    }
    const { sxx, syy, sxy } = residualProducts(C, j, y, Array.from({ length: k }, (_, i) => i).filter((i) => i !== j));
    if (!(C[j]![j]! > 0)) {
      prcc.push(NaN);
      undefinedBecause.push('it takes the same value at every point');
    } else if (!(sxx > EXACT * C[j]![j]!)) {
      prcc.push(NaN);
      undefinedBecause.push('its ranks are a linear function of the other factors\' ranks (nothing of it is left once they are taken out)');
    } else if (!(syy > EXACT * C[y]![y]!)) {
      prcc.push(NaN);
      undefinedBecause.push('the output\'s ranks are a linear function of the other factors\' ranks, so nothing is left for this factor to explain');
    } else {
      prcc.push(clamp(sxy / Math.sqrt(sxx * syy)));
      undefinedBecause.push(undefined);
    }
  }
  return { prcc, spearman, constantOutput, undefinedBecause };
}

/**
 * The cross-products of the residuals of columns a and b regressed on the
 * columns `others`: C_ab − C_aZ C_ZZ⁻¹ C_Zb, through a Cholesky factor L of C_ZZ
 * (then C_aZ C_ZZ⁻¹ C_Zb = (L⁻¹C_Za)·(L⁻¹C_Zb)). A column the ones before it
 * already explain (a pivot below EXACT of its own sum of squares) is left out of
 * L: it adds nothing to what the regression can fit, and keeping it would divide
 * by rounding noise. So factors that rank alike still let a third factor's PRCC
 * be computed, as the residuals' definition says it should be.
 */
function residualProducts(C: readonly number[][], a: number, b: number, others: readonly number[]): { sxx: number; syy: number; sxy: number } {
  const L: number[][] = [];
  const kept: number[] = [];
  for (const z of others) {
    const row = forwardSubstitution(L, kept.map((q) => C[z]![q]!));
    const pivot = C[z]![z]! - row.reduce((s, x) => s + x * x, 0);
    if (!(pivot > EXACT * C[z]![z]!)) continue;
    row.push(Math.sqrt(pivot));
    L.push(row);
    kept.push(z);
  }
  const u = forwardSubstitution(L, kept.map((q) => C[q]![a]!));
  const v = forwardSubstitution(L, kept.map((q) => C[q]![b]!));
  let sxx = C[a]![a]!;
  let syy = C[b]![b]!;
  let sxy = C[a]![b]!;
  for (let i = 0; i < kept.length; i++) {
    sxx -= u[i]! * u[i]!;
    syy -= v[i]! * v[i]!;
    sxy -= u[i]! * v[i]!;
  }
  return { sxx, syy, sxy };
}

/** Rounding can carry a correlation a hair past ±1, which would break the t statistic. */
const clamp = (r: number) => Math.max(-1, Math.min(1, r));

/**
 * Two-sided p-value of a correlation r with df degrees of freedom:
 * t = r·√(df/(1 − r²)), P(|T| ≥ |t|) = I_x(df/2, 1/2) with x = df/(df + t²)
 * = (1 − r²) (the regularized incomplete beta function). Working from 1 − r²
 * directly keeps |r| = 1 exact (p = 0) and tiny p-values accurate, which
 * 1 − CDF(t) would round to zero.
 */
function tTestPValue(r: number, df: number): number {
  if (!Number.isFinite(r)) return NaN;
  return regularizedIncompleteBeta(1 - r * r, df / 2, 0.5);
}
