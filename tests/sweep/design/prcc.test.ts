import { describe, expect, it } from 'vitest';
import { stream } from '../../../src/random/streams.js';
import type { Factor } from '../../../src/sweep/design/factors.js';
import { latinHypercube } from '../../../src/sweep/design/latin-hypercube.js';
import { averageRanks, minimumPoints, prcc, type PrccIndex, type PrccResult } from '../../../src/sweep/design/prcc.js';

const rng = (seed: number, purpose = 'prcc-test') => stream({ seed, replicate: 0, purpose });

const unitFactors = (k: number): Factor[] => Array.from({ length: k }, (_, i) => ({ name: `x${i + 1}`, low: 0, high: 1, scale: 'linear' }));

function analysed(r: PrccResult): Extract<PrccResult, { indices: PrccIndex[] }> {
  if ('skipped' in r) throw new Error(`unexpectedly skipped: ${r.skipped}`);
  return r;
}

// --- independent reference: explicit residuals, the textbook definition -----------------

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
function pearson(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  a.forEach((x, i) => {
    sab += (x - ma) * (b[i]! - mb);
    saa += (x - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  });
  return sab / Math.sqrt(saa * sbb);
}

/** v minus its least-squares fit on [1, z_1, …] (Gram–Schmidt: project out each orthonormalised column). */
function residuals(v: readonly number[], zs: readonly (readonly number[])[]): number[] {
  const basis: number[][] = [];
  for (const z of [v.map(() => 1), ...zs]) {
    let w = [...z];
    for (const q of basis) {
      const d = w.reduce((s, x, i) => s + x * q[i]!, 0);
      w = w.map((x, i) => x - d * q[i]!);
    }
    const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0));
    basis.push(w.map((x) => x / norm));
  }
  let r = [...v];
  for (const q of basis) {
    const d = r.reduce((s, x, i) => s + x * q[i]!, 0);
    r = r.map((x, i) => x - d * q[i]!);
  }
  return r;
}

/** Ranks by counting, for the reference: 1 + (values below) + (other copies)/2. */
const naiveRanks = (v: readonly number[]) => v.map((x) => 1 + v.filter((y) => y < x).length + (v.filter((y) => y === x).length - 1) / 2);

function referencePrcc(points: readonly number[][], y: readonly number[], j: number): number {
  const cols = points[0]!.map((_, c) => naiveRanks(points.map((p) => p[c]!)));
  const ry = naiveRanks(y);
  const others = cols.filter((_, c) => c !== j);
  return pearson(residuals(cols[j]!, others), residuals(ry, others));
}

