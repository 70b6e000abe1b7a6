import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from '../../src/world/apportion.js';

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const shares = fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { maxLength: 40 });

describe('world/apportion', () => {
  it('floors, then gives the +1s to the largest fractional parts', () => {
    expect(apportion([1.2, 2.7, 0.5, 0.6], 5)).toEqual([1, 3, 0, 1]);
    expect(apportion([1.2, 2.7, 0.5, 0.6], 4)).toEqual([1, 3, 0, 0]);
  });

  it('breaks ties in favour of the earlier share', () => {
    expect(apportion([0.5, 0.5, 0.5], 1)).toEqual([1, 0, 0]);
    expect(apportion([0.5, 0.5, 0.5], 2)).toEqual([1, 1, 0]);
    expect(apportion([1 / 3, 1 / 3, 1 / 3], 1)).toEqual([1, 0, 0]);
  });

  it('keeps zeros at zero and whole shares whole', () => {
    expect(apportion([0, 0, 0], 0)).toEqual([0, 0, 0]);
    expect(apportion([], 0)).toEqual([]);
    expect(apportion([0, 3, 0, 2], 5)).toEqual([0, 3, 0, 2]);
    expect(apportion([0, 0.4, 0], 0)).toEqual([0, 0, 0]);
  });

  it('apportions shares that are all fractions (each under one)', () => {
    const exact = [0.3, 0.9, 0.1, 0.45, 0.25];
    const got = apportion(exact, Math.round(sum(exact)));
    expect(got).toEqual([0, 1, 0, 1, 0]);
  });

  it('handles large shares exactly', () => {
    const exact = [2_000_000.6, 3_500_000.2, 1e9 + 0.5];
    expect(apportion(exact, Math.round(sum(exact)))).toEqual([2_000_001, 3_500_000, 1e9]);
  });

  it('preserves the total and stays within one of each share when the total is the rounded sum', () => {
    fc.assert(fc.property(shares, (exact) => {
      const total = Math.round(sum(exact));
      const got = apportion(exact, total);
      expect(sum(got)).toBe(total);
      got.forEach((g, i) => {
        expect(Number.isInteger(g)).toBe(true);
        expect(Math.abs(g - exact[i]!)).toBeLessThan(1);
      });
    }));
  });

  it('stays within one of each share for any total between the floors\' sum and that sum plus the count', () => {
    fc.assert(fc.property(shares, fc.double({ min: 0, max: 1, noNaN: true }), (exact, at) => {
      const floors = sum(exact.map(Math.floor));
      const total = floors + Math.floor(at * exact.length);
      const got = apportion(exact, total);
      expect(sum(got)).toBe(total);
      got.forEach((g, i) => expect(Math.abs(g - exact[i]!)).toBeLessThanOrEqual(1));
    }));
  });

  it('still meets a total outside that range (a caller\'s rounding noise)', () => {
    expect(apportion([1, 2], 2)).toEqual([1, 1]);
    expect(apportion([0.9999999, 0.9999999], 3)).toEqual([2, 1]);
  });

  it('is deterministic', () => {
    fc.assert(fc.property(shares, (exact) => {
      const total = Math.round(sum(exact));
      expect(apportion(exact, total)).toEqual(apportion(exact.slice(), total));
    }));
  });

  it('refuses a total that is not a whole number ≥ 0 and shares that are negative or not finite', () => {
    expect(() => apportion([1], 1.5)).toThrow(/world\/apportion: total/);
    expect(() => apportion([1], -1)).toThrow(/world\/apportion: total/);
    expect(() => apportion([-1, 2], 1)).toThrow(/world\/apportion: exact shares/);
    expect(() => apportion([Number.NaN], 0)).toThrow(/world\/apportion: exact shares/);
    expect(() => apportion([], 1)).toThrow(/world\/apportion: no shares/);
  });
});
