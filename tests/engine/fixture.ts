/** Small hand-made worlds for engine tests: explicit ties, one community unless said otherwise. */
import { CsrBuilder } from '../../src/network/csr.js';
import { compileChannels } from '../../src/model/channels.js';
import { compileInterventions } from '../../src/model/interventions.js';
import { simulate, type EngineTables, type Observer, type SimulationOutcome } from '../../src/engine/simulation.js';
import { scenarioSchema, type Scenario, type ScenarioInput } from '../../src/scenario/schema.js';
import { planWorld } from '../../src/world/plan.js';
import type { World } from '../../src/world/build.js';
import { daysBetween } from '../../src/model/dates.js';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** Channels with every channel off; tests switch on what they test. */
export const quietChannels: DeepPartial<Scenario['channels']> = {
  media: { exposure: 0, mobilization: 0 },
  peer: { rule: 'cascade', cascade: { probability: 0 }, susceptibleReceptivity: 1, weights: { mobilized: 1, abroad: 1, returned: 1 } },
  group: { probability: 0 },
  travel: { minPlanningDays: 1000, meanPlanningDays: 1000 },
  abroad: { returnRate: 0, deathRate: 0 },
};

export function scenarioWith(n: number, extra: Partial<ScenarioInput> = {}): Scenario {
  return scenarioSchema.parse({
    dates: { start: '2014-06-01', end: '2014-07-01' },
    places: { regions: [{ name: 'R', countries: [{ name: 'C', population: n, route: { success: 1 } }] }] },
    ...extra,
  });
}

export function merge<T>(base: T, over: DeepPartial<T> | undefined): T {
  if (over === undefined) return base;
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return over as T;
  const out = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(over as object)) out[k] = merge((base as Record<string, unknown>)[k], v as never);
  return out as T;
}

export interface TinyWorld {
  world: World;
  scenario: Scenario;
}

/** A world of n agents in one community with the given ties and initial states (index → state). */
export function tinyWorld(n: number, ties: [number, number][], initial: Record<number, number> = {}, scenarioExtra: Partial<ScenarioInput> = {}): TinyWorld {
  const scenario = scenarioWith(n, scenarioExtra);
  const plan = planWorld(scenario);
  const sink = new CsrBuilder(n);
  for (const [a, b] of ties) sink.addTie(a, b);
  const initialState = new Uint8Array(n);
  for (const [a, s] of Object.entries(initial)) initialState[Number(a)] = s;
  return { scenario, world: { ...plan, ties: sink.build(), communityOf: new Uint32Array(n), initialState } };
}

export function runTiny(
  t: TinyWorld,
  channels: DeepPartial<Scenario['channels']>,
  options: { seed?: number; days?: number; observer?: Observer; tables?: EngineTables } = {},
): SimulationOutcome {
  const merged = merge(merge(t.scenario.channels, quietChannels), channels);
  const days = options.days ?? daysBetween(t.scenario.dates.start, t.scenario.dates.end);
  return simulate(t.world, {
    channels: compileChannels(merged, options.tables?.states),
    tables: options.tables,
    days,
    schedule: compileInterventions(t.scenario, t.world, { ties: t.world.ties, seed: options.seed ?? 1, replicate: 0 }),
    seed: options.seed ?? 1,
    replicate: 0,
  }, options.observer);
}

export const path = (n: number): [number, number][] => Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as [number, number]);
