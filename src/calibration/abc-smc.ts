/**
 * ABC-SMC (approximate Bayesian computation by sequential Monte Carlo), as in
 * pyABC: Del Moral et al. (2012) / Beaumont et al. (2009).
 *
 *   - generation 0 draws `population` particles from the prior and accepts them all
 *     (its tolerance is Infinity);
 *   - generation t ≥ 1 uses the tolerance εₜ = the weighted `quantile` (median by
 *     default) of generation t − 1's distances, never below `minTolerance`; each
 *     particle slot draws an ancestor from generation t − 1 by weight, perturbs it
 *     with a multivariate normal kernel whose covariance is twice the weighted
 *     covariance of generation t − 1 (Beaumont et al. 2009), redraws while the
 *     result is outside the prior's support, simulates, and keeps the first attempt
 *     whose distance is ≤ εₜ;
 *   - importance weights wᵢ ∝ π(θᵢ) / Σⱼ wⱼ K(θᵢ | θⱼ), normalized, then truncated at √N
 *     times their mean (Ionides 2008; see truncateWeights); effective sample size 1 / Σ wᵢ²;
 *   - it stops after the generation whose tolerance reaches `minTolerance`, after
 *     `maxGenerations` generations, after the generation that brings the simulations to
 *     `maxSimulations` or more (as pyABC: a generation is never cut short, so the last
 *     one may overshoot the budget), or when a generation would need more than
 *     population / `minAcceptanceRate` simulations (that generation is dropped).
 *
 * Kernels act in each prior's working space (log space for log-uniform priors: see
 * priors.ts), where the prior densities of the weights are computed too.
 *
 * Deterministic whatever the number of workers: the proposal of particle slot i at
 * attempt a of generation t draws from its own stream (seed, t, i, a), the model is
 * given that key to derive its own stream, and slot i keeps its first accepted
 * attempt. Proposals are evaluated in batches (several attempts per slot ahead when
 * few slots remain, to keep workers busy); extra attempts past the first accepted
 * one are discarded. `simulations` counts attempts up to each slot's accepted one,
 * so it too is independent of batching; `evaluated` counts what was actually run.
 *
 * The model is any function of (parameters, key) returning summary statistics, run
 * through `evaluate` (in this thread or in worker threads).
 */
import { stream } from '../random/streams.js';
import { choleskyWithRidge, forwardSubstitution, lowerTimes, weightedCovariance, type Matrix } from '../numeric/linear-algebra.js';
import { normalQuantile } from '../numeric/normal.js';
import { weightedQuantileInverseCdf } from '../numeric/quantiles.js';
import { fromWorking, inWorkingSupport, priorBounds, samplePrior, toWorking, workingDensity, type Prior } from './priors.js';

export interface ProposalKey {
  seed: number;
  generation: number;
  particle: number;
  attempt: number;
}

export interface Proposal {
  key: ProposalKey;
  /** Parameter values (natural scale), in the order of the priors. */
  params: number[];
  /**
   * The generation's tolerance: the model may stop as soon as it is sure the distance will
   * exceed it, and return statistics whose distance is Infinity (the proposal is rejected as
   * it would have been). Infinity in generation 0, where every proposal is kept.
   */
  tolerance?: number;
}

/** Summary statistics of each proposal, in order; `done` is called as each simulation finishes (for progress). */
export type Evaluate = (proposals: readonly Proposal[], done?: () => void) => Promise<readonly (readonly number[])[]>;

export interface Generation {
  generation: number;
  /** Acceptance threshold of this generation: Infinity for generation 0. */
  tolerance: number;
  /** Accepted parameter vectors (natural scale), by particle slot. */
  particles: number[][];
  /** Normalized importance weights. */
  weights: number[];
  distances: number[];
  /** Summary statistics of each accepted particle's simulation. */
  stats: number[][];
  /** The attempt at which each slot was accepted (0 = first). */
  attempts: number[];
  /** Simulations up to each slot's accepted attempt: Σ (attempt + 1). Independent of batching. */
  simulations: number;
  /** population / simulations. */
  acceptanceRate: number;
  /** Effective sample size, 1 / Σ w². */
  ess: number;
  /** Simulations actually run (includes attempts past a slot's accepted one). Depends on batching. */
  evaluated: number;
  /** Wall time of the generation. */
  ms: number;
}

export type StopReason = 'minTolerance' | 'generations' | 'simulations' | 'acceptance';

