/**
 * The regression adjustment on models whose posterior is known: the adjusted particles
 * must sit where the data say, narrower than the plain ABC sample, and inside the priors.
 */
import { describe, expect, it } from 'vitest';
import { regressionAdjustment, type AdjustmentInput } from '../../src/calibration/regression-adjustment.js';
import type { Prior } from '../../src/calibration/priors.js';
import { weightedSummary } from '../../src/calibration/outputs.js';
import { stream } from '../../src/random/streams.js';

/** A rejection-ABC population: θ from the prior, statistics from `simulate`, kept within `tolerance` of the data. */
function population(priors: Prior[], simulate: (theta: number[], rng: () => number) => number[], targets: AdjustmentInput['targets'], size: number, tolerance: number, replicate = 0): AdjustmentInput {
  const rng = stream({ seed: 7, replicate, purpose: 'test/adjustment' });
  const particles: number[][] = [];
  const stats: number[][] = [];
  const distances: number[] = [];
  while (particles.length < size) {
    const theta = priors.map((p) => (p.kind === 'log-uniform' ? Math.exp(Math.log(p.low) + rng() * Math.log(p.high / p.low)) : (p as { low: number }).low + rng() * ((p as { high: number }).high - (p as { low: number }).low)));
    const s = simulate(theta, rng);
    const d = Math.sqrt(targets.reduce((acc, t, k) => acc + ((s[k]! - t.value) / ((t.high - t.low) / 2)) ** 2, 0) / targets.length);
    if (d > tolerance) continue;
    particles.push(theta);
    stats.push(s);
    distances.push(d);
  }
  return { priors, targets, particles, stats, weights: particles.map(() => 1 / size), distances, tolerance };
}

const gauss = (rng: () => number) => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());

