import { describe, expect, it } from 'vitest';
import { degree, hasTie, tieCount, type Csr } from '../../src/network/csr.js';
import { recipeKinds, type Recipe, type RecipeKind } from '../../src/network/recipe.js';
import { networkStats } from '../../src/network/stats.js';
import { generateNetwork } from '../../src/network/generate.js';
import { GraphologySink, csrFromGraph } from '../../src/network/graphology-sink.js';
import { tieKinds } from '../../src/network/sink.js';
import { buildCsr, buildViaGraphology, recipe, rngFor, tieList } from './helpers.js';

const N = 2000;
const SIZE = N;

/** One representative recipe per kind (schema defaults unless stated). */
const recipes: Record<RecipeKind, Recipe> = {
  'erdos-renyi': recipe({ kind: 'erdos-renyi', meanDegree: 8 }),
  'watts-strogatz': recipe({ kind: 'watts-strogatz', meanDegree: 10, rewiring: 0.1 }),
  'barabasi-albert': recipe({ kind: 'barabasi-albert', attach: 4 }),
  'stochastic-block': recipe({ kind: 'stochastic-block', blockSize: 500, meanDegreeWithin: 8, meanDegreeBetween: 1 }),
  town: recipe({ kind: 'town' }),
  complete: recipe({ kind: 'complete' }),
};

function expectNoSelfLoopsOrRepeats(csr: Csr): void {
  for (let v = 0; v < csr.nodeCount; v++) {
    for (let i = csr.offsets[v]!; i < csr.offsets[v + 1]!; i++) {
      expect(csr.neighbors[i]).not.toBe(v);
      if (i > csr.offsets[v]!) expect(csr.neighbors[i]).toBeGreaterThan(csr.neighbors[i - 1]!);
    }
  }
}

/** Expected distinct pairs among m independent uniform draws from P pairs. */
function expectedDistinct(pairs: number, m: number): number {
  return pairs * (1 - Math.pow(1 - 1 / pairs, m));
}

describe.each(recipeKinds)('%s generator', (kind) => {
  const r = recipes[kind];
  // The complete graph's ties grow as n²: 200 agents make 19,900 of them.
  const N = kind === 'complete' ? 200 : SIZE;

  it('emits no self-loops (and the CSR has sorted, repeat-free lists)', () => {
    expectNoSelfLoopsOrRepeats(buildCsr(r, N, 1));
  });

  it('is deterministic in the seed', () => {
    const a = buildCsr(r, N, 7);
    const b = buildCsr(r, N, 7);
    const c = buildCsr(r, N, 8);
    expect(b.offsets).toEqual(a.offsets);
    expect(b.neighbors).toEqual(a.neighbors);
    // The complete graph draws nothing: every seed gives it.
    if (kind === 'complete') expect(c.neighbors).toEqual(a.neighbors);
    else expect(c.neighbors).not.toEqual(a.neighbors);
  });

  it('gives the same ties into CsrBuilder and into GraphologySink', () => {
    const direct = buildCsr(r, N, 3);
    const viaGraph = buildViaGraphology(r, N, 3);
    expect(viaGraph.offsets).toEqual(direct.offsets);
    expect(viaGraph.neighbors).toEqual(direct.neighbors);
  });

  it('shifts by offset and touches nothing outside its range', () => {
    const offset = 100;
    const alone = buildCsr(r, 300, 5);
    const placed = buildCsr(r, 300, 5, offset, offset + 300 + 50);
    for (let v = 0; v < offset; v++) expect(degree(placed, v)).toBe(0);
    for (let v = offset + 300; v < placed.nodeCount; v++) expect(degree(placed, v)).toBe(0);
    expect(tieList(placed)).toEqual(tieList(alone).map(([a, b]) => [a + offset, b + offset]));
  });

  it.each([0, 1, 2, 3])('handles a community of %i agents', (n) => {
    const offset = 4;
    const csr = buildCsr(r, n, 2, offset, offset + n + 4);
    for (const [a, b] of tieList(csr)) {
      expect(a).toBeGreaterThanOrEqual(offset);
      expect(b).toBeLessThan(offset + n);
    }
    expect(tieCount(csr)).toBeLessThanOrEqual((n * (n - 1)) / 2);
  });
});

describe('erdos-renyi', () => {
  it('draws round(n · meanDegree / 2) pairs, less the repeats merged', () => {
    const csr = buildCsr(recipes['erdos-renyi'], N, 1);
    const m = Math.round((N * 8) / 2);
    // Only repeats make the count random: about m² / (2 · pairs) ≈ 16 of them,
    // roughly Poisson, so 5 sd = 20 ties either side of the expectation.
    const expected = expectedDistinct((N * (N - 1)) / 2, m);
    expect(tieCount(csr)).toBeLessThanOrEqual(m);
    expect(Math.abs(tieCount(csr) - expected)).toBeLessThanOrEqual(20);
  });
});

