/**
 * ABC-SMC on models with known posteriors: a normal mean, and a two-parameter
 * linear-Gaussian model with correlated posterior. Then the properties the
 * calibrator relies on: tolerance falls, batching does not change the result,
 * and a resumed run equals an uninterrupted one.
 */
import { describe, expect, it } from 'vitest';
import { abcSmc, effectiveSampleSize, localEvaluator, truncateWeights, type Evaluate, type Generation, type ProposalKey } from '../../src/calibration/abc-smc.js';
import type { Prior } from '../../src/calibration/priors.js';
import { posteriorCsv } from '../../src/calibration/outputs.js';
import { makeDistance, makeResiduals, makeWorstMiss } from '../../src/calibration/distance.js';
import { choosePoint } from '../../src/calibration/point.js';
import { stream } from '../../src/random/streams.js';
import { normalQuantile } from '../../src/numeric/normal.js';

/** Standard normal draws from the proposal's own stream. */
function normals(key: ProposalKey, n: number): number[] {
  const rng = stream({ seed: key.seed, replicate: key.generation, purpose: `test-model/${key.particle}/${key.attempt}` });
  return Array.from({ length: n }, () => normalQuantile(Math.max(rng(), Number.MIN_VALUE)));
}

function weightedMoments(g: Generation, k: number): { mean: number; sd: number } {
  const mean = g.particles.reduce((s, p, i) => s + g.weights[i]! * p[k]!, 0);
  const v = g.particles.reduce((s, p, i) => s + g.weights[i]! * (p[k]! - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(v) };
}

describe('ABC-SMC recovers known posteriors', () => {
  it('the mean of a normal model (conjugate prior)', async () => {
    // Data: n = 20 draws with mean ȳ = 1.3 and σ = 1; prior θ ~ N(0, 2²) truncated to ±20 (no mass lost).
    // The sample mean is sufficient, so as ε → 0 the ABC posterior is N(μₙ, τₙ²).
    const n = 20;
    const ybar = 1.3;
    const prior: Prior = { kind: 'normal', mean: 0, sd: 2, low: -20, high: 20 };
    const precision = 1 / 4 + n;
    const postMean = (n * ybar) / precision;
    const postSd = Math.sqrt(1 / precision);
    const model = (params: readonly number[], key: ProposalKey) => [params[0]! + normals(key, n).reduce((s, x) => s + x, 0) / n];
    const result = await abcSmc({ priors: [prior], population: 600, seed: 11, maxGenerations: 12, minTolerance: 0.04 },
      localEvaluator(model), (s) => Math.abs(s[0]! - ybar));
    const last = result.generations.at(-1)!;
    const m = weightedMoments(last, 0);
    expect(result.stopReason).toBe('minTolerance');
    expect(Math.abs(m.mean - postMean)).toBeLessThan(0.03);
    expect(m.sd / postSd).toBeGreaterThan(0.85);
    expect(m.sd / postSd).toBeLessThan(1.2);
  });

  it('a two-parameter linear-Gaussian model with a correlated posterior', async () => {
    // s = A θ + e, e ~ N(0, σ² I), σ = 0.5, A = [[1, 0.6], [0, 1]]; priors N(0, 3²) (bounded far out).
    // Posterior covariance (AᵀA/σ² + I/τ²)⁻¹, mean Σ Aᵀ y / σ².
    const sigma = 0.5;
    const tau = 3;
    const A = [[1, 0.6], [0, 1]];
    const y = [1.0, -0.8];
    const prior: Prior = { kind: 'normal', mean: 0, sd: tau, low: -30, high: 30 };
    // Analytic posterior.
    const P = [[0, 0], [0, 0]];
    for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) P[r]![c] = (A[0]![r]! * A[0]![c]! + A[1]![r]! * A[1]![c]!) / sigma ** 2 + (r === c ? 1 / tau ** 2 : 0);
    const det = P[0]![0]! * P[1]![1]! - P[0]![1]! * P[1]![0]!;
    const S = [[P[1]![1]! / det, -P[0]![1]! / det], [-P[1]![0]! / det, P[0]![0]! / det]];
    const Aty = [A[0]![0]! * y[0]! + A[1]![0]! * y[1]!, A[0]![1]! * y[0]! + A[1]![1]! * y[1]!].map((v) => v / sigma ** 2);
    const mu = [S[0]![0]! * Aty[0]! + S[0]![1]! * Aty[1]!, S[1]![0]! * Aty[0]! + S[1]![1]! * Aty[1]!];
    const corr = S[0]![1]! / Math.sqrt(S[0]![0]! * S[1]![1]!);

    const model = (p: readonly number[], key: ProposalKey) => {
      const e = normals(key, 2);
      return [A[0]![0]! * p[0]! + A[0]![1]! * p[1]! + sigma * e[0]!, A[1]![0]! * p[0]! + A[1]![1]! * p[1]! + sigma * e[1]!];
    };
    const result = await abcSmc({ priors: [prior, prior], population: 800, seed: 5, maxGenerations: 14, minTolerance: 0.1 },
      localEvaluator(model), (s) => Math.hypot(s[0]! - y[0]!, s[1]! - y[1]!));
    const last = result.generations.at(-1)!;
    const m0 = weightedMoments(last, 0);
    const m1 = weightedMoments(last, 1);
    const cov = last.particles.reduce((s, p, i) => s + last.weights[i]! * (p[0]! - m0.mean) * (p[1]! - m1.mean), 0);
    expect(Math.abs(m0.mean - mu[0]!)).toBeLessThan(0.06);
    expect(Math.abs(m1.mean - mu[1]!)).toBeLessThan(0.06);
    expect(m0.sd / Math.sqrt(S[0]![0]!)).toBeGreaterThan(0.85);
    expect(m0.sd / Math.sqrt(S[0]![0]!)).toBeLessThan(1.2);
    expect(m1.sd / Math.sqrt(S[1]![1]!)).toBeGreaterThan(0.85);
    expect(m1.sd / Math.sqrt(S[1]![1]!)).toBeLessThan(1.2);
    expect(Math.abs(cov / (m0.sd * m1.sd) - corr)).toBeLessThan(0.1);
  });
});

