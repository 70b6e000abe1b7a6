/**
 * From a plan to its runs: the design's points (factor values, one row per
 * point), and the runs, points × replicates in a fixed order (run i is point
 * ⌊i / R⌋, replicate i mod R), each with a seed derived from (experiment seed,
 * point, replicate) through the project's streams. Nothing here depends on the
 * machine, the number of workers or the shard: every process that holds the plan
 * computes the same points and the same seeds, so any row can be rerun alone.
 */
import { stream } from '../random/streams.js';
import { gridDesign } from './design/grid.js';
import { latinHypercube } from './design/latin-hypercube.js';
import { morrisDesign, type MorrisDesign } from './design/morris.js';
import { saltelliDesign, type SaltelliDesign } from './design/saltelli.js';
import type { Factor } from './design/factors.js';
import type { DesignSpec, SweepFactor, SweepPlan } from './file.js';

export type SweepDesign =
  | { kind: 'grid' | 'latin-hypercube'; points: number[][] }
  | { kind: 'morris'; points: number[][]; morris: MorrisDesign }
  | { kind: 'sobol'; points: number[][]; saltelli: SaltelliDesign };

export interface RunKey {
  run: number;
  point: number;
  replicate: number;
  seed: number;
}

/** Points a design makes, computed without making them (to refuse a sweep too large before it starts). */
export function designSize(design: DesignSpec, factors: readonly Pick<SweepFactor, 'values'>[]): number {
  const k = factors.length;
  switch (design.kind) {
    case 'grid':
      return factors.reduce((n, f) => n * (f.values?.length ?? 1), 1);
    case 'latin-hypercube':
      return design.samples;
    case 'morris':
      return design.trajectories * (k + 1);
    case 'sobol':
      return design.samples * (k + 2);
  }
}

export const designFactors = (factors: readonly SweepFactor[]): Factor[] =>
  factors.map((f) => ({ name: f.name, low: f.low, high: f.high, scale: f.scale }));

/** The design's points, drawn from the experiment's own stream: the same plan gives the same points everywhere. */
export function sweepDesign(plan: Pick<SweepPlan, 'design' | 'factors' | 'seed'>): SweepDesign {
  const random = stream({ seed: plan.seed, replicate: 0, purpose: 'sweep/design' });
  const factors = designFactors(plan.factors);
  const d = plan.design;
  switch (d.kind) {
    case 'grid':
      return { kind: 'grid', points: gridDesign(plan.factors.map((f) => f.values!)) };
    case 'latin-hypercube':
      return { kind: 'latin-hypercube', points: latinHypercube(factors, d.samples, random) };
    case 'morris': {
      const morris = morrisDesign(factors, { trajectories: d.trajectories, levels: d.levels }, random);
      return { kind: 'morris', points: morris.points, morris };
    }
    case 'sobol': {
      const saltelli = saltelliDesign(factors, d.samples, random);
      return { kind: 'sobol', points: saltelli.points, saltelli };
    }
  }
}

/** A run's seed: 32 bits from the stream of (experiment seed, point, replicate); with common random numbers, of (seed, replicate) only. */
export function runSeed(plan: Pick<SweepPlan, 'seed' | 'commonRandomNumbers'>, point: number, replicate: number): number {
  const r = plan.commonRandomNumbers
    ? stream({ seed: plan.seed, replicate, purpose: 'sweep/run' })
    : stream({ seed: plan.seed, replicate, purpose: `sweep/run/point/${point}` });
  return Math.floor(r() * 2 ** 32);
}

export function runKey(plan: Pick<SweepPlan, 'seed' | 'commonRandomNumbers' | 'replicates'>, run: number): RunKey {
  const point = Math.floor(run / plan.replicates);
  const replicate = run % plan.replicates;
  return { run, point, replicate, seed: runSeed(plan, point, replicate) };
}
