/** The places results are reported for: the world, each region, country and community. */
import type { Level } from '../scenario/schema.js';
import type { WorldPlan } from '../world/plan.js';

export interface Place {
  level: Level;
  name: string;
  communities: number[];
}

export function placesOf(plan: WorldPlan, levels: readonly Level[] = ['world', 'region', 'country', 'community']): Place[] {
  const out: Place[] = [];
  const want = new Set(levels);
  if (want.has('world')) out.push({ level: 'world', name: 'World', communities: plan.communities.map((c) => c.index) });
  if (want.has('region')) {
    for (const r of plan.regions) out.push({ level: 'region', name: r.name, communities: r.countries.flatMap((i) => plan.countries[i]!.communities) });
  }
  if (want.has('country')) for (const c of plan.countries) out.push({ level: 'country', name: c.name, communities: c.communities });
  if (want.has('community')) for (const c of plan.communities) out.push({ level: 'community', name: c.name, communities: [c.index] });
  return out;
}
