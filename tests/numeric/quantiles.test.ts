import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  medianOfMiddles,
  quantileType7OfFinite,
  quantileType7Sorted,
  weightedQuantileInverseCdf,
  weightedQuantilesMidpoint,
} from '../../src/numeric/quantiles.js';

describe('quantileType7Sorted', () => {
  it('matches R quantile(type = 7)', () => {
    // R: quantile(1:4, c(0.25, 0.5, 0.9)) → 1.75 2.50 3.70; quantile(1:10, 0.1) → 1.9
    expect(quantileType7Sorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileType7Sorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileType7Sorted([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 14);
    expect(quantileType7Sorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1)).toBeCloseTo(1.9, 14);
  });

  it('q = 0 and 1 are the minimum and maximum; one value is every quantile; none is NaN', () => {
    expect(quantileType7Sorted([2, 5, 9], 0)).toBe(2);
    expect(quantileType7Sorted([2, 5, 9], 1)).toBe(9);
    for (const q of [0, 0.3, 1]) expect(quantileType7Sorted([7], q)).toBe(7);
    expect(quantileType7Sorted([], 0.5)).toBeNaN();
  });

  it('ties give the tied value; typed arrays need no copy', () => {
    expect(quantileType7Sorted([1, 2, 2, 2, 3], 0.5)).toBe(2);
    expect(quantileType7Sorted([1, 2, 2, 2, 3], 0.3)).toBe(2);
    expect(quantileType7Sorted(Float64Array.of(1, 2, 3, 4), 0.25)).toBe(1.75);
  });

  it('is monotone in q and between the extremes', () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { minLength: 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, a, b) => {
      const s = [...xs].sort((x, y) => x - y);
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(quantileType7Sorted(s, lo)).toBeLessThanOrEqual(quantileType7Sorted(s, hi) + 1e-9);
      expect(quantileType7Sorted(s, lo)).toBeGreaterThanOrEqual(s[0]! - 1e-9);
      expect(quantileType7Sorted(s, hi)).toBeLessThanOrEqual(s.at(-1)! + 1e-9);
    }));
  });
});

describe('quantileType7OfFinite', () => {
  it('leaves out NaN and infinities, does not reorder its input, is NaN when nothing is left', () => {
    const xs = [4, NaN, 1, Infinity, 3, -Infinity, 2];
    expect(quantileType7OfFinite(xs, 0.25)).toBe(1.75);
    expect(xs).toEqual([4, NaN, 1, Infinity, 3, -Infinity, 2]);
    expect(quantileType7OfFinite([NaN, Infinity], 0.5)).toBeNaN();
    expect(quantileType7OfFinite([], 0.5)).toBeNaN();
  });

  it('is quantileType7Sorted of the sorted finite values, to the bit', () => {
    fc.assert(fc.property(fc.array(fc.double()), fc.double({ min: 0, max: 1, noNaN: true }), (xs, q) => {
      const sorted = xs.filter(Number.isFinite).sort((a, b) => a - b);
      expect(Object.is(quantileType7OfFinite(xs, q), quantileType7Sorted(sorted, q))).toBe(true);
    }));
  });
});

describe('medianOfMiddles', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(medianOfMiddles([3, 1, 2])).toBe(2);
    expect(medianOfMiddles([4, 1, 3, 2])).toBe(2.5);
    expect(medianOfMiddles([5])).toBe(5);
    expect(medianOfMiddles([2, 2, 1, 2])).toBe(2);
  });

  it('is NaN for no values or when any value is NaN', () => {
    expect(medianOfMiddles([])).toBeNaN();
    expect(medianOfMiddles([1, NaN, 3])).toBeNaN();
  });

  it('is not type 7 at ½: they differ in the last bit and for two infinities', () => {
    // (0.1 + 0.7)/2 = 0.39999999999999997, 0.1 + 0.5·(0.7 − 0.1) = 0.4
    expect(medianOfMiddles([0.1, 0.7])).toBe(0.39999999999999997);
    expect(quantileType7Sorted([0.1, 0.7], 0.5)).toBe(0.4);
    expect(medianOfMiddles([Infinity, Infinity])).toBe(Infinity);
    expect(quantileType7Sorted([Infinity, Infinity], 0.5)).toBeNaN();
  });
});

describe('weightedQuantileInverseCdf', () => {
  it('is the weighted median, whatever the order', () => {
    expect(weightedQuantileInverseCdf([3, 1, 2], [1, 1, 1], 0.5)).toBe(2);
    expect(weightedQuantileInverseCdf([3, 1, 2], [0.1, 0.1, 0.8], 0.5)).toBe(2);
    expect(weightedQuantileInverseCdf([1, 2, 3], [0.6, 0.2, 0.2], 0.5)).toBe(1);
    expect(weightedQuantileInverseCdf([1, 2, 3, 4], [1, 1, 1, 1], 0.5)).toBe(2);
  });

  it('steps at a cumulative weight of exactly q despite rounding in the running sum', () => {
    // 0.1 + 0.2 = 0.30000000000000004 ≥ 0.3, but ten 0.1s sum to 0.9999999999999999 < 1
    expect(weightedQuantileInverseCdf(Array.from({ length: 10 }, (_, i) => i), new Array<number>(10).fill(0.1), 1)).toBe(9);
    expect(weightedQuantileInverseCdf([1, 2], [0.5, 0.5], 0.5)).toBe(1);
  });

  it('q = 0 is the smallest value, q = 1 the largest; one value is every quantile; none is NaN', () => {
    expect(weightedQuantileInverseCdf([5, 3, 9], [1, 2, 3], 0)).toBe(3);
    expect(weightedQuantileInverseCdf([5, 3, 9], [1, 2, 3], 1)).toBe(9);
    expect(weightedQuantileInverseCdf([4], [2], 0.7)).toBe(4);
    expect(weightedQuantileInverseCdf([], [], 0.5)).toBeNaN();
  });
});

describe('weightedQuantilesMidpoint', () => {
  it('with equal weights is Hyndman–Fan type 5 (R quantile(1:4, type = 5) → 1.5 2.5 3.5 at ¼, ½, ¾)', () => {
    expect(weightedQuantilesMidpoint([4, 2, 3, 1], [1, 1, 1, 1], [0.25, 0.5, 0.75])).toEqual([1.5, 2.5, 3.5]);
  });

  it('is flat beyond the first and last midpoints (q = 0 and 1 are the extremes)', () => {
    expect(weightedQuantilesMidpoint([1, 2, 3, 4], [1, 1, 1, 1], [0, 0.1, 0.9, 1])).toEqual([1, 1, 4, 4]);
  });

  it('follows the weights', () => {
    // midpoints at 0.3 (value 1) and 0.8 (value 2): ½ is 2/5 of the way
    expect(weightedQuantilesMidpoint([2, 1], [0.4, 0.6], [0.5])[0]).toBeCloseTo(1.4, 14);
  });

  it('one value is every quantile; no values give NaN', () => {
    expect(weightedQuantilesMidpoint([7], [3], [0, 0.5, 1])).toEqual([7, 7, 7]);
    expect(weightedQuantilesMidpoint([], [], [0.5])).toEqual([NaN]);
  });

  it('disagrees with the inverse CDF on purpose: it interpolates, the other steps', () => {
    expect(weightedQuantilesMidpoint([1, 2, 3, 4], [1, 1, 1, 1], [0.5])[0]).toBe(2.5);
    expect(weightedQuantileInverseCdf([1, 2, 3, 4], [1, 1, 1, 1], 0.5)).toBe(2);
  });
});