export const stopReasons: Record<StopReason, string> = {
  minTolerance: 'the tolerance reached its minimum',
  generations: 'the last generation of the budget is done',
  simulations: 'the simulation budget is spent',
  acceptance: 'the next generation fell below the minimum acceptance rate and was dropped',
};

export interface RoundProgress {
  generation: number;
  tolerance: number;
  /** Slots filled so far (known at the end of each batch). */
  accepted: number;
  population: number;
  /** Simulations finished so far in this generation. */
  evaluated: number;
  /**
   * Simulations this generation still needs, estimated from its acceptance so far (the
   * previous generation's before the first batch ends); the batch in progress counts as done.
   */
  remainingEstimate: number;
  /** Acceptance rate that estimate uses: this generation's so far, else the previous generation's. */
  acceptanceRate: number;
  elapsedMs: number;
}

export interface AbcSmcOptions {
  priors: readonly Prior[];
  population: number;
  seed: number;
  /** Generations in all, generation 0 included. */
  maxGenerations: number;
  minTolerance?: number;
  /** No new generation once this many simulations are done (counted as `Generation.simulations`); the last generation may overshoot it. */
  maxSimulations?: number;
  /** Quantile of the previous generation's distances that becomes the next tolerance. Default 0.5. */
  quantile?: number;
  /** A generation that needs more than population / minAcceptanceRate simulations is dropped. Default 0.01. */
  minAcceptanceRate?: number;
  /** Proposals per evaluation batch, at least: when fewer slots are open, each gets several attempts ahead (a few times the workers keeps them busy). Default 1. */
  batchSize?: number;
  /** Generations already done (from a saved state), in order; the run continues after the last. */
  resume?: readonly Generation[];
  /** Called after each completed generation (awaited: save it here). */
  onGeneration?: (generation: Generation, all: readonly Generation[]) => void | Promise<void>;
  /** Called as each simulation finishes, and after each batch. */
  onProgress?: (p: RoundProgress) => void;
}

export interface AbcSmcResult {
  generations: Generation[];
  stopReason: StopReason;
}

/** Option defaults (graphology style: calibration/schema.ts's budget fields read them). */
export const DEFAULTS = Object.freeze({
  minTolerance: 0,
  maxSimulations: Infinity,
  quantile: 0.5,
  minAcceptanceRate: 0.01,
  batchSize: 1,
});

const MAX_REDRAWS = 100_000;

