import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stream } from '../../../src/random/streams.js';
import { latinHypercube, latinHypercubeUnit } from '../../../src/sweep/design/latin-hypercube.js';
import { toUnit, type Factor } from '../../../src/sweep/design/factors.js';

const rng = (seed: number) => stream({ seed, replicate: 0, purpose: 'lhs-test' });

const factors: Factor[] = [
  { name: 'a', low: 0, high: 1, scale: 'linear' },
  { name: 'b', low: -50, high: 50, scale: 'linear' },
  { name: 'c', low: 1e-3, high: 10, scale: 'log' },
];

describe('sweep/design/latin-hypercube', () => {
  it('hits each of the n strata exactly once per factor', () => {
    for (const n of [1, 2, 7, 100]) {
      const rows = latinHypercube(factors, n, rng(n));
      expect(rows).toHaveLength(n);
      factors.forEach((f, j) => {
        const strata = rows.map((r) => Math.floor(toUnit(f, r[j]!) * n));
        expect([...strata].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
      });
    }
  });

  it('stratifies in the unit cube exactly (no mapping round trip)', () => {
    const n = 257;
    const rows = latinHypercubeUnit(5, n, rng(1));
    for (let j = 0; j < 5; j++) {
      const strata = rows.map((r) => Math.floor(r[j]! * n)).sort((x, y) => x - y);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('pairs strata differently across factors (not the diagonal)', () => {
    const rows = latinHypercubeUnit(2, 50, rng(2));
    const same = rows.filter((r) => Math.floor(r[0]! * 50) === Math.floor(r[1]! * 50)).length;
    expect(same).toBeLessThan(10);
  });

  it('is reproducible from the stream and changes with the seed', () => {
    expect(latinHypercube(factors, 20, rng(3))).toEqual(latinHypercube(factors, 20, rng(3)));
    expect(latinHypercube(factors, 20, rng(3))).not.toEqual(latinHypercube(factors, 20, rng(4)));
  });

  it('keeps points within bounds and log factors positive (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 1e6 }), (n, seed) => {
        for (const row of latinHypercube(factors, n, rng(seed))) {
          row.forEach((x, j) => {
            expect(x).toBeGreaterThanOrEqual(factors[j]!.low);
            expect(x).toBeLessThanOrEqual(factors[j]!.high);
          });
          expect(row[2]).toBeGreaterThan(0);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a non-whole n', () => {
    expect(() => latinHypercube(factors, 2.5, rng(0))).toThrow('latinHypercube: n must be a whole number ≥ 1, found 2.5');
    expect(() => latinHypercube(factors, 0, rng(0))).toThrow('latinHypercube: n must be a whole number ≥ 1, found 0');
  });
});
