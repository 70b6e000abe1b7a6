/**
 * Per-agent values of a world: thresholds and receptivity factors drawn from the scenario's
 * distributions (channels.peer.perAgent), one stream each, so that drawing them moves neither
 * the networks nor the stock. `fixed` (or no distribution) gives no array at all: the engine
 * then takes the rule's own value, on the path every scenario without them runs.
 */
import { stream, type Rng } from '../random/streams.js';
import type { Distribution } from '../scenario/schema.js';

export interface PerAgentValues {
  /** [agent]: threshold of the threshold rule (ties) or of the fractional rule (share). */
  agentThreshold?: Float64Array;
  /** [agent]: factor of the receptivity of the agent's state. */
  agentReceptivity?: Float64Array;
}

export interface PerAgentOptions {
  threshold?: Distribution;
  receptivity?: Distribution;
  seed: number;
  replicate: number;
}

export function drawPerAgent(agents: number, { threshold, receptivity, seed, replicate }: PerAgentOptions): PerAgentValues {
  const values: PerAgentValues = {};
  const agentThreshold = draw(threshold, agents, () => stream({ seed, replicate, purpose: 'per-agent/threshold' }));
  if (agentThreshold) values.agentThreshold = agentThreshold;
  const agentReceptivity = draw(receptivity, agents, () => stream({ seed, replicate, purpose: 'per-agent/receptivity' }));
  if (agentReceptivity) values.agentReceptivity = agentReceptivity;
  return values;
}

function draw(d: Distribution | undefined, agents: number, rngOf: () => Rng): Float64Array | undefined {
  if (d === undefined || d.kind === 'fixed') return undefined;
  if (d.kind === 'values') {
    // The scenario's semantic check has matched the list to the agent count; a world planned otherwise (a library caller's) must not read past it.
    if (d.values.length !== agents) throw new Error(`world/per-agent: a values list of ${d.values.length} for ${agents} agents (expected one value per agent)`);
    return Float64Array.from(d.values);
  }
  const rng = rngOf();
  const out = new Float64Array(agents);
  for (let a = 0; a < agents; a++) {
    out[a] = d.kind === 'uniform' ? d.min + (d.max - d.min) * rng() : Math.max(0, d.mean + d.sd * standardNormal(rng));
  }
  return out;
}

/** Box–Muller, one deviate per pair of uniforms: a draw's cost does not depend on the draws before it. */
function standardNormal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]: the log stays finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
