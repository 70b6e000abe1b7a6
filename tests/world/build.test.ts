import { describe, expect, it } from 'vitest';
import { buildWorld, communityGraph, communityTies } from '../../src/world/build.js';
import { estimateBytes, planWorld } from '../../src/world/plan.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { State } from '../../src/model/states.js';

const scenario = (over: object = {}) => scenarioSchema.parse({
  scale: 2,
  networks: { default: { kind: 'watts-strogatz', meanDegree: 6, rewiring: 0.2 }, town: { kind: 'town' } },
  places: {
    regions: [{
      name: 'North',
      countries: [
        { name: 'A', population: 4000, stock: { abroad: 200, returned: 40, dead: 10 }, communities: [{ name: 'Hotbed', population: 2000, hotbed: true, network: 'town', stock: { abroad: 100 } }] },
        { name: 'B', population: 3001, stock: { abroad: 3 } },
      ],
    }],
  },
  links: [{ from: { community: 'Hotbed' }, to: { country: 'B' }, ties: 100 }],
  ...over,
});

const tieSet = (offsets: Int32Array, neighbors: Int32Array, shift = 0) => {
  const out = new Set<string>();
  for (let v = 0; v + 1 < offsets.length; v++) {
    for (let i = offsets[v]!; i < offsets[v + 1]!; i++) if (v < neighbors[i]!) out.add(`${v + shift}-${neighbors[i]! + shift}`);
  }
  return out;
};

describe('world/plan', () => {
  it('lays out communities with agents = population / scale, the country\'s rest last', () => {
    const plan = planWorld(scenario());
    expect(plan.communities.map((c) => [c.name, c.agents, c.firstAgent])).toEqual([
      ['Hotbed', 1000, 0], ['A', 2000, 1000], ['B', 1501, 3000],
    ]);
    expect(plan.agentCount).toBe(4501);
    expect(estimateBytes(plan)).toBeGreaterThan(plan.agentCount * 50);
  });
});

describe('world/build', () => {
  it('draws the same community network into graphology as into the run\'s CSR', () => {
    const s = scenario({ links: [] });
    const world = buildWorld(s, { seed: 5, replicate: 0 });
    const hotbed = world.communities[0]!;
    const graph = communityGraph(world, hotbed, { seed: 5, replicate: 0 });
    const fromGraph = new Set<string>();
    graph.forEachEdge((_e, _a, source, target) => {
      const [a, b] = [Number(source), Number(target)].sort((x, y) => x - y);
      fromGraph.add(`${a}-${b}`);
    });
    const inRun = new Set([...tieSet(world.ties.offsets, world.ties.neighbors)].filter((k) => Number(k.split('-')[0]) < hotbed.agents));
    expect(fromGraph.size).toBeGreaterThan(1000);
    expect(fromGraph).toEqual(inRun);
    const local = communityTies(hotbed, { seed: 5, replicate: 0 });
    expect(tieSet(local.offsets, local.neighbors, hotbed.firstAgent)).toEqual(inRun);
  });

  it('puts each agent\'s region, country and community on its node, and each tie\'s kind on its edge', () => {
    const s = scenario();
    const world = buildWorld(s, { seed: 5, replicate: 0 });
    const graph = communityGraph(world, world.communities[0]!, { seed: 5, replicate: 0 });
    expect(graph.order).toBe(world.communities[0]!.agents);
    graph.forEachNode((_key, attributes) => expect(attributes).toEqual({ region: 'North', country: 'A', community: 'Hotbed' }));
    const kinds = new Set<string>();
    graph.forEachEdge((_key, attributes) => kinds.add(attributes.tie));
    expect([...kinds].sort()).toEqual(['acquaintance', 'bridge', 'friend', 'household']);
  });

  it('is reproducible for a seed and replicate, and differs across replicates', () => {
    const a = buildWorld(scenario(), { seed: 1, replicate: 0 });
    const b = buildWorld(scenario(), { seed: 1, replicate: 0 });
    const c = buildWorld(scenario(), { seed: 1, replicate: 1 });
    expect(Buffer.from(a.ties.neighbors.buffer)).toEqual(Buffer.from(b.ties.neighbors.buffer));
    expect(Buffer.from(a.initialState.buffer)).toEqual(Buffer.from(b.initialState.buffer));
    expect(Buffer.from(a.ties.neighbors.buffer)).not.toEqual(Buffer.from(c.ties.neighbors.buffer));
  });

  it('adds the ties between places', () => {
    const withLinks = buildWorld(scenario(), { seed: 1, replicate: 0 });
    let cross = 0;
    const { offsets, neighbors } = withLinks.ties;
    for (let v = 0; v < 1000; v++) for (let i = offsets[v]!; i < offsets[v + 1]!; i++) if (neighbors[i]! >= 3000) cross++;
    // 100 people-ties at scale 2 = 50 agent ties (a duplicate pair is possible but rare).
    expect(cross).toBeGreaterThanOrEqual(48);
    expect(cross).toBeLessThanOrEqual(50);
  });

  it('places the initial stock: named community shares first, the rest by population', () => {
    const counts = { hotbedAbroad: 0, restAbroad: 0, returned: 0, dead: 0, b: 0 };
    const reps = 40;
    for (let r = 0; r < reps; r++) {
      const w = buildWorld(scenario(), { seed: 1, replicate: r });
      for (let a = 0; a < w.agentCount; a++) {
        const s = w.initialState[a];
        if (a < 1000 && s === State.Abroad) counts.hotbedAbroad++;
        if (a >= 1000 && a < 3000 && s === State.Abroad) counts.restAbroad++;
        if (a < 3000 && s === State.Returned) counts.returned++;
        if (a < 3000 && s === State.Dead) counts.dead++;
        if (a >= 3000 && s !== State.Susceptible) counts.b++;
      }
    }
    // Hotbed names 100 abroad (50 agents, exact); the country's other 100 go to the rest (50 agents);
    // returned 40 people = 20 agents and dead 10 = 5 agents, spread by population, all in A's rest;
    // B's 3 people at scale 2 = 1.5 agents: the region's 126.5 rounds to 127, and B's 0.5 is the
    // largest fractional part in it (largest remainder, the same at every seed).
    expect(counts.hotbedAbroad).toBe(50 * reps);
    expect(counts.restAbroad).toBe(50 * reps);
    expect(counts.returned).toBe(20 * reps);
    expect(counts.dead).toBe(5 * reps);
    expect(counts.b).toBe(2 * reps);
  });
});

describe('world/build: small contingents', () => {
  it('rounds a country\'s stock under half an agent away (no one-agent minimum: the run warns instead)', () => {
    const s = scenarioSchema.parse({
      scale: 100,
      places: { regions: [{ name: 'R', countries: [{ name: 'Tiny', population: 10000, stock: { abroad: 3 } }, { name: 'None', population: 10000 }] }] },
    });
    for (let r = 0; r < 5; r++) {
      const w = buildWorld(s, { seed: 1, replicate: r });
      expect(w.initialState.every((x) => x === State.Susceptible)).toBe(true);
    }
  });
});
