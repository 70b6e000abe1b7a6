import { describe, expect, it } from 'vitest';
import { geometric, stream } from '../../src/random/streams.js';

describe('random/streams', () => {
  it('derives independent, reproducible streams from (seed, replicate, purpose)', () => {
    const draw = (k: { seed: number; replicate: number; purpose: string }) => { const r = stream(k); return [r(), r(), r()]; };
    const base = { seed: 1, replicate: 0, purpose: 'media' };
    expect(draw(base)).toEqual(draw(base));
    expect(draw(base)).not.toEqual(draw({ ...base, seed: 2 }));
    expect(draw(base)).not.toEqual(draw({ ...base, replicate: 1 }));
    expect(draw(base)).not.toEqual(draw({ ...base, purpose: 'peer' }));
  });

  it('geometric has mean 1/p and support from 1', () => {
    const r = stream({ seed: 3, replicate: 0, purpose: 'test' });
    const p = 0.1;
    let sum = 0;
    let min = Infinity;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const g = geometric(r, p);
      sum += g;
      min = Math.min(min, g);
    }
    // sd of the mean: sqrt(1 − p)/p/sqrt(n) ≈ 0.067; allow 5 sd.
    expect(Math.abs(sum / n - 10)).toBeLessThan(0.34);
    expect(min).toBe(1);
    expect(geometric(r, 0)).toBe(Infinity);
    expect(geometric(r, 1)).toBe(1);
  });
});
