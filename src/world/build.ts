/**
 * Building a world from its plan: every community's network from its recipe and
 * its own random stream, the ties between places, and who had already travelled
 * at the start date. The result is compact (CSR ties, typed arrays) and holds no
 * graphology objects; `communityGraph` gives one community as a graphology graph,
 * drawn from the same stream, for statistics and export.
 */
import { UndirectedGraph } from 'graphology';
import { CsrBuilder, type Csr } from '../network/csr.js';
import { generateNetwork } from '../network/generate.js';
import { GraphologySink } from '../network/graphology-sink.js';
import type { TieSink } from '../network/sink.js';
import { State } from '../model/states.js';
import { randomInt, stream, type Rng } from '../random/streams.js';
import type { PlaceTarget, Scenario } from '../scenario/schema.js';
import { targetCommunities } from '../model/interventions.js';
import { planWorld, type PlannedCommunity, type WorldPlan } from './plan.js';

export interface World extends WorldPlan {
  ties: Csr;
  /** Community index of each agent. */
  communityOf: Uint32Array;
  /** State of each agent at the start date: susceptible, or already abroad, returned or dead. */
  initialState: Uint8Array;
}

export interface BuildOptions {
  seed: number;
  replicate: number;
}

export function buildWorld(scenario: Scenario, options: BuildOptions, plan: WorldPlan = planWorld(scenario)): World {
  // Presized (with headroom for the randomness of tie counts) so the pair buffer never doubles.
  const sink = new CsrBuilder(plan.agentCount, Math.ceil(plan.expectedTies * 1.05) + 1024);
  for (const c of plan.communities) drawCommunity(c, options, sink);
  drawLinks(scenario, plan, options, sink);
  const communityOf = new Uint32Array(plan.agentCount);
  for (const c of plan.communities) communityOf.fill(c.index, c.firstAgent, c.firstAgent + c.agents);
  return { ...plan, ties: sink.build(), communityOf, initialState: placeStock(plan, options) };
}

/** One community's network as a graphology graph, identical to the one a run of the same seed and replicate uses (without the ties to other places). */
export function communityGraph(community: PlannedCommunity, options: BuildOptions): UndirectedGraph {
  const graph = new UndirectedGraph();
  const sink = new GraphologySink(graph);
  sink.addNodes(community.firstAgent, community.agents, { community: community.name });
  drawCommunity(community, options, sink);
  return graph;
}

/** The same network as `communityGraph`, as CSR with agents numbered from 0 (for statistics). */
export function communityTies(community: PlannedCommunity, options: BuildOptions): Csr {
  const sink = new CsrBuilder(community.agents);
  drawCommunity(community, options, sink, 0);
  return sink.build();
}

function drawCommunity(c: PlannedCommunity, { seed, replicate }: BuildOptions, sink: TieSink, offset = c.firstAgent): void {
  const rng = stream({ seed, replicate, purpose: `network/${c.name}` });
  generateNetwork(c.recipe, c.agents, offset, rng, sink);
}

function drawLinks(s: Scenario, plan: WorldPlan, { seed, replicate }: BuildOptions, sink: TieSink): void {
  if (s.links.length === 0) return;
  const rng = stream({ seed, replicate, purpose: 'links' });
  for (const link of s.links) {
    const from = communitiesOf(plan, link.from);
    const to = communitiesOf(plan, link.to);
    const ties = stochasticRound(link.ties / s.scale, rng);
    for (let i = 0; i < ties; i++) {
      const a = randomAgent(plan, from, rng);
      const b = randomAgent(plan, to, rng);
      if (a >= 0 && b >= 0) sink.addTie(a, b);
    }
  }
}

function communitiesOf(plan: WorldPlan, target: PlaceTarget): PlannedCommunity[] {
  return targetCommunities(plan, target).map((i) => plan.communities[i]!);
}

/** An agent drawn uniformly from the people of several communities; -1 if they hold none. */
function randomAgent(plan: WorldPlan, among: PlannedCommunity[], rng: Rng): number {
  let total = 0;
  for (const c of among) total += c.agents;
  if (total === 0) return -1;
  let k = randomInt(rng, total);
  for (const c of among) {
    if (k < c.agents) return c.firstAgent + k;
    k -= c.agents;
  }
  return -1;
}

const stochasticRound = (x: number, rng: Rng) => {
  const whole = Math.floor(x);
  return whole + (rng() < x - whole ? 1 : 0);
};

/**
 * The initial stock, in agents. A country's stock goes first to the communities
 * that name their own share; the rest is spread over its other communities in
 * proportion to population × susceptibility. People become agents by stochastic
 * rounding, so that small contingents still appear at coarse scales.
 */
function placeStock(plan: WorldPlan, { seed, replicate }: BuildOptions): Uint8Array {
  const state = new Uint8Array(plan.agentCount); // State.Susceptible is 0
  const rng = stream({ seed, replicate, purpose: 'stock' });
  const kinds = [['abroad', State.Abroad], ['returned', State.Returned], ['dead', State.Dead]] as const;
  for (const country of plan.countries) {
    const members = country.communities.map((i) => plan.communities[i]!);
    const unnamed = members.filter((c) => c.stock === undefined);
    const weightSum = unnamed.reduce((a, c) => a + c.population * c.susceptibility, 0);
    let placed = 0;
    for (const [kind, target] of kinds) {
      const named = members.reduce((a, c) => a + (c.stock?.[kind] ?? 0), 0);
      const rest = Math.max(0, country.stock[kind] - named);
      for (const c of members) {
        const people = c.stock !== undefined ? c.stock[kind]
          : weightSum > 0 ? (rest * c.population * c.susceptibility) / weightSum : 0;
        placed += placeAgents(state, c, stochasticRound(people / plan.scale, rng), target, rng);
      }
    }
    // A contingent is never rounded away: a country with any stock keeps at least one agent
    // abroad, so that every country of origin is represented at every scale (at most `scale`
    // people too many for contingents smaller than one agent).
    const total = country.stock.abroad + country.stock.returned + country.stock.dead;
    if (placed === 0 && total > 0) {
      const home = members.reduce<PlannedCommunity | undefined>((best, c) => (c.agents > 0 && (!best || c.population * c.susceptibility > best.population * best.susceptibility) ? c : best), undefined);
      if (home) placeAgents(state, home, 1, State.Abroad, rng);
    }
  }
  return state;
}

/** Puts up to `count` susceptible agents of `c` in `target`; returns how many it placed. */
function placeAgents(state: Uint8Array, c: PlannedCommunity, count: number, target: State, rng: Rng): number {
  let free = 0;
  for (let a = c.firstAgent; a < c.firstAgent + c.agents; a++) if (state[a] === State.Susceptible) free++;
  const wanted = Math.min(count, free);
  let left = wanted;
  // Stocks are a small share of a community: rejection sampling wastes few draws.
  // Past half, selection sampling (one pass, each agent kept with probability left/free) is exact and bounded.
  while (left > 0 && left <= free / 2) {
    const a = c.firstAgent + randomInt(rng, c.agents);
    if (state[a] === State.Susceptible) {
      state[a] = target;
      left--;
      free--;
    }
  }
  for (let a = c.firstAgent; left > 0 && a < c.firstAgent + c.agents; a++) {
    if (state[a] !== State.Susceptible) continue;
    if (rng() * free < left) {
      state[a] = target;
      left--;
    }
    free--;
  }
  return wanted - left;
}
