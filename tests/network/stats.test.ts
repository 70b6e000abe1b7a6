import { connectedComponents } from 'graphology-components';
import { describe, expect, it } from 'vitest';
import { hasTie, type Csr } from '../../src/network/csr.js';
import { graphFromCsr } from '../../src/network/graphology-sink.js';
import { networkStats } from '../../src/network/stats.js';
import { stream } from '../../src/random/streams.js';
import { buildCsr, csrOf, recipe } from './helpers.js';

describe('networkStats on hand-checkable graphs', () => {
  it('triangle', () => {
    const s = networkStats(csrOf(3, [[0, 1], [1, 2], [2, 0]]));
    expect(s).toEqual({
      nodes: 3,
      ties: 3,
      meanDegree: 2,
      maxDegree: 2,
      clustering: { average: 1, global: 1, sampled: null },
      components: { count: 1, largest: 3, isolated: 0 },
      degreeHistogram: [{ degree: 2, count: 3 }],
    });
  });

  it('path 0–1–2–3', () => {
    const s = networkStats(csrOf(4, [[0, 1], [1, 2], [2, 3]]));
    expect(s.ties).toBe(3);
    expect(s.meanDegree).toBe(1.5);
    expect(s.clustering).toEqual({ average: 0, global: 0, sampled: null });
    expect(s.components).toEqual({ count: 1, largest: 4, isolated: 0 });
    expect(s.degreeHistogram).toEqual([{ degree: 1, count: 2 }, { degree: 2, count: 2 }]);
  });

  it('star with four leaves', () => {
    const s = networkStats(csrOf(5, [[0, 1], [0, 2], [0, 3], [0, 4]]));
    expect(s.maxDegree).toBe(4);
    expect(s.clustering.average).toBe(0);
    expect(s.clustering.global).toBe(0);
    expect(s.degreeHistogram).toEqual([{ degree: 1, count: 4 }, { degree: 4, count: 1 }]);
  });

  it('triangle with a pendant: local and global clustering differ', () => {
    // Local: 1, 1, 1/3 (node 2 has 3 neighbour pairs, 1 tied), 0.
    // Global: 3 · 1 triangle / (1 + 1 + 3 + 0) triples.
    const s = networkStats(csrOf(4, [[0, 1], [1, 2], [2, 0], [2, 3]]));
    expect(s.clustering.average).toBeCloseTo((1 + 1 + 1 / 3 + 0) / 4, 15);
    expect(s.clustering.global).toBeCloseTo(3 / 5, 15);
  });

  it('two components and an isolated node', () => {
    // Triangle 0–1–2, tie 3–4, node 5 alone.
    const s = networkStats(csrOf(6, [[0, 1], [1, 2], [2, 0], [3, 4]]));
    expect(s.components).toEqual({ count: 3, largest: 3, isolated: 1 });
    expect(s.degreeHistogram).toEqual([
      { degree: 0, count: 1 },
      { degree: 1, count: 2 },
      { degree: 2, count: 3 },
    ]);
    // Nodes of degree < 2 count as 0 in the average.
    expect(s.clustering.average).toBeCloseTo(3 / 6, 15);
    expect(s.clustering.global).toBe(1);
  });

  it('empty world', () => {
    const s = networkStats(csrOf(0, []));
    expect(s).toEqual({
      nodes: 0,
      ties: 0,
      meanDegree: 0,
      maxDegree: 0,
      clustering: { average: 0, global: 0, sampled: null },
      components: { count: 0, largest: 0, isolated: 0 },
      degreeHistogram: [],
    });
  });
});

/** Clustering by definition: test every pair of neighbours. */
function naiveClustering(csr: Csr): { average: number; global: number } {
  let sum = 0;
  let closed = 0;
  let triples = 0;
  for (let v = 0; v < csr.nodeCount; v++) {
    const ns = Array.from(csr.neighbors.subarray(csr.offsets[v], csr.offsets[v + 1]));
    let links = 0;
    for (let i = 0; i < ns.length; i++) {
      for (let j = i + 1; j < ns.length; j++) if (hasTie(csr, ns[i]!, ns[j]!)) links++;
    }
    const pairs = (ns.length * (ns.length - 1)) / 2;
    if (pairs > 0) sum += links / pairs;
    closed += links;
    triples += pairs;
  }
  return { average: sum / csr.nodeCount, global: closed / triples };
}

describe('networkStats on generated networks', () => {
  it.each(['erdos-renyi', 'barabasi-albert', 'town', 'watts-strogatz'])(
    'exact clustering agrees with the definition (%s)',
    (kind) => {
      const csr = buildCsr(recipe({ kind }), 400, 9);
      const naive = naiveClustering(csr);
      const { clustering } = networkStats(csr);
      expect(clustering.average).toBeCloseTo(naive.average, 12);
      expect(clustering.global).toBeCloseTo(naive.global, 12);
    },
  );

  it('sampled clustering estimates the exact value and says it was sampled', () => {
    const csr = buildCsr(recipe({ kind: 'town' }), 20_000, 2);
    const exact = networkStats(csr).clustering;
    const rng = stream({ seed: 1, replicate: 0, purpose: 'clustering-sample' });
    const sampled = networkStats(csr, { clusteringSample: { size: 4000, rng } }).clustering;
    expect(sampled.sampled).toBe(4000);
    // Local clustering has sd ≈ 0.2 across nodes, so the mean of 4000 has
    // sd ≈ 0.003; 0.02 is > 5 sd.
    expect(Math.abs(sampled.average - exact.average)).toBeLessThan(0.02);
    expect(Math.abs(sampled.global - exact.global)).toBeLessThan(0.02);
  });

  it('a sample as large as the network is exact', () => {
    const csr = buildCsr(recipe({ kind: 'town' }), 300, 2);
    const rng = stream({ seed: 1, replicate: 0, purpose: 'clustering-sample' });
    expect(networkStats(csr, { clusteringSample: { size: 300, rng } })).toEqual(networkStats(csr));
  });

  it('components agree with graphology-components on a fragmented graph', () => {
    const csr = buildCsr(recipe({ kind: 'erdos-renyi', meanDegree: 1 }), 3000, 5);
    const reference = connectedComponents(graphFromCsr(csr));
    const s = networkStats(csr);
    expect(s.components.count).toBe(reference.length);
    expect(s.components.largest).toBe(Math.max(...reference.map((c) => c.length)));
    expect(s.components.isolated).toBe(reference.filter((c) => c.length === 1).length);
    expect(s.degreeHistogram.reduce((sum, { count }) => sum + count, 0)).toBe(3000);
  });
});
