/** An engine Observer that keeps a copy of the tally on the days to be written. */
import type { Observer, Tally } from '../engine/simulation.js';

export interface Snapshot {
  day: number;
  states: Int32Array;
  recruits: Int32Array;
  removed: Int32Array;
  preparedByMedia: Int32Array;
}

export class Recorder implements Observer {
  readonly snapshots: Snapshot[] = [];
  private readonly days: Set<number>;

  constructor(days: Iterable<number>) {
    this.days = new Set(days);
  }

  recordOn(day: number): boolean {
    return this.days.has(day);
  }

  record(day: number, tally: Readonly<Tally>): void {
    this.snapshots.push({ day, states: tally.states.slice(), recruits: tally.recruits.slice(), removed: tally.removed.slice(), preparedByMedia: tally.preparedByMedia.slice() });
  }
}

/** Day 0, every `every` days, the checkpoints and the last day. */
export function recordDays(days: number, every: number, checkpoints: readonly number[]): number[] {
  const set = new Set<number>([0, days, ...checkpoints]);
  for (let d = every; d < days; d += every) set.add(d);
  return [...set].sort((a, b) => a - b);
}
