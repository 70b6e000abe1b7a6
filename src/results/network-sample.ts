/**
 * A small picture of one community's network after a run, for the report: its
 * degree distribution, and a sample of agents small enough to draw, built around
 * recruitment chains (who recruited whom, through peer influence or a party),
 * with the ties among them and some of their neighbours who were not recruited.
 * Deterministic: no random numbers, the same run gives the same sample.
 */
import type { SimulationOutcome } from '../engine/simulation.js';
import { channelNames, stateNames } from '../model/states.js';
import type { World } from '../world/build.js';
import type { WorldPlan } from '../world/plan.js';
import type { ReportInputs } from '../charts/inputs.js';

export type NetworkSample = NonNullable<ReportInputs['network']>;
export type NetworkOutcome = NonNullable<NetworkSample['otherScenarios']>[number];

export interface SampleOptions {
  /** Agents in the sample, at most (default 200). */
  size?: number;
  /** Of those, at most this many from recruitment chains (default 130); the rest are their neighbours. */
  chains?: number;
  /** Neighbours added per sampled agent in each round (default 2). */
  neighboursPerAgent?: number;
}

/** The first hotbed community with agents, or else the largest community. */
export function sampleCommunity(plan: WorldPlan): number {
  const hotbed = plan.communities.find((c) => c.hotbed && c.agents > 0);
  if (hotbed) return hotbed.index;
  let best = 0;
  for (const c of plan.communities) if (c.agents > plan.communities[best]!.agents) best = c.index;
  return best;
}

type Outcome = Pick<SimulationOutcome, 'state' | 'channel' | 'recruitedBy' | 'mobilizedOn'>;

export function networkSample(world: World, outcome: Outcome, community: number, scenario: string, options: SampleOptions = {}): NetworkSample {
  return networkSampleOf(world, outcome, community, sampleAgents(world, outcome, community, options), scenario);
}

/** The agents of the sample (world ids, ascending): recruitment chains first, then their neighbours. */
export function sampleAgents(world: World, outcome: Outcome, community: number, options: SampleOptions = {}): number[] {
  const size = options.size ?? 200;
  const chainBudget = Math.min(size, options.chains ?? 130);
  const perAgent = options.neighboursPerAgent ?? 2;
  const c = world.communities[community]!;
  const first = c.firstAgent;
  const end = c.firstAgent + c.agents;
  const inside = (a: number) => a >= first && a < end;
  const { offsets, neighbors } = world.ties;
  const { recruitedBy, state, channel } = outcome;

  // Recruitment forest inside the community: children by recruiter.
  const children = new Map<number, number[]>();
  for (let a = first; a < end; a++) {
    const r = recruitedBy[a]!;
    if (r >= 0 && inside(r)) {
      const list = children.get(r);
      if (list) list.push(a);
      else children.set(r, [a]);
    }
  }
  const roots = [...children.keys()].filter((r) => !(recruitedBy[r]! >= 0 && inside(recruitedBy[r]!))).sort((x, y) => x - y);
  const trees = roots.map((root) => {
    const order = [root];
    for (let i = 0; i < order.length; i++) for (const k of children.get(order[i]!) ?? []) order.push(k);
    return order;
  }).sort((x, y) => y.length - x.length || x[0]! - y[0]!);

  const chosen = new Set<number>();
  for (const tree of trees) {
    if (chosen.size >= chainBudget) break;
    // A breadth-first prefix of a tree is still connected by recruitments.
    for (const a of tree) {
      if (chosen.size >= chainBudget) break;
      chosen.add(a);
    }
  }
  // Few chains (early in a run, or a quiet community): add other mobilized or travelled agents.
  if (chosen.size < chainBudget / 4) {
    for (let a = first; a < end && chosen.size < chainBudget / 2; a++) {
      if (channel[a] !== 0 || state[a]! >= 2) chosen.add(a);
    }
  }
  if (chosen.size === 0 && c.agents > 0) {
    let hub = first;
    for (let a = first; a < end; a++) if (offsets[a + 1]! - offsets[a]! > offsets[hub + 1]! - offsets[hub]!) hub = a;
    chosen.add(hub);
  }

  // Neighbours, a few per sampled agent per round, until the sample is full or nothing is left to add.
  let frontier = [...chosen].sort((x, y) => x - y);
  while (chosen.size < size && frontier.length > 0) {
    const added: number[] = [];
    for (const a of frontier) {
      let taken = 0;
      for (let i = offsets[a]!; i < offsets[a + 1]! && taken < perAgent && chosen.size < size; i++) {
        const u = neighbors[i]!;
        if (!inside(u) || chosen.has(u)) continue;
        chosen.add(u);
        added.push(u);
        taken++;
      }
      if (chosen.size >= size) break;
    }
    frontier = added;
  }

  return [...chosen].sort((x, y) => x - y);
}

