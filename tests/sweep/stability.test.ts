/**
 * Whether Sobol and Morris indices have settled: on the Ishigami function (analytic indices,
 * tests/sweep/design/saltelli.test.ts) a small sample is reported with what is wrong and the size
 * that halves the intervals, a large one is not; and each sign on indices made for it.
 */
import { describe, expect, it } from 'vitest';
import { warnings } from '../../src/messages/warnings.js';
import { stream } from '../../src/random/streams.js';
import type { SweepAnalysis } from '../../src/sweep/analysis.js';
import type { Factor } from '../../src/sweep/design/factors.js';
import { morrisDesign, morrisIndices, type MorrisIndex } from '../../src/sweep/design/morris.js';
import { saltelliDesign, sobolIndices, type SobolIndex } from '../../src/sweep/design/saltelli.js';
import type { SweepPlan } from '../../src/sweep/file.js';
import { morrisProblems, sobolProblems, unstableIndices } from '../../src/sweep/stability.js';

const rng = (seed: number, purpose: string) => stream({ seed, replicate: 0, purpose });
const ishigami = ([x1, x2, x3]: number[]) => Math.sin(x1!) + 7 * Math.sin(x2!) ** 2 + 0.1 * x3! ** 4 * Math.sin(x1!);
const factors: Factor[] = ['x1', 'x2', 'x3'].map((name) => ({ name, low: -Math.PI, high: Math.PI, scale: 'linear' }));

const sobolOf = (n: number) => {
  const d = saltelliDesign(factors, n, rng(1, 'design'));
  return sobolIndices(d, factors, d.points.map(ishigami), { bootstrap: 300, random: rng(1, 'bootstrap') });
};
const morrisOf = (r: number) => {
  const d = morrisDesign(factors, { trajectories: r, levels: 4 }, rng(1, 'design'));
  return morrisIndices(d, factors, d.points.map(ishigami), { bootstrap: 300, random: rng(1, 'bootstrap') });
};
const sobol = (factor: string, first: number, firstLow: number, firstHigh: number, total: number, totalLow: number, totalHigh: number): SobolIndex =>
  ({ factor, first, firstLow, firstHigh, total, totalLow, totalHigh });
const morris = (factor: string, muStar: number, muStarLow: number, muStarHigh: number): MorrisIndex => ({ factor, muStar, muStarLow, muStarHigh, mu: muStar, sigma: 0 });

describe('Sobol indices on the Ishigami function', () => {
  it('at N = 32: intervals wider than the indices are reported', () => {
    const problems = sobolProblems(sobolOf(32));
    expect(problems.filter((p) => p.kind === 'wide').length).toBeGreaterThanOrEqual(3);
  });

  it('at N = 4,096 (every index within 0.01 of its analytic value): nothing to report', () => {
    expect(sobolProblems(sobolOf(4096))).toEqual([]);
  });
});

describe('Morris indices on the Ishigami function', () => {
  it('at 4 trajectories: μ* intervals wider than μ* are reported', () => {
    expect(morrisProblems(morrisOf(4)).map((p) => p.kind)).toContain('wide');
  });

  it('at 64 trajectories: nothing to report', () => {
    expect(morrisProblems(morrisOf(64))).toEqual([]);
  });
});

