/**
 * What is kept of each replicate for bands and paired differences: agent counts
 * per day × place × measure, replicates innermost, so that the values of one
 * cell across replicates are one contiguous view. Per-agent arrays and the
 * per-community tally are not kept.
 */
import type { Level } from '../scenario/schema.js';
import type { WorldPlan } from '../world/plan.js';
import { measureAgents, measureNames } from '../statistics/measures.js';
import { placeIndex } from '../world/places.js';
import type { Snapshot } from './recorder.js';

export interface PlaceKey {
  level: Level;
  name: string;
}

export class ReplicateCube {
  /** Agents, at [((day × places + place) × measures + measure) × replicates + replicate]. */
  readonly data: Int32Array;
  readonly measures = measureNames.length;
  private readonly dayIndex: Map<number, number>;
  private readonly filled: Uint8Array;

  constructor(readonly days: readonly number[], readonly places: readonly PlaceKey[], readonly replicates: number) {
    this.data = new Int32Array(days.length * places.length * this.measures * replicates);
    this.dayIndex = new Map(days.map((d, i) => [d, i]));
    this.filled = new Uint8Array(replicates);
  }

  /** Position of `day` in `days`. */
  indexOfDay(day: number): number {
    const i = this.dayIndex.get(day);
    if (i === undefined) throw new Error(`results/cube: day ${day} was not recorded`);
    return i;
  }

  /**
   * Stores replicate `replicate` from its snapshots. `communities[p]` lists the
   * community indices (in this scenario's plan) that make up place p.
   */
  add(replicate: number, snapshots: readonly Snapshot[], communities: readonly (readonly number[])[]): void {
    const { data, measures, replicates } = this;
    const P = this.places.length;
    const byDay = new Map(snapshots.map((s) => [s.day, s]));
    for (let d = 0; d < this.days.length; d++) {
      const snap = byDay.get(this.days[d]!);
      if (!snap) throw new Error(`results/cube: replicate ${replicate} has no snapshot for day ${this.days[d]}`);
      for (let p = 0; p < P; p++) {
        const values = measureAgents(snap, communities[p]!);
        const base = (d * P + p) * measures;
        for (let m = 0; m < measures; m++) data[(base + m) * replicates + replicate] = values[m]!;
      }
    }
    this.filled[replicate] = 1;
  }

  /** Whether every replicate has been added. */
  get complete(): boolean {
    return this.filled.every((f) => f === 1);
  }

  /** The values of one cell across replicates (agents): a view, not a copy. */
  cell(day: number, place: number, measure: number): Int32Array {
    const start = ((day * this.places.length + place) * this.measures + measure) * this.replicates;
    return this.data.subarray(start, start + this.replicates);
  }
}

/** The places of a comparison, at the given levels, in the usual order (world, regions, countries, communities). */
export function placeKeys(plan: WorldPlan, levels: readonly Level[]): PlaceKey[] {
  return placeIndex(plan).at(levels).map((p) => ({ level: p.level, name: p.name }));
}

/** For each place key, the community indices of `plan` that make it up (matched by level and name). */
export function communitiesOfPlaces(plan: WorldPlan, keys: readonly PlaceKey[]): number[][] {
  const all = new Map(placeIndex(plan).all.map((p) => [`${p.level}\u0000${p.name}`, p.communities]));
  return keys.map((k) => {
    const c = all.get(`${k.level}\u0000${k.name}`);
    if (!c) throw new Error(`results/cube: no ${k.level} named "${k.name}" in this plan`);
    return c;
  });
}
