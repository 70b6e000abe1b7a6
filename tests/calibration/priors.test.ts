/** Priors, the distance and the linear algebra under ABC-SMC. */
import { describe, expect, it } from 'vitest';
import { makeDistance, residual, type Target } from '../../src/calibration/distance.js';
import { inSupport, priorDensity, priorMean, priorQuantile, samplePrior, type Prior } from '../../src/calibration/priors.js';
import { stream } from '../../src/random/streams.js';

const priors: Prior[] = [
  { kind: 'uniform', low: 2, high: 6 },
  { kind: 'log-uniform', low: 1e-4, high: 1e-2 },
  { kind: 'normal', mean: 1, sd: 0.5 },
  { kind: 'normal', mean: 1, sd: 0.5, low: 0.8, high: 3 },
  { kind: 'normal', mean: 0, sd: 1, low: 3, high: 4 },
];

/** ∫ f over [a, b] by the composite Simpson rule. */
function integrate(f: (x: number) => number, a: number, b: number, n = 20000): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

describe('priors', () => {
  it('each density integrates to 1 over its support and is 0 outside', () => {
    for (const p of priors) {
      const lo = priorQuantile(p, 1e-9);
      const hi = priorQuantile(p, 1 - 1e-9);
      // Log-uniform: integrate in log space (x = e^u, dx = x du).
      const mass = p.kind === 'log-uniform'
        ? integrate((u) => priorDensity(p, Math.exp(u)) * Math.exp(u), Math.log(p.low), Math.log(p.high))
        : integrate((x) => priorDensity(p, x), lo, hi);
      expect(mass).toBeCloseTo(1, 4);
    }
    expect(priorDensity(priors[0]!, 1.9)).toBe(0);
    expect(priorDensity(priors[3]!, 0.79)).toBe(0);
    expect(inSupport(priors[1]!, 0)).toBe(false);
    expect(inSupport(priors[2]!, -1e6)).toBe(true);
  });

  it('samples from a seeded stream follow the quantiles, stay in the support, and repeat with the seed', () => {
    for (const p of priors) {
      const draw = (seed: number) => {
        const rng = stream({ seed, replicate: 0, purpose: 'prior-test' });
        return Array.from({ length: 4000 }, () => samplePrior(p, rng));
      };
      const xs = draw(1);
      expect(draw(1)).toEqual(xs);
      expect(xs.every((x) => inSupport(p, x))).toBe(true);
      for (const q of [0.1, 0.5, 0.9]) {
        const below = xs.filter((x) => x <= priorQuantile(p, q)).length / xs.length;
        expect(Math.abs(below - q)).toBeLessThan(0.03);
      }
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      const spread = priorQuantile(p, 0.9) - priorQuantile(p, 0.1);
      expect(Math.abs(mean - priorMean(p))).toBeLessThan(0.05 * spread);
    }
  });
});

describe('distance', () => {
  const t = (name: string, value: number, low: number, high: number, weight = 1): Target => ({ name, value, low, high, weight });

  it('band residuals are ±1 at the band edges, relative residuals are shares of the value', () => {
    const world = t('world', 29000, 27000, 31000);
    expect(residual('band', world, 31000)).toBe(1);
    expect(residual('band', world, 27000)).toBe(-1);
    expect(residual('band', world, 29000)).toBe(0);
    expect(residual('relative', world, 31900)).toBeCloseTo(0.1, 12);
    const asym = t('x', 10, 5, 30);
    expect(residual('band', asym, 30)).toBe(1);
    expect(residual('band', asym, 5)).toBe(-1);
  });

  it('a one-sided target has no residual above its value', () => {
    const atLeast = t('countriesRepresented', 86, 0, Infinity);
    expect(residual('band', atLeast, 97)).toBe(0);
    expect(residual('band', atLeast, 43)).toBe(-0.5);
  });

  it('is a weighted root mean square, scale-free; a missing statistic is infinitely far', () => {
    const d = makeDistance([t('a', 100, 90, 110, 3), t('b', 0.25, 0.2, 0.3, 1)]);
    expect(d([110, 0.25])).toBeCloseTo(Math.sqrt(3 / 4), 12);
    expect(d([100, 0.35])).toBeCloseTo(Math.sqrt(4 / 4), 12);
    expect(d([100, NaN])).toBe(Infinity);
    // A target without a value does not count.
    const e = makeDistance([t('a', 100, 90, 110), t('b', NaN, NaN, NaN)]);
    expect(e([110, NaN])).toBe(1);
  });
});