export async function abcSmc(options: AbcSmcOptions, evaluate: Evaluate, distance: (stats: readonly number[]) => number): Promise<AbcSmcResult> {
  const { priors, population, seed } = options;
  const minTolerance = options.minTolerance ?? DEFAULTS.minTolerance;
  const maxSimulations = options.maxSimulations ?? DEFAULTS.maxSimulations;
  const quantile = options.quantile ?? DEFAULTS.quantile;
  const minAcceptanceRate = options.minAcceptanceRate ?? DEFAULTS.minAcceptanceRate;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULTS.batchSize);
  if (priors.length === 0) throw new Error('calibration/abc-smc: no parameters');
  if (!Number.isInteger(population) || population < 1) throw new Error('calibration/abc-smc: population must be a whole number ≥ 1');
  if (!(quantile > 0 && quantile < 1)) throw new Error('calibration/abc-smc: quantile must be in (0, 1)');

  const generations: Generation[] = [...(options.resume ?? [])];
  generations.forEach((g, t) => {
    if (g.generation !== t || g.particles.length !== population || g.particles.some((p) => p.length !== priors.length)) {
      throw new Error(`calibration/abc-smc: resumed generation ${t} does not fit this calibration`);
    }
  });
  let total = generations.reduce((s, g) => s + g.simulations, 0);

  if (generations.length === 0) {
    const g0 = await runGeneration(0, Infinity, undefined, Infinity);
    if (!g0) throw new Error('calibration/abc-smc: generation 0 failed');
    generations.push(g0);
    total += g0.simulations;
    await options.onGeneration?.(g0, generations);
  }

  for (;;) {
    const last = generations.at(-1)!;
    if (last.tolerance <= minTolerance) return { generations, stopReason: 'minTolerance' };
    if (generations.length >= options.maxGenerations) return { generations, stopReason: 'generations' };
    if (total >= maxSimulations) return { generations, stopReason: 'simulations' };
    const cap = Math.ceil(population / minAcceptanceRate);
    const tolerance = Math.max(minTolerance, weightedQuantileInverseCdf(last.distances, last.weights, quantile));
    const next = await runGeneration(generations.length, tolerance, last, cap);
    if (!next) return { generations, stopReason: 'acceptance' };
    generations.push(next);
    total += next.simulations;
    await options.onGeneration?.(next, generations);
  }

  /** One generation, or undefined when it would need more than `cap` simulations. */
  async function runGeneration(t: number, tolerance: number, previous: Generation | undefined, cap: number): Promise<Generation | undefined> {
    const started = performance.now();
    const kernel = previous ? makeKernel(priors, previous) : undefined;
    const accepted = new Array<number>(population).fill(-1);
    const tried = new Array<number>(population).fill(0);
    const particles: number[][] = new Array(population);
    const distances = new Array<number>(population);
    const stats: number[][] = new Array(population);
    let evaluated = 0;
    let finished = 0;
    let filled = 0;
    const report = () => {
      if (!options.onProgress) return;
      const rate = evaluated > 0 && filled > 0 ? filled / evaluated : previous ? previous.acceptanceRate : 1;
      const remaining = Math.max(0, (population - filled) / Math.max(rate, 1e-6) - (finished - evaluated));
      options.onProgress({ generation: t, tolerance, accepted: filled, population, evaluated: finished, remainingEstimate: remaining, acceptanceRate: rate, elapsedMs: performance.now() - started });
    };
    while (filled < population) {
      const open: number[] = [];
      let lowerBound = 0;
      for (let i = 0; i < population; i++) {
        if (accepted[i]! >= 0) lowerBound += accepted[i]! + 1;
        else {
          open.push(i);
          lowerBound += tried[i]! + 1;
        }
      }
      // The simulations this generation will have used are at least lowerBound, whatever happens next.
      if (lowerBound > cap) return undefined;
      const ahead = Math.max(1, Math.ceil(batchSize / open.length));
      const proposals: Proposal[] = [];
      for (const i of open) {
        for (let r = 0; r < ahead; r++) {
          const key = { seed, generation: t, particle: i, attempt: tried[i]! + r };
          proposals.push({ key, params: propose(key, kernel), tolerance });
        }
      }
      const results = await evaluate(proposals, () => {
        finished++;
        report();
      });
      if (results.length !== proposals.length) throw new Error('calibration/abc-smc: the evaluator returned the wrong number of results');
      evaluated += proposals.length;
      finished = evaluated;
      // In slot order, attempts in order: the first accepted attempt wins.
      for (let p = 0; p < proposals.length; p++) {
        const { key, params } = proposals[p]!;
        const i = key.particle;
        if (accepted[i]! >= 0) continue;
        const s = results[p]!;
        const d = distance(s);
        if (d <= tolerance) {
          accepted[i] = key.attempt;
          particles[i] = params;
          distances[i] = d;
          stats[i] = [...s];
          filled++;
        }
      }
      for (const i of open) tried[i]! += ahead;
      report();
    }
    const simulations = accepted.reduce((s, a) => s + a + 1, 0);
    if (simulations > cap) return undefined;
    const weights = kernel ? importanceWeights(priors, particles, kernel) : new Array<number>(population).fill(1 / population);
    return {
      generation: t,
      tolerance,
      particles,
      weights,
      distances,
      stats,
      attempts: accepted,
      simulations,
      acceptanceRate: population / simulations,
      ess: effectiveSampleSize(weights),
      evaluated,
      ms: performance.now() - started,
    };
  }

  function propose(key: ProposalKey, kernel: Kernel | undefined): number[] {
    const rng = stream({ seed: key.seed, replicate: key.generation, purpose: `abc/proposal/${key.particle}/${key.attempt}` });
    if (!kernel) return priors.map((p) => samplePrior(p, rng));
    for (let n = 0; n < MAX_REDRAWS; n++) {
      const j = pickIndex(kernel.cumulative, rng());
      const z = priors.map(() => normalQuantile(Math.max(rng(), Number.MIN_VALUE)));
      const step = lowerTimes(kernel.chol, z);
      const u = kernel.centres[j]!.map((c, k) => c + step[k]!);
      if (u.every((v, k) => inWorkingSupport(priors[k]!, v))) return u.map((v, k) => fromWorking(priors[k]!, v));
    }
    throw new Error('calibration/abc-smc: the perturbation kernel keeps leaving the prior\'s support');
  }
}

