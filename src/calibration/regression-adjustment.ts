/**
 * ABC with a regression adjustment (Beaumont, Zhang & Balding 2002, Genetics 162:2025): the
 * last generation's particles are moved along a weighted linear regression of the
 * parameters on the summary statistics, to where their statistics would have been had they
 * matched the data:
 *
 *     θᵢ* = θᵢ − β̂ᵀ (sᵢ − s_obs)
 *
 * ABC-SMC alone keeps every particle whose distance is under the tolerance, and with twenty
 * parameters and a few thousand simulations that tolerance stays wide, so most marginals are
 * barely narrower than their priors. The adjustment uses what the accepted particles say
 * about how each statistic moves with each parameter, at no further simulation.
 *
 * Choices, each the literature's usual one:
 * - parameters are regressed in a logit of their prior's support (on the log scale for a
 *   log-uniform prior), so adjusted values stay inside it (Hamilton et al. 2005);
 * - statistics are the residuals against each fitted target's value in units of its band's
 *   half-width; held-out targets (forecasts) and one-sided bounds ("at least") are left out:
 *   they are not observations to regress towards;
 * - particles are weighted by their importance weight times an Epanechnikov kernel of their
 *   distance with the generation's tolerance as bandwidth;
 * - with up to 30 statistics and an effective sample of 50–100 particles the plain least-
 *   squares slopes are noisy, so the slopes are shrunk by a ridge penalty on standardized
 *   statistics, chosen by generalized cross-validation (Golub, Heath & Wahba 1979) over a
 *   grid, one penalty for all parameters.
 * The adjustment is linear: where a statistic responds to a parameter through a threshold
 * (a network turning supercritical) it can over-correct, so the unadjusted posterior stays
 * the primary output and this one is reported beside it.
 */
import { backSubstitution, choleskyWithRidge, forwardSubstitution, type Matrix } from '../numeric/linear-algebra.js';
import { inSupport, priorBounds, type Prior } from './priors.js';

export const DEFAULTS = Object.freeze({
  /** Ridge penalties tried (on statistics standardized to unit weighted variance). */
  penalties: Object.freeze([0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100]),
  /** Fewer usable particles than this (effective sample size): no adjustment. */
  minEffectiveSample: 10,
  /**
   * The outer share of a prior's support (each side, in the logit's scale) where an adjusted
   * particle counts as pushed to the edge; and the share of weight there that makes the
   * adjustment an extrapolation, not an estimate.
   */
  edge: 0.01,
  maxEdgeWeight: 0.2,
});

/** A fitted target as the adjustment reads it. */
export interface AdjustmentTarget {
  value: number;
  low: number;
  high: number;
  weight: number;
}

export interface AdjustmentInput {
  priors: readonly Prior[];
  targets: readonly AdjustmentTarget[];
  particles: readonly (readonly number[])[];
  /** Statistics of each particle, in target order (further columns are ignored). */
  stats: readonly (readonly number[])[];
  weights: readonly number[];
  distances: readonly number[];
  /** The generation's acceptance threshold (Infinity for a generation drawn from the prior). */
  tolerance: number;
}

export interface Adjustment {
  /** Adjusted particles (natural scale), in input order. */
  particles: number[][];
  /** Their weights: importance weight × kernel, normalized (0 for a particle at the bandwidth). */
  weights: number[];
  /** Indices of the targets regressed on. */
  statistics: number[];
  /** The ridge penalty chosen. */
  penalty: number;
  /** Effective sample size of the kernel-weighted particles. */
  ess: number;
}

/** Why no adjustment was made, in words; or the adjustment. */
export type AdjustmentOutcome = { adjusted: true; adjustment: Adjustment } | { adjusted: false; reason: string };

