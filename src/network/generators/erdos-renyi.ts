/**
 * Erdős–Rényi G(n, m): m = round(n · meanDegree / 2) uniformly drawn pairs.
 *
 * Pairs are drawn independently and the sink merges the rare repeats, so the tie
 * count falls short of m by about m² / n² (≈ 16 ties for n = 2000, degree 8).
 * Exact G(n, m) would need a set of drawn pairs, which costs far more than the
 * few lost ties are worth.
 */
import type { Rng } from '../../random/streams.js';
import type { RecipeOf } from '../recipe.js';
import type { TieKind, TieSink } from '../sink.js';

export function erdosRenyi(
  recipe: RecipeOf<'erdos-renyi'>,
  n: number,
  offset: number,
  rng: Rng,
  sink: TieSink,
): void {
  uniformPairs(offset, n, Math.round((n * recipe.meanDegree) / 2), rng, sink);
}

/**
 * m independent uniform pairs of distinct agents among first .. first + size - 1.
 * Shared by the block model and the town, whose within-group ties are G(n, m) too
 * (the town names their kind).
 */
export function uniformPairs(first: number, size: number, m: number, rng: Rng, sink: TieSink, kind?: TieKind): void {
  if (size < 2) return;
  const others = size - 1;
  for (let t = 0; t < m; t++) {
    const a = Math.floor(rng() * size);
    // Drawing b among the size - 1 others and skipping a keeps one draw per end
    // and never wastes a pair on a self-loop.
    let b = Math.floor(rng() * others);
    if (b >= a) b++;
    sink.addTie(first + a, first + b, kind);
  }
}
