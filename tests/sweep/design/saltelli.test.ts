import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stream } from '../../../src/random/streams.js';
import type { Factor } from '../../../src/sweep/design/factors.js';
import { saltelliDesign, saltelliRow, sobolIndices, type SobolIndex } from '../../../src/sweep/design/saltelli.js';

const rng = (seed: number, purpose = 'saltelli-test') => stream({ seed, replicate: 0, purpose });

// Ishigami & Homma (1990), a = 7, b = 0.1, x_i uniform on [−π, π]; analytic
// variances from Sobol' & Levitan (1999).
const a = 7;
const b = 0.1;
const pi4 = Math.PI ** 4;
const pi8 = Math.PI ** 8;
const V1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
const V2 = a ** 2 / 8;
const V13 = (8 * b ** 2 * pi8) / 225;
const V = V1 + V2 + V13;
const ishigamiFirst = [V1 / V, V2 / V, 0];
const ishigamiTotal = [(V1 + V13) / V, V2 / V, V13 / V];
const ishigami = ([x1, x2, x3]: number[]) => Math.sin(x1!) + a * Math.sin(x2!) ** 2 + b * x3! ** 4 * Math.sin(x1!);
const ishigamiFactors: Factor[] = ['x1', 'x2', 'x3'].map((name) => ({ name, low: -Math.PI, high: Math.PI, scale: 'linear' }));

const covers = (ix: SobolIndex, first: number, total: number) => {
  expect(ix.firstLow).toBeLessThanOrEqual(first);
  expect(ix.firstHigh).toBeGreaterThanOrEqual(first);
  expect(ix.totalLow).toBeLessThanOrEqual(total);
  expect(ix.totalHigh).toBeGreaterThanOrEqual(total);
};

