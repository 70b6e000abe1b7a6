/**
 * The measures: what is counted for a place at a moment, read from the engine's
 * per-community tally. Each is a row of a table (name, description, what it
 * sums), so adding a measure is adding a row; series.csv, bands, summaries,
 * manifests and every statistic follow the table. Counts are of agents here;
 * tables multiply by the scale to give people.
 */
import { Channel, CHANNEL_COUNT, State, STATE_COUNT } from '../model/states.js';

/** What a measure sums over a place's communities. */
export type Count =
  | { states: readonly State[] }
  | { recruits: Channel }
  | { removed: true }
  | { preparedByMedia: true };

export interface MeasureRow {
  name: string;
  description: string;
  count: Count;
  /**
   * Never falls as the days pass (no agent leaves what it counts): a run's value today is a
   * lower bound of its value on any later day, which lets a calibration give up on a run early.
   */
  cumulative: boolean;
}

export const MEASURES = [
  { name: 'travelled', description: 'People who have travelled (abroad, returned or dead), initial stock included; cumulative.', count: { states: [State.Abroad, State.Returned, State.Dead] }, cumulative: true },
  { name: 'abroad', description: 'People in the conflict zone now.', count: { states: [State.Abroad] }, cumulative: false },
  { name: 'returned', description: 'People who have returned home; cumulative.', count: { states: [State.Returned] }, cumulative: true },
  { name: 'dead', description: 'People who died abroad; cumulative.', count: { states: [State.Dead] }, cumulative: true },
  { name: 'intercepted', description: 'Travel attempts stopped before or at the border; cumulative.', count: { states: [State.Intercepted] }, cumulative: true },
  { name: 'mobilized', description: 'People who have decided to travel and are planning the trip now.', count: { states: [State.Mobilized] }, cumulative: false },
  { name: 'sympathizers', description: 'People sympathetic to the group now (exposed through media, not mobilized).', count: { states: [State.Sympathizer] }, cumulative: false },
  { name: 'recruited_media', description: 'People mobilized through media alone since the start date; cumulative.', count: { recruits: Channel.Media }, cumulative: true },
  { name: 'recruited_peer', description: 'People mobilized by an influential tie since the start date; cumulative.', count: { recruits: Channel.Peer }, cumulative: true },
  { name: 'recruited_group', description: 'People who joined a friend\'s party since the start date; cumulative.', count: { recruits: Channel.Group }, cumulative: true },
  { name: 'recruited_after_media', description: 'People mobilized (by any channel) who had first been made sympathizers by media since the start date; cumulative.', count: { preparedByMedia: true }, cumulative: true },
  { name: 'removed', description: 'People removed from their networks by interventions (prosecuted returnees, targeted central agents); cumulative.', count: { removed: true }, cumulative: true },
] as const satisfies readonly MeasureRow[];

export type Measure = typeof MEASURES[number]['name'];
export const measureNames: readonly Measure[] = MEASURES.map((m) => m.name);
export const measureDescriptions = Object.fromEntries(MEASURES.map((m) => [m.name, m.description])) as Record<Measure, string>;
export const measureIndex = (m: Measure): number => measureNames.indexOf(m);

/** The tally at one moment: what the engine's Tally holds and a Snapshot keeps. */
export interface Counts {
  states: Int32Array;
  recruits: Int32Array;
  removed?: Int32Array;
  /** Recruits who were sympathizers (prepared by media) when they mobilized; absent in tallies kept before it was counted. */
  preparedByMedia?: Int32Array;
}

/**
 * Each measure as offsets into one community's block: states at c × STATE_COUNT + s, recruits
 * at c × CHANNEL_COUNT + ch, removed and preparedByMedia at c. Compiled once so that the hot loop below is plain
 * arithmetic (series tables call it for every replicate × day × place).
 */
const compiled = MEASURES.map((m): { kind: 0 | 1 | 2 | 3; offsets: Int32Array } => {
  const c: Count = m.count;
  if ('states' in c) return { kind: 0, offsets: Int32Array.from(c.states) };
  if ('recruits' in c) return { kind: 1, offsets: Int32Array.of(c.recruits) };
  if ('removed' in c) return { kind: 2, offsets: new Int32Array(0) };
  return { kind: 3, offsets: new Int32Array(0) };
});

/** Agent counts of every measure for a set of communities, in table order. */
export function measureAgents(counts: Counts, communities: readonly number[]): Float64Array {
  const out = new Float64Array(compiled.length);
  const { states, recruits, removed, preparedByMedia } = counts;
  for (const c of communities) {
    for (let m = 0; m < compiled.length; m++) {
      const { kind, offsets } = compiled[m]!;
      if (kind === 0) {
        const base = c * STATE_COUNT;
        for (let i = 0; i < offsets.length; i++) out[m]! += states[base + offsets[i]!]!;
      } else if (kind === 1) {
        out[m]! += recruits[c * CHANNEL_COUNT + offsets[0]!]!;
      } else if (kind === 2) {
        out[m]! += removed?.[c] ?? 0;
      } else {
        out[m]! += preparedByMedia?.[c] ?? 0;
      }
    }
  }
  return out;
}
