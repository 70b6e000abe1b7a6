import { describe, expect, it } from 'vitest';
import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { CsrBuilder } from '../../src/network/csr.js';
import { communityBetweenness, communityDegree, topK } from '../../src/network/centrality.js';
import { generateNetwork } from '../../src/network/generate.js';
import { GraphologySink } from '../../src/network/graphology-sink.js';
import { recipeSchema } from '../../src/network/recipe.js';
import { stream } from '../../src/random/streams.js';

const rng = () => stream({ seed: 1, replicate: 0, purpose: 'test' });

function both(recipe: object, n: number, offset: number) {
  const r = recipeSchema.parse(recipe);
  const csr = new CsrBuilder(offset + n + 5);
  generateNetwork(r, n, offset, rng(), csr);
  // A few ties out of the community, which centrality must ignore.
  csr.addTie(offset, offset + n + 1);
  csr.addTie(offset + 1, offset + n + 2);
  const graph = new UndirectedGraph();
  const sink = new GraphologySink(graph);
  sink.addNodes(0, n);
  generateNetwork(r, n, 0, rng(), sink);
  return { csr: csr.build(), graph };
}

describe('network/centrality', () => {
  it('betweenness equals graphology-metrics on small communities (exact mode), ignoring outside ties', () => {
    for (const recipe of [{ kind: 'town', blockSize: 50 }, { kind: 'barabasi-albert', attach: 2 }, { kind: 'watts-strogatz', meanDegree: 4 }]) {
      const { csr, graph } = both(recipe, 300, 7);
      const ours = communityBetweenness(csr, { first: 7, count: 300 }, { rng: rng() });
      const theirs = (betweennessCentrality as unknown as (g: UndirectedGraph, o: object) => Record<string, number>)(graph, { normalized: false });
      for (let v = 0; v < 300; v++) expect(ours[v]).toBeCloseTo(theirs[String(v)]!, 6);
    }
  });

  it('sampled betweenness finds mostly the same top agents', () => {
    const { csr } = both({ kind: 'barabasi-albert', attach: 2 }, 2000, 0);
    const exact = communityBetweenness(csr, { first: 0, count: 2000 }, { rng: rng(), exactUpTo: 5000 });
    const sampled = communityBetweenness(csr, { first: 0, count: 2000 }, { rng: rng(), exactUpTo: 100, sources: 256 });
    const a = new Set(topK(exact, 20));
    const overlap = topK(sampled, 20).filter((v) => a.has(v)).length;
    expect(overlap).toBeGreaterThanOrEqual(15);
  });

  it('degree within the community and top-k with deterministic tie-breaks', () => {
    const b = new CsrBuilder(6);
    [[0, 1], [0, 2], [0, 3], [1, 2], [4, 5]].forEach(([x, y]) => b.addTie(x!, y!));
    const csr = b.build();
    expect(Array.from(communityDegree(csr, { first: 0, count: 4 }))).toEqual([3, 2, 2, 1]);
    expect(topK(Float64Array.from([1, 3, 3, 0]), 2)).toEqual([1, 2]);
  });
});
