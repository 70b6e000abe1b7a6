/**
 * The layout of a world before anything is allocated: which communities exist,
 * how many agents each holds at the scenario's scale, and about how many ties.
 * Cheap to compute, so a world too large for memory is refused before it is built.
 */
import type { Recipe } from '../network/recipe.js';
import type { Scenario, Stock } from '../scenario/schema.js';

export interface PlannedCommunity {
  index: number;
  name: string;
  country: number;
  region: number;
  hotbed: boolean;
  /** People in the at-risk pool. */
  population: number;
  agents: number;
  firstAgent: number;
  /** region × country × community. */
  susceptibility: number;
  /** country × community. */
  mediaReach: number;
  routeSuccess: number;
  recipe: Recipe;
  /** This community's own stock in people, if the file set one; otherwise it gets a share of the country's rest. */
  stock?: Stock;
}

export interface PlannedCountry { index: number; name: string; region: number; stock: Stock; communities: number[] }
export interface PlannedRegion { index: number; name: string; countries: number[] }

export interface WorldPlan {
  scale: number;
  regions: PlannedRegion[];
  countries: PlannedCountry[];
  communities: PlannedCommunity[];
  agentCount: number;
  expectedTies: number;
}

export function planWorld(s: Scenario): WorldPlan {
  const regions: PlannedRegion[] = [];
  const countries: PlannedCountry[] = [];
  const communities: PlannedCommunity[] = [];
  let nextAgent = 0;
  let expectedTies = 0;
  const resolve = (ref: string | Recipe | undefined, fallback: Recipe): Recipe =>
    ref === undefined ? fallback : typeof ref === 'string' ? s.networks[ref]! : ref;

  for (const r of s.places.regions) {
    const region: PlannedRegion = { index: regions.length, name: r.name, countries: [] };
    regions.push(region);
    for (const c of r.countries) {
      const country: PlannedCountry = { index: countries.length, name: c.name, region: region.index, stock: c.stock, communities: [] };
      countries.push(country);
      region.countries.push(country.index);
      const countryRecipe = resolve(c.network, s.networks.default!);
      const members = [
        ...c.communities.map((m) => ({ ...m, recipe: resolve(m.network, countryRecipe), route: m.route ?? c.route })),
        ...(c.population !== undefined
          ? [{ name: c.name, population: c.population, hotbed: false, susceptibility: 1, mediaReach: 1, recipe: countryRecipe, route: c.route, stock: undefined }]
          : []),
      ];
      for (const m of members) {
        const agents = Math.round(m.population / s.scale);
        communities.push({
          index: communities.length,
          name: m.name,
          country: country.index,
          region: region.index,
          hotbed: m.hotbed,
          population: m.population,
          agents,
          firstAgent: nextAgent,
          susceptibility: r.susceptibility * c.susceptibility * m.susceptibility,
          mediaReach: c.mediaReach * m.mediaReach,
          routeSuccess: m.route.success,
          recipe: m.recipe,
          stock: m.stock,
        });
        country.communities.push(communities.length - 1);
        nextAgent += agents;
        expectedTies += (agents * meanDegreeOf(m.recipe)) / 2;
      }
    }
  }
  for (const l of s.links) expectedTies += l.ties / s.scale;
  return { scale: s.scale, regions, countries, communities, agentCount: nextAgent, expectedTies: Math.round(expectedTies) };
}

export function meanDegreeOf(r: Recipe): number {
  switch (r.kind) {
    case 'erdos-renyi':
    case 'watts-strogatz':
      return r.meanDegree;
    case 'barabasi-albert':
      return 2 * r.attach;
    case 'stochastic-block':
      return r.meanDegreeWithin + r.meanDegreeBetween;
    case 'town':
      return r.householdSize - 1 + (r.friendGroupSize - 1) * r.friendGroupDensity + r.acquaintances + r.bridges;
  }
}

/**
 * Bytes a run of this world needs at its peak: per-agent engine arrays and
 * the CSR build (tie pairs, then neighbour lists). Measured peaks stay below it.
 */
export function estimateBytes(plan: Pick<WorldPlan, 'agentCount' | 'expectedTies'>): number {
  const perAgent = 72;
  const perTie = 40;
  return 64 * 2 ** 20 + plan.agentCount * perAgent + plan.expectedTies * perTie;
}

/** The names of a plan's places, by level: what a targets file may name. */
export function placeNames(plan: WorldPlan): { regions: string[]; countries: string[]; communities: string[] } {
  return {
    regions: plan.regions.map((r) => r.name),
    countries: plan.countries.map((c) => c.name),
    communities: plan.communities.map((c) => c.name),
  };
}
