/**
 * The bridge from parameter vectors to Hotbed runs, and the worker threads that run
 * it: the same proposal gives the same statistics in this thread and in any worker.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { localEvaluator, type Proposal } from '../../src/calibration/abc-smc.js';
import { calibrate } from '../../src/calibration/calibrate.js';
import { loadCalibration } from '../../src/calibration/load.js';
import { createModel, measureSpeed, modelSeed, modelSpecOf, monthStarts, outputNames } from '../../src/calibration/simulator.js';
import { createModelPool } from '../../src/calibration/pool.js';
import { cleanup, tempDir } from '../scenario/fixtures.js';
import { BASELINE, loadTownCalibration, PEER, RETURN, TOWN, townData } from './helpers.js';
import { runScenario, type RunResult } from '../../src/experiments/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { measureAgents } from '../../src/statistics/measures.js';
import { placeIndex } from '../../src/world/places.js';

const travelledFirst = (run: RunResult, communities: number[]) => {
  const last = run.replicates[0]!.snapshots.at(-1)!;
  return measureAgents(last, communities)[0]!;
};

afterAll(cleanup);

const dir = tempDir('hotbed-calibration-model-');
const calibration = loadTownCalibration(dir, 350, { population: 16, generations: 3 });
const spec = modelSpecOf(calibration);
const key = (particle: number, attempt = 0) => ({ seed: 1, generation: 0, particle, attempt });

describe('the model bridge', () => {
  const model = createModel(spec);

  it('returns the targets\' statistics in order, then the monthly trace of world travellers', () => {
    const stats = model([0.003, 0.001], key(0));
    expect(outputNames(calibration, spec)).toEqual(['world', 'returnedShare', ...monthStarts('2014-06-01', '2015-06-01').map((d) => `trace:${d}`)]);
    expect(stats).toHaveLength(2 + 13);
    expect(stats.at(-1)).toBe(stats[0]);
    for (let i = 3; i < stats.length; i++) expect(stats[i]!).toBeGreaterThanOrEqual(stats[i - 1]!);
  });

  it('applies the parameters through --set and runs with the seed derived from the key', () => {
    const direct = townData([`${PEER}=0.004`, `${RETURN}=0.0015`], modelSeed(key(3, 2)));
    const stats = model([0.004, 0.0015], key(3, 2));
    expect(stats[0]).toBe(direct.travelled);
    expect(stats[1]).toBe(direct.returnedShare);
    expect(model([0.004, 0.0015], key(3, 2))).toEqual(stats);
    expect(model([0.004, 0.0015], key(3, 3))).not.toEqual(stats);
  });

  it('with several runs per proposal, returns the median of each statistic over replicates of the same seed', () => {
    const three = createModel({ ...spec, runsPerProposal: 3 });
    const stats = three([0.004, 0.0015], key(3, 2));
    const { scenario } = loadScenario(TOWN, { set: [`${PEER}=0.004`, `${RETURN}=0.0015`] });
    const run = runScenario(scenario, { seed: modelSeed(key(3, 2)), replicates: 3 });
    const world = placeIndex(run.plan).at(['world'])[0]!;
    const travelled = run.replicates.map((r) => measureAgents(r.snapshots.at(-1)!, world.communities)[0]!);
    expect(new Set(travelled).size).toBeGreaterThan(1); // the three runs differ
    expect(stats[0]).toBe(travelled.sort((a, b) => a - b)[1]);
    // One run per proposal is the first of them.
    expect(model([0.004, 0.0015], key(3, 2))[0]).toBe(travelledFirst(run, world.communities));
  });

  it('more peer influence, more travellers; a higher return rate, a higher returned share', () => {
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const at = (peer: number, ret: number, k: number) => median([0, 1, 2, 3, 4].map((i) => model([peer, ret], key(i))[k]!));
    expect(at(0.006, 0.001, 0)).toBeGreaterThan(2 * at(0.002, 0.001, 0));
    expect(at(0.003, 0.004, 1)).toBeGreaterThan(2 * at(0.003, 0.0005, 1));
  });

  it('on the world (CI file): regions, countries, returned share, countries represented, attempts, shares', () => {
    const ci = loadCalibration(BASELINE.replace('baseline.yaml', 'calibration-ci.yaml'));
    const ciSpec = { ...modelSpecOf(ci), scenario: { ...ci.loaded.scenario, scale: 200 } };
    // world.yaml's hand-set values, the dated events' last.
    const baselineValues = [0.0003, 0.0003, 0.02, 0.0008, 1, 1, 1, 1, 1, 1, 1, 1.3, 2.5, 1.4, 0.7, 1.6, 0.3, 0.35, 0.3, 0.8];
    expect(baselineValues).toHaveLength(ci.parameters.length);
    const stats = createModel(ciSpec)(baselineValues, key(0));
    const named = Object.fromEntries(ci.targets.map((t, i) => [t.name, stats[i]!]));
    expect(named.world).toBeGreaterThan(12000);
    const regions = ci.targets.filter((t) => t.name.startsWith('region:') && !t.name.includes('@')).reduce((s, t) => s + named[t.name]!, 0);
    expect(regions).toBeLessThanOrEqual(named.world!);
    expect(named['country:Tunisia']).toBeLessThanOrEqual(named['region:Maghreb']!);
    expect(named.returnedShare).toBeGreaterThan(0.05);
    expect(named.returnedShare).toBeLessThan(0.5);
    // At 200 people per agent most small contingents round to no agent (world/stock-counts.ts).
    expect(named.countriesRepresented).toBeGreaterThan(20);
    expect(named.countriesRepresented).toBeLessThanOrEqual(97);
    // The path: fewer by January 2015 than by December, a flow before and a ratio after.
    expect(named['world@2015-01-26']).toBeLessThan(named.world!);
    expect(named['world@2015-01-26']).toBeGreaterThan(named['world_2014-10-31']!);
    expect(named['flow_2014-07_2015-06']).toBeGreaterThan(0);
    expect(named['slowing_2015-09_2015-11']).toBeGreaterThanOrEqual(0);
    expect(named['attempted:United States']).toBeGreaterThanOrEqual(named['country:United States']!);
    expect(named['attemptsPerMonth:United States']).toBeGreaterThanOrEqual(0);
    expect(named['shareFrom:Tunisia']).toBeGreaterThan(0);
    expect(named['shareFrom:Tunisia']).toBeLessThan(1);
    const speed = measureSpeed(ciSpec, baselineValues, 2);
    expect(speed.perSecond).toBeGreaterThan(0);
  });
});

describe('worker threads', () => {
  it('give the same statistics as this thread, with 1 and 2 threads', async () => {
    const proposals: Proposal[] = [0, 1, 2, 3, 4, 5].map((i) => ({ key: key(i, i % 2), params: [0.002 + 0.001 * i, 0.001] }));
    const local = await localEvaluator(createModel(spec))(proposals);
    for (const threads of [1, 2]) {
      const pool = createModelPool(spec, threads);
      try {
        expect(await pool.evaluate(proposals)).toEqual(local);
      } finally {
        await pool.close();
      }
    }
  });

  it('a calibration with 1 and with 2 workers writes byte-identical posterior, statistics, fit and calibrated files', async () => {
    const one = await calibrate(calibration, { out: `${dir}/one`, workers: 1 });
    const two = await calibrate(calibration, { out: `${dir}/two`, workers: 2 });
    for (const name of ['posterior.csv', 'statistics.csv', 'fit.csv', 'calibrated.yaml']) expect(two.files[name], name).toBe(one.files[name]);
    expect(one.result.generations).toHaveLength(3);
    expect(two.summary.simulations.workers).toBe(2);
  });
});
