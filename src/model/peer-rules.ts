/**
 * Peer-influence rules: the daily probability that an agent mobilizes, given its
 * effective influence E (the weighted count of influential ties, times the
 * agent's receptivity and its community's susceptibility) and its degree.
 * Adding a rule is adding a member to `PeerRule`, a case here, one in
 * model/channels.ts (from the scenario) and one in the schema's enum.
 */

/** A peer rule's own parameters, as the engine takes them (model/channels.ts builds them from a scenario). */
export type PeerRule =
  | { rule: 'cascade'; probability: number }
  | { rule: 'threshold'; ties: number }
  | { rule: 'fractional'; share: number }
  | { rule: 'logistic'; intercept: number; slope: number };

/** `agent` matters only to rules with per-agent thresholds (agentThresholdHazard). */
export type PeerHazard = (influence: number, degree: number, agent?: number) => number;

/** log(1 − p) of the cascade's per-tie probability, clamped so that p = 1 stays a finite (huge) daily hazard. */
export function cascadeLogKeep(probability: number): number {
  return Math.log1p(-Math.min(probability, 1 - 1e-12));
}

export function peerHazard(peer: PeerRule): PeerHazard {
  switch (peer.rule) {
    case 'cascade': {
      // Independent cascade, per tie per day: each unit of influence is one more
      // independent chance, so the day's probability is 1 − (1 − p)^E.
      const logKeep = cascadeLogKeep(peer.probability);
      return (e) => (e > 0 ? -Math.expm1(e * logKeep) : 0);
    }
    case 'threshold': {
      const ties = peer.ties;
      return (e) => (e >= ties ? 1 : 0);
    }
    case 'fractional': {
      const share = peer.share;
      return (e, degree) => (degree > 0 && e / degree >= share ? 1 : 0);
    }
    case 'logistic': {
      const { intercept, slope } = peer;
      return (e) => (e > 0 ? 1 / (1 + Math.exp(-(intercept + slope * e))) : 0);
    }
    default:
      return unreachable(peer);
  }
}

/**
 * The threshold or fractional rule with a threshold per agent (Granovetter 1978), in place of
 * the rule's one: `thresholds[agent]` ties, or share of ties. A threshold of 0 is met with no
 * influence at all: the agent acts on its own.
 */
export function agentThresholdHazard(peer: PeerRule, thresholds: Float64Array): PeerHazard {
  switch (peer.rule) {
    case 'threshold':
      return (e, _degree, a = -1) => (e >= thresholds[a]! ? 1 : 0);
    case 'fractional':
      return (e, degree, a = -1) => (degree > 0 && e / degree >= thresholds[a]! ? 1 : 0);
    default:
      throw new Error(`model/peer-rules: per-agent thresholds given for the ${peer.rule} rule (expected the threshold or fractional rule, the two with a threshold)`);
  }
}

function unreachable(x: never): never {
  throw new Error(`model/peer-rules: unknown peer rule ${JSON.stringify(x)} (expected cascade, threshold, fractional or logistic)`);
}
