/**
 * The measures written for each place and date, computed from the engine's
 * per-community tally. Counts are of people: agents × scale.
 */
import { State, STATE_COUNT, Channel } from '../model/states.js';

export const measureNames = [
  'travelled',
  'abroad',
  'returned',
  'dead',
  'intercepted',
  'mobilized',
  'sympathizers',
  'recruited_media',
  'recruited_peer',
  'recruited_group',
  'removed',
] as const;
export type Measure = typeof measureNames[number];

export const measureDescriptions: Record<Measure, string> = {
  travelled: 'People who have travelled (abroad, returned or dead), initial stock included; cumulative.',
  abroad: 'People in the conflict zone now.',
  returned: 'People who have returned home; cumulative.',
  dead: 'People who died abroad; cumulative.',
  intercepted: 'Travel attempts stopped before or at the border; cumulative.',
  mobilized: 'People who have decided to travel and are planning the trip now.',
  sympathizers: 'People sympathetic to the group now (exposed through media, not mobilized).',
  recruited_media: 'People mobilized through media alone since the start date; cumulative.',
  recruited_peer: 'People mobilized by an influential tie since the start date; cumulative.',
  recruited_group: 'People who joined a friend\'s party since the start date; cumulative.',
  removed: 'People removed from their networks by interventions (prosecuted returnees, targeted central agents); cumulative.',
};

/** Agent counts for one set of communities at one moment, in measureNames order. */
export function measureAgents(states: Int32Array, recruits: Int32Array, communities: readonly number[], removed?: Int32Array): Float64Array {
  const out = new Float64Array(measureNames.length);
  for (const c of communities) {
    const s = c * STATE_COUNT;
    const r = c * 4;
    const abroad = states[s + State.Abroad]!;
    const returned = states[s + State.Returned]!;
    const dead = states[s + State.Dead]!;
    out[0]! += abroad + returned + dead;
    out[1]! += abroad;
    out[2]! += returned;
    out[3]! += dead;
    out[4]! += states[s + State.Intercepted]!;
    out[5]! += states[s + State.Mobilized]!;
    out[6]! += states[s + State.Sympathizer]!;
    out[7]! += recruits[r + Channel.Media]!;
    out[8]! += recruits[r + Channel.Peer]!;
    out[9]! += recruits[r + Channel.Group]!;
    out[10]! += removed?.[c] ?? 0;
  }
  return out;
}
