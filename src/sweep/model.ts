/**
 * One run of a sweep: the factor values are applied to the scenario through the
 * `--set` machinery (calibration/model.ts scenarioWith, re-validated), the
 * scenario runs once with the run's seed, and the run is reduced to the
 * experiment's outputs, in output order. A SweepModelSpec is plain data, so that
 * worker threads rebuild the model from it.
 */
import { scenarioWith } from '../calibration/model.js';
import { runScenario } from '../experiments/run.js';
import { daysBetween } from '../model/dates.js';
import { measureAgents, measureNames, type Measure } from '../results/measures.js';
import { placeIndex, type Place } from '../world/places.js';
import type { Snapshot } from '../results/recorder.js';
import type { Scenario } from '../scenario/schema.js';
import type { WorldPlan } from '../world/plan.js';
import type { OutputSpec } from './file.js';

export interface SweepModelSpec {
  /** The validated scenario the factors are applied to. */
  scenario: Scenario;
  /** --set paths, in factor order. */
  paths: string[];
  outputs: OutputSpec[];
}

export type SweepModel = (values: readonly number[], seed: number) => number[];

const index = (m: Measure) => measureNames.indexOf(m);

export function createSweepModel(spec: SweepModelSpec): SweepModel {
  const start = spec.scenario.dates.start;
  const days = spec.outputs.map((o) => daysBetween(start, o.date));
  return (values, seed) => {
    const scenario = scenarioWith({ scenario: spec.scenario, parameterPaths: spec.paths }, values);
    const run = runScenario(scenario, { seed, replicates: 1, extraRecordDays: days });
    const byDay = new Map(run.replicates[0]!.snapshots.map((s) => [s.day, s]));
    const places = placeIndex(run.plan).at(['world', 'region', 'country', 'community']);
    return spec.outputs.map((o, k) => outputValue(o, byDay.get(days[k]!)!, places, run.plan));
  };
}

/** One output of one run, from the snapshot of its day. Counts are of people (agents × scale). */
export function outputValue(o: OutputSpec, snap: Snapshot, places: readonly Place[], plan: WorldPlan): number {
  const place = places.find((p) => p.level === o.level && p.name === o.place);
  if (!place) throw new Error(`sweep/model: output ${o.name} names ${o.level} "${o.place}", which the run's world does not have`);
  const m = measureAgents(snap.states, snap.recruits, place.communities, snap.removed);
  switch (o.measure) {
    case 'returned_share':
      return m[index('travelled')]! > 0 ? m[index('returned')]! / m[index('travelled')]! : NaN;
    case 'peer_share': {
      const all = m[index('recruited_media')]! + m[index('recruited_peer')]! + m[index('recruited_group')]!;
      return all > 0 ? m[index('recruited_peer')]! / all : NaN;
    }
    case 'countries_represented': {
      const inside = new Set(place.communities);
      return places.filter((p) => p.level === 'country' && inside.has(p.communities[0]!)
        && measureAgents(snap.states, snap.recruits, p.communities, snap.removed)[0]! > 0).length;
    }
    default:
      return m[index(o.measure)]! * plan.scale;
  }
}