describe('sweep/design/saltelli', () => {
  it('lays out A, B, AB_1..AB_k per base row', () => {
    const factors: Factor[] = [
      { name: 'p', low: 0, high: 1, scale: 'linear' },
      { name: 'q', low: 1, high: 100, scale: 'log' },
      { name: 'r', low: -5, high: 5, scale: 'linear' },
    ];
    const d = saltelliDesign(factors, 8, rng(1));
    expect(d).toMatchObject({ n: 8, k: 3, sequence: 'sobol' });
    expect(d.points).toHaveLength(8 * 5);
    for (let i = 0; i < 8; i++) {
      const A = d.points[saltelliRow(d, i, 'A')]!;
      const B = d.points[saltelliRow(d, i, 'B')]!;
      expect(saltelliRow(d, i, 'A')).toBe(i * 5);
      expect(saltelliRow(d, i, 2)).toBe(i * 5 + 4);
      for (let j = 0; j < 3; j++) {
        const AB = d.points[saltelliRow(d, i, j)];
        expect(AB).toEqual(A.map((x, c) => (c === j ? B[c] : x)));
      }
    }
  });

  it(`estimates the Ishigami indices (S1 ≈ ${ishigamiFirst.map((s) => s.toFixed(3)).join(', ')}; ST ≈ ${ishigamiTotal.map((s) => s.toFixed(3)).join(', ')}) within 0.01 at n = 4096 (Sobol base), intervals covering the truth`, () => {
    expect(ishigamiFirst[0]).toBeCloseTo(0.3139, 4);
    expect(ishigamiFirst[1]).toBeCloseTo(0.4424, 4);
    expect(ishigamiTotal[0]).toBeCloseTo(0.5576, 4);
    expect(ishigamiTotal[2]).toBeCloseTo(0.2437, 4);
    const d = saltelliDesign(ishigamiFactors, 4096, rng(7));
    const ix = sobolIndices(d, ishigamiFactors, d.points.map(ishigami), { random: rng(7, 'boot') });
    ix.forEach((s, i) => {
      expect(s.factor).toBe(`x${i + 1}`);
      // Over 30 seeds the largest error was 0.0034.
      expect(Math.abs(s.first - ishigamiFirst[i]!)).toBeLessThan(0.01);
      expect(Math.abs(s.total - ishigamiTotal[i]!)).toBeLessThan(0.01);
      covers(s, ishigamiFirst[i]!, ishigamiTotal[i]!);
    });
  });

  it('gives 90% intervals that cover the truth about 90% of the time (Monte Carlo base, 40 seeds × 6 indices, n = 512)', () => {
    let covered = 0;
    for (let seed = 0; seed < 40; seed++) {
      const d = saltelliDesign(ishigamiFactors, 512, rng(seed), { sequence: 'monte-carlo' });
      expect(d.sequence).toBe('monte-carlo');
      const ix = sobolIndices(d, ishigamiFactors, d.points.map(ishigami), { bootstrap: 200, random: rng(seed, 'boot') });
      ix.forEach((s, i) => {
        if (s.firstLow <= ishigamiFirst[i]! && ishigamiFirst[i]! <= s.firstHigh) covered++;
        if (s.totalLow <= ishigamiTotal[i]! && ishigamiTotal[i]! <= s.totalHigh) covered++;
      });
    }
    // Binomial(240, 0.9): 216 ± 4.6; the bounds are 5 sd away.
    expect(covered / 240).toBeGreaterThan(0.8);
    expect(covered / 240).toBeLessThan(0.98);
  });

  it('gives S1 = ST on a linear additive model, the analytic shares, even at a large output level', () => {
    const factors: Factor[] = [
      { name: 'a', low: 0, high: 1, scale: 'linear' },
      { name: 'b', low: 0, high: 2, scale: 'linear' },
      { name: 'c', low: 10, high: 13, scale: 'linear' },
      { name: 'inert', low: 0, high: 1, scale: 'linear' },
    ];
    const coef = [1, -1, 0.5, 0];
    // Var of coef·x with x uniform on [low, high]: coef² (high − low)² / 12.
    const parts = factors.map((f, i) => (coef[i]! * (f.high - f.low)) ** 2 / 12);
    const total = parts.reduce((s, v) => s + v, 0);
    const d = saltelliDesign(factors, 1024, rng(3));
    const y = d.points.map((x) => 5000 + x.reduce((s, xi, i) => s + coef[i]! * xi, 0));
    const ix = sobolIndices(d, factors, y, { random: rng(3, 'boot') });
    ix.forEach((s, i) => {
      expect(Math.abs(s.first - parts[i]! / total)).toBeLessThan(0.01);
      expect(Math.abs(s.total - parts[i]! / total)).toBeLessThan(0.01);
      expect(Math.abs(s.first - s.total)).toBeLessThan(0.01);
      covers(s, parts[i]! / total, parts[i]! / total);
    });
    expect(ix[3]!.first).toBe(0);
    expect(ix[3]!.total).toBe(0);
  });

  it('is deterministic: same streams, same design and indices; another seed, another design', () => {
    const run = (seed: number) => {
      const d = saltelliDesign(ishigamiFactors, 64, rng(seed));
      return { d, ix: sobolIndices(d, ishigamiFactors, d.points.map(ishigami), { bootstrap: 100, random: rng(seed, 'boot') }) };
    };
    expect(run(4)).toEqual(run(4));
    expect(run(4).d.points).not.toEqual(run(5).d.points);
  });

  it('falls back to Monte Carlo beyond the sequence dimensions, and refuses Sobol there when asked', () => {
    const many: Factor[] = Array.from({ length: 33 }, (_, i) => ({ name: `f${i}`, low: 0, high: 1, scale: 'linear' }));
    expect(saltelliDesign(many, 2, rng(0)).sequence).toBe('monte-carlo');
    expect(saltelliDesign(many.slice(0, 32), 2, rng(0)).sequence).toBe('sobol');
    expect(() => saltelliDesign(many, 2, rng(0), { sequence: 'sobol' })).toThrow(
      'saltelliDesign: options.sequence "sobol" needs 2k ≤ 64 dimensions; use "monte-carlo" for 33 factors, found 66',
    );
  });

  it('returns NaN indices for a constant output, which has no variance to apportion', () => {
    const d = saltelliDesign(ishigamiFactors, 16, rng(0));
    const s = sobolIndices(d, ishigamiFactors, d.points.map(() => 3), { bootstrap: 10, random: rng(0) })[0]!;
    expect(s.first).toBeNaN();
    expect(s.total).toBeNaN();
    expect(s.firstLow).toBeNaN();
  });

  it('keeps points within bounds and log factors positive (property)', () => {
    const factors: Factor[] = [
      { name: 'a', low: -3, high: 2, scale: 'linear' },
      { name: 'b', low: 1e-6, high: 1, scale: 'log' },
    ];
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 32 }), fc.integer({ min: 0, max: 1e6 }), fc.boolean(), (n, seed, mc) => {
        const d = saltelliDesign(factors, n, rng(seed), { sequence: mc ? 'monte-carlo' : 'sobol' });
        expect(d.points).toHaveLength(n * 4);
        for (const [x, y] of d.points) {
          expect(x).toBeGreaterThanOrEqual(-3);
          expect(x).toBeLessThanOrEqual(2);
          expect(y).toBeGreaterThan(0);
          expect(y).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('refuses bad sizes and mismatched outputs', () => {
    expect(() => saltelliDesign(ishigamiFactors, 1, rng(0))).toThrow('saltelliDesign: n must be a whole number ≥ 2, found 1');
    const d = saltelliDesign(ishigamiFactors, 4, rng(0));
    expect(() => sobolIndices(d, ishigamiFactors, [1, 2, 3], { random: rng(0) })).toThrow(
      'sobolIndices: outputs must have one value per design point (20), found 3',
    );
    expect(() => sobolIndices(d, ishigamiFactors.slice(0, 2), d.points.map(ishigami), { random: rng(0) })).toThrow(
      'sobolIndices: design.k must equal the number of factors (2), found 3',
    );
  });
});
