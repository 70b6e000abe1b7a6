/**
 * The fractional threshold rule of Granovetter (1978) and Watts (2002) on the shipped town
 * against an Erdős–Rényi graph of the same mean degree (scenarios/classics/experiments/town-threshold.yaml),
 * through the sweep's own model. Watts' cascade condition for the random graph (z = 10.64)
 * fails for φ > 1/8; at φ = 0.14 the shipped sweep gave 14 global cascades in 40 on the town
 * and 0 in 40 on the random graph.
 *
 * Tolerance, 30 runs: on the town P ≈ 0.35 gives at least 4 cascades but with probability
 * 0.002; on the random graph "at most 1" fails only if P is well above 0.05 (at P = 0.05 it
 * holds with probability 0.55, at 0.01 with 0.96); at φ = 0.08, inside the window, both
 * cascade in every run of 10 (40 of 40 in the sweep).
 */
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/sweep/file.js';
import { createSweepModel } from '../../src/sweep/simulator.js';

describe('classics: a threshold cascade on the town and on a random graph', () => {
  const { plan, loaded } = loadExperiment('scenarios/classics/experiments/town-threshold.yaml', { toolVersion: 'test' });
  const model = createSweepModel({ scenario: loaded.scenario, paths: plan.factors.map((f) => f.path), outputs: plan.outputs });
  const [town, random] = ['town_global', 'random_global'].map((name) => plan.outputs.findIndex((o) => o.name === name)) as [number, number];
  const cascades = (phi: number, runs: number) => {
    const outs = Array.from({ length: runs }, (_x, r) => model([phi], 700 + r));
    return { town: outs.filter((o) => o[town] === 1).length, random: outs.filter((o) => o[random] === 1).length };
  };

  it('sets the town of single-town.yaml beside an Erdős–Rényi graph of its mean degree', () => {
    const s = loaded.scenario;
    expect(s.networks.town).toMatchObject({ kind: 'town', householdSize: 4, friendGroupSize: 6, blockSize: 400 });
    expect(s.networks.random).toEqual({ kind: 'erdos-renyi', meanDegree: 10.64 });
    expect(s.channels.peer).toMatchObject({ rule: 'fractional', susceptibleReceptivity: 1 });
    expect(s.channels.media).toEqual({ exposure: 0, mobilization: 0 });
  });

  it('inside the random graph\'s window (φ = 0.08) both cascade', () => {
    expect(cascades(0.08, 10)).toEqual({ town: 10, random: 10 });
  });

  it('past it (φ = 0.14) the town still cascades in some runs, the random graph in none', () => {
    const { town: t, random: r } = cascades(0.14, 30);
    expect(t).toBeGreaterThanOrEqual(4);
    expect(r).toBeLessThanOrEqual(1);
  });
});