/** The perturbation kernel of a generation, built from the previous one. */
export interface Kernel {
  /** Previous particles in working space. */
  centres: number[][];
  weights: number[];
  cumulative: number[];
  /** Cholesky factor of the kernel covariance (2 × weighted covariance). */
  chol: Matrix;
}

export function makeKernel(priors: readonly Prior[], previous: Pick<Generation, 'particles' | 'weights'>): Kernel {
  const centres = previous.particles.map((x) => x.map((v, k) => toWorking(priors[k]!, v)));
  const cov = weightedCovariance(centres, previous.weights).map((row) => row.map((v) => 2 * v));
  // When the population has collapsed along a parameter, a ridge of a millionth of the prior's spread keeps the kernel moving.
  const floor = priors.map((p) => {
    if (p.kind === 'normal') return 1e-6 * p.sd * p.sd;
    const { low, high } = priorBounds(p);
    const w = toWorking(p, high) - toWorking(p, low);
    return 1e-6 * w * w;
  });
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of previous.weights) cumulative.push((acc += w));
  return { centres, weights: [...previous.weights], cumulative, chol: choleskyWithRidge(cov, floor) };
}

/**
 * wᵢ ∝ π(θᵢ) / Σⱼ wⱼ K(θᵢ | θⱼ), normalized; the kernel's normalizing constant cancels.
 * Points are whitened once (L⁻¹u), so each kernel term is a squared Euclidean distance.
 */
export function importanceWeights(priors: readonly Prior[], particles: readonly (readonly number[])[], kernel: Kernel): number[] {
  const d = priors.length;
  const whitenedCentres = kernel.centres.map((c) => forwardSubstitution(kernel.chol, c));
  const raw = particles.map((x) => {
    const u = x.map((v, k) => toWorking(priors[k]!, v));
    let prior = 1;
    for (let k = 0; k < d; k++) prior *= workingDensity(priors[k]!, u[k]!);
    if (prior === 0) return 0;
    const wu = forwardSubstitution(kernel.chol, u);
    let mix = 0;
    for (let j = 0; j < whitenedCentres.length; j++) {
      const c = whitenedCentres[j]!;
      let s2 = 0;
      for (let k = 0; k < d; k++) {
        const diff = wu[k]! - c[k]!;
        s2 += diff * diff;
      }
      mix += kernel.weights[j]! * Math.exp(-0.5 * s2);
    }
    return mix > 0 ? prior / mix : 0;
  });
  const sum = raw.reduce((s, w) => s + w, 0);
  if (!(sum > 0) || !Number.isFinite(sum)) throw new Error('calibration/abc-smc: importance weights do not normalize');
  return truncateWeights(raw.map((w) => w / sum));
}

/**
 * Truncated importance sampling (Ionides 2008, J. Comput. Graph. Stat. 17:295): no weight
 * above √N times the mean weight, then normalized again. With many free parameters and a few
 * hundred particles, a particle proposed far from the others gets a kernel-mixture density
 * near zero and so nearly all the weight (an effective sample size of 1 or 2 in trials with
 * 19 parameters and 80 particles); the truncation bounds the variance that causes, at the
 * cost of a bias that vanishes as N grows.
 */
export function truncateWeights(weights: readonly number[]): number[] {
  const n = weights.length;
  const sum = weights.reduce((s, w) => s + w, 0);
  const cap = (Math.sqrt(n) * sum) / n;
  const capped = weights.map((w) => Math.min(w, cap));
  const total = capped.reduce((s, w) => s + w, 0);
  return capped.map((w) => w / total);
}

export function effectiveSampleSize(weights: readonly number[]): number {
  const sum = weights.reduce((s, w) => s + w, 0);
  const sq = weights.reduce((s, w) => s + (w / sum) * (w / sum), 0);
  return 1 / sq;
}

/** Index of the first cumulative weight above u × total (binary search). */
function pickIndex(cumulative: readonly number[], u: number): number {
  const target = u * cumulative.at(-1)!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A model run in this thread, as an evaluator. */
export function localEvaluator(model: (params: readonly number[], key: ProposalKey, tolerance?: number) => readonly number[] | Promise<readonly number[]>): Evaluate {
  return async (proposals, done) => {
    const out: (readonly number[])[] = [];
    for (const p of proposals) {
      out.push(await model(p.params, p.key, p.tolerance));
      done?.();
    }
    return out;
  };
}
