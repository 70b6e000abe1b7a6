/**
 * The one place index: the world, its regions, countries and communities, each
 * with the communities it is made of, looked up by level and name. Interventions
 * and links find their targets here, results their rows, statistics their places.
 */
import type { Level, PlaceTarget } from '../scenario/schema.js';
import type { WorldPlan } from './plan.js';

export const LEVELS: readonly Level[] = ['world', 'region', 'country', 'community'];

/** The world's name in tables. */
export const WORLD = 'World';

export interface Place {
  level: Level;
  name: string;
  /** Community indices, ascending. */
  communities: number[];
}

/** The names a plan's places have, by level: what a targets or experiment file may name. */
export interface PlaceNames {
  regions: string[];
  countries: string[];
  communities: string[];
}

export class PlaceIndex {
  /** Every place: the world, then regions, countries and communities, each in the plan's order. */
  readonly all: readonly Place[];
  private readonly byKey = new Map<string, Place>();
  private readonly communityNames: readonly string[];

  constructor(plan: Omit<WorldPlan, 'places'>) {
    const all: Place[] = [{ level: 'world', name: WORLD, communities: plan.communities.map((c) => c.index) }];
    for (const r of plan.regions) all.push({ level: 'region', name: r.name, communities: r.countries.flatMap((i) => plan.countries[i]!.communities) });
    for (const c of plan.countries) all.push({ level: 'country', name: c.name, communities: c.communities });
    for (const c of plan.communities) all.push({ level: 'community', name: c.name, communities: [c.index] });
    this.all = all;
    this.communityNames = plan.communities.map((c) => c.name);
    // The first of a name wins, as a linear search did.
    for (const p of all) if (!this.byKey.has(key(p.level, p.name))) this.byKey.set(key(p.level, p.name), p);
  }

  /** The places of these levels, in the order of `all`. */
  at(levels: readonly Level[] = LEVELS): Place[] {
    const want = new Set(levels);
    return this.all.filter((p) => want.has(p.level));
  }

  find(level: Level, name: string): Place | undefined {
    return this.byKey.get(key(level, name));
  }

  get world(): Place {
    return this.all[0]!;
  }

  /** The communities an intervention or link names (`world`, or {region|country|community: name}); none if the name is unknown. */
  communitiesOf(target: PlaceTarget): number[] {
    if (target === 'world') return this.world.communities.slice();
    const [level, name] = Object.entries(target)[0] as [Level, string];
    // Every community of that name (a country's unnamed rest carries the country's name).
    if (level === 'community') return this.all.filter((p) => p.level === 'community' && p.name === name).map((p) => p.communities[0]!);
    return this.find(level, name)?.communities.slice() ?? [];
  }

  /** Names of the communities that make up a place (none if it is unknown). */
  communitiesIn(level: Level, name: string): string[] {
    return (this.find(level, name)?.communities ?? []).map((c) => this.communityNames[c]!);
  }

  names(): PlaceNames {
    const of = (level: Level) => this.at([level]).map((p) => p.name);
    return { regions: of('region'), countries: of('country'), communities: of('community') };
  }
}

const key = (level: Level, name: string) => `${level}\u0000${name}`;

/** The place index of a plan: the one planWorld made with it (made here for a plan put together by hand). */
const byHand = new WeakMap<Omit<WorldPlan, 'places'>, PlaceIndex>();
export function placeIndex(plan: Omit<WorldPlan, 'places'> & { places?: PlaceIndex }): PlaceIndex {
  if (plan.places) return plan.places;
  let index = byHand.get(plan);
  if (!index) byHand.set(plan, (index = new PlaceIndex(plan)));
  return index;
}
