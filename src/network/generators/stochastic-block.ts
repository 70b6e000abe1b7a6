/**
 * Stochastic block model over consecutive blocks of blockSize agents (the last
 * block is whatever remains, possibly smaller).
 *
 * Within each block: G(size, round(size · meanDegreeWithin / 2)). Between
 * blocks: round(n · meanDegreeBetween / 2) pairs, the first end uniform over the
 * community and the second uniform over agents outside the first end's block.
 * That is exactly uniform over between-block pairs when blocks are equal, and
 * only slightly favours a short last block otherwise; it needs no rejection
 * loop, which matters when one block holds nearly everyone.
 */
import type { Rng } from '../../random/streams.js';
import type { RecipeOf } from '../recipe.js';
import type { TieSink } from '../sink.js';
import { uniformPairs } from './erdos-renyi.js';

export function stochasticBlock(
  recipe: RecipeOf<'stochastic-block'>,
  n: number,
  offset: number,
  rng: Rng,
  sink: TieSink,
): void {
  const blockSize = recipe.blockSize;
  for (let start = 0; start < n; start += blockSize) {
    const size = Math.min(blockSize, n - start);
    uniformPairs(offset + start, size, Math.round((size * recipe.meanDegreeWithin) / 2), rng, sink);
  }

  if (n <= blockSize) return; // a single block has no other block to reach
  const between = Math.round((n * recipe.meanDegreeBetween) / 2);
  for (let t = 0; t < between; t++) {
    const a = Math.floor(rng() * n);
    const blockStart = a - (a % blockSize);
    const size = Math.min(blockSize, n - blockStart);
    // Draw among the n - size outsiders, then step over a's block.
    let b = Math.floor(rng() * (n - size));
    if (b >= blockStart) b += size;
    sink.addTie(offset + a, offset + b);
  }
}
