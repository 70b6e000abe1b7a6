/**
 * Granovetter, M. (1978) "Threshold models of collective behavior", American Journal of
 * Sociology 83(6):1420–1443, as shipped (scenarios/classics/granovetter-1978.yaml): a crowd
 * of 100 who all see each other, each joining a riot once as many others riot as its threshold.
 *
 * Two published results. The uniform crowd (thresholds 0, 1, …, 99) riots to the last person,
 * and moving the one threshold of 1 to 2 stops the riot at its instigator: exact, one run each.
 * With thresholds normal of mean 25, the number of rioters jumps from a handful to nearly all
 * as the standard deviation passes a critical value (σ ≈ 12.2 for the distribution itself);
 * over 60 crowds each of the shipped sweep's model (its per-run indicator nearly_all: at least
 * 90 of the 100 riot), σ = 8 stays a handful and σ = 18 riots, within sampling error.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiments/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { REPO } from '../golden/outputs.js';
import { wilsonInterval } from '../../src/numeric/wilson.js';
import { loadExperiment } from '../../src/sweep/file.js';
import { createSweepModel } from '../../src/sweep/simulator.js';

const FILE = join(REPO, 'scenarios', 'classics', 'granovetter-1978.yaml');
const CROWDS = 60;

/** Rioters of each crowd: agents who mobilized at some point. */
function rioters(set: string[], replicates: number): number[] {
  const { scenario } = loadScenario(FILE, { set });
  const counts: number[] = [];
  runScenario(scenario, {
    replicates,
    keepSnapshots: false,
    onOutcome: (_r, _world, outcome) => counts.push(outcome.mobilizedOn.reduce((n, day) => n + (day >= 0 ? 1 : 0), 0)),
  });
  return counts;
}

const list = (values: number[]) => `channels.peer.perAgent.threshold={kind: values, values: [${values.join(', ')}]}`;

describe('Granovetter (1978), the uniform crowd', () => {
  const uniform = Array.from({ length: 100 }, (_, i) => i);

  it('thresholds 0, 1, …, 99: all 100 riot', () => {
    expect(rioters([list(uniform)], 1)).toEqual([100]);
  });

  it('the threshold of 1 moved to 2: only the instigator riots', () => {
    expect(rioters([list(uniform.map((t) => (t === 1 ? 2 : t)))], 1)).toEqual([1]);
  });
});

describe('Granovetter (1978), thresholds normal with mean 25 (the shipped sweep)', () => {
  const { plan, loaded } = loadExperiment('scenarios/classics/experiments/granovetter-1978.yaml', { toolVersion: 'test' });
  const model = createSweepModel({ scenario: loaded.scenario, paths: plan.factors.map((f) => f.path), outputs: plan.outputs });
  const [nearlyAll, finalShare] = ['nearly_all', 'final_share'].map((name) => plan.outputs.findIndex((o) => o.name === name)) as [number, number];
  const crowds = (sd: number) => Array.from({ length: CROWDS }, (_x, r) => model([sd], 300 + r));

  it('counts a riot of nearly all as at least 90 of the 100', () => {
    expect(plan.outputs[nearlyAll]).toMatchObject({ measure: 'adopted_share', atLeast: 0.9 });
    expect(loaded.scenario.places.regions[0]!.countries[0]!.population).toBe(100);
  });

  it('σ = 8, below the critical value: a handful riot in nearly every crowd', () => {
    const outs = crowds(8);
    // The distribution's own equilibrium is 0.09 rioters; a crowd riots only when its draws fall well below the normal's.
    expect(outs.reduce((a, o) => a + o[finalShare]!, 0) / CROWDS).toBeLessThan(0.02);
    expect(outs.filter((o) => o[nearlyAll] === 1).length / CROWDS).toBeLessThanOrEqual(0.05);
  });

  it('σ = 18, above it: nearly all riot in most crowds', () => {
    const riots = crowds(18).filter((o) => o[nearlyAll] === 1).length;
    // 48 of 50 crowds in the shipped sweep; the Wilson 95 % lower bound of 60 crowds must clear 0.7
    // (49 crowds or more; at P = 0.96 fewer happen with probability 4e-6, at P = 0.75 more with 0.15).
    expect(wilsonInterval(riots, CROWDS).low).toBeGreaterThan(0.7);
  });
});
