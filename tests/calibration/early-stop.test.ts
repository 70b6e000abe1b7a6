/**
 * Giving up early on a proposal that cannot be accepted (simulator.ts, distance.ts's
 * makeDistanceBound): exact, so a proposal is abandoned only when its full run's distance
 * is above the tolerance, and a calibration gives the same posterior with and without it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { abcSmc, localEvaluator } from '../../src/calibration/abc-smc.js';
import { createModel, modelSpecOf } from '../../src/calibration/simulator.js';
import { makeDistance, makeDistanceBound, type Target } from '../../src/calibration/distance.js';
import { cleanup, tempDir } from '../scenario/fixtures.js';
import { loadTownCalibration } from './helpers.js';

afterAll(cleanup);

const dir = tempDir('hotbed-early-stop-');
// A world target the runs pass early for high peer probabilities (the prior reaches 0.01).
const calibration = loadTownCalibration(dir, 150, { population: 24, generations: 4 });
const spec = modelSpecOf(calibration);
const distance = makeDistance(calibration.targets, calibration.distance);
const key = (particle: number) => ({ seed: 3, generation: 1, particle, attempt: 0 });

describe('a model given a tolerance', () => {
  const model = createModel({ ...spec, runsPerProposal: 2 });

  it('abandons a proposal only when its full runs are farther than the tolerance, and otherwise returns the same statistics', () => {
    let abandoned = 0;
    let kept = 0;
    for (const [i, peer] of [0.0015, 0.003, 0.005, 0.008, 0.01].entries()) {
      for (const tolerance of [0.5, 2, 8]) {
        const full = model([peer, 0.001], key(i));
        const lazy = model([peer, 0.001], key(i), tolerance);
        if (lazy.every(Number.isNaN)) {
          abandoned++;
          expect(distance(full), `peer ${peer}, tolerance ${tolerance}`).toBeGreaterThan(tolerance);
        } else {
          kept++;
          expect(lazy).toEqual(full);
        }
      }
    }
    // Both happen, or the test shows nothing.
    expect(abandoned).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
  });

  it('never abandons without a tolerance', () => {
    expect(model([0.01, 0.001], key(9), Infinity).some(Number.isNaN)).toBe(false);
  });
});

describe('a calibration', () => {
  it('gives the same generations with early stopping as without, and stops some runs early', async () => {
    const priors = calibration.parameters.map((p) => p.prior);
    const options = { priors, population: 24, seed: 5, maxGenerations: 4 };
    const lazy = createModel(spec);
    let abandoned = 0;
    const counting = localEvaluator((params, k, tolerance) => {
      const stats = lazy(params, k, tolerance);
      if (stats.every(Number.isNaN)) abandoned++;
      return stats;
    });
    const withStops = await abcSmc(options, counting, distance);
    const without = await abcSmc(options, localEvaluator(createModel({ ...spec, judgedBy: undefined })), distance);
    const strip = (r: typeof without) => r.generations.map(({ ms: _ms, ...g }) => g);
    expect(strip(withStops)).toEqual(strip(without));
    expect(abandoned).toBeGreaterThan(0);
  });
});

describe('the distance bound', () => {
  const targetsArb = fc.array(fc.record({
    value: fc.double({ min: 1, max: 1000, noNaN: true }),
    below: fc.double({ min: 0.01, max: 500, noNaN: true }),
    above: fc.oneof(fc.double({ min: 0.01, max: 500, noNaN: true }), fc.constant(Infinity)),
    weight: fc.double({ min: 0, max: 5, noNaN: true }),
  }), { minLength: 1, maxLength: 6 });

  it('is never above the distance of any statistics inside the bounds (band, relative and band-max)', () => {
    fc.assert(fc.property(targetsArb, fc.array(fc.tuple(fc.double({ min: -2000, max: 3000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1 , noNaN: true })), { minLength: 6, maxLength: 6 }), fc.constantFrom('band', 'relative', 'band-max'), (raw, boxes, kind) => {
      const targets: Target[] = raw.map((t, i) => ({ name: `t${i}`, value: t.value, low: t.value - t.below, high: t.value + t.above, weight: t.weight }));
      if (!targets.some((t) => t.weight > 0)) return;
      const low = targets.map((_, i) => boxes[i]![0]);
      const high = targets.map((_, i) => boxes[i]![0] + boxes[i]![1]);
      const inside = targets.map((_, i) => low[i]! + boxes[i]![2] * (high[i]! - low[i]!));
      const bound = makeDistanceBound(targets, kind as 'band')(low, high);
      expect(bound).toBeLessThanOrEqual(makeDistance(targets, kind as 'band')(inside));
    }));
  });

  it('equals the distance when every statistic is known exactly', () => {
    const targets: Target[] = [
      { name: 'a', value: 100, low: 90, high: 120, weight: 2 },
      { name: 'b', value: 0.25, low: 0.2, high: 0.3, weight: 1 },
    ];
    const stats = [150, 0.1];
    expect(makeDistanceBound(targets)(stats, stats)).toBe(makeDistance(targets)(stats));
  });
});
