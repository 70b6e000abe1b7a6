/**
 * Peer-influence rules: the daily probability that an agent mobilizes, given its
 * effective influence E (the weighted count of influential ties, times the
 * agent's receptivity and its community's susceptibility) and its degree.
 * Adding a rule is adding a case here and to the schema's enum.
 */
import type { Channels } from '../scenario/schema.js';

export type PeerHazard = (influence: number, degree: number) => number;

export function peerHazard(peer: Channels['peer']): PeerHazard {
  switch (peer.rule) {
    case 'cascade': {
      // Independent cascade, per tie per day: each unit of influence is one more
      // independent chance, so the day's probability is 1 − (1 − p)^E.
      const logKeep = Math.log1p(-Math.min(peer.cascade.probability, 1 - 1e-12));
      return (e) => (e > 0 ? -Math.expm1(e * logKeep) : 0);
    }
    case 'threshold': {
      const ties = peer.threshold.ties;
      return (e) => (e >= ties ? 1 : 0);
    }
    case 'fractional': {
      const share = peer.fractional.share;
      return (e, degree) => (degree > 0 && e / degree >= share ? 1 : 0);
    }
    case 'logistic': {
      const { intercept, slope } = peer.logistic;
      return (e) => (e > 0 ? 1 / (1 + Math.exp(-(intercept + slope * e))) : 0);
    }
  }
}
