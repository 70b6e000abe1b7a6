/**
 * The peer rule as a log-survival λ(E, degree) = log(1 − h): the form the
 * engine's waiting times use (see peer-clock.ts). For the cascade, λ is
 * E · log(1 − p) outright; going through the hazard would cost an expm1 and a
 * log1p per redraw only to undo each other. Other rules go through their hazard.
 *
 * A class rather than a closure made per run: the engine's hot call sites
 * inline their callee, and a fresh closure in every simulation of a worker
 * (calibration, sweeps) made V8 throw that code away and recompile it each run.
 */
import { agentThresholdHazard, cascadeLogKeep, peerHazard, type PeerHazard, type PeerRule } from '../model/peer-rules.js';
import { logSurvival } from './peer-clock.js';

export class PeerLogSurvival {
  /** log(1 − p) for the cascade; NaN for rules that go through their hazard. */
  private readonly logKeep: number;
  private readonly hazard: PeerHazard | undefined;

  /** `agentThreshold`: a threshold per agent, for the threshold and fractional rules only. */
  constructor(peer: PeerRule, agentThreshold?: Float64Array) {
    if (agentThreshold !== undefined) {
      this.logKeep = NaN;
      this.hazard = agentThresholdHazard(peer, agentThreshold);
    } else if (peer.rule === 'cascade') {
      this.logKeep = cascadeLogKeep(peer.probability);
      this.hazard = undefined;
    } else {
      this.logKeep = NaN;
      this.hazard = peerHazard(peer);
    }
  }

  of(influence: number, degree: number, agent?: number): number {
    if (this.hazard === undefined) return influence > 0 ? influence * this.logKeep : 0;
    return logSurvival(this.hazard(influence, degree, agent));
  }
}
