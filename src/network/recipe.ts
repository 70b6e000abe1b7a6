/**
 * Network recipes: the part of a scenario file that says how a community's ties
 * are drawn. The schema is the single source of truth for types, defaults and
 * ranges; `Recipe` is what generators receive, defaults filled in.
 */
import { z } from 'zod';

const meanDegree = z.number().positive().max(1000)
  .describe('Mean number of ties per agent.');

export const erdosRenyiRecipe = z.strictObject({
  kind: z.literal('erdos-renyi'),
  meanDegree: meanDegree.default(8),
}).describe('Erdős–Rényi random graph G(n, m) with m = n · meanDegree / 2 ties drawn uniformly.');

export const wattsStrogatzRecipe = z.strictObject({
  kind: z.literal('watts-strogatz'),
  meanDegree: z.number().int().min(2).max(1000).multipleOf(2).default(10)
    .describe('Ring-lattice degree k (even): each agent is first tied to its k/2 nearest neighbours on each side.'),
  rewiring: z.number().min(0).max(1).default(0.1)
    .describe('Probability that each lattice tie has its far end moved to a uniformly drawn agent.'),
}).describe('Watts–Strogatz small world: a ring lattice with a share of ties rewired at random.');

export const barabasiAlbertRecipe = z.strictObject({
  kind: z.literal('barabasi-albert'),
  attach: z.number().int().min(1).max(500).default(4)
    .describe('Ties each new agent makes, by preferential attachment (mean degree ≈ 2 · attach).'),
}).describe('Barabási–Albert scale-free graph grown by preferential attachment.');

export const stochasticBlockRecipe = z.strictObject({
  kind: z.literal('stochastic-block'),
  blockSize: z.number().int().min(2).max(1_000_000).default(500)
    .describe('Agents per block (neighbourhood); the last block takes the remainder.'),
  meanDegreeWithin: meanDegree.default(8).describe('Mean ties per agent inside its own block.'),
  meanDegreeBetween: z.number().min(0).max(1000).default(1).describe('Mean ties per agent to other blocks.'),
}).describe('Stochastic block model: dense neighbourhoods, sparse ties between them.');

export const townRecipe = z.strictObject({
  kind: z.literal('town'),
  householdSize: z.number().min(1).max(50).default(4)
    .describe('Mean household size; members of a household are all tied (family).'),
  friendGroupSize: z.number().min(2).max(100).default(6)
    .describe('Mean size of a friendship cluster, drawn inside a neighbourhood block.'),
  friendGroupDensity: z.number().min(0).max(1).default(0.8)
    .describe('Probability that two members of a friendship cluster are tied.'),
  blockSize: z.number().int().min(2).max(1_000_000).default(400)
    .describe('Agents per neighbourhood block.'),
  acquaintances: z.number().min(0).max(1000).default(2)
    .describe('Mean extra ties per agent to others in the same block.'),
  bridges: z.number().min(0).max(1000).default(0.5)
    .describe('Mean ties per agent to agents elsewhere in the town.'),
}).describe('A town: households, friendship clusters and acquaintances within neighbourhood blocks, and a few ties across the town.');

export const completeRecipe = z.strictObject({
  kind: z.literal('complete'),
}).describe('Complete graph: every agent tied to every other (a crowd where everyone sees everyone; n(n − 1)/2 ties, for communities of hundreds).');

export const recipeSchema = z.discriminatedUnion('kind', [
  erdosRenyiRecipe,
  wattsStrogatzRecipe,
  barabasiAlbertRecipe,
  stochasticBlockRecipe,
  townRecipe,
  completeRecipe,
]);

export type Recipe = z.infer<typeof recipeSchema>;
export type RecipeKind = Recipe['kind'];
export type RecipeOf<K extends RecipeKind> = Extract<Recipe, { kind: K }>;
export const recipeKinds: readonly RecipeKind[] = recipeSchema.options.map((o) => o.shape.kind.value);
