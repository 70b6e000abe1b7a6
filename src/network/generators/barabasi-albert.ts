/**
 * Barabási–Albert preferential attachment with the repeated-endpoints list: every
 * tie puts both its ends on the list, so a uniform pick from the list is a pick
 * proportional to degree, in O(1).
 *
 * Growth starts from a clique of attach + 1 agents, so that the first newcomer
 * already finds `attach` distinct agents to join and every agent's degree is at
 * least `attach`. With n ≤ attach + 1 the whole community is that clique.
 */
import type { Rng } from '../../random/streams.js';
import type { RecipeOf } from '../recipe.js';
import type { TieSink } from '../sink.js';

export function barabasiAlbert(
  recipe: RecipeOf<'barabasi-albert'>,
  n: number,
  offset: number,
  rng: Rng,
  sink: TieSink,
): void {
  const m = recipe.attach;
  const seedSize = Math.min(n, m + 1);
  for (let a = 0; a < seedSize; a++) {
    for (let b = a + 1; b < seedSize; b++) sink.addTie(offset + a, offset + b);
  }
  if (n <= seedSize) return;

  // Sized exactly once: the clique's ends plus 2 · attach per newcomer.
  const ends = new Int32Array(seedSize * (seedSize - 1) + 2 * m * (n - seedSize));
  let length = 0;
  for (let a = 0; a < seedSize; a++) {
    for (let b = a + 1; b < seedSize; b++) {
      ends[length++] = a;
      ends[length++] = b;
    }
  }

  // pickedBy[u] === v marks u as already chosen by newcomer v: a distinctness
  // test with no per-node set. Newcomers start at seedSize ≥ 2, so the array's
  // initial zeros never look like a mark.
  const pickedBy = new Int32Array(n);
  const picks = new Int32Array(m);
  for (let v = seedSize; v < n; v++) {
    let count = 0;
    while (count < m) {
      const u = ends[Math.floor(rng() * length)]!;
      if (pickedBy[u] === v) continue;
      pickedBy[u] = v;
      picks[count++] = u;
    }
    // Ends go on the list only after all picks, so v cannot pick itself and its
    // own fresh ties do not bias its later picks.
    for (let t = 0; t < m; t++) {
      const u = picks[t]!;
      sink.addTie(offset + v, offset + u);
      ends[length++] = v;
      ends[length++] = u;
    }
  }
}
