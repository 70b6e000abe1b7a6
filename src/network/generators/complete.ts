/**
 * The complete graph: every agent tied to every other, the crowd of Granovetter's (1978)
 * threshold model of collective behaviour, where each person sees everyone else. n(n − 1)/2
 * ties: meant for crowds of hundreds, not towns (the world's memory estimate refuses large ones).
 */
import type { RecipeOf } from '../recipe.js';
import type { TieSink } from '../sink.js';

export function complete(_recipe: RecipeOf<'complete'>, n: number, offset: number, sink: TieSink): void {
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) sink.addTie(offset + a, offset + b);
}
