/**
 * Granovetter, M. (1978) "Threshold models of collective behavior", American Journal of
 * Sociology 83(6):1420–1443, as shipped (scenarios/classics/granovetter-1978.yaml): a crowd
 * of 100 who all see each other, each joining a riot once as many others riot as its threshold.
 *
 * Two published results. The uniform crowd (thresholds 0, 1, …, 99) riots to the last person,
 * and moving the one threshold of 1 to 2 stops the riot at its instigator: exact, one run each.
 * With thresholds normal of mean 25, the number of rioters jumps from a handful to nearly all
 * as the standard deviation passes a critical value (σ ≈ 12.2 for the distribution itself);
 * over 60 crowds each, σ = 8 stays a handful and σ = 18 riots, within sampling error.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiments/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { REPO } from '../golden/outputs.js';

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

describe('Granovetter (1978), thresholds normal with mean 25', () => {
  const sd = (s: number) => [`channels.peer.perAgent.threshold.sd=${s}`];
  const nearlyAll = (xs: number[]) => xs.filter((x) => x >= 90).length / xs.length;

  it('σ = 8, below the critical value: a handful riot in nearly every crowd', () => {
    const xs = rioters(sd(8), CROWDS);
    // The distribution's own equilibrium is 0.09 rioters; a crowd riots only when its draws fall well below the normal's.
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeLessThan(2);
    expect(nearlyAll(xs)).toBeLessThanOrEqual(0.05);
  });

  it('σ = 18, above it: nearly all riot in most crowds', () => {
    const xs = rioters(sd(18), CROWDS);
    // 96 % of 50 crowds in the shipped sweep; 0.8 is 3 binomial standard errors below that with 60.
    expect(nearlyAll(xs)).toBeGreaterThanOrEqual(0.8);
  });
});
