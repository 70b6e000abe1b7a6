/**
 * A town: the community is cut into neighbourhood blocks of blockSize
 * consecutive agents (the last block takes what remains). In each block:
 *
 * - households: runs of consecutive agents of size 1 + Poisson(householdSize − 1),
 *   each a clique (family). A household never straddles two blocks: the run is
 *   cut at the block's end, since a family shares a neighbourhood.
 * - friendship clusters: the block's agents in shuffled order, cut into groups
 *   of size 2 + Poisson(friendGroupSize − 2) (mean friendGroupSize, never a
 *   lone "group" except a leftover at the end), each pair tied with
 *   probability friendGroupDensity. Shuffling makes friends independent of
 *   household membership.
 * - acquaintances: round(size · acquaintances / 2) uniform pairs in the block.
 *
 * Then bridges: round(n · bridges / 2) uniform pairs over the whole town.
 *
 * Ties that coincide (a friend who is also family) are merged by the sink, so
 * the mean degree is a little below the sum of the parts. Each tie says its kind
 * to the sink (household, friend, acquaintance, bridge); a merged tie keeps the
 * first, the closest.
 */
import type { Rng } from '../../random/streams.js';
import type { RecipeOf } from '../recipe.js';
import type { TieSink } from '../sink.js';
import { uniformPairs } from './erdos-renyi.js';

export function town(
  recipe: RecipeOf<'town'>,
  n: number,
  offset: number,
  rng: Rng,
  sink: TieSink,
): void {
  if (n < 2) return;
  const blockSize = recipe.blockSize;
  const householdExtra = recipe.householdSize - 1;
  const groupExtra = recipe.friendGroupSize - 2;
  const density = recipe.friendGroupDensity;
  // One scratch array reused by every block's shuffle.
  const order = new Int32Array(Math.min(blockSize, n));

  for (let start = 0; start < n; start += blockSize) {
    const size = Math.min(blockSize, n - start);
    const end = start + size;

    for (let h = start; h < end; ) {
      const hEnd = Math.min(end, h + 1 + poisson(rng, householdExtra));
      for (let a = h; a < hEnd; a++) {
        for (let b = a + 1; b < hEnd; b++) sink.addTie(offset + a, offset + b, 'household');
      }
      h = hEnd;
    }

    for (let i = 0; i < size; i++) order[i] = offset + start + i;
    for (let i = size - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    for (let g = 0; g < size; ) {
      const gEnd = Math.min(size, g + 2 + poisson(rng, groupExtra));
      for (let a = g; a < gEnd; a++) {
        for (let b = a + 1; b < gEnd; b++) {
          if (rng() < density) sink.addTie(order[a]!, order[b]!, 'friend');
        }
      }
      g = gEnd;
    }

    uniformPairs(offset + start, size, Math.round((size * recipe.acquaintances) / 2), rng, sink, 'acquaintance');
  }

  uniformPairs(offset, n, Math.round((n * recipe.bridges) / 2), rng, sink, 'bridge');
}

/**
 * Poisson(lambda) by Knuth's product of uniforms: about lambda + 1 draws, which
 * is one draw per agent here since each draw sizes a group of about lambda
 * agents. The recipe caps lambda below 100, far from where e^−lambda underflows.
 */
export function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = rng();
  while (product > limit) {
    k++;
    product *= rng();
  }
  return k;
}
