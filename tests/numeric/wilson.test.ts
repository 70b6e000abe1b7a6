import { describe, expect, it } from 'vitest';
import { wilsonInterval, Z95 } from '../../src/numeric/wilson.js';

describe('numeric/wilson', () => {
  it('gives the Wilson score interval of Wilson (1927): the proportions whose score test accepts k of n', () => {
    // Newcombe (1998), Statistics in Medicine 17:857–872, Table I: 81 of 263 → 0.2553 to 0.3662; 15 of 148 → 0.0624 to 0.1605.
    const a = wilsonInterval(81, 263);
    expect(a.low).toBeCloseTo(0.2553, 4);
    expect(a.high).toBeCloseTo(0.3662, 4);
    const b = wilsonInterval(15, 148);
    expect(b.low).toBeCloseTo(0.0624, 4);
    expect(b.high).toBeCloseTo(0.1605, 4);
    // At each bound, the score statistic is exactly z.
    for (const p of [a.low, a.high]) expect(Math.abs(81 / 263 - p) / Math.sqrt((p * (1 - p)) / 263)).toBeCloseTo(Z95, 9);
  });

  it('stays inside 0..1 and keeps a width at 0 and n successes; has no interval without trials', () => {
    const none = wilsonInterval(0, 100);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.037, 3);
    const all = wilsonInterval(100, 100);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(1 - 0.037, 3);
    expect(wilsonInterval(0, 0).low).toBeNaN();
  });
});
