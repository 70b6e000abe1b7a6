/** The preparation charts' inputs: quarters, and recruits by preparation and channel from a small comparison. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { windowLabel } from '../../src/charts/specs/hotbed-windows.js';
import { compareScenarios, comparisonOfRun, type Comparison } from '../../src/experiments/compare.js';
import { runScenario } from '../../src/experiments/run.js';
import { daysBetween } from '../../src/model/dates.js';
import { monthStartDays } from '../../src/results/months.js';
import { hotbedPlaces, hotbedWindows, quarterBounds, recruitPreparation, SPARSE_AGENTS } from '../../src/results/recruit-preparation.js';
import { cleanup } from '../scenario/fixtures.js';
import { loadTexts, TINY } from '../experiments/tiny.js';

afterAll(cleanup);

describe('results/recruit-preparation', () => {
  it('cuts the run into quarters from the start month, the last one shorter', async () => {
    // 1 June 2014 to 1 December 2015: six whole quarters.
    expect(quarterBounds('2014-06-01', 548)).toEqual([[0, 92], [92, 183], [183, 273], [273, 365], [365, 457], [457, 548]]);
    // 1 June to 1 October 2014: one quarter and September alone.
    expect(quarterBounds('2014-06-01', 122)).toEqual([[0, 92], [92, 122]]);
    expect(windowLabel({ from: '2014-06-01', to: '2014-09-01' })).toBe('Jun–Aug 2014');
    expect(windowLabel({ from: '2014-12-01', to: '2015-03-01' })).toBe('Dec 2014–Feb 2015');
  });

  let comparison: Comparison;
  beforeAll(async () => {
    comparison = await compareScenarios(loadTexts({ 'ref.yaml': `${TINY}output: { levels: [world, region, country] }\n` }), { replicates: 5 });
  });

  it('finds the named hotbeds even when communities are not written', async () => {
    expect(comparison.levels).not.toContain('community');
    expect(hotbedPlaces(comparison).map((h) => h.name)).toEqual(['Bizerte', 'Molenbeek']);
  });

  it('finds them in a run\'s comparison too (hotbed run\'s report), with the same numbers as compare gives', async () => {
    const [loaded] = loadTexts({ 'ref.yaml': `${TINY}output: { levels: [world, region, country] }\n` });
    const { start, end } = loaded!.scenario.dates;
    const run = runScenario(loaded!.scenario, { replicates: 5, extraRecordDays: monthStartDays(start, daysBetween(start, end)) });
    const ofRun = comparisonOfRun(loaded!, run);
    expect(ofRun.levels).not.toContain('community');
    expect(hotbedPlaces(ofRun).map((h) => h.name)).toEqual(['Bizerte', 'Molenbeek']);
    expect(recruitPreparation(ofRun)).toEqual(recruitPreparation(comparison));
    expect(hotbedWindows(ofRun)).toEqual(hotbedWindows(comparison));
  });

  it('splits each place\'s recruits by preparation and by channel, the two splits of the same medians', async () => {
    const rows = recruitPreparation(comparison);
    expect(rows.map((r) => r.place)).toEqual(['World', 'Bizerte', 'Molenbeek']);
    for (const r of rows) {
      const { media, peer, group } = r.mobilized;
      expect(r.prepared.media + r.prepared.tie).toBeCloseTo(media + peer + group, 9);
      // Every media recruit was a sympathizer: media prepares at least the recruits it mobilized.
      expect(r.prepared.media).toBeGreaterThanOrEqual(media);
      expect(r.prepared.tie).toBeGreaterThanOrEqual(0);
    }
    expect(rows[0]!.recruits).toBeGreaterThan(0);
  });

  it('gives each hotbed its quarters with shares, flagging those with too few recruits', async () => {
    const windows = hotbedWindows(comparison);
    expect(windows.map((w) => `${w.place} ${w.from} ${w.to}`)).toEqual([
      'Bizerte 2014-06-01 2014-09-01', 'Bizerte 2014-09-01 2014-10-01',
      'Molenbeek 2014-06-01 2014-09-01', 'Molenbeek 2014-09-01 2014-10-01',
    ]);
    for (const w of windows) {
      expect(w.sparse).toBe(!(w.recruits / comparison.scale >= SPARSE_AGENTS));
      if (!Number.isNaN(w.mediaShare)) expect(w.mediaShare).toBeLessThanOrEqual(w.preparedShare);
    }
  });
});