describe('ABC-SMC runs the same whatever the batching, and resumes exactly', () => {
  const priors: Prior[] = [{ kind: 'uniform', low: -5, high: 5 }, { kind: 'log-uniform', low: 0.01, high: 10 }];
  const target = [1.5, 0.4];
  const model = (p: readonly number[], key: ProposalKey) => {
    const e = normals(key, 2);
    return [p[0]! + 0.3 * e[0]!, p[1]! * (1 + 0.2 * e[1]!)];
  };
  const distance = (s: readonly number[]) => Math.hypot(s[0]! - target[0]!, (s[1]! - target[1]!) / target[1]!);
  const base = { priors, population: 60, seed: 3, maxGenerations: 5 };
  const names = ['location', 'scale'];

  /** An evaluator that runs a batch as two "workers" finishing in a shuffled order. */
  const twoWorkers: Evaluate = async (proposals) => {
    const halves = [proposals.filter((_, i) => i % 2 === 0), proposals.filter((_, i) => i % 2 === 1)];
    const done = await Promise.all(halves.map(async (half, h) => {
      await new Promise((r) => setTimeout(r, h === 0 ? 3 : 0));
      return half.map((p) => model(p.params, p.key));
    }));
    return proposals.map((_, i) => done[i % 2]![Math.floor(i / 2)]!);
  };

  it('tolerance falls from one generation to the next', async () => {
    const r = await abcSmc(base, localEvaluator(model), distance);
    const tol = r.generations.map((g) => g.tolerance);
    expect(tol[0]).toBe(Infinity);
    for (let t = 1; t < tol.length; t++) expect(tol[t]!).toBeLessThan(tol[t - 1]!);
    expect(r.generations).toHaveLength(5);
    expect(r.stopReason).toBe('generations');
    for (const g of r.generations) {
      expect(g.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
      expect(g.ess).toBeGreaterThan(1);
      expect(g.ess).toBeLessThanOrEqual(60 + 1e-9);
      expect(g.distances.every((d) => d <= g.tolerance)).toBe(true);
    }
  });

  it('same seed ⇒ byte-identical posterior with batches of 1, 16 and two concurrent workers; another seed differs', async () => {
    const one = posteriorCsv((await abcSmc(base, localEvaluator(model), distance)).generations, names);
    const sixteen = await abcSmc({ ...base, batchSize: 16 }, localEvaluator(model), distance);
    const two = posteriorCsv((await abcSmc({ ...base, batchSize: 8 }, twoWorkers, distance)).generations, names);
    expect(posteriorCsv(sixteen.generations, names)).toBe(one);
    expect(two).toBe(one);
    // Batching runs attempts past a slot's accepted one: more evaluated, the same simulations counted.
    expect(sixteen.generations.at(-1)!.evaluated).toBeGreaterThanOrEqual(sixteen.generations.at(-1)!.simulations);
    const other = posteriorCsv((await abcSmc({ ...base, seed: 4 }, localEvaluator(model), distance)).generations, names);
    expect(other).not.toBe(one);
  });

  it('a run resumed from a saved generation equals an uninterrupted one', async () => {
    const full = await abcSmc(base, localEvaluator(model), distance);
    const saved: Generation[] = [];
    await abcSmc({ ...base, maxGenerations: 2, onGeneration: (g) => { saved.push(JSON.parse(JSON.stringify(g)) as Generation); } }, localEvaluator(model), distance);
    expect(saved).toHaveLength(2);
    // Generation 0's tolerance is Infinity, which JSON cannot hold: restore it as a saved state does.
    saved[0]!.tolerance = Infinity;
    const resumed = await abcSmc({ ...base, resume: saved, batchSize: 5 }, localEvaluator(model), distance);
    expect(posteriorCsv(resumed.generations, names)).toBe(posteriorCsv(full.generations, names));
  });

  it('stops once the simulation budget is spent, and drops a generation below the minimum acceptance rate', async () => {
    const budget = await abcSmc({ ...base, maxGenerations: 50, maxSimulations: 400 }, localEvaluator(model), distance);
    expect(budget.stopReason).toBe('simulations');
    // The generation that reaches the budget is completed, and is the last.
    const total = budget.generations.reduce((s, g) => s + g.simulations, 0);
    expect(total).toBeGreaterThanOrEqual(400);
    expect(total - budget.generations.at(-1)!.simulations).toBeLessThan(400);
    const strict = await abcSmc({ ...base, maxGenerations: 50, minAcceptanceRate: 0.3 }, localEvaluator(model), distance);
    expect(strict.stopReason).toBe('acceptance');
    for (const g of strict.generations) expect(g.acceptanceRate).toBeGreaterThanOrEqual(0.3);
  });

  it('never proposes outside the prior', async () => {
    const r = await abcSmc(base, localEvaluator(model), distance);
    for (const g of r.generations) {
      for (const p of g.particles) {
        expect(p[0]).toBeGreaterThanOrEqual(-5);
        expect(p[0]).toBeLessThanOrEqual(5);
        expect(p[1]).toBeGreaterThanOrEqual(0.01);
        expect(p[1]).toBeLessThanOrEqual(10);
      }
    }
  });
});

describe('truncated importance weights', () => {
  it('cap every weight at √N times the mean and normalize, which raises the effective sample size of a degenerate set', () => {
    const raw = [0.9, ...new Array<number>(99).fill(0.1 / 99)];
    const w = truncateWeights(raw);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // The cap is √100 × 1/100 = 0.1 of the original total; the others keep their ratios.
    expect(w[0]! / w[1]!).toBeCloseTo(0.1 / (0.1 / 99), 9);
    // One particle held 90 %; capped, it holds half (0.1 against the others' 0.1): ESS from 1.2 to 4.
    expect(effectiveSampleSize(raw)).toBeLessThan(1.3);
    expect(effectiveSampleSize(w)).toBeCloseTo(1 / (0.25 + 99 * (0.5 / 99) ** 2), 6);
    expect(truncateWeights([0.25, 0.25, 0.25, 0.25])).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});

describe('the calibrated point', () => {
  it('is the candidate whose median statistics over its runs fit best; the medians when they do', async () => {
    const last: Generation = {
      generation: 1, tolerance: 1, particles: [[1], [2], [3]], weights: [1 / 3, 1 / 3, 1 / 3], distances: [0.5, 0.1, 0.3],
      stats: [[0], [0], [0]], attempts: [0, 0, 0], simulations: 3, acceptanceRate: 1, ess: 3, evaluated: 3, ms: 0,
    };
    // The "model" returns its parameter plus noise from the key: the statistic's median is about the parameter.
    const model = (p: readonly number[], key: ProposalKey) => [p[0]! + 0.01 * normals(key, 1)[0]!];
    const toward = (target: number) => ({ score: (s: readonly number[]) => Math.abs(s[0]! - target) });
    const particle = await choosePoint(last, [2.4], 9, { candidates: 3, replicates: 5 }, localEvaluator(model), toward(3));
    expect(particle.source).toBe('particle 2');
    expect(particle.params).toEqual([3]);
    expect(particle.candidates.map((c) => c.source)).toEqual(['median', 'particle 1', 'particle 2', 'particle 0']);
    const median = await choosePoint(last, [2.4], 9, { candidates: 3, replicates: 5 }, localEvaluator(model), toward(2.4));
    expect(median.source).toBe('median');
    expect(median.statistics[0]).toBeCloseTo(2.4, 1);
    // Only the medians when no particle is to be checked.
    expect((await choosePoint(last, [2.4], 9, { candidates: 0, replicates: 2 }, localEvaluator(model), toward(3))).candidates).toHaveLength(1);
  });

  it('runs each candidate on the streams of its slot: a further candidate not made leaves the others\' runs as they were', async () => {
    const last: Generation = {
      generation: 1, tolerance: 1, particles: [[1], [2], [3]], weights: [1 / 3, 1 / 3, 1 / 3], distances: [0.5, 0.1, 0.3],
      stats: [[0], [0], [0]], attempts: [0, 0, 0], simulations: 3, acceptanceRate: 1, ess: 3, evaluated: 3, ms: 0,
    };
    const model = (p: readonly number[], key: ProposalKey) => [p[0]! + normals(key, 1)[0]!];
    const score = { score: (s: readonly number[]) => Math.abs(s[0]! - 2) };
    const made = await choosePoint(last, [2.4], 9, { candidates: 3, replicates: 3 }, localEvaluator(model), score, [{ source: 'adjusted median', params: [2.2] }]);
    const notMade = await choosePoint(last, [2.4], 9, { candidates: 3, replicates: 3 }, localEvaluator(model), score, [{ source: 'adjusted median' }]);
    const none = await choosePoint(last, [2.4], 9, { candidates: 3, replicates: 3 }, localEvaluator(model), score);
    expect(made.candidates.map((c) => c.source)).toEqual(['median', 'adjusted median', 'particle 1', 'particle 2', 'particle 0']);
    expect(notMade.candidates).toEqual(made.candidates.filter((c) => c.source !== 'adjusted median'));
    // Without the slot reserved the particles move to other streams: their scores change.
    expect(none.candidates.slice(1)).not.toEqual(notMade.candidates.slice(1));
  });

  it('ties on the score go to the better tie-break, then to the earlier candidate', async () => {
    const last: Generation = {
      generation: 1, tolerance: 1, particles: [[1], [2], [3]], weights: [1 / 3, 1 / 3, 1 / 3], distances: [0.5, 0.1, 0.3],
      stats: [[0], [0], [0]], attempts: [0, 0, 0], simulations: 3, acceptanceRate: 1, ess: 3, evaluated: 3, ms: 0,
    };
    const model = (p: readonly number[]) => [p[0]!];
    // Every candidate inside the "band" (score 0); the tie-break prefers the one nearest 1.
    const flat = { score: () => 0, tieBreak: (s: readonly number[]) => Math.abs(s[0]! - 1) };
    expect((await choosePoint(last, [2.4], 9, { candidates: 3, replicates: 1 }, localEvaluator(model), flat)).source).toBe('particle 0');
    expect((await choosePoint(last, [2.4], 9, { candidates: 3, replicates: 1 }, localEvaluator(model), { score: () => 0 })).source).toBe('median');
  });
});

describe('the calibrated point with a second round', () => {
  const last: Generation = {
    generation: 1, tolerance: 1, particles: [[1], [2], [2.9], [4]], weights: [0.25, 0.25, 0.25, 0.25], distances: [0.1, 0.2, 0.3, 0.4],
    stats: [[0], [0], [0], [0]], attempts: [0, 0, 0, 0], simulations: 4, acceptanceRate: 1, ess: 4, evaluated: 4, ms: 0,
  };
  // A model whose first-round runs (generation −1) flatter particle 4 and whose fresh runs do not:
  // the winner's curse in its purest form.
  const model = (p: readonly number[], key: ProposalKey) => [key.generation === -1 && p[0] === 4 ? 3 : p[0]!];
  const toward = (target: number) => ({ score: (s: readonly number[]) => Math.abs(s[0]! - target) });

  it('chooses among the best of the screening on fresh runs, and reports the fresh score', async () => {
    const once = await choosePoint(last, [2.5], 9, { candidates: 4, replicates: 3 }, localEvaluator(model), toward(3));
    expect(once.source).toBe('particle 3');
    expect(once.finalists).toEqual([]);
    const twice = await choosePoint(last, [2.5], 9, { candidates: 4, replicates: 3, finalists: 3, finalReplicates: 2 }, localEvaluator(model), toward(3));
    expect(twice.replicates).toBe(2);
    expect(twice.finalists.map((f) => f.source)).toEqual(['particle 3', 'particle 2', 'median']);
    expect(twice.finalists[0]!.score).toBe(1);
    expect(twice.source).toBe('particle 2');
    expect(twice.score).toBeCloseTo(0.1, 12);
    expect(twice.candidates).toHaveLength(5);
  });

  it('asks for fresh streams: the second round\'s keys are generation −2', async () => {
    const seen: number[] = [];
    const spy = (p: readonly number[], key: ProposalKey) => { seen.push(key.generation); return [p[0]!]; };
    await choosePoint(last, [2.5], 9, { candidates: 2, replicates: 1, finalists: 2, finalReplicates: 3 }, localEvaluator(spy), toward(3));
    expect(seen.filter((g) => g === -1)).toHaveLength(3);
    expect(seen.filter((g) => g === -2)).toHaveLength(6);
  });
});

describe('the worst miss', () => {
  it('is the largest |residual| in band units over the weighted targets, Infinity with a missing statistic', () => {
    const targets = [
      { name: 'a', value: 100, low: 90, high: 120, weight: 1 },
      { name: 'b', value: 10, low: 5, high: 15, weight: 1 },
      { name: 'c', value: 1, low: 0, high: 2, weight: 0 },
    ];
    const worst = makeWorstMiss(targets);
    expect(worst([110, 10, 50])).toBeCloseTo(0.5);
    expect(worst([100, 2, 50])).toBeCloseTo(1.6);
    expect(worst([100, 10, 50])).toBe(0);
    expect(worst([100, NaN, 1])).toBe(Infinity);
    // The band-max distance is the worst miss.
    const bandMax = makeDistance(targets, 'band-max');
    expect(bandMax([100, 2, 50])).toBe(worst([100, 2, 50]));
    expect(bandMax([130, 10, 0])).toBeCloseTo(1.5);
  });
});

describe('the weighted residuals', () => {
  it('are √w times each used target\'s residual, so that their mean square is the squared band distance', () => {
    const targets = [
      { name: 'a', value: 100, low: 90, high: 120, weight: 4 },
      { name: 'b', value: 10, low: 5, high: 15, weight: 1 },
      { name: 'c', value: 1, low: 0, high: 2, weight: 0 },
      { name: 'd', value: 86, low: 86, high: Infinity, weight: 1 },
    ];
    const residuals = makeResiduals(targets);
    const stats = [110, 2, 50, 97];
    expect(residuals(stats)).toEqual([2 * 0.5, -1.6, 0]);
    const r = residuals(stats);
    expect(Math.sqrt(r.reduce((s, v) => s + v * v, 0) / 6)).toBeCloseTo(makeDistance(targets)(stats), 12);
    expect(residuals([100, NaN, 1, 90])[1]).toBeNaN();
  });
});
