/**
 * Building a world from its plan: every community's network from its recipe and
 * its own random stream, the ties between places, and who had already travelled
 * at the start date (world/place-stock.ts, on the built ties). The result is
 * compact (CSR ties, typed arrays) and holds no graphology objects;
 * `communityGraph` gives one community as a graphology graph, drawn from the same
 * stream, for statistics and export.
 */
import { UndirectedGraph } from 'graphology';
import { CsrBuilder, type Csr } from '../network/csr.js';
import { generateNetwork } from '../network/generate.js';
import { GraphologySink } from '../network/graphology-sink.js';
import type { TieSink } from '../network/sink.js';
import { randomInt, stream, type Rng } from '../random/streams.js';
import type { PlaceTarget, Scenario } from '../scenario/schema.js';
import { placeInitialSympathizers } from './initial-sympathizers.js';
import { drawPerAgent, type PerAgentValues } from './per-agent.js';
import { placeStock } from './place-stock.js';
import { placeIndex } from './places.js';
import { planWorld, type PlannedCommunity, type WorldPlan } from './plan.js';

export interface World extends WorldPlan, PerAgentValues {
  ties: Csr;
  /** Community index of each agent. */
  communityOf: Uint32Array;
  /** State of each agent at the start date: susceptible, a sympathizer (priorExposure), or already abroad, returned or dead. */
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
  // The stock is placed after the ties are built: clusters of the stock follow them.
  const ties = sink.build();
  const initialState = placeStock(plan, ties, { ...options, placement: scenario.stockPlacement });
  if (scenario.priorExposure) {
    placeInitialSympathizers(plan, initialState, { days: scenario.priorExposure.days, exposure: scenario.channels.media.exposure }, options.seed, options.replicate);
  }
  const perAgent = scenario.channels.peer.perAgent;
  const values = perAgent ? drawPerAgent(plan.agentCount, { ...perAgent, ...options }) : {};
  return { ...plan, ties, communityOf, initialState, ...values };
}

/**
 * One community's network as a graphology graph, identical to the one a run of the same seed and
 * replicate uses (without the ties to other places). Nodes are keyed by agent number and carry
 * their region, country and community; ties carry their kind where the recipe says it (`tie`).
 */
export function communityGraph(plan: WorldPlan, community: PlannedCommunity, options: BuildOptions): UndirectedGraph {
  const graph = new UndirectedGraph();
  const sink = new GraphologySink(graph);
  sink.addNodes(community.firstAgent, community.agents, {
    region: plan.regions[community.region]!.name,
    country: plan.countries[community.country]!.name,
    community: community.name,
  });
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
    const from = linkEnd(plan, link.from);
    const to = linkEnd(plan, link.to);
    const ties = stochasticRound(link.ties / s.scale, rng);
    for (let i = 0; i < ties; i++) {
      const a = randomAgent(from, rng);
      const b = randomAgent(to, rng);
      if (a >= 0 && b >= 0) sink.addTie(a, b);
    }
  }
}

/**
 * One end of a link: its communities' first agents and agent counts, in typed
 * arrays. The arrays the place index returns change elements kind once V8
 * optimizes it, and code reading them then deoptimized ("wrong map"); they are
 * copied by a builtin, which has no such assumption to break.
 */
interface LinkEnd {
  // Int32: agent numbers fit (CsrBuilder refuses more than 2^31 - 1 agents), and they
  // reach addTie as small integers, as the ties drawn in communities do.
  firstAgent: Int32Array;
  agents: Int32Array;
  total: number;
}

function linkEnd(plan: WorldPlan, target: PlaceTarget): LinkEnd {
  const indices = Int32Array.from(placeIndex(plan).communitiesOf(target));
  const end: LinkEnd = { firstAgent: new Int32Array(indices.length), agents: new Int32Array(indices.length), total: 0 };
  for (let k = 0; k < indices.length; k++) {
    const c = plan.communities[indices[k]!]!; // k < indices.length; indices come from the plan
    end.firstAgent[k] = c.firstAgent;
    end.agents[k] = c.agents;
    end.total += c.agents;
  }
  return end;
}

/** An agent drawn uniformly from the people of several communities; -1 if they hold none. */
function randomAgent(end: LinkEnd, rng: Rng): number {
  if (end.total === 0) return -1;
  let k = randomInt(rng, end.total);
  for (let i = 0; i < end.agents.length; i++) {
    if (k < end.agents[i]!) return end.firstAgent[i]! + k;
    k -= end.agents[i]!;
  }
  return -1;
}

const stochasticRound = (x: number, rng: Rng) => {
  const whole = Math.floor(x);
  return whole + (rng() < x - whole ? 1 : 0);
};
