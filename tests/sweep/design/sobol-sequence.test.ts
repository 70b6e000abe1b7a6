import { describe, expect, it } from 'vitest';
import { stream } from '../../../src/random/streams.js';
import { joeKuoRows, maxSobolDimensions, randomShift, sobolPoints, sobolWords } from '../../../src/sweep/design/sobol-sequence.js';

/** Whether x^s + (bits of a)·x^(s−1…1) + 1 is primitive over GF(2): x has order 2^s − 1. */
function primitive(s: number, a: number): boolean {
  const poly = (1 << s) | (a << 1) | 1;
  let x = 1;
  for (let e = 1; e <= (1 << s) - 1; e++) {
    x <<= 1;
    if (x & (1 << s)) x ^= poly;
    if (x === 1) return e === (1 << s) - 1;
  }
  return false;
}

describe('sweep/design/sobol-sequence', () => {
  it('starts with the published first points of the 3-dimensional sequence', () => {
    expect(sobolPoints(3, 10)).toEqual([
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
      [0.1875, 0.3125, 0.9375],
      [0.6875, 0.8125, 0.4375],
    ]);
  });

  it('carries, for every degree below 9, all the primitive polynomials in ascending order, and sound m_j', () => {
    expect(maxSobolDimensions).toBe(64);
    for (const [s, a, ...m] of joeKuoRows) {
      expect(m).toHaveLength(s);
      expect(primitive(s, a)).toBe(true);
      m.forEach((mj, j) => {
        expect(mj % 2).toBe(1);
        expect(mj).toBeLessThan(2 ** (j + 1));
      });
    }
    for (let s = 1; s <= 8; s++) {
      const all = Array.from({ length: 1 << (s - 1) }, (_, a) => a).filter((a) => primitive(s, a));
      expect(joeKuoRows.filter((r) => r[0] === s).map((r) => r[1])).toEqual(all);
    }
  });

  it('puts exactly one of the first 2^m points in each dyadic interval, in all 64 dimensions, shifted or not', () => {
    const m = 9;
    const n = 2 ** m;
    const d = maxSobolDimensions;
    for (const shift of [undefined, randomShift(d, stream({ seed: 1, replicate: 0, purpose: 'shift' }))]) {
      const w = sobolWords(d, n, shift);
      for (let j = 0; j < d; j++) {
        const seen = new Set<number>();
        for (let i = 0; i < n; i++) seen.add(w[i * d + j]! >>> (32 - m));
        expect(seen.size).toBe(n);
      }
    }
  });

  it('makes the first two dimensions a (0, m, 2)-net: one point per elementary box of area 2^−m', () => {
    const m = 8;
    const n = 2 ** m;
    const shift = randomShift(2, stream({ seed: 2, replicate: 0, purpose: 'shift' }));
    const w = sobolWords(2, n, shift);
    // The leading b bits of a word (x >>> 32 would be x >>> 0 in JavaScript).
    const digits = (x: number, b: number) => (b === 0 ? 0 : x >>> (32 - b));
    for (let bx = 0; bx <= m; bx++) {
      const by = m - bx;
      const boxes = new Set<number>();
      for (let i = 0; i < n; i++) boxes.add(digits(w[2 * i]!, bx) * 2 ** by + digits(w[2 * i + 1]!, by));
      expect(boxes.size).toBe(n);
    }
  });

  it('refuses dimensions it has no direction numbers for', () => {
    expect(() => sobolWords(65, 4)).toThrow('sobolWords: d must be a whole number in 1..64, found 65');
  });
});
