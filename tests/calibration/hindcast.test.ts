/**
 * The hindcast, at CI scale: calibrate on the targets dated up to 1 July 2015 only
 * (`hotbed calibrate scenarios/calibration-ci.yaml --until 2015-07-01`), then check that the
 * posterior predicts the December 2015 world total it never saw: the published 29,000 must lie
 * inside the 5–95 % interval of the posterior predictive (the last generation's accepted
 * simulations). The full-scale hindcast and its result per target are in the README.
 *
 * Smaller than the CI file so that it fits in the test suite: scale 50 (about 44,000 agents),
 * 48 particles, 4 generations, 8 candidates for the point. What it can show at that size: that
 * the path up to mid-2015 carries the information the December total needs (a forecast that
 * runs away or stalls after July 2015 leaves 29,000 outside the interval), not a sharp
 * forecast: its interval is wide.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { calibrate } from '../../src/calibration/calibrate.js';
import { loadCalibration } from '../../src/calibration/load.js';
import { cleanup, tempDir } from '../scenario/fixtures.js';

afterAll(cleanup);

describe('calibration: hindcast (fit up to 1 July 2015, forecast December 2015)', () => {
  it('holds out every target dated after 1 July 2015, and the posterior predictive covers the December 2015 world total', async () => {
    const c = loadCalibration('scenarios/calibration-ci.yaml', { until: '2015-07-01' });
    const fitted = c.targets.filter((t) => !t.heldOut).map((t) => t.name);
    expect(fitted).toEqual(['world@2015-01-26', 'region:Western Europe@2015-01-26', 'world_2014-10-31', 'flow_2014-07_2015-06']);
    const small = {
      ...c,
      scale: 50,
      loaded: { ...c.loaded, scenario: { ...c.loaded.scenario, scale: 50 } },
      budget: { ...c.budget, population: 48, generations: 4, maxSimulations: 600 },
      point: { candidates: 8, replicates: 2, score: 'worst' as const, finalists: 0 },
    };
    const { summary } = await calibrate(small, { out: `${tempDir('hotbed-hindcast-')}/out`, workers: 2, charts: false });
    const world = summary.fit.find((f) => f.statistic === 'world')!;
    const table = summary.fit.map((f) => `${f.heldOut ? 'forecast' : 'fitted  '} ${f.statistic.padEnd(34)} ${f.target} in ${f.p5}–${f.p95}: ${f.valueInPredictive}`).join('\n');
    if (process.env.HOTBED_SHOW_HINDCAST) console.log(table);
    expect(world.heldOut, table).toBe(true);
    expect(world.valueInPredictive, table).toBe(true);
  }, 600_000);
});
