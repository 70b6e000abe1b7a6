/**
 * The compass search that refines the calibrated point (src/calibration/refine.ts), on
 * small models whose best point is known: it reaches the bands from outside them, compares
 * points on common runs, decides on fresh runs (and keeps the start when they prefer it),
 * stays inside the priors and the budget, and is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { localEvaluator, type ProposalKey } from '../../src/calibration/abc-smc.js';
import { makeDistance, makeResiduals, makeWorstMiss, type Target } from '../../src/calibration/distance.js';
import type { Prior } from '../../src/calibration/priors.js';
import { normalQuantile } from '../../src/numeric/normal.js';
import { refinePoint } from '../../src/calibration/refine.js';
import { stream } from '../../src/random/streams.js';

function normal(key: ProposalKey, purpose: string): number {
  const rng = stream({ seed: key.seed, replicate: key.generation + 10, purpose: `refine-test/${purpose}/${key.particle}/${key.attempt}` });
  return normalQuantile(Math.max(rng(), Number.MIN_VALUE));
}

// Three "regions" whose totals grow with their own multiplier and a shared rate, like the
// baseline's: total_i = 1000 · m_i · r (+ 3 % noise per run). Targets 1,200, 800 and 1,000, ±15 %.
const priors: Prior[] = [
  { kind: 'uniform', low: 0.5, high: 2 },
  { kind: 'uniform', low: 0.5, high: 2 },
  { kind: 'uniform', low: 0.5, high: 2 },
  { kind: 'log-uniform', low: 0.5, high: 2 },
];
const targets: Target[] = [1200, 800, 1000].map((v, i) => ({ name: `region ${i}`, value: v, low: 0.85 * v, high: 1.15 * v, weight: 1 }));
const model = (p: readonly number[], key: ProposalKey) => [0, 1, 2].map((i) => 1000 * p[i]! * p[3]! * (1 + 0.03 * normal(key, `r${i}`)));
const scoring = { score: makeWorstMiss(targets), tieBreak: makeDistance(targets) };
const start = [1.6, 1.6, 0.6, 1]; // region 0 +33 %, region 1 +100 %, region 2 −40 %: every band missed

describe('refining the calibrated point', () => {
  it('moves a point that misses every band to one that meets them all, on common and on fresh runs', async () => {
    const r = await refinePoint(start, priors, 3, { replicates: 5, maxEvaluations: 400, freshReplicates: 10 }, localEvaluator(model), scoring);
    expect(r.searchScores.start).toBeGreaterThan(3); // region 1 at +100 % is 6.7 half-widths out
    expect(r.searchScores.end).toBeLessThan(0.5);
    expect(r.kept).toBe('refined');
    expect(r.freshScores.refined).toBeLessThan(1);
    expect(r.score).toBe(r.freshScores.refined);
    for (let i = 0; i < 3; i++) expect(r.statistics[i]).toBeGreaterThanOrEqual(targets[i]!.low);
    for (let i = 0; i < 3; i++) expect(r.statistics[i]).toBeLessThanOrEqual(targets[i]!.high);
    expect(r.evaluations).toBeLessThanOrEqual(400);
    expect(r.rounds.length).toBeGreaterThan(0);
    expect(r.rounds.at(-1)!.score).toBe(r.searchScores.end);
  });

  it('scores every point of the search on the same keys (generation −3), and the check on fresh ones (generation −4)', async () => {
    const seen = new Map<number, Set<string>>();
    const spy = (p: readonly number[], key: ProposalKey) => {
      if (!seen.has(key.generation)) seen.set(key.generation, new Set());
      seen.get(key.generation)!.add(`${key.seed}/${key.particle}/${key.attempt}`);
      return model(p, key);
    };
    await refinePoint(start, priors, 3, { replicates: 4, maxEvaluations: 60, freshReplicates: 6 }, localEvaluator(spy), scoring);
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual([-4, -3]);
    expect([...seen.get(-3)!].sort()).toEqual(['3/0/0', '3/0/1', '3/0/2', '3/0/3']);
    expect(seen.get(-4)!.size).toBe(6);
  });

  it('keeps the starting point when the fresh runs prefer it (a search fooled by its own runs)', async () => {
    // On the search's runs (generation −3) region 2 looks 40 % higher than it is, so the search
    // lowers m₂ towards a point the fresh runs show to be worse than the start.
    const fooled = (p: readonly number[], key: ProposalKey) => model(p, key).map((v, i) => (i === 2 && key.generation === -3 ? v * 1.4 : v));
    const good = [1.2, 0.8, 1, 1];
    const r = await refinePoint(good, priors, 3, { replicates: 3, maxEvaluations: 200, freshReplicates: 8 }, localEvaluator(fooled), scoring);
    expect(r.searchScores.end).toBeLessThan(r.searchScores.start);
    expect(r.freshScores.refined).toBeGreaterThan(r.freshScores.start);
    expect(r.kept).toBe('start');
    expect(r.params).toEqual(good);
    expect(r.score).toBe(r.freshScores.start);
  });

  it('never leaves the priors, and stays within the budget', async () => {
    const tried: number[][] = [];
    // Targets beyond reach push every multiplier to its upper bound.
    const far = [5000, 5000, 5000].map((v, i) => ({ name: `r${i}`, value: v, low: 0.85 * v, high: 1.15 * v, weight: 1 }));
    const spy = (p: readonly number[], key: ProposalKey) => (tried.push([...p]), model(p, key));
    const r = await refinePoint(start, priors, 1, { replicates: 1, maxEvaluations: 50, freshReplicates: 1 }, localEvaluator(spy),
      { score: makeWorstMiss(far), tieBreak: makeDistance(far) });
    for (const p of tried) p.forEach((v, i) => {
      expect(v).toBeGreaterThanOrEqual((priors[i] as { low: number }).low);
      expect(v).toBeLessThanOrEqual((priors[i] as { high: number }).high);
    });
    expect(r.evaluations).toBeLessThanOrEqual(50);
    expect(tried.length).toBe(r.evaluations + 2); // the search's points, then the start and the result on fresh runs
    expect(r.params[3]).toBeGreaterThan(1.5); // the shared rate climbed towards its bound (2)
  });

  it('is deterministic: the same seed gives the same point', async () => {
    const run = () => refinePoint(start, priors, 7, { replicates: 3, maxEvaluations: 120, freshReplicates: 4 }, localEvaluator(model), scoring);
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
  });

  it('refuses options it cannot use, naming the module and the option', async () => {
    const go = (o: object) => refinePoint(start, priors, 1, o, localEvaluator(model), scoring);
    await expect(go({ replicates: 0 })).rejects.toThrow('calibration/refine: options.replicates must be a whole number ≥ 1, found 0');
    await expect(go({ initialStep: 0.1, minStep: 0.2 })).rejects.toThrow('calibration/refine: options.minStep must be in (0, initialStep], found 0.2');
    await expect(refinePoint([1], priors, 1, {}, localEvaluator(model), scoring)).rejects.toThrow('calibration/refine: start must have one value per prior (4), found 1');
  });

  it('with each target\'s residual, Levenberg–Marquardt steps get there in fewer points than steps along one parameter', async () => {
    // Regions that share most of their parameters: region i = 1000 · m_i · r · (m_0 m_1 m_2)^0.5, so every
    // multiplier moves every region and single-parameter steps zigzag.
    const coupled = (p: readonly number[], key: ProposalKey) => {
      const shared = Math.sqrt(p[0]! * p[1]! * p[2]!);
      return [0, 1, 2].map((i) => 1000 * p[i]! * p[3]! * shared * (1 + 0.03 * normal(key, `r${i}`)));
    };
    const budget = { replicates: 3, maxEvaluations: 120, freshReplicates: 6 };
    const compass = await refinePoint(start, priors, 5, budget, localEvaluator(coupled), scoring);
    const marquardt = await refinePoint(start, priors, 5, budget, localEvaluator(coupled), { ...scoring, residuals: makeResiduals(targets) });
    expect(marquardt.searchScores.end).toBeLessThan(1);
    expect(marquardt.searchScores.end).toBeLessThan(compass.searchScores.end);
  });
});
