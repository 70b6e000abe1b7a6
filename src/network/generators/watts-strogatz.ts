/**
 * Watts–Strogatz small world: ring lattice, then each tie's far end moved with
 * probability `rewiring`.
 *
 * The lattice is emitted node by node, right-hand neighbours in order, so with
 * rewiring 0 every CSR neighbour list arrives already sorted and the build's
 * sort is a single pass. A rewired end is uniform over the agents other than
 * the near end; it may land on an existing neighbour, and the sink then merges
 * the pair (about rewiring · k / n of the ties, i.e. a handful in 10 000).
 * For n ≤ k the lattice wraps onto itself and the sinks' merging leaves the
 * complete graph.
 */
import type { Rng } from '../../random/streams.js';
import type { RecipeOf } from '../recipe.js';
import type { TieSink } from '../sink.js';

export function wattsStrogatz(
  recipe: RecipeOf<'watts-strogatz'>,
  n: number,
  offset: number,
  rng: Rng,
  sink: TieSink,
): void {
  if (n < 2) return;
  const half = recipe.meanDegree / 2;
  const p = recipe.rewiring;
  const others = n - 1;
  for (let i = 0; i < n; i++) {
    for (let j = 1; j <= half; j++) {
      let far = i + j;
      if (far >= n) far %= n;
      // p = 0 takes no draws, so a pure lattice leaves the stream untouched.
      if (p > 0 && rng() < p) {
        far = Math.floor(rng() * others);
        if (far >= i) far++;
      }
      sink.addTie(offset + i, offset + far);
    }
  }
}
