import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalPdf, normalQuantile } from '../../src/numeric/normal.js';

// Reference values: Abramowitz & Stegun, Handbook of Mathematical Functions (1964),
// tables 7.1 (erf) and 26.1 (normal probability function).

describe('normalPdf', () => {
  it('is 1/√(2π) at 0, symmetric, 0 at ±∞', () => {
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 15);
    expect(normalPdf(1)).toBeCloseTo(0.2419707245191434, 15);
    expect(normalPdf(-1.3)).toBe(normalPdf(1.3));
    expect(normalPdf(Infinity)).toBe(0);
    expect(normalPdf(-Infinity)).toBe(0);
  });
});

describe('erfc', () => {
  it('matches A&S table 7.1 to the fit\'s 1.2e-7', () => {
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(1)).toBeCloseTo(1 - 0.8427007929, 7);
    expect(erfc(0.5)).toBeCloseTo(1 - 0.5204998778, 7);
    expect(erfc(2)).toBeCloseTo(1 - 0.9953222650, 7);
  });

  it('satisfies erfc(−x) = 2 − erfc(x)', () => {
    for (const x of [0.1, 0.7, 1.9, 4]) expect(erfc(-x)).toBeCloseTo(2 - erfc(x), 14);
  });
});

describe('normalCdf', () => {
  it('matches A&S table 26.1', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.8413447461, 7);
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 7);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980, 8);
  });

  it('is 0 and 1 at the infinities, NaN for NaN, and Φ(−z) = 1 − Φ(z)', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
    for (const z of [0.3, 1.1, 2.6]) expect(normalCdf(-z)).toBeCloseTo(1 - normalCdf(z), 12);
  });
});

describe('normalQuantile', () => {
  // The Halley step refines against normalCdf, so Φ's 1e-7 error, not Acklam's 1e-9, is what is left.
  it('matches known quantiles (A&S table 26.5) to about 1e-7', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 5);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644853627, 6);
  });

  it('inverts normalCdf across both tails and the centre', () => {
    for (const q of [1e-6, 0.01, 0.02425, 0.3, 0.5, 0.77, 0.999, 1 - 1e-6]) expect(normalCdf(normalQuantile(q))).toBeCloseTo(q, 7);
  });

  it('is ∓∞ at q = 0 and 1 (and beyond)', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.5)).toBe(-Infinity);
    expect(normalQuantile(2)).toBe(Infinity);
  });
});