describe('watts-strogatz', () => {
  it('without rewiring is exactly the ring lattice', () => {
    for (const k of [2, 4, 10]) {
      const csr = buildCsr(recipe({ kind: 'watts-strogatz', meanDegree: k, rewiring: 0 }), N, 1);
      expect(tieCount(csr)).toBe((N * k) / 2);
      for (let v = 0; v < N; v++) {
        expect(degree(csr, v)).toBe(k);
        for (let j = 1; j <= k / 2; j++) expect(hasTie(csr, v, (v + j) % N)).toBe(true);
      }
      const expected = (3 * (k - 2)) / (4 * (k - 1));
      const { clustering } = networkStats(csr);
      expect(clustering.average).toBeCloseTo(expected, 12);
      expect(clustering.global).toBeCloseTo(expected, 12);
    }
  });

  it('keeps n · k / 2 ties, less the few rewired onto an existing tie', () => {
    const csr = buildCsr(recipes['watts-strogatz'], N, 1);
    // ≈ 1000 rewired ends each hit one of ~10 existing neighbours among 1999
    // agents: ~5 merges, Poisson, so 20 covers 5 + 6 sd.
    expect(tieCount(csr)).toBeLessThanOrEqual(10_000);
    expect(tieCount(csr)).toBeGreaterThanOrEqual(10_000 - 20);
  });

  it('rewiring lowers clustering from the lattice value', () => {
    const lattice = (3 * 8) / (4 * 9);
    const { clustering } = networkStats(buildCsr(recipes['watts-strogatz'], N, 1));
    // Expected (1 − p)³ of the lattice value for p = 0.1.
    expect(clustering.average).toBeGreaterThan(0.6 * lattice);
    expect(clustering.average).toBeLessThan(0.8 * lattice);
  });

  it('with n ≤ k wraps into the complete graph', () => {
    const csr = buildCsr(recipe({ kind: 'watts-strogatz', meanDegree: 10, rewiring: 0 }), 5, 1);
    expect(tieCount(csr)).toBe(10);
  });
});

describe('barabasi-albert', () => {
  const attach = 4;

  it('has exactly the clique plus attach ties per newcomer', () => {
    const csr = buildCsr(recipes['barabasi-albert'], N, 1);
    // Picks are distinct by construction, so nothing is merged.
    expect(tieCount(csr)).toBe(((attach + 1) * attach) / 2 + (N - attach - 1) * attach);
  });

  it('gives every agent at least attach ties and a heavy tail', () => {
    const csr = buildCsr(recipes['barabasi-albert'], N, 1);
    for (let v = 0; v < N; v++) expect(degree(csr, v)).toBeGreaterThanOrEqual(attach);
    const stats = networkStats(csr);
    const er = networkStats(buildCsr(recipe({ kind: 'erdos-renyi', meanDegree: stats.meanDegree }), N, 1));
    // Hubs grow like √n · attach (~180 here); a Poisson degree of mean 8 stays under ~25.
    expect(stats.maxDegree).toBeGreaterThan(8 * stats.meanDegree);
    expect(stats.maxDegree).toBeGreaterThan(4 * er.maxDegree);
  });

  it('makes a clique when n ≤ attach + 1', () => {
    for (const n of [2, 3, 5]) {
      expect(tieCount(buildCsr(recipes['barabasi-albert'], n, 1))).toBe((n * (n - 1)) / 2);
    }
  });
});

describe('stochastic-block', () => {
  it('has ties within blocks dominating and the expected between-block count', () => {
    const csr = buildCsr(recipes['stochastic-block'], N, 1);
    let within = 0;
    let between = 0;
    for (const [a, b] of tieList(csr)) {
      if (Math.floor(a / 500) === Math.floor(b / 500)) within++;
      else between++;
    }
    // Within: 4 blocks × 2000 draws, ≈ 16 repeats merged per block (sd ≈ 8 in all): 40 = 5 sd.
    const expectedWithin = 4 * expectedDistinct((500 * 499) / 2, 2000);
    expect(Math.abs(within - expectedWithin)).toBeLessThanOrEqual(40);
    // Between: 1000 draws over 1.5 M pairs, repeats ≈ 0.3.
    expect(between).toBeGreaterThanOrEqual(995);
    expect(between).toBeLessThanOrEqual(1000);
    expect(within / (within + between)).toBeGreaterThan(0.85);
  });

  it('lets the last block take the remainder', () => {
    // Blocks 0–499, 500–999, 1000–1049.
    const r = recipe({ kind: 'stochastic-block', blockSize: 500, meanDegreeWithin: 8, meanDegreeBetween: 0 });
    const csr = buildCsr(r, 1050, 1);
    for (const [a, b] of tieList(csr)) expect(Math.floor(a / 500)).toBe(Math.floor(b / 500));
    let lastBlockTies = 0;
    for (const [a] of tieList(csr)) if (a >= 1000) lastBlockTies++;
    expect(lastBlockTies).toBeGreaterThan(150); // 200 draws among 1225 pairs
  });
});

