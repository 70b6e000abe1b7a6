/**
 * Priors of calibrated parameters: uniform, log-uniform, and normal (optionally
 * truncated to bounds). Each has a density, a sampler that draws from a seeded
 * stream (inverse CDF: one uniform per draw), a support check and quantiles.
 *
 * ABC-SMC perturbs particles in a "working" space where each prior is simple:
 * the identity for uniform and normal priors, the logarithm for log-uniform ones
 * (a log-uniform prior is uniform in log space, so a Gaussian kernel there moves
 * a rate of 1e-4 and one of 1e-3 by the same factor, not the same amount).
 */
import type { Rng } from '../random/streams.js';

export type Prior =
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'log-uniform'; low: number; high: number }
  /** A normal distribution, truncated to [low, high] where given. */
  | { kind: 'normal'; mean: number; sd: number; low?: number; high?: number };

export const priorKinds = ['uniform', 'log-uniform', 'normal'] as const;

/** Lowest and highest values the prior allows (±Infinity for an unbounded normal). */
export function priorBounds(p: Prior): { low: number; high: number } {
  if (p.kind === 'normal') return { low: p.low ?? -Infinity, high: p.high ?? Infinity };
  return { low: p.low, high: p.high };
}

export function inSupport(p: Prior, x: number): boolean {
  if (!Number.isFinite(x)) return false;
  const { low, high } = priorBounds(p);
  return x >= low && x <= high;
}

/** Probability density at x (0 outside the support). */
export function priorDensity(p: Prior, x: number): number {
  if (!inSupport(p, x)) return 0;
  switch (p.kind) {
    case 'uniform':
      return 1 / (p.high - p.low);
    case 'log-uniform':
      return 1 / (x * Math.log(p.high / p.low));
    case 'normal': {
      const z = (x - p.mean) / p.sd;
      return Math.exp(-0.5 * z * z) / (Math.sqrt(2 * Math.PI) * p.sd * normalMass(p));
    }
  }
}

/** One draw from the prior, using the stream's next number(s). */
export function samplePrior(p: Prior, rng: Rng): number {
  const u = rng();
  switch (p.kind) {
    case 'uniform':
      return clamp(p.low + u * (p.high - p.low), p.low, p.high);
    case 'log-uniform':
      return clamp(Math.exp(Math.log(p.low) + u * Math.log(p.high / p.low)), p.low, p.high);
    case 'normal':
      return priorQuantile(p, openUnit(u));
  }
}

/** The value below which a share q of the prior lies (0 < q < 1). */
export function priorQuantile(p: Prior, q: number): number {
  switch (p.kind) {
    case 'uniform':
      return p.low + q * (p.high - p.low);
    case 'log-uniform':
      return Math.exp(Math.log(p.low) + q * Math.log(p.high / p.low));
    case 'normal': {
      const { a, b } = standardBounds(p);
      // Work on the side of the distribution where the bounds' tail masses are small, so that
      // a truncation far in one tail keeps its precision.
      let z: number;
      if (a > 0) z = -normalQuantile(normalCdf(-b) + (1 - q) * (normalCdf(-a) - normalCdf(-b)));
      else z = normalQuantile(normalCdf(a) + q * (normalCdf(b) - normalCdf(a)));
      return clamp(p.mean + p.sd * z, p.low ?? -Infinity, p.high ?? Infinity);
    }
  }
}

/** Mean of the prior (of the truncated normal, computed from its quantiles when truncated). */
export function priorMean(p: Prior): number {
  switch (p.kind) {
    case 'uniform':
      return (p.low + p.high) / 2;
    case 'log-uniform':
      return (p.high - p.low) / Math.log(p.high / p.low);
    case 'normal': {
      const { a, b } = standardBounds(p);
      const mass = normalMass(p);
      return p.mean + (p.sd * (normalPdf(a) - normalPdf(b))) / mass;
    }
  }
}

// ---- working space -------------------------------------------------------------------------

/** The value in the space where ABC-SMC perturbs particles. */
export function toWorking(p: Prior, x: number): number {
  return p.kind === 'log-uniform' ? Math.log(x) : x;
}

/** Back from the working space; clamped into the support against rounding. */
export function fromWorking(p: Prior, u: number): number {
  if (p.kind === 'log-uniform') return clamp(Math.exp(u), p.low, p.high);
  return u;
}

/** Whether a working-space value maps into the support. */
export function inWorkingSupport(p: Prior, u: number): boolean {
  if (!Number.isFinite(u)) return false;
  if (p.kind === 'log-uniform') return u >= Math.log(p.low) && u <= Math.log(p.high);
  return inSupport(p, u);
}

/** Density of the prior in the working space (the log-uniform prior is uniform there). */
export function workingDensity(p: Prior, u: number): number {
  if (!inWorkingSupport(p, u)) return 0;
  if (p.kind === 'log-uniform') return 1 / Math.log(p.high / p.low);
  return priorDensity(p, u);
}

// ---- the standard normal -------------------------------------------------------------------

export function normalPdf(z: number): number {
  return Number.isFinite(z) ? Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) : 0;
}

/** Φ(z), through erfc (relative error below 1.2e-7 everywhere). */
export function normalCdf(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * Φ⁻¹(q) for 0 < q < 1: Acklam's rational approximation (relative error 1.15e-9),
 * refined by one Halley step.
 */
export function normalQuantile(q: number): number {
  if (q <= 0) return -Infinity;
  if (q >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lowTail = 0.02425;
  let x: number;
  if (q < lowTail) {
    const r = Math.sqrt(-2 * Math.log(q));
    x = (((((c[0]! * r + c[1]!) * r + c[2]!) * r + c[3]!) * r + c[4]!) * r + c[5]!) / ((((d[0]! * r + d[1]!) * r + d[2]!) * r + d[3]!) * r + 1);
  } else if (q <= 1 - lowTail) {
    const s = q - 0.5;
    const r = s * s;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * s)
      / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const r = Math.sqrt(-2 * Math.log(1 - q));
    x = -(((((c[0]! * r + c[1]!) * r + c[2]!) * r + c[3]!) * r + c[4]!) * r + c[5]!) / ((((d[0]! * r + d[1]!) * r + d[2]!) * r + d[3]!) * r + 1);
  }
  // One Halley step on Φ(x) − q.
  const e = normalCdf(x) - q;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp(0.5 * x * x);
  return x - u / (1 + (x * u) / 2);
}

/** Complementary error function (Numerical Recipes' erfcc, Chebyshev fit). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
    + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

function standardBounds(p: Extract<Prior, { kind: 'normal' }>): { a: number; b: number } {
  return { a: p.low === undefined ? -Infinity : (p.low - p.mean) / p.sd, b: p.high === undefined ? Infinity : (p.high - p.mean) / p.sd };
}

/** Probability mass of the untruncated normal inside the bounds. */
function normalMass(p: Extract<Prior, { kind: 'normal' }>): number {
  const { a, b } = standardBounds(p);
  return a > 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A uniform draw moved off 0, so that quantile functions never see it. */
const openUnit = (u: number) => (u > 0 ? u : Number.MIN_VALUE);
