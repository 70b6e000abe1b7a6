/**
 * A sweep from start to finish: the journal (fresh or resumed), the missing runs
 * on the pool, and the final files. The CLI calls this; so do the tests and the
 * bench.
 *
 * The output folder, while running: only `.journal/` (header.json, runs.jsonl).
 * At the end, each file is written atomically (a temporary file renamed into
 * place), charts first and manifest.json last, so a file in the folder is always
 * whole and a folder with a manifest is complete. A whole sweep writes the
 * final files (outputs.ts); a shard writes its rows (rows.jsonl) and shard.json,
 * which `hotbed merge` joins. run-info.json (workers, timing) is beside them.
 */
import { join } from 'node:path';
import { outputTaken, writeFileAtomic } from '../batch/persistence.js';
import { roundToDecimals } from '../numeric/number-format.js';
import { isUserError } from '../messages/errors.js';
import { messages } from '../messages/scenario.js';
import type { Experiment, SweepPlan } from './file.js';
import { openJournal } from './journal.js';
import { sweepMessages } from '../messages/sweep.js';
import { sweepFiles, type SweepFiles } from './files.js';
import { runKey, sweepDesign, type RunKey } from './points.js';
import { createPool } from '../batch/pool.js';
import { sweepTasks } from './simulator.js';
import { shardRuns, type Shard } from './shard.js';
import { shardFiles } from './shard-files.js';

export interface SweepProgress {
  /** Runs finished, resumed ones included. */
  done: number;
  total: number;
  /** Runs finished in this session, per second. */
  rate: number;
  /** Seconds to go at that rate (NaN before the first run). */
  etaSeconds: number;
}

export interface SweepOptions {
  /** Output folder: must not exist, unless resuming from it. */
  out: string;
  resume?: boolean;
  shard?: Shard;
  /** Worker threads; 1 runs in this thread. */
  workers: number;
  /** Draw the charts (default true). */
  charts?: boolean;
  /** Called once the folder is checked and the journal read, before the first run. */
  onStart?: (info: { total: number; done: number; threads: number }) => void;
  onProgress?: (p: SweepProgress) => void;
  /** Recorded in run-info.json. */
  createdWith?: string;
}

export interface SweepOutcome {
  out: string;
  plan: SweepPlan;
  /** Runs of this sweep or shard, and how many were already in the journal. */
  runs: number;
  resumed: number;
  seconds: number;
  /** The final files (a whole sweep), or undefined for a shard. */
  outputs?: SweepFiles;
  files: string[];
}

export async function sweep(e: Experiment, options: SweepOptions): Promise<SweepOutcome> {
  const started = performance.now();
  const { plan } = e;
  // Every check before the first write: a refused sweep changes nothing on disk.
  if (!options.resume && outputTaken(options.out)) throw messages.outputExists(options.out);
  const journal = openJournal(options.out, plan, options.shard, options.resume === true);
  const mine = shardRuns(plan.runs, options.shard);
  const todo = mine.filter((r) => !journal.done.has(r));
  const resumed = mine.length - todo.length;
  const threads = Math.max(1, Math.min(Math.floor(options.workers), todo.length));
  options.onStart?.({ total: mine.length, done: resumed, threads });

  const results = new Map(journal.done);
  const failures: { key: RunKey; message: string }[] = [];
  if (todo.length > 0) {
    const points = sweepDesign(plan).points;
    const pool = createPool(sweepTasks, { scenario: e.loaded.scenario, paths: plan.factors.map((f) => f.path), outputs: plan.outputs }, threads);
    const t0 = performance.now();
    let finished = 0;
    const report = () => {
      const seconds = (performance.now() - t0) / 1000;
      const rate = seconds > 0 ? finished / seconds : 0;
      options.onProgress?.({ done: resumed + finished, total: mine.length, rate, etaSeconds: rate > 0 ? (todo.length - finished) / rate : NaN });
    };
    try {
      await Promise.all(todo.map(async (run) => {
        const key = runKey(plan, run);
        try {
          const outputs = await pool.run({ run, values: points[key.point]!, seed: key.seed });
          journal.append(run, outputs);
          results.set(run, outputs);
          finished++;
          report();
        } catch (err) {
          if (isUserError(err)) throw err;
          failures.push({ key, message: err instanceof Error ? err.message : String(err) });
        }
      }));
    } finally {
      await pool.close();
      journal.close();
    }
  } else {
    journal.close();
  }
  if (failures.length > 0) {
    failures.sort((a, b) => a.key.run - b.key.run);
    throw sweepMessages.runFailed(failures[0]!.key, failures[0]!.message, failures.length, results.size, options.out);
  }

  const runInfo = (extra: object) => `${JSON.stringify({
    createdWith: options.createdWith,
    node: process.version,
    workers: threads,
    ...(options.shard ? { shard: `${options.shard.k}/${options.shard.n}` } : {}),
    runs: mine.length,
    resumedRuns: resumed,
    seconds: roundToDecimals((performance.now() - started) / 1000, 3),
    ...extra,
  }, null, 2)}\n`;
  if (options.shard) {
    const files = shardFiles(plan, options.shard, mine.map((r) => [r, results.get(r)!] as const));
    // rows first, shard.json last: a shard folder with shard.json is complete
    for (const [name, content] of Object.entries(files)) writeFileAtomic(join(options.out, name), content);
    writeFileAtomic(join(options.out, 'run-info.json'), runInfo({}));
    return { out: options.out, plan, runs: mine.length, resumed, seconds: (performance.now() - started) / 1000, files: [...Object.keys(files), 'run-info.json'] };
  }
  const ordered = mine.map((r) => results.get(r)!);
  const outputs = await sweepFiles(plan, ordered, { charts: options.charts });
  writeSweepFolder(options.out, outputs, runInfo(outputs.chartsError !== undefined ? { chartsError: outputs.chartsError } : {}));
  return { out: options.out, plan, runs: mine.length, resumed, seconds: (performance.now() - started) / 1000, outputs, files: [...Object.keys(outputs.files), ...(Object.keys(outputs.charts).length ? ['charts/'] : []), 'run-info.json'] };
}

/** Charts, then tables, then run-info.json, then manifest.json: a folder with a manifest is complete. */
export function writeSweepFolder(out: string, outputs: SweepFiles, runInfo: string): void {
  for (const [name, content] of Object.entries(outputs.charts)) writeFileAtomic(join(out, name), content);
  const { 'manifest.json': manifest, ...tables } = outputs.files;
  for (const [name, content] of Object.entries(tables)) writeFileAtomic(join(out, name), content);
  writeFileAtomic(join(out, 'run-info.json'), runInfo);
  writeFileAtomic(join(out, 'manifest.json'), manifest!);
}
