import { describe, expect, it } from 'vitest';
import { mean, sampleStandardDeviation } from '../../src/numeric/moments.js';

describe('mean', () => {
  it('of some values, of one, of none', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([-3])).toBe(-3);
    expect(mean([])).toBeNaN();
    expect(mean([1, NaN])).toBeNaN();
  });
});

describe('sampleStandardDeviation', () => {
  it('divides by n − 1 (R: sd(c(2, 4, 4, 4, 5, 5, 7, 9)) = 2.13809)', () => {
    expect(sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9], 5)).toBe(Math.sqrt(32 / 7));
  });

  it('is 0 for equal values and NaN for fewer than two', () => {
    expect(sampleStandardDeviation([3, 3, 3])).toBe(0);
    expect(sampleStandardDeviation([3])).toBeNaN();
    expect(sampleStandardDeviation([])).toBeNaN();
  });
});
