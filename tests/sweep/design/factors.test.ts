import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DesignError } from '../../../src/sweep/design/errors.js';
import { checkFactors, fromUnit, toUnit, type Factor } from '../../../src/sweep/design/factors.js';

const lin: Factor = { name: 'p', low: -2, high: 6, scale: 'linear' };
const log: Factor = { name: 'rate', low: 1e-4, high: 1e-1, scale: 'log' };

describe('sweep/design/factors', () => {
  it('maps the unit interval onto the range, exactly at the ends', () => {
    expect(fromUnit(lin, 0)).toBe(-2);
    expect(fromUnit(lin, 1)).toBe(6);
    expect(fromUnit(lin, 0.25)).toBe(0);
    expect(fromUnit(log, 0)).toBe(1e-4);
    expect(fromUnit(log, 1)).toBe(1e-1);
    // Uniform in log space: the middle is the geometric mean.
    expect(fromUnit(log, 0.5)).toBeCloseTo(Math.sqrt(1e-5), 12);
    expect(fromUnit(log, 1 / 3)).toBeCloseTo(1e-3, 12);
  });

  it('toUnit inverts fromUnit (property)', () => {
    const factor = fc
      .tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.boolean())
      // Log ranges are drawn as a ratio (high/low ≥ 1 + 1e-6): a range like 562,949.5635–562,949.5645
      // has a log width of 2e-9, where no double can carry 6 digits of u through log and exp.
      .map(([a, w, isLog]): Factor =>
        isLog ? { name: 'f', low: Math.abs(a) + 1e-3, high: (Math.abs(a) + 1e-3) * (1 + w / 1e3), scale: 'log' } : { name: 'f', low: a, high: a + w, scale: 'linear' },
      );
    fc.assert(
      fc.property(factor, fc.double({ min: 0, max: 1, noNaN: true }), (f, u) => {
        const x = fromUnit(f, u);
        expect(x).toBeGreaterThanOrEqual(f.low);
        expect(x).toBeLessThanOrEqual(f.high);
        if (f.scale === 'log') expect(x).toBeGreaterThan(0);
        expect(toUnit(f, x)).toBeCloseTo(u, 6);
      }),
    );
  });

  it('refuses unsound factors and out-of-range coordinates, naming what was found', () => {
    expect(() => fromUnit(lin, 1.5)).toThrow('fromUnit: u must be a number in [0, 1] (factor "p"), found 1.5');
    expect(() => fromUnit(lin, NaN)).toThrow(DesignError);
    expect(() => toUnit(log, 0)).toThrow('toUnit: x must be a finite number > 0 (factor "rate"), found 0');
    expect(() => checkFactors('f', [])).toThrow('f: factors must be a non-empty array, found an array of length 0');
    expect(() => checkFactors('f', [{ ...log, low: 0 }])).toThrow('f: factors[0].low must be > 0 on a log scale, found 0');
    expect(() => checkFactors('f', [{ ...lin, high: -2 }])).toThrow('f: factors[0].high must be greater than low (-2), found -2');
    expect(() => checkFactors('f', [lin, lin])).toThrow('f: factor names must be distinct, found "p"');
    expect(() => checkFactors('f', [{ ...lin, scale: 'sqrt' as 'log' }])).toThrow('f: factors[0].scale must be "linear" or "log", found "sqrt"');
  });
});
