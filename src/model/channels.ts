/**
 * The scenario's `channels` compiled into plain engine parameters: rates as
 * numbers, the peer rule with its own parameters only, and the per-state and
 * per-class arrays the daily loop indexes (receptivity, tie weights). The
 * engine sees only this, never the scenario schema (mirrors compileInterventions).
 */
import type { Channels } from '../scenario/schema.js';
import type { PeerRule } from './peer-rules.js';
import { Influence, influenceClasses, stateTable, type StateInfo } from './states.js';

export interface ChannelParams {
  media: {
    /** Daily probability that a susceptible becomes a sympathizer (times reach, susceptibility and factors). */
    exposure: number;
    /** Daily probability that a sympathizer mobilizes through media alone. */
    mobilization: number;
  };
  peer: {
    rule: PeerRule;
    /** [influence class]: weight of a tie to an agent of that class (a policy may override it per community). */
    weights: Float64Array;
    /** [state]: receptivity to peer influence and to parties (0: not receptive). */
    receptivity: Float64Array;
  };
  group: {
    /** Probability that each receptive friend of a newly mobilized agent joins the party (times receptivity). */
    probability: number;
  };
  travel: {
    /** Days of planning before the daily chance of leaving starts. */
    minPlanningDays: number;
    /** Daily chance of leaving once the minimum is over (1: leave on the first day it may). */
    planningHazard: number;
  };
  abroad: {
    returnRate: number;
    deathRate: number;
  };
}

export function compileChannels(channels: Channels, states: readonly StateInfo[] = stateTable): ChannelParams {
  const { media, peer, group, travel, abroad } = channels;
  const weights = new Float64Array(influenceClasses.length);
  weights[Influence.Mobilized] = peer.weights.mobilized;
  weights[Influence.Abroad] = peer.weights.abroad;
  weights[Influence.Returned] = peer.weights.returned;
  const receptivity = new Float64Array(states.length);
  for (let s = 0; s < states.length; s++) {
    const r = states[s]!.receptivity;
    receptivity[s] = r === 'susceptible' ? peer.susceptibleReceptivity : r;
  }
  // Geometric above the minimum with the given mean; a mean at or below the minimum leaves on the minimum.
  const extra = travel.meanPlanningDays - travel.minPlanningDays;
  return {
    media: { exposure: media.exposure, mobilization: media.mobilization },
    peer: { rule: peerRule(peer), weights, receptivity },
    group: { probability: group.probability },
    travel: { minPlanningDays: travel.minPlanningDays, planningHazard: extra > 0 ? 1 / (extra + 1) : 1 },
    abroad: { returnRate: abroad.returnRate, deathRate: abroad.deathRate },
  };
}

function peerRule(peer: Channels['peer']): PeerRule {
  switch (peer.rule) {
    case 'cascade':
      return { rule: 'cascade', probability: peer.cascade.probability };
    case 'threshold':
      return { rule: 'threshold', ties: peer.threshold.ties };
    case 'fractional':
      return { rule: 'fractional', share: peer.fractional.share };
    case 'logistic':
      return { rule: 'logistic', intercept: peer.logistic.intercept, slope: peer.logistic.slope };
    default:
      return unreachable(peer.rule);
  }
}

function unreachable(x: never): never {
  throw new Error(`model/channels: unknown channels.peer.rule ${JSON.stringify(x)} (expected cascade, threshold, fractional or logistic)`);
}
