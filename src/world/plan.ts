/**
 * The layout of a world before anything is allocated: which communities exist,
 * how many agents each holds at the scenario's scale, and about how many ties.
 * Cheap to compute, so a world too large for memory is refused before it is built.
 */
import type { Recipe } from '../network/recipe.js';
import type { Scenario, Stock } from '../scenario/schema.js';
import { PlaceIndex } from './places.js';

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
  /** The place index of this plan (world/places.ts), made once with it. */
  places: PlaceIndex;
}

// planWorld and its helpers use plain loops and objects of one shape, not spreads or
// array builtins: the arrays those return change elements kind when their caller is
// optimized, and V8 then deoptimized the code that reads them ("wrong map"), again
// 10–30 simulations into a calibration.

/** A community as the plan sees it: a named community of the file, or a country's unnamed rest. */
interface Member {
  name: string;
  population: number;
  hotbed: boolean;
  susceptibility: number;
  mediaReach: number;
  recipe: Recipe;
  route: Route;
  stock: Stock | undefined;
}

type ScenarioCountry = Scenario['places']['regions'][number]['countries'][number];
type Route = ScenarioCountry['route'];

export function planWorld(s: Scenario): WorldPlan {
  // The place index is made last, from the finished plan.
  const plan: WorldPlan = { scale: s.scale, regions: [], countries: [], communities: [], agentCount: 0, expectedTies: 0, places: undefined as unknown as PlaceIndex };
  let expectedTies = 0;
  for (const r of s.places.regions) {
    const region: PlannedRegion = { index: plan.regions.length, name: r.name, countries: [] };
    plan.regions.push(region);
    for (const c of r.countries) {
      const country: PlannedCountry = { index: plan.countries.length, name: c.name, region: region.index, stock: c.stock, communities: [] };
      plan.countries.push(country);
      region.countries.push(country.index);
      const members = membersOf(s, c);
      for (let i = 0; i < members.length; i++) {
        const m = members[i]!;
        const agents = Math.round(m.population / s.scale);
        plan.communities.push({
          index: plan.communities.length,
          name: m.name,
          country: country.index,
          region: region.index,
          hotbed: m.hotbed,
          population: m.population,
          agents,
          firstAgent: plan.agentCount,
          susceptibility: r.susceptibility * c.susceptibility * m.susceptibility,
          mediaReach: c.mediaReach * m.mediaReach,
          routeSuccess: m.route.success,
          recipe: m.recipe,
          stock: m.stock,
        });
        country.communities.push(plan.communities.length - 1);
        plan.agentCount += agents;
        expectedTies += (agents * meanDegreeOf(m.recipe, agents)) / 2;
      }
    }
  }
  for (const l of s.links) expectedTies += l.ties / s.scale;
  plan.expectedTies = Math.round(expectedTies);
  plan.places = new PlaceIndex(plan);
  return plan;
}

/** A country's named communities, then (if it has a population of its own) its unnamed rest. */
function membersOf(s: Scenario, c: ScenarioCountry): Member[] {
  const countryRecipe = resolveRecipe(s, c.network, s.networks.default!);
  const members: Member[] = [];
  for (const m of c.communities) {
    members.push(member(m.name, m.population, m.hotbed, m.susceptibility, m.mediaReach, resolveRecipe(s, m.network, countryRecipe), m.route ?? c.route, m.stock));
  }
  if (c.population !== undefined) members.push(member(c.name, c.population, false, 1, 1, countryRecipe, c.route, undefined));
  return members;
}

function member(name: string, population: number, hotbed: boolean, susceptibility: number, mediaReach: number, recipe: Recipe, route: Route, stock: Stock | undefined): Member {
  return { name, population, hotbed, susceptibility, mediaReach, recipe, route, stock };
}

function resolveRecipe(s: Scenario, ref: string | Recipe | undefined, fallback: Recipe): Recipe {
  return ref === undefined ? fallback : typeof ref === 'string' ? s.networks[ref]! : ref;
}

/** Mean ties per agent of a recipe drawn on `agents` agents. */
export function meanDegreeOf(r: Recipe, agents: number): number {
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
    case 'complete':
      return Math.max(0, agents - 1);
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
