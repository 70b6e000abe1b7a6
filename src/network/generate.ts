/**
 * One entry point from a recipe to ties, so callers never branch on the kind.
 */
import type { Rng } from '../random/streams.js';
import type { Recipe } from './recipe.js';
import type { TieSink } from './sink.js';
import { barabasiAlbert } from './generators/barabasi-albert.js';
import { complete } from './generators/complete.js';
import { erdosRenyi } from './generators/erdos-renyi.js';
import { stochasticBlock } from './generators/stochastic-block.js';
import { town } from './generators/town.js';
import { wattsStrogatz } from './generators/watts-strogatz.js';

/** Emits the ties of a community of n agents with ids offset .. offset + n - 1. */
export function generateNetwork(recipe: Recipe, n: number, offset: number, rng: Rng, sink: TieSink): void {
  switch (recipe.kind) {
    case 'erdos-renyi':
      return erdosRenyi(recipe, n, offset, rng, sink);
    case 'watts-strogatz':
      return wattsStrogatz(recipe, n, offset, rng, sink);
    case 'barabasi-albert':
      return barabasiAlbert(recipe, n, offset, rng, sink);
    case 'stochastic-block':
      return stochasticBlock(recipe, n, offset, rng, sink);
    case 'town':
      return town(recipe, n, offset, rng, sink);
    case 'complete':
      return complete(recipe, n, offset, sink);
    default: {
      // A new recipe kind without a generator fails to compile here.
      const unknown: never = recipe;
      throw new Error(`network/generate: no generator for recipe ${JSON.stringify(unknown)}`);
    }
  }
}
