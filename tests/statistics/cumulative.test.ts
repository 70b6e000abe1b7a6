/**
 * The `cumulative` flag of the measures and the lower bounds built on it (registry entries'
 * `lowerBound`, StatisticReader.boundsOn): a calibration abandons runs on their strength, so
 * a measure called cumulative must never fall in a run with every mechanism at work, and a
 * bound seen on any day must hold the value on the statistic's date.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiments/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { MEASURES, measureAgents } from '../../src/statistics/measures.js';
import { statisticOf, type Statistic } from '../../src/statistics/registry.js';
import { StatisticReader, statisticDays } from '../../src/results/statistics.js';
import { BASELINE } from '../calibration/helpers.js';

// The baseline's world at a coarse scale: media, peers, parties, interception, returns, deaths and dated history.
const { scenario } = loadScenario(BASELINE, { set: ['scale=400', 'replicates=1'] });
const end = scenario.dates.end;
const statistics: Statistic[] = [
  statisticOf('travelled', 'world', 'World', end),
  statisticOf('attempted', 'region', 'Maghreb', end),
  statisticOf('travelled_per_month', 'world', 'World', '2015-06-01', { from: '2014-07-01' }),
  statisticOf('returned', 'world', 'World', end, { above: 10 }),
  statisticOf('returned_share', 'world', 'World', end),
];
const run = runScenario(scenario, { seed: 11, extraRecordDays: [...Array.from({ length: 60 }, (_, i) => i * 9), ...statisticDays(statistics, scenario.dates.start)] });
const snapshots = run.replicates[0]!.snapshots;

describe('cumulative measures', () => {
  it('never fall from one recorded day to the next, in any community, and the others do', () => {
    const fell = new Set<string>();
    for (let c = 0; c < run.plan.communities.length; c++) {
      for (let k = 1; k < snapshots.length; k++) {
        const before = measureAgents(snapshots[k - 1]!, [c]);
        const now = measureAgents(snapshots[k]!, [c]);
        MEASURES.forEach((m, i) => {
          if (now[i]! < before[i]!) fell.add(m.name);
        });
      }
    }
    for (const m of MEASURES) if (m.cumulative) expect(fell.has(m.name), m.name).toBe(false);
    // A measure of people in a state now (abroad, mobilized, sympathizers) does fall: the check can tell.
    expect(fell.has('abroad')).toBe(true);
  });
});

describe('bounds seen from a run still going', () => {

  it('hold the value on the statistic\'s date, and close on it once its days have passed', () => {
    const full = new StatisticReader(run.plan, snapshots, scenario.dates.start);
    const following = new StatisticReader(run.plan, [], scenario.dates.start);
    let bounded = 0;
    for (const snap of snapshots) {
      following.add(snap);
      for (const s of statistics) {
        const v = full.value(s);
        const b = following.boundsOn(s, snap.day);
        expect(b.low, `${s.name} on day ${snap.day}`).toBeLessThanOrEqual(v);
        expect(b.high).toBeGreaterThanOrEqual(v);
        if (b.low > 0 && b.low < v) bounded++;
      }
    }
    // Bounds that say something before the end, not only 0 or the final value.
    expect(bounded).toBeGreaterThan(10);
    const last = snapshots.at(-1)!.day;
    for (const s of statistics) expect(following.boundsOn(s, last)).toEqual({ low: full.value(s), high: full.value(s) });
    // A share, which can go either way, is not bounded before its date.
    expect(following.boundsOn(statistics[4]!, 30)).toEqual({ low: -Infinity, high: Infinity });
  });
});
