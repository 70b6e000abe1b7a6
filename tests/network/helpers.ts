/** Shared test plumbing: build a recipe's network into CSR or graphology from a named stream. */
import { CsrBuilder, type Csr } from '../../src/network/csr.js';
import { generateNetwork } from '../../src/network/generate.js';
import { GraphologySink, csrFromGraph } from '../../src/network/graphology-sink.js';
import { recipeSchema, type Recipe } from '../../src/network/recipe.js';
import { stream } from '../../src/random/streams.js';

/** A recipe with the schema's defaults filled in, as generators receive it. */
export function recipe(input: Record<string, unknown>): Recipe {
  return recipeSchema.parse(input);
}

export function rngFor(seed: number) {
  return stream({ seed, replicate: 0, purpose: 'network-test' });
}

/** The network of n agents at ids offset .. offset + n - 1 in a world of nodeCount agents. */
export function buildCsr(r: Recipe, n: number, seed: number, offset = 0, nodeCount = offset + n): Csr {
  const builder = new CsrBuilder(nodeCount);
  generateNetwork(r, n, offset, rngFor(seed), builder);
  return builder.build();
}

/** The same, collected through graphology and converted back. */
export function buildViaGraphology(r: Recipe, n: number, seed: number, offset = 0, nodeCount = offset + n): Csr {
  const sink = new GraphologySink();
  sink.addNodes(0, nodeCount);
  generateNetwork(r, n, offset, rngFor(seed), sink);
  return csrFromGraph(sink.graph, nodeCount);
}

/** Each tie once, as [low, high], sorted. */
export function tieList(csr: Csr): Array<[number, number]> {
  const ties: Array<[number, number]> = [];
  for (let v = 0; v < csr.nodeCount; v++) {
    for (let i = csr.offsets[v]!; i < csr.offsets[v + 1]!; i++) {
      const u = csr.neighbors[i]!;
      if (u > v) ties.push([v, u]);
    }
  }
  return ties;
}

/** Builds a CSR from an explicit tie list. */
export function csrOf(nodeCount: number, ties: Array<[number, number]>): Csr {
  const builder = new CsrBuilder(nodeCount);
  for (const [a, b] of ties) builder.addTie(a, b);
  return builder.build();
}
