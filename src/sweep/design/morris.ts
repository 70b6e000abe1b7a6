/**
 * Morris elementary effects (Morris 1991), the screening design of Campolongo,
 * Cariboni & Saltelli (2007): r random one-factor-at-a-time trajectories on a
 * p-level grid of the unit hypercube, each moving every factor once by ±Δ,
 * Δ = p/(2(p − 1)). The k + 1 runs of a trajectory give one elementary effect
 * per factor; across trajectories, μ* (mean |EE|) ranks influence and σ (sd of
 * EE) flags non-linearity or interactions. k + 1 runs per trajectory against
 * 2k for independent pairs is why Morris is the affordable first look at a
 * model whose runs are expensive.
 *
 * Effects are in unit space, (y_after − y_before)/Δ_signed: a factor's effect
 * is the change in y across its whole range, whatever its units or scale, so
 * factors can be compared with one another.
 *
 * Draws per trajectory, in order: k base levels, k directions, k − 1 for the
 * order in which the factors move.
 */
import type { SweepMorrisIndex } from '../../charts/inputs.js';
import { mean, sampleStandardDeviation } from '../../numeric/moments.js';
import { DEFAULTS as BOOTSTRAP_DEFAULTS, percentileInterval, resample } from './bootstrap.js';
import { fail, requireOutputs, requireRandom, requireWhole } from './errors.js';
import { checkFactors, fromUnit, type Factor } from './factors.js';
import { permutation } from './shuffle.js';

/** Option defaults of the design and the indices. */
export const DEFAULTS = Object.freeze({
  /** Grid levels p. */
  levels: 4,
  bootstrap: BOOTSTRAP_DEFAULTS.bootstrap,
});

export interface MorrisOptions {
  trajectories: number;
  /** Grid levels p, even (default 4). */
  levels?: number;
}

export interface MorrisDesign {
  /** Factor values; trajectories·(k + 1) rows, trajectory t at rows t(k+1) … t(k+1)+k. */
  points: number[][];
  /** The same points in the unit hypercube, on the grid {0, 1/(p−1), …, 1}. */
  unit: number[][];
  trajectories: number;
  levels: number;
  /** p/(2(p − 1)). */
  delta: number;
  /** For each trajectory, step j = 1..k (at index j − 1): the factor moved and the signed unit step ±delta. */
  steps: { factor: number; delta: number }[][];
}

/** μ, μ*, σ per factor, with μ*'s bootstrap 90 % interval over trajectories: the shape the Morris chart reads (charts/inputs). */
export type MorrisIndex = SweepMorrisIndex;

export function morrisDesign(factors: readonly Factor[], options: MorrisOptions, random: () => number): MorrisDesign {
  const fn = 'morrisDesign';
  checkFactors(fn, factors);
  // σ is a sample sd: one trajectory has none.
  const r = requireWhole(fn, 'options.trajectories', options?.trajectories, 2);
  const p = options.levels ?? DEFAULTS.levels;
  if (typeof p !== 'number' || !Number.isSafeInteger(p) || p < 2 || p % 2 !== 0) {
    fail(fn, 'options.levels must be an even whole number ≥ 2', p);
  }
  requireRandom(fn, random);
  const k = factors.length;
  // Work in level indices 0..p−1 so the grid is exact; a step is p/2 indices.
  const half = p / 2;
  const delta = half / (p - 1);
  const points: number[][] = [];
  const unit: number[][] = [];
  const steps: { factor: number; delta: number }[][] = [];
  for (let t = 0; t < r; t++) {
    // A base level low enough that +Δ stays on the grid; a factor that moves
    // down starts Δ higher. This is Morris's orientation matrix B* written as
    // a walk.
    const base = Array.from({ length: k }, () => Math.floor(random() * half));
    const up = Array.from({ length: k }, () => random() < 0.5);
    const order = permutation(k, random);
    const level = base.map((b, i) => (up[i] ? b : b + half));
    const push = () => {
      const u = level.map((l) => l / (p - 1));
      unit.push(u);
      points.push(u.map((x, j) => fromUnit(factors[j]!, x)));
    };
    push();
    const walk: { factor: number; delta: number }[] = [];
    for (const i of order) {
      level[i]! += up[i] ? half : -half;
      walk.push({ factor: i, delta: up[i] ? delta : -delta });
      push();
    }
    steps.push(walk);
  }
  return { points, unit, trajectories: r, levels: p, delta, steps };
}

/** Elementary effects, [trajectory][factor]. */
export function elementaryEffects(design: MorrisDesign, k: number, outputs: readonly number[]): number[][] {
  const ee: number[][] = [];
  for (let t = 0; t < design.trajectories; t++) {
    const row = new Array<number>(k).fill(NaN);
    const first = t * (k + 1);
    design.steps[t]!.forEach((step, j) => {
      row[step.factor] = (outputs[first + j + 1]! - outputs[first + j]!) / step.delta;
    });
    ee.push(row);
  }
  return ee;
}

export function morrisIndices(
  design: MorrisDesign,
  factors: readonly Factor[],
  outputs: readonly number[],
  options: { bootstrap?: number; random: () => number },
): MorrisIndex[] {
  const fn = 'morrisIndices';
  checkFactors(fn, factors);
  const k = factors.length;
  const r = design.trajectories;
  if (design.points.length !== r * (k + 1) || design.steps.length !== r) {
    fail(fn, `design must have ${r}·(${k} + 1) points and ${r} step lists for ${k} factors`, `${design.points.length} points and ${design.steps.length} step lists`);
  }
  requireOutputs(fn, outputs, design.points.length);
  const B = requireWhole(fn, 'options.bootstrap', options?.bootstrap ?? DEFAULTS.bootstrap, 1);
  const random = requireRandom(fn, options.random);
  const ee = elementaryEffects(design, k, outputs);

  const boot: number[][] = factors.map(() => []);
  for (let b = 0; b < B; b++) {
    const idx = resample(r, random);
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (const t of idx) s += Math.abs(ee[t]![i]!);
      boot[i]!.push(s / r);
    }
  }

  return factors.map((f, i) => {
    const e = ee.map((row) => row[i]!);
    const mu = mean(e);
    const [muStarLow, muStarHigh] = percentileInterval(boot[i]!);
    return {
      factor: f.name,
      mu,
      muStar: mean(e.map(Math.abs)),
      sigma: sampleStandardDeviation(e, mu),
      muStarLow,
      muStarHigh,
    };
  });
}

