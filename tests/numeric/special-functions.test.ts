import { describe, expect, it } from 'vitest';
import { logGamma, regularizedIncompleteBeta } from '../../src/numeric/special-functions.js';

describe('logGamma', () => {
  // Stirling's series stops at x⁻⁷: the first term left out, 1/(1188 x⁹), is 8e-13 at x = 10.
  it('is ln((x − 1)!) at integers and ln √π at ½', () => {
    expect(logGamma(1)).toBeCloseTo(0, 11);
    expect(logGamma(2)).toBeCloseTo(0, 11);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 11);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 11);
    // ln 99! = 359.13420536957539877…
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 10);
  });

  it('satisfies Γ(x + 1) = x Γ(x)', () => {
    for (const x of [0.3, 1.7, 4.5, 12.25]) expect(logGamma(x + 1)).toBeCloseTo(logGamma(x) + Math.log(x), 11);
  });
});

describe('regularizedIncompleteBeta', () => {
  it('has closed forms for a or b = 1', () => {
    for (const x of [0.1, 0.5, 0.93]) {
      expect(regularizedIncompleteBeta(x, 1, 1)).toBeCloseTo(x, 11);
      expect(regularizedIncompleteBeta(x, 3, 1)).toBeCloseTo(x ** 3, 11);
      expect(regularizedIncompleteBeta(x, 1, 2.5)).toBeCloseTo(1 - (1 - x) ** 2.5, 11);
    }
  });

  it('is ½ at x = ½ for a = b, and I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    expect(regularizedIncompleteBeta(0.5, 7, 7)).toBeCloseTo(0.5, 11);
    for (const [x, a, b] of [[0.2, 2, 5], [0.7, 0.5, 3.5], [0.95, 10, 0.5]] as const) {
      expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(1 - regularizedIncompleteBeta(1 - x, b, a), 11);
    }
  });

  it('is 0 at and below x = 0 and 1 at and above x = 1', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(-1, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBeta(1.5, 2, 3)).toBe(1);
  });

  it('gives the two-sided Student t tail I_{df/(df+t²)}(df/2, ½) of a t table', () => {
    // t_{0.975} for df = 1, 10 and 30: 12.706, 2.228, 2.042 (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2)
    const tail = (t: number, df: number) => regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
    expect(tail(12.7062047, 1)).toBeCloseTo(0.05, 6);
    expect(tail(2.2281389, 10)).toBeCloseTo(0.05, 6);
    expect(tail(2.0422725, 30)).toBeCloseTo(0.05, 6);
    expect(tail(0, 5)).toBe(1);
  });
});
