import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stream } from '../../../src/random/streams.js';
import type { Factor } from '../../../src/sweep/design/factors.js';
import { morrisDesign, morrisIndices } from '../../../src/sweep/design/morris.js';

const rng = (seed: number, purpose = 'morris-test') => stream({ seed, replicate: 0, purpose });

const unitFactors = (k: number): Factor[] => Array.from({ length: k }, (_, i) => ({ name: `x${i + 1}`, low: 0, high: 1, scale: 'linear' }));

/** Four indices, checked, so that a short result fails here rather than as "undefined" further on. */
function four<T>(xs: readonly T[]): [T, T, T, T] {
  expect(xs).toHaveLength(4);
  return [xs[0]!, xs[1]!, xs[2]!, xs[3]!];
}

describe('sweep/design/morris', () => {
  it('builds one-at-a-time trajectories on the p-level grid', () => {
    const k = 5;
    for (const levels of [2, 4, 6, 8]) {
      const d = morrisDesign(unitFactors(k), { trajectories: 12, levels }, rng(levels));
      expect(d.delta).toBe(levels / (2 * (levels - 1)));
      expect(d.points).toHaveLength(12 * (k + 1));
      expect(d.steps).toHaveLength(12);
      for (let t = 0; t < 12; t++) {
        // Every factor moves exactly once per trajectory, by ±Δ, others fixed.
        expect(d.steps[t]!.map((s) => s.factor).sort()).toEqual([0, 1, 2, 3, 4]);
        for (let j = 1; j <= k; j++) {
          const before = d.unit[t * (k + 1) + j - 1]!;
          const after = d.unit[t * (k + 1) + j]!;
          const { factor, delta } = d.steps[t]![j - 1]!;
          expect(Math.abs(delta)).toBe(d.delta);
          after.forEach((u, i) => {
            if (i === factor) expect(u - before[i]!).toBeCloseTo(delta, 12);
            else expect(u).toBe(before[i]);
          });
        }
      }
      for (const row of d.unit) {
        for (const u of row) {
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThanOrEqual(1);
          expect(u * (levels - 1)).toBeCloseTo(Math.round(u * (levels - 1)), 9);
        }
      }
    }
  });

  it('on a linear model recovers |a_i| in unit space exactly, with σ = 0', () => {
    const a = [3, -2, 0.5, 0, 10];
    const factors: Factor[] = [
      { name: 'x1', low: 0, high: 1, scale: 'linear' },
      { name: 'x2', low: -1, high: 3, scale: 'linear' },
      { name: 'x3', low: 10, high: 12, scale: 'linear' },
      { name: 'x4', low: 0, high: 1, scale: 'linear' },
      { name: 'x5', low: 0.001, high: 0.002, scale: 'linear' },
    ];
    const d = morrisDesign(factors, { trajectories: 10, levels: 4 }, rng(1));
    const y = d.points.map((x) => x.reduce((s, xi, i) => s + a[i]! * xi, 7));
    const ix = morrisIndices(d, factors, y, { random: rng(1, 'boot') });
    ix.forEach((m, i) => {
      const range = factors[i]!.high - factors[i]!.low;
      expect(m.factor).toBe(factors[i]!.name);
      expect(m.muStar).toBeCloseTo(Math.abs(a[i]!) * range, 9);
      expect(m.mu).toBeCloseTo(a[i]! * range, 9);
      expect(m.sigma).toBeCloseTo(0, 9);
      expect(m.muStarLow).toBeCloseTo(m.muStar, 9);
      expect(m.muStarHigh).toBeCloseTo(m.muStar, 9);
    });
  });

  it('with an interaction gives σ > 0 to the interacting factors, μ* = 0 to an inert one', () => {
    // y = x1·x2 + x3, x4 inert. EE of x1 is x2 at the time of the step, so it varies.
    const factors = unitFactors(4);
    const d = morrisDesign(factors, { trajectories: 20 }, rng(2));
    expect(d.levels).toBe(4);
    const y = d.unit.map(([x1, x2, x3]) => x1! * x2! + x3!);
    const [m1, m2, m3, m4] = four(morrisIndices(d, factors, y, { bootstrap: 500, random: rng(2, 'boot') }));
    expect(m1.sigma).toBeGreaterThan(0.1);
    expect(m2.sigma).toBeGreaterThan(0.1);
    expect(m3.sigma).toBeCloseTo(0, 9);
    expect(m3.muStar).toBeCloseTo(1, 9);
    expect(m4.muStar).toBe(0);
    expect(m4.sigma).toBe(0);
    // μ* of x1 is the mean of x2 (0.5 in expectation); its interval brackets the estimate.
    expect(m1.muStar).toBeGreaterThan(0.25);
    expect(m1.muStar).toBeLessThan(0.75);
    expect(m1.muStarLow).toBeLessThan(m1.muStar);
    expect(m1.muStarHigh).toBeGreaterThan(m1.muStar);
  });

  it('measures effects in unit space whatever the scale', () => {
    // y = log10(rate): linear in the unit coordinate of a log factor spanning 3 decades.
    const factors: Factor[] = [{ name: 'rate', low: 1e-4, high: 1e-1, scale: 'log' }, ...unitFactors(1)];
    const d = morrisDesign(factors, { trajectories: 4 }, rng(3));
    const rate = morrisIndices(d, factors, d.points.map(([r]) => Math.log10(r!)), { random: rng(3, 'boot') })[0]!;
    expect(rate.muStar).toBeCloseTo(3, 9);
    expect(rate.sigma).toBeCloseTo(0, 9);
  });

  it('is deterministic: same streams, same design and indices', () => {
    const factors = unitFactors(3);
    const run = (seed: number) => {
      const d = morrisDesign(factors, { trajectories: 6 }, rng(seed));
      const y = d.unit.map(([a, b, c]) => Math.sin(a! * 3) + a! * b! * c!);
      return { d, ix: morrisIndices(d, factors, y, { random: rng(seed, 'boot') }) };
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5).d.points).not.toEqual(run(6).d.points);
  });

  it('keeps points within bounds and log factors positive (property)', () => {
    const factors: Factor[] = [
      { name: 'a', low: -3, high: 2, scale: 'linear' },
      { name: 'b', low: 1e-6, high: 1, scale: 'log' },
    ];
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 1e6 }), (r, half, seed) => {
        const d = morrisDesign(factors, { trajectories: r, levels: 2 * half }, rng(seed));
        for (const [a, b] of d.points) {
          expect(a).toBeGreaterThanOrEqual(-3);
          expect(a).toBeLessThanOrEqual(2);
          expect(b).toBeGreaterThan(0);
          expect(b).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('refuses bad options and mismatched outputs', () => {
    const f = unitFactors(2);
    expect(() => morrisDesign(f, { trajectories: 4, levels: 3 }, rng(0))).toThrow('morrisDesign: options.levels must be an even whole number ≥ 2, found 3');
    expect(() => morrisDesign(f, { trajectories: 1 }, rng(0))).toThrow('morrisDesign: options.trajectories must be a whole number ≥ 2, found 1');
    const d = morrisDesign(f, { trajectories: 2 }, rng(0));
    expect(() => morrisIndices(d, f, [1, 2], { random: rng(0) })).toThrow('morrisIndices: outputs must have one value per design point (6), found 2');
    expect(() => morrisIndices(d, f, [1, 2, 3, 4, NaN, 6], { random: rng(0) })).toThrow('morrisIndices: outputs[4] must be a finite number, found NaN');
    expect(() => morrisIndices(d, unitFactors(3), [1, 2, 3, 4, 5, 6], { random: rng(0) })).toThrow(/morrisIndices: design must have/);
  });
});