describe('town', () => {
  const r = recipes.town as Extract<Recipe, { kind: 'town' }>;

  it('has the mean degree its parts add up to', () => {
    const stats = networkStats(buildCsr(r, N, 1));
    const lh = r.householdSize - 1;
    const lg = r.friendGroupSize - 2;
    const expected =
      (2 * lh + lh * lh) / (1 + lh) // household of 1 + Poisson(lh): E[S(S−1)] / E[S]
      + (r.friendGroupDensity * (2 + 4 * lg + lg * lg)) / (2 + lg) // group of 2 + Poisson(lg)
      + r.acquaintances
      + r.bridges;
    // Merged coincident ties and groups cut at block ends take ~1 % off; the
    // sd over seeds is ~1.3 % at n = 2000 (household and group sizes), so 7 %
    // is the 1 % bias plus > 4 sd.
    expect(Math.abs(stats.meanDegree - expected) / expected).toBeLessThan(0.07);
  });

  it('clusters far more than a random graph of the same mean degree', () => {
    const town = networkStats(buildCsr(r, N, 1));
    const er = networkStats(buildCsr(recipe({ kind: 'erdos-renyi', meanDegree: town.meanDegree }), N, 1));
    expect(town.clustering.average).toBeGreaterThan(0.15);
    expect(town.clustering.average).toBeGreaterThan(10 * er.clustering.average);
  });

  it('makes each household a clique inside one block', () => {
    // Only households: no friends, acquaintances or bridges.
    const families = recipe({ kind: 'town', friendGroupDensity: 0, acquaintances: 0, bridges: 0, blockSize: 50 });
    const csr = buildCsr(families, 1000, 1);
    for (const [a, b] of tieList(csr)) {
      expect(Math.floor(a / 50)).toBe(Math.floor(b / 50));
      // Consecutive agents: every agent between a and b shares the household.
      for (let c = a + 1; c < b; c++) {
        expect(hasTie(csr, a, c)).toBe(true);
        expect(hasTie(csr, c, b)).toBe(true);
      }
    }
  });

  it('names each tie\'s kind: households are runs of consecutive agents, friends and acquaintances stay in their block, only bridges cross blocks', () => {
    const sink = new GraphologySink();
    generateNetwork(recipe({ kind: 'town', blockSize: 100 }), 1000, 0, rngFor(3), sink);
    const byKind = new Map<string, number>();
    sink.graph.forEachEdge((_key, { tie }, source, target) => {
      byKind.set(tie, (byKind.get(tie) ?? 0) + 1);
      const [a, b] = [Number(source), Number(target)].sort((x, y) => x - y) as [number, number];
      if (tie !== 'bridge') expect(Math.floor(a / 100), `${tie} ${a}-${b}`).toBe(Math.floor(b / 100));
      // A household's members are consecutive and tied to one another.
      if (tie === 'household') for (let c = a + 1; c < b; c++) expect(sink.graph.hasEdge(String(a), String(c))).toBe(true);
    });
    expect([...byKind.keys()].sort()).toEqual([...tieKinds].sort());
    // A tie drawn twice keeps its first, closest kind; the ties are the run's all the same.
    expect(csrFromGraph(sink.graph, 1000).neighbors).toEqual(buildCsr(recipe({ kind: 'town', blockSize: 100 }), 1000, 3).neighbors);
  });

  it('keeps friends and acquaintances inside the block without bridges', () => {
    const r2 = recipe({ kind: 'town', bridges: 0, blockSize: 100 });
    const csr = buildCsr(r2, 1000, 1);
    for (const [a, b] of tieList(csr)) expect(Math.floor(a / 100)).toBe(Math.floor(b / 100));
  });
});

describe('complete', () => {
  it('ties every agent to every other, once', () => {
    const n = 100;
    const csr = buildCsr(recipes.complete, n, 1);
    expect(tieCount(csr)).toBe((n * (n - 1)) / 2);
    for (let v = 0; v < n; v++) expect(degree(csr, v)).toBe(n - 1);
  });
});
