/**
 * The classic workloads W1 (fractional threshold) and W2 (independent cascade)
 * on Hotbed's engine, and the pieces the naive reference and the oracle test
 * share with it: the Barabási–Albert graph (our generator, into CSR), the
 * seeded initial active set, and the mapping of "active" onto engine states.
 *
 * "Active" is an influential state: the initial active nodes start Abroad
 * (weight 1) and nodes that activate become Mobilized (weight 1); receptivity
 * of susceptibles is 1, media and groups are off, and travel planning is far
 * longer than the run, so mobilized nodes stay mobilized. An agent mobilized on
 * day d corresponds to a node activated at synchronous step d.
 */
import { simulate, type SimulationOutcome } from '../../src/engine/simulation.js';
import { compileChannels } from '../../src/model/channels.js';
import { compileInterventions } from '../../src/model/interventions.js';
import { State } from '../../src/model/states.js';
import { barabasiAlbert } from '../../src/network/generators/barabasi-albert.js';
import { CsrBuilder, type Csr } from '../../src/network/csr.js';
import { stream } from '../../src/random/streams.js';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema.js';
import { planWorld } from '../../src/world/plan.js';
import type { World } from '../../src/world/build.js';

export type ClassicRule = 'threshold' | 'cascade';

export const CLASSIC = {
  nodes: 100_000,
  attach: 5,
  share: 0.25,
  probability: 0.1,
  seedShare: 0.01,
  steps: 30,
  seed: 1,
} as const;

/** The BA graph (n nodes, `attach` ties per newcomer) from our generator, as CSR. */
export function baGraph(n: number, attach: number, seed: number): Csr {
  const sink = new CsrBuilder(n, attach * n + 64);
  barabasiAlbert({ kind: 'barabasi-albert', attach }, n, 0, stream({ seed, replicate: 0, purpose: 'bench/classic/graph' }), sink);
  return sink.build();
}

/** round(share · n) distinct nodes, uniform, by a seeded partial Fisher–Yates shuffle; sorted. */
export function initialActive(n: number, share: number, seed: number): Int32Array {
  const k = Math.max(1, Math.round(share * n));
  const rng = stream({ seed, replicate: 0, purpose: 'bench/classic/seeds' });
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order.slice(0, k).sort();
}

/** One community of n agents (the plan's bookkeeping) with the given ties. */
function scenarioOf(n: number, days: number): Scenario {
  const end = new Date(Date.UTC(2014, 5, 1) + days * 86_400_000).toISOString().slice(0, 10);
  return scenarioSchema.parse({
    dates: { start: '2014-06-01', end },
    places: { regions: [{ name: 'R', countries: [{ name: 'C', population: n, route: { success: 1 } }] }] },
  });
}

export interface ClassicWorld {
  world: World;
  scenario: Scenario;
}

export function classicWorld(csr: Csr, active: ArrayLike<number>, days: number): ClassicWorld {
  const n = csr.nodeCount;
  const scenario = scenarioOf(n, days);
  const plan = planWorld(scenario);
  if (plan.agentCount !== n) throw new Error(`classic: plan has ${plan.agentCount} agents, graph ${n}`);
  const initialState = new Uint8Array(n);
  for (let i = 0; i < active.length; i++) initialState[active[i]!] = State.Abroad;
  return { scenario, world: { ...plan, ties: csr, communityOf: new Uint32Array(n), initialState } };
}

/** The channels that make the engine run the classic rule. */
export function classicChannels(base: Scenario['channels'], rule: ClassicRule, opts: { share?: number; probability?: number } = {}): Scenario['channels'] {
  return {
    ...base,
    media: { ...base.media, exposure: 0, mobilization: 0 },
    peer: {
      ...base.peer,
      rule: rule === 'threshold' ? 'fractional' : 'cascade',
      fractional: { ...base.peer.fractional, share: opts.share ?? CLASSIC.share },
      cascade: { ...base.peer.cascade, probability: opts.probability ?? CLASSIC.probability },
      susceptibleReceptivity: 1,
      weights: { ...base.peer.weights, mobilized: 1, abroad: 1, returned: 1 },
    },
    group: { ...base.group, probability: 0 },
    travel: { ...base.travel, minPlanningDays: 100_000, meanPlanningDays: 100_000 },
    abroad: { ...base.abroad, returnRate: 0, deathRate: 0 },
  };
}

/** Runs the engine for `days` days (day 0 is the start). */
export function runClassic(cw: ClassicWorld, rule: ClassicRule, days: number, seed: number, opts: { share?: number; probability?: number } = {}): SimulationOutcome {
  const { scenario, world } = cw;
  return simulate(world, {
    channels: compileChannels(classicChannels(scenario.channels, rule, opts)),
    days,
    schedule: compileInterventions(scenario, world, { ties: world.ties, seed, replicate: 0 }),
    seed,
    replicate: 0,
  });
}

/** Active at the end: initially active or mobilized. */
export function activeSet(outcome: SimulationOutcome): Uint8Array {
  const out = new Uint8Array(outcome.state.length);
  for (let a = 0; a < out.length; a++) {
    const s = outcome.state[a]!;
    out[a] = s === State.Abroad || s === State.Mobilized ? 1 : 0;
  }
  return out;
}
