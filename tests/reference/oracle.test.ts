/**
 * The naive reference (tests/reference/naive.ts) as an oracle for the engine.
 *
 * W1's rule is deterministic: from the same initial active set on the same BA
 * graph, the engine's 'fractional' rule after k days and the naive synchronous
 * threshold after k steps must give the same final active set, and an agent
 * mobilized on day d must be a node activated at step d.
 *
 * W2's rule is random, and the two draw differently: a statistical check that
 * mean final active counts over many seeds agree.
 *
 * This oracle found an engine bug (fixed in Simulation.schedulePeer): a
 * neighbour's change on day d redrew an agent already due that day, pushing a
 * success due today to a later day (threshold activations one day late; the
 * cascade about 19% slower than the naive reference).
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../../src/random/streams.js';
import { activeSet, baGraph, classicWorld, initialActive, runClassic } from './classic.js';
import { naiveGraph, naiveRun } from './naive.js';

const N = 3000;
const csr = baGraph(N, 5, 7);
const graph = naiveGraph(csr);

describe('naive reference as oracle (BA n = 3,000, attach 5)', () => {
  it('builds the same graph as the CSR', () => {
    expect(graph.order).toBe(N);
    expect(graph.size).toBe(csr.offsets[N]! / 2);
    for (const v of [0, 1, 17, 2999]) expect(graph.degree(v)).toBe(csr.offsets[v + 1]! - csr.offsets[v]!);
  });

  // share, initial active share, days: the W1 setting and two that spread further.
  const check = (share: number, seedShare: number, days: number) => {
    const init = initialActive(N, seedShare, 3);
    const engine = runClassic(classicWorld(csr, init, days), 'threshold', days, 1, { share });
    const naive = naiveRun(graph, init, { rule: 'threshold', steps: days, share });
    const active = activeSet(engine);
    let mismatches = 0;
    let count = 0;
    for (let v = 0; v < N; v++) {
      const fromEngine = active[v] === 1;
      if (fromEngine !== naive.active[v]) mismatches++;
      if (fromEngine) count++;
      const day = init.includes(v) ? 0 : engine.mobilizedOn[v]!;
      if (day !== naive.activatedAt[v]) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(count).toBeGreaterThanOrEqual(init.length);
  };
  it('threshold 0.25, 1% active at start (the W1 setting), 30 days: same final active set and same activation days', () => check(0.25, 0.01, 30));
  const spreading: [number, number, number][] = [[0.15, 0.05, 30], [0.1, 0.02, 12], [0.2, 0.1, 5]];
  for (const [share, seedShare, days] of spreading) {
    it(`threshold ${share}, ${seedShare} active at start, ${days} days: same final active set and same activation days`, () => check(share, seedShare, days));
  }

  it('the spreading cases do spread (the comparison is not vacuous)', () => {
    const init = initialActive(N, 0.05, 3);
    const naive = naiveRun(graph, init, { rule: 'threshold', steps: 30, share: 0.15 });
    expect(naive.active.filter(Boolean).length).toBeGreaterThan(2 * init.length);
  });

  it('cascade (per tie per day): mean final active counts agree within 3.5 standard errors over 100 seeds', () => {
    const days = 6;
    const probability = 0.02;
    const init = initialActive(N, 0.01, 5);
    const cw = classicWorld(csr, init, days);
    const seeds = 100;
    const engine: number[] = [];
    const naive: number[] = [];
    for (let s = 1; s <= seeds; s++) {
      engine.push(activeSet(runClassic(cw, 'cascade', days, s, { probability })).reduce((a, x) => a + x, 0));
      naive.push(naiveRun(graph, init, { rule: 'cascade', steps: days, probability, rng: stream({ seed: s, replicate: 0, purpose: 'oracle/naive' }) }).active.filter(Boolean).length);
    }
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    const variance = (xs: number[]) => xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1);
    const se = Math.sqrt((variance(engine) + variance(naive)) / seeds);
    // Not saturated, and well beyond the start: the comparison has something to compare.
    expect(mean(naive)).toBeGreaterThan(2 * init.length);
    expect(mean(naive)).toBeLessThan(0.8 * N);
    expect(Math.abs(mean(engine) - mean(naive))).toBeLessThan(3.5 * se);
  });
});
