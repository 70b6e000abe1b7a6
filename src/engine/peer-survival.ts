/**
 * The peer rule as a log-survival λ(E, degree) = log(1 − h): the form the
 * engine's waiting times use (see peer-clock.ts). For the cascade, λ is
 * E · log(1 − p) outright; going through the hazard would cost an expm1 and a
 * log1p per redraw only to undo each other. Other rules go through their hazard.
 */
import { peerHazard } from '../model/peer-rules.js';
import type { Channels } from '../scenario/schema.js';
import { logSurvival } from './peer-clock.js';

export type PeerLogSurvival = (influence: number, degree: number) => number;

export function peerLogSurvival(peer: Channels['peer']): PeerLogSurvival {
  if (peer.rule === 'cascade') {
    // The same clamp as peerHazard's, so that p = 1 stays a finite (huge) daily hazard.
    const logKeep = Math.log1p(-Math.min(peer.cascade.probability, 1 - 1e-12));
    return (e) => (e > 0 ? e * logKeep : 0);
  }
  const hazard = peerHazard(peer);
  return (e, degree) => logSurvival(hazard(e, degree));
}
