/**
 * A sweep too large to write is refused before it starts. The result tables
 * are built in memory as text, and V8 caps a string near 512 MiB; runs.csv is
 * the largest, one row per run. The estimate is generous per cell (full-precision
 * numbers), so a sweep that passes fits.
 */
import type { Where } from '../messages/scenario.js';
import { sweepMessages } from '../messages/sweep.js';

/** runs.csv may hold at most this many bytes. */
export const TABLE_LIMIT_BYTES = 256 * 2 ** 20;

/** About the bytes of runs.csv: run, point, replicate and seed, then a full-precision number per factor and output. */
export function estimateTableBytes(runs: number, factors: number, outputs: number): number {
  const perRow = 8 + 8 + 6 + 11 + 22 * factors + 16 * outputs;
  return runs * perRow;
}

export function checkTableSize(where: Where, points: number, replicates: number, factors: number, outputs: number, limit = TABLE_LIMIT_BYTES): void {
  const runs = points * replicates;
  const bytes = estimateTableBytes(runs, factors, outputs);
  if (bytes > limit || !Number.isSafeInteger(runs)) throw sweepMessages.tooLarge(where, runs, points, replicates, bytes, limit);
}
