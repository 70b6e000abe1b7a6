/**
 * What `hotbed network --community C --gexf F --json F` exports: the community's network as the
 * run of (seed, replicate) draws it, each agent with its region, country and community and each
 * tie with its kind; with `run`, that replicate simulated (the same run `hotbed run` makes of it,
 * the replicates before it included) and written onto the network by results/network-run.ts.
 */
import type { UndirectedGraph } from 'graphology';
import type { SimulationOutcome } from '../engine/simulation.js';
import type { GexfTimeline } from '../network/gexf.js';
import { addRun, type MobilizedCounts } from '../results/network-run.js';
import type { Scenario } from '../scenario/schema.js';
import { communityGraph } from '../world/build.js';
import type { PlannedCommunity, WorldPlan } from '../world/plan.js';
import { runScenario } from './run.js';

export interface CommunityNetworkOptions {
  seed: number;
  replicate: number;
  /** Simulate the replicate and add each agent's run. */
  run?: boolean;
  memoryLimitBytes?: number;
  /** Named in the error when the world is too large. */
  scenarioFile?: string;
}

export interface CommunityNetwork {
  graph: UndirectedGraph;
  /** For GEXF: how each agent's mobilization and each recruiting tie change over the run. */
  timeline?: GexfTimeline;
  /** The community's agents who mobilized during the run, by channel. */
  mobilized?: MobilizedCounts;
  /** One line on what the file holds, for its metadata. */
  description: string;
}

export function communityNetwork(scenario: Scenario, plan: WorldPlan, community: PlannedCommunity, o: CommunityNetworkOptions): CommunityNetwork {
  const graph = communityGraph(plan, community, { seed: o.seed, replicate: o.replicate });
  const { start, end } = scenario.dates;
  const place = `${community.name} (${plan.countries[community.country]!.name}, ${plan.regions[community.region]!.name})`;
  const name = scenario.title ? `"${scenario.title}"` : o.scenarioFile ?? 'the scenario';
  const what = `The network of ${place} in replicate ${o.replicate} of ${name} (seed ${o.seed}; 1 agent = ${scenario.scale} ${scenario.scale === 1 ? 'person' : 'people'})`;
  graph.mergeAttributes({ scenario: scenario.title || (o.scenarioFile ?? ''), community: community.name, seed: o.seed, replicate: o.replicate, scale: scenario.scale });
  if (!o.run) return { graph, description: `${what}.` };
  let initialState: Uint8Array | undefined;
  let outcome: SimulationOutcome | undefined;
  runScenario(scenario, {
    seed: o.seed,
    // runScenario starts at replicate 0; the earlier ones are run and dropped. Each depends on its own (seed, replicate) only.
    replicates: o.replicate + 1,
    keepSnapshots: false,
    memoryLimitBytes: o.memoryLimitBytes,
    scenarioFile: o.scenarioFile,
    onOutcome: (r, world, result) => {
      if (r !== o.replicate) return;
      initialState = world.initialState;
      outcome = result;
    },
  });
  const { timeline, mobilized } = addRun(graph, { initialState: initialState!, outcome: outcome!, start, end });
  graph.mergeAttributes({ start, end });
  return {
    graph,
    timeline,
    mobilized,
    description: `${what}, with the run from ${start} to ${end}: each agent's start and end state, when it mobilized, through which channel and recruited by whom.`,
  };
}
