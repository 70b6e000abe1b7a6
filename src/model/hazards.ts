/**
 * Which intervention factors feed which hazard, declared once. The engine
 * compares the factors in force before and after a change day through this
 * table and redraws pending events only for the hazards (and communities)
 * whose inputs changed: a new factor is one entry here, not a hand-written test.
 */
import type { CommunityFactors } from './interventions.js';

/** Factors that are rates or weights (the prosecution flag is a rule applied on return, not a hazard). */
export type FactorName = Exclude<keyof CommunityFactors, 'prosecute'>;

export const hazardInputs = {
  /** Daily media exposure (susceptible → sympathizer): picked each day, no pending event. */
  mediaExposure: ['media', 'mediaExposure'],
  /** Daily media mobilization (sympathizer → mobilized): picked each day, no pending event. */
  mediaMobilization: ['media', 'mediaMobilization'],
  /** Peer success (and group joining, read when a party forms): pending days redrawn. */
  peer: ['peer', 'returnedWeight'],
  /** Daily chance of leaving once the minimum planning days are over: pending departures redrawn. */
  planning: ['planning'],
  /** Success of a travel attempt, read on the attempt: no pending event. */
  travel: ['passage', 'departure', 'travel'],
  /** Leaving the conflict zone (return or death): pending exits redrawn; the split is read on the day. */
  exit: ['return', 'death'],
} as const satisfies Record<string, readonly FactorName[]>;

export type Hazard = keyof typeof hazardInputs;
export const hazards = Object.keys(hazardInputs) as Hazard[];

/**
 * [community]: 1 where any input of `hazard` differs between `before` and `after`;
 * undefined when none does (the common case: nothing to redraw).
 */
export function changedCommunities(hazard: Hazard, before: CommunityFactors, after: CommunityFactors): Uint8Array | undefined {
  let changed: Uint8Array | undefined;
  for (const name of hazardInputs[hazard]) {
    const b = before[name];
    const a = after[name];
    for (let c = 0; c < a.length; c++) {
      // NaN (a returnee weight no policy sets) equals NaN here: both mean the channel's own weight.
      if (a[c] === b[c] || (Number.isNaN(a[c]) && Number.isNaN(b[c]))) continue;
      changed ??= new Uint8Array(a.length);
      changed[c] = 1;
    }
  }
  return changed;
}