describe('sweep/design/prcc', () => {
  it('ranks ties with the mean of the ranks they span', () => {
    expect([...averageRanks([10, 20, 20, 30])]).toEqual([1, 2.5, 2.5, 4]);
    expect([...averageRanks([3, 1, 3, 2, 3, 0.5])]).toEqual([5, 2, 5, 3, 5, 1]);
    expect([...averageRanks([7, 7, 7])]).toEqual([2, 2, 2]);
    expect([...averageRanks([-1e300, 1e300, 0])]).toEqual([1, 3, 2]);
    expect([...averageRanks([])]).toEqual([]);
  });

  it('two factors by hand: the classic partial correlation of the ranks, and its exact t p-value (df = 2)', () => {
    // Values are their own ranks (no ties). Deviations from the mean 3: x (−2, −1, 0, 1, 2),
    // z (−1, −2, 1, 2, 0), y (−2, 0, −1, 2, 1), each with Σd² = 10; so r_xy = 8/10,
    // r_xz = 6/10, r_yz = 5/10.
    const x = [1, 2, 3, 4, 5];
    const z = [2, 1, 4, 5, 3];
    const y = [1, 3, 2, 5, 4];
    const rxy = pearson(x, y);
    const rxz = pearson(x, z);
    const ryz = pearson(y, z);
    expect([rxy, rxz, ryz].map((r) => Number(r.toFixed(12)))).toEqual([0.8, 0.6, 0.5]);
    const expected = (rxy - rxz * ryz) / Math.sqrt((1 - rxz ** 2) * (1 - ryz ** 2));
    // (0.8 − 0.3)/√(0.64 · 0.75) = 0.5/√0.48 = 0.721688…
    expect(expected).toBeCloseTo(0.721688, 6);
    const r = analysed(prcc(x.map((xi, i) => [xi, z[i]!]), unitFactors(2), y, { bootstrap: 50, random: rng(1) }));
    expect(r.n).toBe(5);
    expect(r.df).toBe(2);
    const [px, pz] = r.indices;
    expect(px!.prcc).toBeCloseTo(expected, 12);
    expect(pz!.prcc).toBeCloseTo((ryz - rxz * rxy) / Math.sqrt((1 - rxz ** 2) * (1 - rxy ** 2)), 12);
    expect(px!.spearman).toBeCloseTo(0.8, 12);
    expect(pz!.spearman).toBeCloseTo(0.5, 12);
    // Student t with 2 df has a closed form: P(|T| ≥ t) = 1 − t/√(2 + t²).
    const t = expected * Math.sqrt(2 / (1 - expected ** 2));
    expect(px!.pValue).toBeCloseTo(1 - t / Math.sqrt(2 + t * t), 12);
  });

  it('three factors with ties: equals the Pearson correlation of explicit regression residuals on average ranks', () => {
    const random = rng(2, 'data');
    // Factors on a coarse grid and a rounded output: plenty of ties in every column.
    const points = Array.from({ length: 25 }, () => [Math.floor(random() * 6), Math.floor(random() * 4), random()]);
    const y = points.map(([a, b, c]) => Math.round(2 * a! - b! * b! + 3 * c!));
    expect(new Set(y).size).toBeLessThan(20);
    const r = analysed(prcc(points, unitFactors(3), y, { bootstrap: 20, random: rng(2) }));
    for (let j = 0; j < 3; j++) {
      expect(r.indices[j]!.prcc).toBeCloseTo(referencePrcc(points, y, j), 10);
      expect(r.indices[j]!.spearman).toBeCloseTo(pearson(naiveRanks(points.map((p) => p[j]!)), naiveRanks(y)), 12);
    }
  });

  it('a monotone non-linear output: PRCC(x1) ≈ 1, above the Spearman correlation and above an irrelevant factor', () => {
    // y = exp(3·x1) + 0.5·x2, no noise; x3 plays no part. exp(3·x1) spans 1…20 while the
    // x2 term spans 0…0.5: it reorders only points whose x1 are close.
    const factors = unitFactors(3);
    const points = latinHypercube(factors, 200, rng(1, 'design'));
    const y = points.map(([x1, x2]) => Math.exp(3 * x1!) + 0.5 * x2!);
    const r = analysed(prcc(points, factors, y, { bootstrap: 200, random: rng(1) }));
    const [x1, x2, x3] = r.indices;
    expect(x1!.prcc).toBeGreaterThan(0.99); // measured 0.9990 (interval 0.9979–0.9991), Spearman 0.9979
    // Taking x2 out of y leaves x1 a cleaner (higher) rank correlation than Spearman's.
    expect(x1!.prcc).toBeGreaterThan(x1!.spearman);
    expect(x1!.pValue).toBeLessThan(1e-100);
    expect(x1!.prccLow).toBeGreaterThan(0.99);
    expect(x2!.prcc).toBeGreaterThan(0.5); // measured 0.737, against a Spearman of −0.029
    // The irrelevant factor: below x1 and x2, and inside 4 standard errors of 0 (1/√(n − k − 1) each: see the next test).
    expect(Math.abs(x3!.prcc)).toBeLessThan(x2!.prcc);
    expect(Math.abs(x3!.prcc)).toBeLessThan(4 / Math.sqrt(r.df)); // measured −0.043 against 0.286
  });

  it('an irrelevant factor has PRCC near 0 over a large Latin hypercube', () => {
    // With x3 independent of the rest, its PRCC is a correlation with ~n − k − 1 free
    // dimensions: about N(0, 1/(n − k − 1)), sd 0.022 at n = 2,000. The tolerance, 4 sd
    // (0.089), would be exceeded with probability 6e-5 for a seed drawn at random; the
    // relevant factors are far outside it.
    const factors = unitFactors(3);
    const n = 2000;
    const points = latinHypercube(factors, n, rng(3, 'design'));
    const noise = rng(3, 'noise');
    const y = points.map(([x1, x2]) => x1! + x2! * x2! + 0.3 * (noise() - 0.5));
    const r = analysed(prcc(points, factors, y, { bootstrap: 100, random: rng(3) }));
    const tolerance = 4 / Math.sqrt(n - 3 - 1); // measured 0.009 (p = 0.68); x1 and x2 0.91
    expect(Math.abs(r.indices[2]!.prcc)).toBeLessThan(tolerance);
    expect(r.indices[2]!.pValue).toBeGreaterThan(6e-5);
    expect(r.indices[0]!.prcc).toBeGreaterThan(0.9);
    expect(r.indices[1]!.prcc).toBeGreaterThan(0.8);
  });

  it('p-values of an irrelevant factor are calibrated: about 10 % fall below 0.1', () => {
    // 400 independent Latin hypercubes of 30 points, 4 factors, y driven by x1 and x2 only,
    // x4 irrelevant: under the null the p-value is (nearly) uniform, so the count below 0.1
    // is Binomial(400, 0.1): 40 ± 6. The bounds, 22 and 58, are 3 sd out. A p-value on the
    // wrong degrees of freedom (n − 2, say) would still pass; a t statistic on the wrong
    // scale, or the density in place of the tail, would not.
    const factors = unitFactors(4);
    let below = 0;
    for (let s = 0; s < 400; s++) {
      const points = latinHypercube(factors, 30, rng(s, 'calibration'));
      const noise = rng(s, 'calibration-noise');
      const y = points.map(([x1, x2]) => x1! - x2! + 0.5 * noise());
      const r = analysed(prcc(points, factors, y, { bootstrap: 1, random: rng(s) }));
      if (r.indices[3]!.pValue < 0.1) below++;
    }
    expect(below).toBeGreaterThanOrEqual(22); // measured 42
    expect(below).toBeLessThanOrEqual(58);
  });

  it('is deterministic: the same stream gives the same intervals, another stream other intervals and the same estimates', () => {
    const factors = unitFactors(3);
    const points = latinHypercube(factors, 60, rng(4, 'design'));
    const noise = rng(4, 'noise');
    const y = points.map(([a, b, c]) => Math.sin(3 * a!) + b! * c! + 0.2 * noise());
    const run = (seed: number) => analysed(prcc(points, factors, y, { bootstrap: 300, random: rng(seed) }));
    expect(run(5)).toEqual(run(5));
    const [a, b] = [run(5), run(6)];
    expect(b.indices.map((i) => i.prcc)).toEqual(a.indices.map((i) => i.prcc));
    expect(b.indices.map((i) => i.prccLow)).not.toEqual(a.indices.map((i) => i.prccLow));
    for (const i of a.indices) {
      expect(i.prccLow).toBeLessThanOrEqual(i.prccHigh);
      expect(i.prccLow).toBeGreaterThanOrEqual(-1);
      expect(i.prccHigh).toBeLessThanOrEqual(1);
    }
  });

  it('fewer points than factors + 3: skipped, saying why', () => {
    const factors = unitFactors(3);
    expect(minimumPoints(3)).toBe(6);
    const points = latinHypercube(factors, 6, rng(5, 'design'));
    const y = points.map(([a]) => a!);
    expect('skipped' in prcc(points, factors, y, { random: rng(5) })).toBe(false);
    expect(prcc(points.slice(0, 5), factors, y.slice(0, 5), { random: rng(5) })).toEqual({
      skipped: '5 points with a value, fewer than the 6 PRCC needs for 3 factors (factors + 3)', n: 5, dropped: 0,
    });
    // Points without a value do not count.
    expect(prcc(points, factors, [1, NaN, 2, 3, 4, 5], { random: rng(5) })).toEqual({
      skipped: '5 points with a value (1 without), fewer than the 6 PRCC needs for 3 factors (factors + 3)', n: 5, dropped: 1,
    });
  });

  it('outputs that are not numbers: those points are left out and counted', () => {
    const factors = unitFactors(2);
    const points = latinHypercube(factors, 40, rng(6, 'design'));
    const y = points.map(([a, b], i) => (i % 7 === 3 ? NaN : a! * 2 + b!));
    const kept = y.flatMap((v, i) => (Number.isNaN(v) ? [] : [i]));
    const r = analysed(prcc(points, factors, y, { bootstrap: 100, random: rng(6) }));
    expect(r.dropped).toBe(6);
    expect(r.n).toBe(34);
    expect(r.df).toBe(31);
    // Exactly the analysis of the points kept, intervals included (same stream, same draws).
    expect({ ...r, dropped: 0 }).toEqual(analysed(prcc(kept.map((i) => points[i]!), factors, kept.map((i) => y[i]!), { bootstrap: 100, random: rng(6) })));
  });

  it('a constant output: every index NaN, with a note, and no draws spent', () => {
    const factors = unitFactors(2);
    const points = latinHypercube(factors, 20, rng(7, 'design'));
    const random = rng(7);
    const r = analysed(prcc(points, factors, points.map(() => 42), { bootstrap: 100, random }));
    for (const i of r.indices) {
      expect([i.prcc, i.prccLow, i.prccHigh, i.pValue, i.spearman]).toEqual([NaN, NaN, NaN, NaN, NaN]);
    }
    expect(r.notes).toEqual(['the output is the same at all 20 points: there is no ranking to correlate']);
    expect(random()).toBe(rng(7)());
  });

  it('an output fixed by one factor: PRCC 1 for it, undefined for the others, with a note each', () => {
    // y = x1³ ranks exactly as x1: nothing of y is left once x1 is taken out, so the
    // other factors' PRCC is 0/0 (rounding would otherwise make it any number in [−1, 1]).
    const factors = unitFactors(3);
    const points = latinHypercube(factors, 50, rng(8, 'design'));
    const r = analysed(prcc(points, factors, points.map(([a]) => a! ** 3), { bootstrap: 50, random: rng(8) }));
    expect(r.indices[0]!.prcc).toBe(1);
    expect(r.indices[0]!.pValue).toBe(0);
    expect(r.indices[0]!.spearman).toBeCloseTo(1, 12);
    expect(r.indices[1]!.prcc).toBeNaN();
    expect(r.indices[2]!.prcc).toBeNaN();
    expect(r.indices[1]!.spearman).toBeCloseTo(pearson(naiveRanks(points.map((p) => p[1]!)), naiveRanks(points.map((p) => p[0]!))), 12);
    expect(r.notes).toEqual(['x2', 'x3'].map((f) => `"${f}": the output's ranks are a linear function of the other factors' ranks, so nothing is left for this factor to explain`));
  });

  it('two factors that rank alike (not an LHS, but a caller\'s points): theirs undefined, saying why; a third one\'s defined', () => {
    const factors = unitFactors(3);
    const random = rng(10, 'data');
    // 250 points: large enough that rounding leaves residuals of ~1e-12 rather than exactly 0,
    // which without prcc's tolerance came out as PRCCs of ~1e-7 (or anything else).
    const points = Array.from({ length: 250 }, () => {
      const a = random();
      return [a, Math.exp(a), random()];
    });
    const y = points.map(([a, , c]) => a! + c!);
    const r = analysed(prcc(points, factors, y, { bootstrap: 20, random: rng(10) }));
    expect(r.indices.map((i) => i.prcc).slice(0, 2)).toEqual([NaN, NaN]);
    expect(r.notes).toEqual(['x1', 'x2'].map((f) => `"${f}": its ranks are a linear function of the other factors' ranks (nothing of it is left once they are taken out)`));
    // x3's PRCC is still defined: taking out x1 and its twin is taking out x1.
    expect(r.indices[2]!.prcc).toBeCloseTo(referencePrcc(points.map(([a, , c]) => [a!, c!]), y, 1), 9);
    expect(r.indices[2]!.prcc).toBeGreaterThan(0.9);
    // A factor held fixed has no ranking of its own.
    const fixed = analysed(prcc(points.map(([a, , c]) => [a!, 0.5, c!]), factors, y, { bootstrap: 20, random: rng(10) }));
    expect(fixed.indices[1]!.prcc).toBeNaN();
    expect(fixed.indices[1]!.spearman).toBeNaN();
    expect(fixed.notes).toEqual(['"x2": it takes the same value at every point']);
    expect(fixed.indices[0]!.prcc).toBeCloseTo(referencePrcc(points.map(([a, , c]) => [a!, c!]), y, 0), 9);
  });

  it('one factor: PRCC is the Spearman correlation', () => {
    const factors = unitFactors(1);
    const points = latinHypercube(factors, 30, rng(9, 'design'));
    const noise = rng(9, 'noise');
    const r = analysed(prcc(points, factors, points.map(([a]) => a! + noise()), { bootstrap: 20, random: rng(9) }));
    expect(r.indices[0]!.prcc).toBeCloseTo(r.indices[0]!.spearman, 12);
    expect(r.df).toBe(28);
  });

  it('refuses malformed input, naming the function and the parameter', () => {
    const f = unitFactors(2);
    const pts = [[0, 1], [1, 0], [0.5, 0.5], [0.2, 0.3], [0.7, 0.1]];
    const y = [1, 2, 3, 4, 5];
    expect(() => prcc(pts, f, y.slice(1), { random: rng(0) })).toThrow('prcc: outputs must have one value per point (5), found 4');
    expect(() => prcc([...pts.slice(0, 4), [1]], f, y, { random: rng(0) })).toThrow('prcc: points[4] must hold one value per factor (2), found an array of length 1');
    expect(() => prcc([...pts.slice(0, 4), [1, NaN]], f, y, { random: rng(0) })).toThrow('prcc: points[4][1] must be a finite number, found NaN');
    expect(() => prcc(pts, f, y, { bootstrap: 0, random: rng(0) })).toThrow('prcc: options.bootstrap must be a whole number ≥ 1, found 0');
    expect(() => prcc(pts, f, y, {} as never)).toThrow('prcc: random must be a function returning numbers in [0, 1), found undefined');
    expect(() => prcc(pts, [], y, { random: rng(0) })).toThrow('prcc: factors must be a non-empty array');
  });
});