describe('regressionAdjustment', () => {
  it('moves a linear model\'s particles to the data: posterior of θ₁ = 0.3, θ₂ = 0.7 from s = θ + noise', () => {
    const priors: Prior[] = [{ kind: 'uniform', low: 0, high: 1 }, { kind: 'uniform', low: 0, high: 1 }];
    const targets = [{ value: 0.3, low: 0.25, high: 0.35, weight: 1 }, { value: 0.7, low: 0.65, high: 0.75, weight: 1 }];
    // Noise sd 0.02: the true posterior is about N(0.3, 0.02) and N(0.7, 0.02).
    const input = population(priors, (t, rng) => [t[0]! + 0.02 * gauss(rng), t[1]! + 0.02 * gauss(rng)], targets, 400, 4);
    const out = regressionAdjustment(input);
    if (!out.adjusted) throw new Error(out.reason);
    const plain = weightedSummary(input.particles.map((p) => p[0]!), input.weights);
    const adjusted = weightedSummary(out.adjustment.particles.map((p) => p[0]!), out.adjustment.weights);
    expect(adjusted.median).toBeCloseTo(0.3, 1);
    expect(Math.abs(adjusted.median - 0.3)).toBeLessThan(0.02);
    // 90 % of N(0.3, 0.02) is 0.267–0.333 (0.066 wide); the particles were accepted within 4
    // half-bands (θ about 0.05–0.55). The adjusted interval covers the truth and is within twice
    // its width (the logit makes a straight line in θ a curve); the plain one is four times wider still.
    expect(adjusted.p5).toBeLessThan(0.28);
    expect(adjusted.p95).toBeGreaterThan(0.32);
    expect(adjusted.p95 - adjusted.p5).toBeLessThan(2 * 0.066);
    expect(plain.p95 - plain.p5).toBeGreaterThan(4 * (adjusted.p95 - adjusted.p5));
    for (const p of out.adjustment.particles) for (const v of p) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1);
    const second = weightedSummary(out.adjustment.particles.map((p) => p[1]!), out.adjustment.weights);
    expect(Math.abs(second.median - 0.7)).toBeLessThan(0.02);
  });

  it('90 % intervals that cover the truth about 90 % of the time: 60 data sets from θ = (0.4, 0.6)', () => {
    const priors: Prior[] = [{ kind: 'uniform', low: 0, high: 1 }, { kind: 'uniform', low: 0, high: 1 }];
    const truth = [0.4, 0.6];
    const simulate = (t: number[], rng: () => number) => [t[0]! + 0.05 * gauss(rng), t[1]! + 0.05 * gauss(rng) + 0.3 * (t[0]! - 0.4)];
    const dataRng = stream({ seed: 11, replicate: 0, purpose: 'test/adjustment-data' });
    let covered = 0;
    let plainWidth = 0;
    let adjustedWidth = 0;
    const sets = 60;
    for (let d = 0; d < sets; d++) {
      const data = simulate(truth, dataRng);
      const targets = data.map((v) => ({ value: v, low: v - 0.05, high: v + 0.05, weight: 1 }));
      const input = population(priors, simulate, targets, 300, 3, d + 1);
      const out = regressionAdjustment(input);
      if (!out.adjusted) throw new Error(out.reason);
      const a = weightedSummary(out.adjustment.particles.map((p) => p[0]!), out.adjustment.weights);
      const plain = weightedSummary(input.particles.map((p) => p[0]!), input.weights);
      if (a.p5 <= truth[0]! && truth[0]! <= a.p95) covered++;
      plainWidth += (plain.p95 - plain.p5) / sets;
      adjustedWidth += (a.p95 - a.p5) / sets;
    }
    // Binomial(60, 0.9): under 48 has a probability under 1 %.
    expect(covered).toBeGreaterThanOrEqual(48);
    expect(adjustedWidth).toBeLessThan(0.6 * plainWidth);
  });

  it('leaves a parameter the statistics do not depend on about as wide as its prior', () => {
    const priors: Prior[] = [{ kind: 'uniform', low: 0, high: 1 }, { kind: 'log-uniform', low: 0.001, high: 0.1 }];
    const targets = [{ value: 0.5, low: 0.45, high: 0.55, weight: 1 }];
    const input = population(priors, (t, rng) => [t[0]! + 0.02 * gauss(rng)], targets, 400, 3);
    const out = regressionAdjustment(input);
    if (!out.adjusted) throw new Error(out.reason);
    const logs = out.adjustment.particles.map((p) => Math.log10(p[1]!));
    const s = weightedSummary(logs, out.adjustment.weights);
    // Uniform on −3…−1 in log10: the 90 % interval is 1.8 wide.
    expect(s.p95 - s.p5).toBeGreaterThan(1.5);
  });

  it('regresses on fitted two-sided targets only: held-out and one-sided ones are left out', () => {
    const priors: Prior[] = [{ kind: 'uniform', low: 0, high: 1 }];
    const targets = [
      { value: 0.5, low: 0.45, high: 0.55, weight: 1 },
      { value: 0.5, low: 0.45, high: 0.55, weight: 0 },         // held out
      { value: 0.2, low: 0.2, high: Infinity, weight: 1 },       // at least 0.2
    ];
    const input = population(priors, (t, rng) => [t[0]! + 0.02 * gauss(rng), t[0]!, t[0]!], targets.slice(0, 1).concat(targets.slice(0, 1), targets.slice(0, 1)), 200, 3);
    const out = regressionAdjustment({ ...input, targets });
    if (!out.adjusted) throw new Error(out.reason);
    expect(out.adjustment.statistics).toEqual([0]);
    expect(regressionAdjustment({ ...input, targets: targets.slice(1) })).toMatchObject({ adjusted: false });
  });

  it('refuses to adjust where the linear fit pushes the particles to the prior\'s edges (data the prior cannot reach)', () => {
    const priors: Prior[] = [{ kind: 'uniform', low: 0, high: 1 }];
    // The data say s = 1.6 while s = θ + noise and θ ≤ 1: the fit would carry every particle past the bound.
    const targets = [{ value: 1.6, low: 1.5, high: 1.7, weight: 1 }];
    const input = population(priors, (t, rng) => [t[0]! + 0.05 * gauss(rng)], targets, 200, 15);
    const out = regressionAdjustment(input);
    expect(out.adjusted).toBe(false);
    if (!out.adjusted) expect(out.reason).toMatch(/to the outer 1 % of its prior .*the linear fit extrapolates/);
  });
});
