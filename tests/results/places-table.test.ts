import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placesCsv } from '../../src/results/places-table.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { planWorld } from '../../src/world/plan.js';
import { readCsv } from '../setup/csv-reader.js';
import { hostileName } from '../setup/hostile-names.js';

const plan = planWorld(scenarioSchema.parse({
  scale: 10,
  places: {
    regions: [{
      name: 'North',
      countries: [
        { name: 'A', population: 4000, communities: [{ name: 'Hotbed, old town', population: 2000, hotbed: true }] },
        { name: 'B', population: 3000 },
      ],
    }],
  },
}));

describe('results/places-table', () => {
  it('gives every place a unique id and its parents; a country\'s rest is a community of its own id', () => {
    expect(placesCsv(plan)).toBe([
      'id,level,place,parent,region,country,hotbed,population,agents',
      'world:World,world,World,,,,,9000,900',
      'region:North,region,North,world:World,North,,,9000,900',
      'country:A,country,A,region:North,North,A,,6000,600',
      'country:B,country,B,region:North,North,B,,3000,300',
      'community:"Hotbed, old town",community,"Hotbed, old town",country:A,North,A,1,2000,200'.replace('community:"Hotbed, old town"', '"community:Hotbed, old town"'),
      'community:A,community,A,country:A,North,A,0,4000,400',
      'community:B,community,B,country:B,North,B,0,3000,300',
      '',
    ].join('\n'));
    const ids = placesCsv(plan).trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads back to the very names of the scenario, however hostile (property)', () => {
    const name = hostileName.filter((n) => n.length >= 1 && n.length <= 200 && n !== '__proto__');
    fc.assert(fc.property(fc.uniqueArray(name, { minLength: 3, maxLength: 3 }), ([region, country, community]) => {
      const hostile = planWorld(scenarioSchema.parse({
        scale: 10,
        places: { regions: [{ name: region, countries: [{ name: country, population: 4000, communities: [{ name: community, population: 2000 }] }] }] },
      }));
      const rows = readCsv(placesCsv(hostile));
      expect(rows.map((r) => r.length)).toEqual(Array(rows.length).fill(9));
      expect(rows.slice(1).map((r) => [r[1], r[2], r[4], r[5]])).toEqual([
        ['world', 'World', '', ''],
        ['region', region, region, ''],
        ['country', country, region, country],
        ['community', community, region, country],
        ['community', country, region, country],
      ]);
    }));
  });
});
