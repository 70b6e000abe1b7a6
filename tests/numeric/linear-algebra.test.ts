import { describe, expect, it } from 'vitest';
import {
  cholesky,
  choleskyWithRidge,
  forwardSubstitution,
  lowerTimes,
  solveSpd,
  weightedCovariance,
  weightedMean,
} from '../../src/numeric/linear-algebra.js';

describe('cholesky', () => {
  it('factors a covariance; forward substitution measures Mahalanobis length', () => {
    const a = [[4, 2], [2, 3]];
    const l = cholesky(a)!;
    expect(l[0]![0]! ** 2).toBeCloseTo(4, 12);
    expect(l[1]![0]! * l[0]![0]!).toBeCloseTo(2, 12);
    expect(l[1]![0]! ** 2 + l[1]![1]! ** 2).toBeCloseTo(3, 12);
    // xᵀ A⁻¹ x with A⁻¹ = [[3, −2], [−2, 4]] / 8.
    const y = forwardSubstitution(l, [1, 1]);
    expect(y[0]! ** 2 + y[1]! ** 2).toBeCloseTo((3 - 4 + 4) / 8, 12);
  });

  it('is undefined for a matrix that is not positive definite; the ridge makes one that is', () => {
    expect(cholesky([[1, 1], [1, 1]])).toBeUndefined();
    expect(cholesky([[-1]])).toBeUndefined();
    expect(cholesky([[NaN]])).toBeUndefined();
    expect(choleskyWithRidge([[1, 1], [1, 1]], [1, 1])).toBeDefined();
    expect(choleskyWithRidge([[0, 0], [0, 0]], [1, 1])[0]![0]).toBeGreaterThan(0);
  });

  it('of nothing is nothing', () => {
    expect(cholesky([])).toEqual([]);
  });
});

describe('triangular products and solves', () => {
  it('forwardSubstitution undoes lowerTimes, and takes a ragged L', () => {
    const l = [[2, 0, 0], [1, 3, 0], [-1, 0.5, 4]];
    const z = [0.3, -1.2, 2];
    const back = forwardSubstitution(l, lowerTimes(l, z));
    back.forEach((v, i) => expect(v).toBeCloseTo(z[i]!, 14));
    expect(forwardSubstitution([[2], [1, 3]], [4, 5])).toEqual([2, 1]);
    expect(forwardSubstitution([], [])).toEqual([]);
  });

  it('solveSpd solves A x = b, undefined when A is not SPD', () => {
    // A⁻¹ = [[3, −2], [−2, 4]] / 8, so A⁻¹ (2, 1) = (0.5, 0)
    const x = solveSpd([[4, 2], [2, 3]], [2, 1])!;
    expect(x[0]).toBeCloseTo(0.5, 14);
    expect(x[1]).toBeCloseTo(0, 14);
    expect(solveSpd([[1, 2], [2, 1]], [1, 1])).toBeUndefined();
  });
});

describe('weighted moments', () => {
  it('weighted mean and covariance of points', () => {
    const points = [[0, 0], [2, 2], [2, 0]];
    const weights = [0.5, 0.25, 0.25];
    expect(weightedMean(points, weights)).toEqual([1, 0.5]);
    const c = weightedCovariance(points, weights);
    expect(c[0]![0]).toBeCloseTo(0.5 * 1 + 0.25 * 1 + 0.25 * 1, 12);
    expect(c[0]![1]).toBeCloseTo(0.5 * 0.5 + 0.25 * 1.5 + 0.25 * -0.5, 12);
    expect(c[1]![0]).toBe(c[0]![1]);
    expect(c[1]![1]).toBeCloseTo(0.5 * 0.25 + 0.25 * 2.25 + 0.25 * 0.25, 12);
  });

  it('weights need not sum to 1; one point has zero covariance; no points give no dimensions', () => {
    expect(weightedMean([[1], [3]], [2, 2])).toEqual([2]);
    expect(weightedCovariance([[5, 7]], [3])).toEqual([[0, 0], [0, 0]]);
    expect(weightedMean([], [])).toEqual([]);
  });
});