export function regressionAdjustment(input: AdjustmentInput, options: { penalties?: readonly number[] } = {}): AdjustmentOutcome {
  const penalties = options.penalties ?? DEFAULTS.penalties;
  const statistics = input.targets.flatMap((t, k) => (t.weight > 0 && Number.isFinite(t.low) && Number.isFinite(t.high) && t.high > t.low ? [k] : []));
  if (statistics.length === 0) return { adjusted: false, reason: 'no two-sided fitted target to regress on' };
  const n = input.particles.length;
  const bandwidth = Number.isFinite(input.tolerance) ? input.tolerance : Math.max(...input.distances.filter(Number.isFinite));
  const kernel = input.weights.map((w, i) => {
    const d = input.distances[i]!;
    if (!Number.isFinite(d) || !(bandwidth > 0)) return bandwidth === 0 && d === 0 ? w : 0;
    const r = d / bandwidth;
    return r >= 1 ? 0 : w * (1 - r * r);
  });
  const total = kernel.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return { adjusted: false, reason: 'every particle lies at the bandwidth' };
  const w = kernel.map((k) => k / total);
  const ess = 1 / w.reduce((a, b) => a + b * b, 0);
  if (ess < DEFAULTS.minEffectiveSample) return { adjusted: false, reason: `an effective sample of ${ess.toFixed(1)} particles, under ${DEFAULTS.minEffectiveSample}` };

  // Statistics as residuals in half-bands, then standardized (weighted mean 0, variance 1).
  const raw = input.stats.map((s) => statistics.map((k) => {
    const t = input.targets[k]!;
    return (s[k]! - t.value) / ((t.high - t.low) / 2);
  }));
  const p = statistics.length;
  const mean = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j]! += w[i]! * raw[i]![j]!;
  const sd = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) sd[j]! += w[i]! * (raw[i]![j]! - mean[j]!) ** 2;
  for (let j = 0; j < p; j++) sd[j] = Math.sqrt(sd[j]!) || 1;
  const x = raw.map((r) => r.map((v, j) => (v - mean[j]!) / sd[j]!));
  // The data, on the same scale: residual 0.
  const observed = mean.map((m, j) => (0 - m) / sd[j]!);

  const u = input.particles.map((theta) => theta.map((v, k) => toLogit(input.priors[k]!, v)));
  const d = input.priors.length;
  const uMean = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) uMean[k]! += w[i]! * u[i]![k]!;

  // X'WX (statistics centred, so the intercept separates) and X'W(u − ū) per parameter.
  const xtx: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty: Matrix = Array.from({ length: d }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < n; i++) {
    if (w[i] === 0) continue;
    const xi = x[i]!;
    for (let a = 0; a < p; a++) {
      const wa = w[i]! * xi[a]!;
      for (let b = 0; b <= a; b++) xtx[a]![b]! += wa * xi[b]!;
      for (let k = 0; k < d; k++) xty[k]![a]! += wa * (u[i]![k]! - uMean[k]!);
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtx[b]![a] = xtx[a]![b]!;

  let best: { gcv: number; penalty: number; slopes: number[][] } | undefined;
  for (const penalty of penalties) {
    const a = xtx.map((row, r) => row.map((v, c) => (r === c ? v + penalty : v)));
    const l = choleskyWithRidge(a, new Array<number>(p).fill(1e-12));
    const solve = (b: readonly number[]) => backSubstitution(l, forwardSubstitution(l, b));
    const slopes = xty.map((b) => solve(b));
    // Degrees of freedom of the weighted ridge fit, tr(X A⁻¹ XᵀW) = Σ wᵢ xᵢᵀ A⁻¹ xᵢ, plus the intercept;
    // the effective sample size stands for n in the criterion.
    let trace = 0;
    for (let i = 0; i < n; i++) {
      if (w[i] === 0) continue;
      const z = solve(x[i]!);
      trace += w[i]! * x[i]!.reduce((s, v, j) => s + v * z[j]!, 0);
    }
    const dof = 1 + trace;
    if (dof >= ess) continue;
    let rss = 0;
    for (let k = 0; k < d; k++) {
      for (let i = 0; i < n; i++) {
        if (w[i] === 0) continue;
        const fit = slopes[k]!.reduce((s, b, j) => s + b * x[i]![j]!, 0);
        rss += w[i]! * (u[i]![k]! - uMean[k]! - fit) ** 2;
      }
    }
    const gcv = rss / (1 - dof / ess) ** 2;
    if (best === undefined || gcv < best.gcv) best = { gcv, penalty, slopes };
  }
  if (best === undefined) return { adjusted: false, reason: `${p} statistics are too many for an effective sample of ${ess.toFixed(0)} particles at every penalty tried` };

  const adjusted = input.particles.map((theta, i) => theta.map((_, k) => {
    const shift = best.slopes[k]!.reduce((s, b, j) => s + b * (x[i]![j]! - observed[j]!), 0);
    return fromLogit(input.priors[k]!, u[i]![k]! - shift);
  }));
  // A linear fit with many statistics can over-correct and pile particles against the prior's
  // bounds, where the logit keeps them: a posterior there says more about the fit than the data.
  for (let k = 0; k < d; k++) {
    const before = edgeWeight(input.priors[k]!, input.particles.map((t) => t[k]!), w);
    const after = edgeWeight(input.priors[k]!, adjusted.map((t) => t[k]!), w);
    if (after > Math.max(DEFAULTS.maxEdgeWeight, 2 * before)) {
      return { adjusted: false, reason: `it pushes ${Math.round(100 * after)} % of the weight of parameter ${k + 1} to the outer ${100 * DEFAULTS.edge} % of its prior (${Math.round(100 * before)} % before): the linear fit extrapolates (${p} statistics, an effective sample of ${ess.toFixed(0)} particles)` };
    }
  }
  return { adjusted: true, adjustment: { particles: adjusted, weights: w, statistics, penalty: best.penalty, ess } };
}

/** Weight of the values in the outer DEFAULTS.edge of the prior's support, either side (bounded sides only). */
function edgeWeight(prior: Prior, values: readonly number[], w: readonly number[]): number {
  const { low, high } = scaleBounds(prior);
  if (!Number.isFinite(low) || !Number.isFinite(high)) return 0;
  let total = 0;
  values.forEach((v, i) => {
    const x = prior.kind === 'log-uniform' ? Math.log(v) : v;
    const q = (x - low) / (high - low);
    if (q < DEFAULTS.edge || q > 1 - DEFAULTS.edge) total += w[i]!;
  });
  return total;
}

/**
 * The prior's support mapped onto the whole line: a logit between two bounds (on the log
 * scale for a log-uniform prior), a log beyond one bound, the value itself for none.
 */
function toLogit(prior: Prior, v: number): number {
  const { low, high } = scaleBounds(prior);
  const x = prior.kind === 'log-uniform' ? Math.log(v) : v;
  if (Number.isFinite(low) && Number.isFinite(high)) {
    const q = Math.min(1 - 1e-9, Math.max(1e-9, (x - low) / (high - low)));
    return Math.log(q / (1 - q));
  }
  if (Number.isFinite(low)) return Math.log(Math.max(1e-300, x - low));
  if (Number.isFinite(high)) return -Math.log(Math.max(1e-300, high - x));
  return x;
}

function fromLogit(prior: Prior, z: number): number {
  const { low, high } = scaleBounds(prior);
  let x: number;
  if (Number.isFinite(low) && Number.isFinite(high)) x = low + (high - low) / (1 + Math.exp(-z));
  else if (Number.isFinite(low)) x = low + Math.exp(z);
  else if (Number.isFinite(high)) x = high - Math.exp(-z);
  else x = z;
  const v = prior.kind === 'log-uniform' ? Math.exp(x) : x;
  const bounds = priorBounds(prior);
  return inSupport(prior, v) ? v : Math.min(bounds.high, Math.max(bounds.low, v));
}

function scaleBounds(prior: Prior): { low: number; high: number } {
  const { low, high } = priorBounds(prior);
  return prior.kind === 'log-uniform' ? { low: Math.log(low), high: Math.log(high) } : { low, high };
}
