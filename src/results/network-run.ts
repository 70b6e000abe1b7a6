/**
 * A run written onto one community's network, for export (`hotbed network --run`): each
 * agent's start and end state, and if it mobilized, the date, the channel and who recruited
 * it; each tie that carried a recruitment, with its date. These are plain attributes, so
 * graphology JSON holds them as GEXF does. For Gephi's timeline, a timeline beside them:
 * `mobilized` on each node ("no" until the agent mobilizes, then its channel; "before the
 * start" for the initial stock) and `recruitment` on each recruiting tie (false, then true).
 *
 * Only what the engine records is written: it keeps each agent's mobilization day, channel
 * and recruiter, and its state at the end, not the days it left, returned or died, so the
 * timeline replays the spread of mobilization and the end state is a static attribute.
 */
import type { AbstractGraph } from 'graphology-types';
import type { SimulationOutcome } from '../engine/simulation.js';
import { addDays } from '../model/dates.js';
import { channelNames, stateNames, State } from '../model/states.js';
import type { GexfTimeline, Spell } from '../network/gexf.js';

export interface AgentRun {
  /** Each agent's state on day 0 (World.initialState). */
  initialState: ArrayLike<number>;
  outcome: Pick<SimulationOutcome, 'state' | 'channel' | 'recruitedBy' | 'mobilizedOn'>;
  /** The run's first and last dates (day 0 and the last day). */
  start: string;
  end: string;
}

/** Mobilized agents among the graph's nodes, by channel name. */
export type MobilizedCounts = Record<string, number>;

/**
 * Adds the run's attributes to the graph's nodes (keyed by agent number) and recruiting ties,
 * and returns the GEXF timeline and the count of mobilized agents by channel.
 */
export function addRun(graph: AbstractGraph, run: AgentRun): { timeline: GexfTimeline; mobilized: MobilizedCounts } {
  const { initialState, outcome, start, end } = run;
  const { state, channel, recruitedBy, mobilizedOn } = outcome;
  const dateOf = (day: number) => addDays(start, day);
  const nodes = new Map<string, Record<string, Spell[]>>();
  const edges = new Map<string, Record<string, Spell[]>>();
  const mobilized: MobilizedCounts = {};
  for (let c = 1; c < channelNames.length; c++) mobilized[channelNames[c]!] = 0;

  graph.forEachNode((key) => {
    const a = Number(key);
    const first = initialState[a]!;
    graph.mergeNodeAttributes(key, { startState: stateNames[first] ?? 'unknown', state: stateNames[state[a]!] ?? 'unknown' });
    const day = mobilizedOn[a]!;
    if (day < 0) {
      // The stock abroad, returned or dead on day 0 had mobilized before the run.
      const before = first !== State.Susceptible && first !== State.Sympathizer;
      nodes.set(key, { mobilized: [{ value: before ? 'before the start' : 'no', start, end }] });
      return;
    }
    const how = channelNames[channel[a]!] ?? 'unknown';
    mobilized[how] = (mobilized[how] ?? 0) + 1;
    const recruiter = recruitedBy[a]!;
    graph.mergeNodeAttributes(key, { mobilizedOn: dateOf(day), channel: how, ...(recruiter >= 0 ? { recruiter: String(recruiter) } : {}) });
    nodes.set(key, { mobilized: becomes('no', how, day, start, end) });
    if (recruiter < 0) return;
    const tie = `${Math.min(a, recruiter)}-${Math.max(a, recruiter)}`;
    // A recruiter outside the community (a tie between places) has no edge here: the node's `recruiter` still names it.
    if (!graph.hasEdge(tie)) return;
    graph.mergeEdgeAttributes(tie, { recruitedOn: dateOf(day) });
    edges.set(tie, { recruitment: becomes(false, true, day, start, end) });
  });
  return { timeline: { nodes, edges }, mobilized };
}

/** `before` up to the day before `day`, `after` from it to the end (both ends included). */
function becomes<T extends Spell['value']>(before: T, after: T, day: number, start: string, end: string): Spell[] {
  const from = addDays(start, day);
  return day > 0 ? [{ value: before, start, end: addDays(start, day - 1) }, { value: after, start: from, end }] : [{ value: after, start: from, end }];
}
