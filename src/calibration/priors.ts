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
import { normalCdf, normalPdf, normalQuantile } from '../numeric/normal.js';
import type { Rng } from '../random/streams.js';

export type Prior =
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'log-uniform'; low: number; high: number }
  /** A normal distribution, truncated to [low, high] where given. */
  | { kind: 'normal'; mean: number; sd: number; low?: number; high?: number };

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
