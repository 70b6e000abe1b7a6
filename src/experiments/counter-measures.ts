/**
 * Whether a compared scenario adds counter-measures to the reference, which decides how
 * its difference from the reference is spoken of: travellers averted (reference −
 * scenario) for added counter-measures, the change versus the reference (scenario −
 * reference) for anything else: another mechanism or parameter, a change to the dated
 * history (an event moved, weakened or removed), a counter-measure taken away.
 *
 * The rule reads the resolved scenarios only: the scenario adds counter-measures when
 * it keeps every intervention of the reference as it is, has at least one more, every
 * one of them of a counter-measure kind, and differs from the reference in nothing else
 * that changes a run (its title, seed, replicates, outputs, targets and report settings
 * aside: compare runs every scenario with one seed and replicate count).
 */
import type { Intervention, Scenario } from '../scenario/schema.js';
import { canonicalJson } from '../scenario/canonical-json.js';

/** Intervention kinds that act against travel or recruitment; `pull` and `hazard-multipliers` can go either way. */
const COUNTER_MEASURE_KINDS: ReadonlySet<Intervention['kind']> = new Set([
  'border-control', 'media-takedown', 'prevention', 'travel-ban', 'returnee-policy', 'network-targeting',
]);

/** Keys that say how a scenario is run or reported, not what happens in it. */
const NOT_THE_WORLD = ['title', 'description', 'seed', 'replicates', 'output', 'outputs', 'targets', 'interventions'] as const;

export function addsCounterMeasures(reference: Scenario, scenario: Scenario): boolean {
  if (canonicalJson(worldOf(reference)) !== canonicalJson(worldOf(scenario))) return false;
  const remaining = scenario.interventions.map((iv) => canonicalJson(iv));
  for (const iv of reference.interventions) {
    const at = remaining.indexOf(canonicalJson(iv));
    if (at < 0) return false;
    remaining.splice(at, 1);
  }
  if (remaining.length === 0) return false;
  const added = scenario.interventions.filter((iv) => remaining.includes(canonicalJson(iv)));
  return added.every((iv) => COUNTER_MEASURE_KINDS.has(iv.kind));
}

function worldOf(s: Scenario): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...s };
  for (const key of NOT_THE_WORLD) delete rest[key];
  return rest;
}
