/**
 * How many agents of the initial stock each community gets, of each kind, at the
 * plan's scale. Counts are rounded by largest remainder down the place tree: the
 * world's exact total (people / scale) to the nearest agent, that total to the
 * regions, each region's to its countries, each country's to its (community, kind)
 * cells. So the world is within half an agent of the file at every scale, every
 * region and country within one agent, and the counts depend on the plan alone
 * (not on the seed). Where the agents go is world/place-stock.ts's job.
 */
import { apportion } from './apportion.js';
import type { PlannedCommunity, PlannedCountry, WorldPlan } from './plan.js';

export const STOCK_KINDS = ['abroad', 'returned', 'dead'] as const;
export type StockKind = (typeof STOCK_KINDS)[number];

/** Agents of each kind of stock. */
export type StockAgents = Record<StockKind, number>;

export interface StockCounts {
  /** Per community (the plan's order), its agents of each kind, before any cap at its agent count. */
  communities: StockAgents[];
  /** Per country (the plan's order), its agents in all. */
  countries: number[];
}

// Plain loops rather than map / filter / reduce on the plan: see planWorld (an array
// builtin's result changes elements kind with V8's tier, and readers deoptimized).

export function stockCounts(plan: WorldPlan): StockCounts {
  const cells: number[][] = [];
  const countryExact: number[] = [];
  for (const country of plan.countries) {
    const exact = exactCells(plan, country);
    cells.push(exact);
    countryExact.push(sum(exact));
  }
  const regionExact: number[] = [];
  for (const region of plan.regions) {
    let exact = 0;
    for (const i of region.countries) exact += countryExact[i]!;
    regionExact.push(exact);
  }
  const regionAgents = apportion(regionExact, Math.round(sum(regionExact)));

  const counts: StockCounts = { communities: [], countries: new Array<number>(plan.countries.length).fill(0) };
  for (let i = 0; i < plan.communities.length; i++) counts.communities.push({ abroad: 0, returned: 0, dead: 0 });
  for (const region of plan.regions) {
    const shares: number[] = [];
    for (const i of region.countries) shares.push(countryExact[i]!);
    const agents = representedApportion(shares, regionAgents[region.index]!);
    for (let k = 0; k < region.countries.length; k++) {
      const country = plan.countries[region.countries[k]!]!;
      counts.countries[country.index] = agents[k]!;
      const cellAgents = apportion(cells[country.index]!, agents[k]!);
      for (let m = 0; m < country.communities.length; m++) {
        const perKind = counts.communities[country.communities[m]!]!;
        for (let j = 0; j < STOCK_KINDS.length; j++) perKind[STOCK_KINDS[j]!] = cellAgents[m * STOCK_KINDS.length + j]!;
      }
    }
  }
  return counts;
}

/**
 * A region's agents to its countries, every country with a stock keeping at least one:
 * the report counts countries represented ("at least 86"), and a contingent rounded away
 * at the start is a country missing from the run. The agents given to countries under one
 * agent are taken from the others in proportion to their shares, so the region's total
 * (and the world's) still follows the file; where the region has fewer agents than such
 * countries, plain largest remainder decides (world/messages warn about both).
 */
function representedApportion(shares: readonly number[], total: number): number[] {
  let positive = 0;
  let small = 0;
  let others = 0;
  for (const x of shares) {
    if (x > 0) positive++;
    if (x > 0 && x < 1) small++;
    else others += x;
  }
  if (small === 0 || positive > total || others === 0) return apportion(shares, total);
  const rest = total - small;
  const scaled: number[] = [];
  for (const x of shares) scaled.push(x > 0 && x < 1 ? 0 : (x * rest) / others);
  const agents = apportion(scaled, rest);
  for (let k = 0; k < shares.length; k++) if (shares[k]! > 0 && shares[k]! < 1) agents[k] = 1;
  return agents;
}

/**
 * A country's cells in agents (exact, not rounded), community by community and
 * kind by kind within each (the file's order): a community's own stock if it names
 * one; otherwise its share of the country's rest, in proportion to population ×
 * susceptibility among the communities that name none.
 */
function exactCells(plan: WorldPlan, country: PlannedCountry): number[] {
  const members: PlannedCommunity[] = [];
  for (const i of country.communities) members.push(plan.communities[i]!);
  const weightSum = unnamedWeight(members);
  const cells: number[] = [];
  for (const c of members) {
    for (const kind of STOCK_KINDS) {
      const rest = Math.max(0, country.stock[kind] - namedStock(members, kind));
      const people = c.stock !== undefined ? c.stock[kind]
        : weightSum > 0 ? (rest * c.population * c.susceptibility) / weightSum : 0;
      cells.push(people / plan.scale);
    }
  }
  return cells;
}

/** Population × susceptibility summed over the communities without a stock of their own. */
function unnamedWeight(members: readonly PlannedCommunity[]): number {
  let total = 0;
  for (const c of members) if (c.stock === undefined) total += c.population * c.susceptibility;
  return total;
}

/** The people of one kind of stock that communities name as their own. */
function namedStock(members: readonly PlannedCommunity[], kind: StockKind): number {
  let total = 0;
  for (const c of members) total += c.stock?.[kind] ?? 0;
  return total;
}

function sum(xs: readonly number[]): number {
  let total = 0;
  for (const x of xs) total += x;
  return total;
}

/** A country whose stock is positive but under one agent at the plan's scale. */
export interface SmallStock {
  country: string;
  /** Its stock in people. */
  people: number;
  /** The agents it gets (0 or 1). */
  agents: number;
}

/** The countries whose stock rounds to a whole agent or none: the contingents a coarse scale blurs. */
export function smallStocks(plan: WorldPlan, counts: StockCounts = stockCounts(plan)): SmallStock[] {
  const small: SmallStock[] = [];
  for (const country of plan.countries) {
    const people = country.stock.abroad + country.stock.returned + country.stock.dead;
    if (people > 0 && people < plan.scale) small.push({ country: country.name, people, agents: counts.countries[country.index]! });
  }
  return small;
}
