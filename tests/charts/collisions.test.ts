/**
 * Every chart, laid out with the shipped fonts: no text over another text or an axis
 * line, and no vertical axis title longer than its plot. Checked on the report's
 * fixtures (three scenarios, one scenario, hostile names), the calibration fixture and
 * a sweep of each design.
 */
import { describe, expect, it } from 'vitest';
import { charts } from '../../src/charts/catalog.js';
import { calibrationChartList } from '../../src/charts/calibration.js';
import { sweepChartsByDesign } from '../../src/charts/sweep.js';
import type { SweepChartInputs, SweepDesignKind } from '../../src/charts/inputs.js';
import { calibrationFixture } from './calibration-fixture.js';
import { fixtureInputs, nastyInputs, singleScenarioInputs } from './fixture.js';
import { axisTitleOverruns, sceneItems, textCollisions } from './scene.js';

/** A sweep of the given design over four factors with long names, as the shipped experiments have. */
function sweep(design: SweepDesignKind, measure: string): SweepChartInputs {
  const names = ['peer_probability', 'group_probability', 'media_exposure', 'susceptibility_western_europe'];
  const grid = [0.001, 0.002, 0.004];
  const points = design === 'grid' ? grid.flatMap((a) => grid.map((b) => [a, b])) : Array.from({ length: 40 }, (_, i) => names.map((_, j) => 0.0002 + ((i * (j + 3)) % 40) * 0.0001));
  const factors = design === 'grid'
    ? names.slice(0, 2).map((name) => ({ name, low: 0.001, high: 0.004, scale: 'log' as const, values: grid }))
    : names.map((name, j) => ({ name, low: 0.0002, high: 0.0042, scale: j % 2 ? 'linear' as const : 'log' as const }));
  const share = measure !== 'travelled';
  const summaries = [points.map((p) => {
    const mean = share ? 0.2 + p[0]! * 100 : 500 + p.reduce((s, x) => s + x, 0) * 1e6;
    return { n: 2, mean, sd: mean * 0.1, p5: mean * 0.9, p50: mean, p95: mean * 1.1 };
  })];
  const k = share ? 0.001 : 1000;
  const fs = factors.map((f) => f.name);
  return {
    title: 'Test', design, designSize: 10, replicates: 2, factors, points, summaries,
    outputs: [{ name: 'out', measure, level: 'world', place: 'World', date: '2015-12-01' }],
    analysis: {
      outputs: [design === 'morris'
        ? { output: 'out', method: 'morris', indices: fs.map((factor, i) => ({ factor, mu: i * k, muStar: (i + 1) * 3 * k, sigma: (i + 1) * 2 * k, muStarLow: (i + 1) * 2 * k, muStarHigh: (i + 1) * 4 * k })) }
        : design === 'sobol'
          ? { output: 'out', method: 'sobol', indices: fs.map((factor, i) => ({ factor, first: 0.1 * i, firstLow: 0.1 * i - 0.12, firstHigh: 0.1 * i + 0.1, total: 0.15 * i, totalLow: 0.1 * i, totalHigh: 0.2 * i + 0.4 })) }
          : { output: 'out', method: 'prcc', points: points.length, dropped: 0, indices: fs.map((factor, i) => ({ factor, prcc: 0.8 - 0.4 * i, prccLow: 0.7 - 0.4 * i, prccHigh: 0.9 - 0.4 * i, pValue: 0.01, spearman: 0.5 - 0.3 * i })) }],
    },
  };
}

const specs = [
  ...[['three scenarios', fixtureInputs()], ['one scenario', singleScenarioInputs()], ['hostile names', nastyInputs()]].flatMap(([label, inputs]) =>
    charts.map((c) => [`${label}: ${c.name}`, () => c.spec(inputs as ReturnType<typeof fixtureInputs>)] as const)),
  ...calibrationChartList.map((c) => [`calibration: ${c.name}`, () => c.spec(calibrationFixture())] as const),
  ...(['grid', 'latin-hypercube', 'morris', 'sobol'] as const).flatMap((design) => ['travelled', 'returned_share'].flatMap((measure) =>
    sweepChartsByDesign[design].map((c) => [`${design} ${measure}: ${c.prefix}`, () => c.spec(sweep(design, measure), 0)] as const))),
];

describe('every chart lays out cleanly', () => {
  it.each(specs)('%s', async (_, spec) => {
    const s = spec();
    if (!s) return;
    const items = await sceneItems(s);
    expect(textCollisions(items)).toEqual([]);
    expect(axisTitleOverruns(items)).toEqual([]);
  });
});
