import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema.js';
import { State } from '../../src/model/states.js';
import { warnings } from '../../src/messages/warnings.js';
import { buildWorld, type World } from '../../src/world/build.js';
import { planWorld, type WorldPlan } from '../../src/world/plan.js';
import { smallStocks, stockCounts } from '../../src/world/stock-counts.js';

const world = (scale: number): Scenario => loadScenario('scenarios/world.yaml', { set: [`scale=${scale}`] }).scenario;

const isStock = (s: number) => s === State.Abroad || s === State.Returned || s === State.Dead;
const people = (stock: { abroad: number; returned: number; dead: number }) => stock.abroad + stock.returned + stock.dead;

/** Stock agents per community of a built world. */
function stockAgentsByCommunity(w: World): number[] {
  return w.communities.map((c) => {
    let n = 0;
    for (let a = c.firstAgent; a < c.firstAgent + c.agents; a++) if (isStock(w.initialState[a]!)) n++;
    return n;
  });
}

function totalsByRegion(plan: WorldPlan, byCommunity: number[]): number[] {
  return plan.regions.map((r) => r.countries.reduce((s, i) => s + plan.countries[i]!.communities.reduce((t, c) => t + byCommunity[c]!, 0), 0));
}

describe('world/stock-counts: scenarios/world.yaml', () => {
  for (const scale of [1, 5, 10, 25, 50]) {
    it(`at scale ${scale}, starts within half an agent of the file and every region within one; every country with a stock keeps an agent, taken from its region's larger countries`, () => {
      const s = world(scale);
      const plan = planWorld(s);
      const w = buildWorld(s, { seed: 1, replicate: 0 }, plan);
      const byCommunity = stockAgentsByCommunity(w);
      const file = plan.countries.reduce((sum, c) => sum + people(c.stock), 0);
      const total = byCommunity.reduce((a, b) => a + b, 0);
      expect(Math.abs(total * scale - file)).toBeLessThanOrEqual(scale / 2);
      totalsByRegion(plan, byCommunity).forEach((agents, r) => {
        const region = plan.regions[r]!;
        const exact = region.countries.map((i) => people(plan.countries[i]!.stock) / scale);
        expect(Math.abs(agents - exact.reduce((a, b) => a + b, 0))).toBeLessThan(1);
        // What the countries under one agent get beyond their share, the others give up in proportion.
        const surplus = exact.reduce((sum, x) => sum + (x > 0 && x < 1 ? 1 - x : 0), 0);
        const others = exact.reduce((sum, x) => sum + (x >= 1 ? x : 0), 0);
        // A region with fewer agents than countries with a stock falls back to plain largest remainder.
        if (exact.filter((x) => x > 0).length > Math.round(agents)) return;
        region.countries.forEach((i, k) => {
          const c = plan.countries[i]!;
          const agents = c.communities.reduce((sum, m) => sum + byCommunity[m]!, 0);
          if (exact[k]! > 0 && exact[k]! < 1) expect(agents, c.name).toBe(1);
          else expect(Math.abs(agents - exact[k]!), c.name).toBeLessThan(1 + (exact[k]! * surplus) / Math.max(others, 1e-9));
        });
      });
    });
  }

  it('places the same counts, community by community and kind by kind, at every seed; a seed gives the same world', () => {
    const s = world(25);
    const plan = planWorld(s);
    const counts = stockCounts(plan);
    const kindsOf = (w: World) => w.communities.map((c) => {
      const k = { abroad: 0, returned: 0, dead: 0 };
      for (let a = c.firstAgent; a < c.firstAgent + c.agents; a++) {
        const st = w.initialState[a];
        if (st === State.Abroad) k.abroad++;
        if (st === State.Returned) k.returned++;
        if (st === State.Dead) k.dead++;
      }
      return k;
    });
    const a = buildWorld(s, { seed: 1, replicate: 0 }, plan);
    const again = buildWorld(s, { seed: 1, replicate: 0 }, plan);
    const other = buildWorld(s, { seed: 7, replicate: 3 }, plan);
    expect(Buffer.from(again.initialState.buffer)).toEqual(Buffer.from(a.initialState.buffer));
    expect(Buffer.from(other.initialState.buffer)).not.toEqual(Buffer.from(a.initialState.buffer));
    expect(kindsOf(a)).toEqual(counts.communities);
    expect(kindsOf(other)).toEqual(counts.communities);
  });
});

