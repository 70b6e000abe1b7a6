import { describe, expect, it } from 'vitest';
import { roundHalfUpToDecimals, roundToDecimals, roundToSignificant, wholeOrSignificantText } from '../../src/numeric/number-format.js';

describe('roundToSignificant', () => {
  it('keeps the given significant digits and removes float noise', () => {
    expect(roundToSignificant(123456789, 6)).toBe(123457000);
    expect(roundToSignificant(0.1 + 0.2, 10)).toBe(0.3);
    expect(roundToSignificant(0.000123456, 3)).toBe(0.000123);
    expect(roundToSignificant(-2.71828, 3)).toBe(-2.72);
  });

  it('passes NaN and infinities through', () => {
    expect(roundToSignificant(NaN, 6)).toBeNaN();
    expect(roundToSignificant(Infinity, 6)).toBe(Infinity);
    expect(roundToSignificant(-Infinity, 6)).toBe(-Infinity);
  });
});

describe('roundToDecimals', () => {
  it('keeps the given decimals and removes float noise', () => {
    expect(roundToDecimals(1.23456, 4)).toBe(1.2346);
    expect(roundToDecimals(0.1 + 0.2, 4)).toBe(0.3);
    expect(roundToDecimals(2.5e-5, 4)).toBe(0);
  });

  it('returns integers unchanged (−0 included), NaN and infinities too', () => {
    expect(roundToDecimals(12345678901, 4)).toBe(12345678901);
    expect(Object.is(roundToDecimals(-0, 4), -0)).toBe(true);
    expect(roundToDecimals(NaN, 4)).toBeNaN();
    expect(roundToDecimals(Infinity, 4)).toBe(Infinity);
  });
});

describe('roundHalfUpToDecimals', () => {
  it('rounds binary halves up, where toFixed goes by the decimal value or away from zero', () => {
    // 0.15 is 0.1499999999999999944… in binary, but 0.15 × 10 rounds to 1.5 exactly
    expect(roundHalfUpToDecimals(0.15, 1)).toBe(0.2);
    expect(roundToDecimals(0.15, 1)).toBe(0.1);
    // −0.25 is exact: Math.round goes towards +∞, toFixed away from zero
    expect(roundHalfUpToDecimals(-0.25, 1)).toBe(-0.2);
    expect(roundToDecimals(-0.25, 1)).toBe(-0.3);
    expect(roundHalfUpToDecimals(3.14159, 1)).toBe(3.1);
    expect(roundHalfUpToDecimals(7, 1)).toBe(7);
  });
});

describe('wholeOrSignificantText', () => {
  it('writes whole numbers from 10 up, significant digits below', () => {
    expect(wholeOrSignificantText(1234.5, 3)).toBe('1235');
    expect(wholeOrSignificantText(10, 3)).toBe('10');
    expect(wholeOrSignificantText(-12.5, 3)).toBe('-12');
    expect(wholeOrSignificantText(9.876, 3)).toBe('9.88');
    expect(wholeOrSignificantText(0.000123456, 3)).toBe('0.000123');
    expect(wholeOrSignificantText(NaN, 3)).toBe('NaN');
  });
});