/** The sample of the given agents: the community's degree distribution, and the agents' end states, ties and recruitments in local ids. */
export function networkSampleOf(world: World, outcome: Outcome, community: number, agents: readonly number[], scenario: string): NetworkSample {
  const c = world.communities[community]!;
  const first = c.firstAgent;
  const end = c.firstAgent + c.agents;
  const inside = (a: number) => a >= first && a < end;
  const { offsets, neighbors } = world.ties;

  // Degree within the community (ties to other places left out, as `hotbed network --community` reports).
  const degreeCounts = new Map<number, number>();
  for (let a = first; a < end; a++) {
    let d = 0;
    for (let i = offsets[a]!; i < offsets[a + 1]!; i++) if (inside(neighbors[i]!)) d++;
    degreeCounts.set(d, (degreeCounts.get(d) ?? 0) + 1);
  }
  const degreeHistogram = [...degreeCounts.entries()].sort((x, y) => x[0] - y[0]).map(([degree, count]) => ({ degree, count }));

  const local = new Map(agents.map((a, i) => [a, i]));
  const ties: { a: number; b: number }[] = [];
  for (const a of agents) {
    for (let i = offsets[a]!; i < offsets[a + 1]!; i++) {
      const u = neighbors[i]!;
      if (u > a && local.has(u)) ties.push({ a: local.get(a)!, b: local.get(u)! });
    }
  }
  const { nodes, recruitments } = outcomeOf(outcome, agents);
  return { scenario, community: c.name, degreeHistogram, nodes, ties, recruitments };
}

/**
 * The same agents in another scenario's run of the same replicate: their end states and
 * who recruited whom there. Undefined when that world's ties among them are not the
 * sample's (a scenario with other networks): its people would be other people.
 */
export function sampleOutcome(world: World, outcome: Outcome, agents: readonly number[], sample: Pick<NetworkSample, 'ties'>, scenario: string): NetworkOutcome | undefined {
  const local = new Map(agents.map((a, i) => [a, i]));
  const { offsets, neighbors } = world.ties;
  let k = 0;
  for (const a of agents) {
    if (a + 1 >= offsets.length) return undefined;
    for (let i = offsets[a]!; i < offsets[a + 1]!; i++) {
      const u = neighbors[i]!;
      if (!(u > a && local.has(u))) continue;
      const t = sample.ties[k++];
      if (!t || t.a !== local.get(a) || t.b !== local.get(u)) return undefined;
    }
  }
  if (k !== sample.ties.length) return undefined;
  return { scenario, ...outcomeOf(outcome, agents) };
}

function outcomeOf(outcome: Outcome, agents: readonly number[]): Pick<NetworkOutcome, 'nodes' | 'recruitments'> {
  const { recruitedBy, state, channel, mobilizedOn } = outcome;
  const local = new Map(agents.map((a, i) => [a, i]));
  const nodes = agents.map((a, id) => ({
    id,
    state: stateNames[state[a]!] ?? 'unknown',
    channel: channelNames[channel[a]!] ?? 'none',
  }));
  const recruitments: { recruiter: number; recruit: number; day: number }[] = [];
  for (const a of agents) {
    const r = recruitedBy[a]!;
    if (r >= 0 && local.has(r)) recruitments.push({ recruiter: local.get(r)!, recruit: local.get(a)!, day: mobilizedOn[a]! });
  }
  recruitments.sort((x, y) => x.day - y.day || x.recruit - y.recruit);
  return { nodes, recruitments };
}
