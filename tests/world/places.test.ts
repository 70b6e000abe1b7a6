import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { planWorld } from '../../src/world/plan.js';
import { PlaceIndex, placeIndex, WORLD } from '../../src/world/places.js';

const plan = planWorld(scenarioSchema.parse({
  places: {
    regions: [
      { name: 'North', countries: [
        { name: 'A', population: 4000, communities: [{ name: 'Hotbed', population: 2000, hotbed: true }, { name: 'Quarter', population: 500 }] },
        { name: 'B', population: 3000 },
      ] },
      { name: 'South', countries: [{ name: 'C', communities: [{ name: 'Port', population: 1000 }] }] },
    ],
  },
}));

describe('world/places', () => {
  const index = new PlaceIndex(plan);

  it('lists the world, then regions, countries and communities in the plan\'s order', () => {
    expect(index.all.map((p) => `${p.level}:${p.name}:${p.communities.join(',')}`)).toEqual([
      'world:World:0,1,2,3,4',
      'region:North:0,1,2,3', 'region:South:4',
      'country:A:0,1,2', 'country:B:3', 'country:C:4',
      // A country's unnamed rest is a community with the country's name.
      'community:Hotbed:0', 'community:Quarter:1', 'community:A:2', 'community:B:3', 'community:Port:4',
    ]);
    expect(index.at(['country']).map((p) => p.name)).toEqual(['A', 'B', 'C']);
    expect(index.world.name).toBe(WORLD);
  });

  it('finds a place by level and name, and nothing for an unknown name or the wrong level', () => {
    expect(index.find('region', 'South')?.communities).toEqual([4]);
    expect(index.find('community', 'A')?.communities).toEqual([2]);
    expect(index.find('country', 'A')?.communities).toEqual([0, 1, 2]);
    expect(index.find('country', 'Hotbed')).toBeUndefined();
    expect(index.find('region', 'Nowhere')).toBeUndefined();
  });

  it('resolves intervention and link targets to community indices, as fresh arrays', () => {
    expect(index.communitiesOf('world')).toEqual([0, 1, 2, 3, 4]);
    expect(index.communitiesOf({ region: 'North' })).toEqual([0, 1, 2, 3]);
    expect(index.communitiesOf({ country: 'A' })).toEqual([0, 1, 2]);
    expect(index.communitiesOf({ community: 'Port' })).toEqual([4]);
    expect(index.communitiesOf({ country: 'Nowhere' })).toEqual([]);
    const a = index.communitiesOf({ country: 'A' });
    a.push(99);
    expect(index.find('country', 'A')?.communities).toEqual([0, 1, 2]);
  });

  it('names the places by level, and is made once per plan', () => {
    expect(index.names()).toEqual({ regions: ['North', 'South'], countries: ['A', 'B', 'C'], communities: ['Hotbed', 'Quarter', 'A', 'B', 'Port'] });
    expect(placeIndex(plan)).toBe(placeIndex(plan));
  });
});
