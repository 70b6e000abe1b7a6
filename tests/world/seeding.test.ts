/** Seeding placements of the classics (neighbourhood, central) and per-agent values, on small built worlds. */
import { describe, expect, it } from 'vitest';
import { State } from '../../src/model/states.js';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.js';
import { buildWorld, type World } from '../../src/world/build.js';

const scenario = (extra: Partial<ScenarioInput>, network: ScenarioInput['networks'] = { default: { kind: 'watts-strogatz', meanDegree: 4, rewiring: 0 } }) =>
  scenarioSchema.parse({
    networks: network,
    places: { regions: [{ name: 'R', countries: [{ name: 'C', population: 200, stock: { abroad: 3 } }] }] },
    ...extra,
  });

const abroad = (w: World) => [...w.initialState.keys()].filter((a) => w.initialState[a] === State.Abroad);
const ring = (a: number, b: number, n = 200) => Math.min(Math.abs(a - b), n - Math.abs(a - b));

describe('world/place-stock: neighbourhood', () => {
  it.each([[1, 5], [2, 9]])('radius %i on a ring of degree 4: one agent and its %i − 1 nearest, contiguous on the ring', (radius, size) => {
    const w = buildWorld(scenario({ stockPlacement: { kind: 'neighbourhood', radius: radius as 1 | 2 } }), { seed: 3, replicate: 0 });
    const seeds = abroad(w);
    expect(seeds).toHaveLength(size);
    // A tie spans up to 2 ring steps, so every seed lies within 2 × radius steps of the centre and
    // 4 × radius of every other: one neighbourhood, not scattered agents.
    for (const a of seeds) for (const b of seeds) expect(ring(a, b)).toBeLessThanOrEqual(4 * radius);
  });

  it('moves with the seed and leaves the networks alone', () => {
    const s = scenario({ stockPlacement: { kind: 'neighbourhood', radius: 1 } });
    const a = buildWorld(s, { seed: 3, replicate: 0 });
    const b = buildWorld(s, { seed: 3, replicate: 1 });
    const uniform = buildWorld(scenario({}), { seed: 3, replicate: 0 });
    expect(abroad(a)).not.toEqual(abroad(b));
    expect(a.ties.neighbors).toEqual(uniform.ties.neighbors);
  });
});

describe('world/place-stock: central', () => {
  it('puts the stock on the agents of highest degree', () => {
    const s = scenario({ stockPlacement: { kind: 'central' } }, { default: { kind: 'barabasi-albert', attach: 2 } });
    const w = buildWorld(s, { seed: 5, replicate: 0 });
    const degree = (a: number) => w.ties.offsets[a + 1]! - w.ties.offsets[a]!;
    const seeds = abroad(w);
    expect(seeds).toHaveLength(3);
    const others = [...Array(200).keys()].filter((a) => !seeds.includes(a)).map(degree);
    expect(Math.min(...seeds.map(degree))).toBeGreaterThanOrEqual(Math.max(...others));
  });
});

describe('world/per-agent', () => {
  const peer = (perAgent: object) => ({ channels: { peer: { rule: 'threshold', perAgent } } }) as Partial<ScenarioInput>;

  it('fixed or absent: no per-agent arrays (the engine keeps the rule\'s value)', () => {
    expect(buildWorld(scenario(peer({ threshold: { kind: 'fixed' } })), { seed: 1, replicate: 0 }).agentThreshold).toBeUndefined();
    expect(buildWorld(scenario({}), { seed: 1, replicate: 0 }).agentReceptivity).toBeUndefined();
  });

  it('normal: censored at 0, mean and spread as given above 0', () => {
    const w = buildWorld(scenario(peer({ threshold: { kind: 'normal', mean: 25, sd: 5 } })), { seed: 1, replicate: 0 });
    const t = [...w.agentThreshold!];
    const mean = t.reduce((a, b) => a + b, 0) / t.length;
    expect(Math.abs(mean - 25)).toBeLessThan(4 * 5 / Math.sqrt(200));
    const censored = buildWorld(scenario(peer({ threshold: { kind: 'normal', mean: 0, sd: 1 } })), { seed: 1, replicate: 0 }).agentThreshold!;
    expect(Math.min(...censored)).toBe(0);
    // About half the draws fall below 0 and are set to it.
    expect(censored.filter((x) => x === 0).length).toBeGreaterThan(70);
  });

  it('uniform receptivity within its bounds; values in agent order', () => {
    const u = buildWorld(scenario(peer({ receptivity: { kind: 'uniform', min: 0.2, max: 0.4 } })), { seed: 1, replicate: 0 }).agentReceptivity!;
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0.2);
    expect(Math.max(...u)).toBeLessThanOrEqual(0.4);
    const values = Array.from({ length: 200 }, (_, i) => i % 7);
    expect([...buildWorld(scenario(peer({ threshold: { kind: 'values', values } })), { seed: 1, replicate: 0 }).agentThreshold!]).toEqual(values);
  });

  it('drawing thresholds moves neither the networks nor the stock', () => {
    const plain = buildWorld(scenario({}), { seed: 9, replicate: 0 });
    const drawn = buildWorld(scenario(peer({ threshold: { kind: 'uniform', min: 1, max: 3 } })), { seed: 9, replicate: 0 });
    expect(drawn.ties.neighbors).toEqual(plain.ties.neighbors);
    expect(drawn.initialState).toEqual(plain.initialState);
  });
});
