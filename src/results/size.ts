/**
 * What a run's records take, estimated before the run: the part of its memory that grows
 * with the number of recorded days rather than with the world (world/plan.ts estimates
 * that). Per recorded day: each replicate's snapshot of the tally (recorder.ts), the
 * cube of agents by place, measure and replicate (cube.ts) with the bands made from it,
 * and the rows of the tables and the report's charts made from those.
 *
 * The constants are measured peaks (resident memory) rounded up by half: a single-town
 * world over 100 years (6,400 recorded days) took 50 MB for one replicate, 9.5 MB more per
 * further replicate, and 74 MB more with the report's charts, beyond their fixed cost.
 */
import { CHANNEL_COUNT, STATE_COUNT } from '../model/states.js';

export interface RecordingSize {
  /** Days on which the tally is kept (the tables' days, checkpoints, the report's month starts). */
  recordedDays: number;
  communities: number;
  /** Places written (at the output levels). */
  places: number;
  /** Measures and statistics written per place. */
  measures: number;
  replicates: number;
}

/** Tables and summaries per recorded day, whatever the replicates. */
const PER_DAY = 12 * 1024;
/** A snapshot's objects beside its typed arrays. */
const PER_SNAPSHOT = 1536;
/** The report's charts per recorded day, and per place shown. */
const REPORT_PER_DAY = 16 * 1024;
const REPORT_PER_PLACE_DAY = 1024;

/** Bytes of the records of a run at their peak. */
export function estimateRecordingBytes(r: RecordingSize): number {
  const snapshot = PER_SNAPSHOT + r.communities * (STATE_COUNT + CHANNEL_COUNT + 2) * 4;
  // The cube's agent counts (4 bytes), and the bands' quantiles made from them.
  const cube = r.places * r.measures * r.replicates * 8;
  const report = REPORT_PER_DAY + r.places * REPORT_PER_PLACE_DAY;
  return r.recordedDays * (PER_DAY + r.replicates * snapshot + cube + report);
}
