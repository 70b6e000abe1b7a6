/**
 * places.csv: one row per place of the results, with a unique id and its parents, so
 * that series.csv.gz, bands.csv.gz and summary.json join without ambiguity. A country's
 * unnamed rest is a community with the country's name: its id (`community:Tunisia`)
 * differs from the country's (`country:Tunisia`), and its parent says where it belongs.
 */
import { csvField } from '../numeric/escape.js';
import type { WorldPlan } from '../world/plan.js';
import { placeIndex } from '../world/places.js';

export const placesHeader = ['id', 'level', 'place', 'parent', 'region', 'country', 'hotbed', 'population', 'agents'] as const;

export const placeId = (level: string, name: string): string => `${level}:${name}`;

export function placesCsv(plan: WorldPlan): string {
  const lines: string[] = [placesHeader.join(',')];
  const row = (cells: (string | number)[]) => lines.push(cells.map((c) => (typeof c === 'number' ? String(c) : csvField(c))).join(','));
  const sum = (communities: readonly number[], f: (c: WorldPlan['communities'][number]) => number) => communities.reduce((s, i) => s + f(plan.communities[i]!), 0);
  for (const p of placeIndex(plan).all) {
    const people = sum(p.communities, (c) => c.population);
    const agents = sum(p.communities, (c) => c.agents);
    if (p.level === 'world') {
      row([placeId('world', p.name), 'world', p.name, '', '', '', '', people, agents]);
    } else if (p.level === 'region') {
      row([placeId('region', p.name), 'region', p.name, placeId('world', placeIndex(plan).world.name), p.name, '', '', people, agents]);
    } else if (p.level === 'country') {
      const country = plan.countries.find((c) => c.name === p.name)!;
      const region = plan.regions[country.region]!.name;
      row([placeId('country', p.name), 'country', p.name, placeId('region', region), region, p.name, '', people, agents]);
    } else {
      const c = plan.communities[p.communities[0]!]!;
      const country = plan.countries[c.country]!.name;
      row([placeId('community', p.name), 'community', p.name, placeId('country', country), plan.regions[c.region]!.name, country, c.hotbed ? 1 : 0, people, agents]);
    }
  }
  return `${lines.join('\n')}\n`;
}