describe('the signs, one by one', () => {
  it('a first-order index above its total by more than the tolerance; not an additive factor\'s estimates a little apart', () => {
    expect(sobolProblems([sobol('a', 0.893, 0.85, 0.93, 0.809, 0.77, 0.85)])).toEqual([{ kind: 'first-above-total', factor: 'a', first: 0.893, total: 0.809 }]);
    expect(sobolProblems([sobol('a', 0.45, 0.43, 0.47, 0.44, 0.42, 0.46)])).toEqual([]);
  });

  it('an index below 0 with its whole interval; not one whose interval reaches 0, nor a tiny one', () => {
    expect(sobolProblems([sobol('a', -0.05, -0.08, -0.03, 0.01, 0, 0.02)])).toEqual([{ kind: 'negative', factor: 'a', index: 'first-order', value: -0.05, low: -0.08, high: -0.03 }]);
    expect(sobolProblems([sobol('a', -0.05, -0.09, 0.001, 0.01, 0, 0.02)])).toEqual([]);
    expect(sobolProblems([sobol('a', -0.005, -0.008, -0.001, 0.01, 0, 0.02)])).toEqual([]);
  });

  it('an interval wider than its index and than a tenth of the variance; not a narrow one around a small index, nor an undefined index', () => {
    expect(sobolProblems([sobol('a', 0.15, 0.02, 0.3, 0.5, 0.45, 0.55)])).toEqual([{ kind: 'wide', factor: 'a', index: 'first-order', value: 0.15, low: 0.02, high: 0.3 }]);
    expect(sobolProblems([sobol('a', 0.01, -0.03, 0.05, 0.02, 0.01, 0.03)])).toEqual([]);
    expect(sobolProblems([sobol('a', Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN)])).toEqual([]);
  });

  it('Morris: μ*\'s interval wider than μ* and than a tenth of the largest μ*', () => {
    expect(morrisProblems([morris('a', 10, 8, 12), morris('b', 2, 0.5, 4.5), morris('c', 0.2, 0, 0.9)]))
      .toEqual([{ kind: 'wide', factor: 'b', index: 'μ*', value: 2, low: 0.5, high: 4.5 }]);
  });
});

describe('unstableIndices', () => {
  const plan = (design: SweepPlan['design']) => ({ factors: [{}, {}, {}], replicates: 2, design }) as unknown as SweepPlan;
  const analysis = (method: 'sobol' | 'morris', indices: (SobolIndex | MorrisIndex)[]): SweepAnalysis =>
    ({ method, note: '', outputs: [{ output: 'travelled', method, indices }, { output: 'none', method, skipped: 'no value' }] }) as SweepAnalysis;

  it('Sobol: names the output and the size 4× as large (intervals shrink as 1/√N), with its points and runs', () => {
    const found = unstableIndices(plan({ kind: 'sobol', samples: 32, bootstrap: 100 }), analysis('sobol', [sobol('a', 0.893, 0.85, 0.93, 0.809, 0.77, 0.85)]));
    expect(found).toEqual([{ output: 'travelled', method: 'sobol', size: 32, problems: [{ kind: 'first-above-total', factor: 'a', first: 0.893, total: 0.809 }], halved: { size: 128, points: 640, runs: 1280 } }]);
    expect(warnings.unstableIndices(found[0]!)).toBe('travelled: Sobol indices not yet stable at N = 32 base samples: first-order above total for a (0.893 > 0.809). '
      + 'Intervals narrow as 1/√N, so samples: 128 in the experiment (96 more base samples; 640 points, 1,280 runs) would halve them');
  });

  it('Morris: trajectories 4× as many', () => {
    const found = unstableIndices(plan({ kind: 'morris', trajectories: 4, levels: 4, bootstrap: 100 }), analysis('morris', [morris('a', 10, 8, 12), morris('b', 2, 0.5, 4.5)]));
    expect(found.map((f) => [f.size, f.halved])).toEqual([[4, { size: 16, points: 64, runs: 128 }]]);
    expect(warnings.unstableIndices(found[0]!)).toBe('travelled: Morris indices not yet stable at 4 trajectories: 90% interval wider than the index for b μ* 2 (0.5 to 4.5). '
      + 'Intervals narrow as 1/√r, so trajectories: 16 in the experiment (12 more trajectories; 64 points, 128 runs) would halve them');
  });

  it('nothing for settled indices, or for a Latin hypercube', () => {
    expect(unstableIndices(plan({ kind: 'sobol', samples: 32, bootstrap: 100 }), analysis('sobol', [sobol('a', 0.5, 0.45, 0.55, 0.6, 0.55, 0.65)]))).toEqual([]);
    expect(unstableIndices(plan({ kind: 'latin-hypercube', samples: 12, bootstrap: 100 }), { method: 'prcc', note: '', outputs: [] })).toEqual([]);
  });
});