describe('world/stock-counts: small contingents', () => {
  const tiny = () => scenarioSchema.parse({
    scale: 100,
    places: {
      regions: [{
        name: 'R',
        countries: [
          { name: 'Tiny', population: 10000, stock: { abroad: 30 } },
          { name: 'Small', population: 10000, stock: { abroad: 60 } },
          { name: 'Big', population: 10000, stock: { abroad: 1000 } },
          { name: 'None', population: 10000 },
        ],
      }],
    },
  });

  it('gives a country under one agent one agent, taken from the larger countries of its region in proportion', () => {
    const plan = planWorld(tiny());
    // 10.9 agents in the region → 11: Tiny and Small one each, Big the other 9 (of its 10 exact).
    expect(stockCounts(plan).countries).toEqual([1, 1, 9, 0]);
    expect(smallStocks(plan)).toEqual([{ country: 'Tiny', people: 30, agents: 1 }, { country: 'Small', people: 60, agents: 1 }]);
  });

  it('falls back to plain largest remainder where a region has fewer agents than countries with a stock', () => {
    const s = tiny();
    const plan = planWorld({ ...s, scale: 1000 });
    // 1.09 agents → 1, for three countries with a stock: Big (1.0) keeps it.
    expect(stockCounts(plan).countries).toEqual([0, 0, 1, 0]);
  });

  it('lists none at scale 1, and the warning names them, the scale and what it costs', () => {
    expect(smallStocks(planWorld({ ...tiny(), scale: 1 }))).toEqual([]);
    expect(warnings.smallStocks([], 100)).toBeUndefined();
    const line = warnings.smallStocks(smallStocks(planWorld(tiny())), 100)!;
    expect(line).toContain('2 countries have an initial stock under one agent');
    expect(line).toContain('Tiny 30 → 1, Small 60 → 1');
    expect(line).toContain('at scale 100');
    expect(line).not.toContain('no agent');
    expect(line).not.toContain('\n');
    expect(warnings.smallStocks([{ country: 'Tiny', people: 30, agents: 0 }], 100)).toContain('1 of them starts with no agent');
  });
});

describe('world/place-stock: clusters of friends', () => {
  const town = (stockPlacement?: object) => scenarioSchema.parse({
    scale: 1,
    networks: { default: { kind: 'town' } },
    places: { regions: [{ name: 'R', countries: [{ name: 'A', population: 6000, stock: { abroad: 150, returned: 40, dead: 20 } }] }] },
    ...(stockPlacement ? { stockPlacement } : {}),
  });

  /** Mean number of a stock agent's ties to other stock agents. */
  function stockNeighbours(w: World): number {
    const { offsets, neighbors } = w.ties;
    let agents = 0;
    let ties = 0;
    for (let a = 0; a < w.agentCount; a++) {
      if (!isStock(w.initialState[a]!)) continue;
      agents++;
      for (let i = offsets[a]!; i < offsets[a + 1]!; i++) if (isStock(w.initialState[neighbors[i]!]!)) ties++;
    }
    return ties / agents;
  }

  /** Ties of the town at replicate 0 (the same network whatever the placement). */
  const w0Ties = () => buildWorld(town(), { seed: 1, replicate: 0 }).ties.neighbors.length / 2;

  const kindCounts = (w: World) => [State.Abroad, State.Returned, State.Dead].map((k) => w.initialState.filter((s) => s === k).length);

  it('gives stock agents many more stock friends than uniform placement, with the same counts per kind', () => {
    const uniform = [];
    const clustered = [];
    for (let r = 0; r < 5; r++) {
      const u = buildWorld(town(), { seed: 1, replicate: r });
      const c = buildWorld(town({ kind: 'clusters', size: 4 }), { seed: 1, replicate: r });
      expect(kindCounts(c)).toEqual([150, 40, 20]);
      expect(kindCounts(u)).toEqual(kindCounts(c));
      uniform.push(stockNeighbours(u));
      clustered.push(stockNeighbours(c));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // Uniform: about mean degree (≈ 10.4 for this town) × 210 / 6000 ≈ 0.365 stock friends (0.356 measured).
    // Clusters of 4 are connected (found breadth first over ties), so each holds 3 ties at least:
    // 2 × 3 / 4 = 1.5 stock friends per agent, more with the town's triangles (2.13 measured).
    const expectedUniform = (2 * w0Ties() / 6000) * (210 / 6000);
    console.info(`stock neighbours of a stock agent: uniform ${mean(uniform).toFixed(3)} (expected ${expectedUniform.toFixed(3)}), clusters of 4 ${mean(clustered).toFixed(3)}`);
    expect(mean(uniform)).toBeLessThan(2 * expectedUniform);
    expect(mean(clustered)).toBeGreaterThanOrEqual(2 * 3 / 4);
    expect(mean(clustered)).toBeGreaterThan(4 * mean(uniform));
  });

  it('is deterministic for a seed, and uniform when the field is absent', () => {
    const a = buildWorld(town({ kind: 'clusters' }), { seed: 3, replicate: 0 });
    const b = buildWorld(town({ kind: 'clusters' }), { seed: 3, replicate: 0 });
    expect(Buffer.from(a.initialState.buffer)).toEqual(Buffer.from(b.initialState.buffer));
    const absent = buildWorld(town(), { seed: 3, replicate: 0 });
    const uniform = buildWorld(town({ kind: 'uniform' }), { seed: 3, replicate: 0 });
    expect(Buffer.from(uniform.initialState.buffer)).toEqual(Buffer.from(absent.initialState.buffer));
  });

  it('defaults clusters to 4 agents, and with size 1 places single agents', () => {
    expect(town({ kind: 'clusters' }).stockPlacement).toEqual({ kind: 'clusters', size: 4 });
    const single = buildWorld(town({ kind: 'clusters', size: 1 }), { seed: 1, replicate: 0 });
    expect(kindCounts(single)).toEqual([150, 40, 20]);
  });

  it('caps a community\'s stock at its agents', () => {
    const s = scenarioSchema.parse({
      scale: 1,
      networks: { default: { kind: 'town' } },
      places: { regions: [{ name: 'R', countries: [{ name: 'A', population: 30, stock: { abroad: 20, returned: 20 } }] }] },
      stockPlacement: { kind: 'clusters', size: 5 },
    });
    expect(kindCounts(buildWorld(s, { seed: 1, replicate: 0 }))).toEqual([20, 10, 0]);
  });
});
