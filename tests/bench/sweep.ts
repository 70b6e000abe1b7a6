/**
 * Sweep throughput (issue 5): runs per second of `hotbed sweep` at CI scale (the
 * baseline at scale 25, about 90,000 agents, as scenarios/calibration-ci.yaml) with
 * 1 and 2 workers, through the real sweep (journal, pool, tables; charts off), and
 * the ratio 2 workers / 1 worker against the goal of 1.8×.
 *
 * Two rates per run: end to end (start-up of the threads included), and steady:
 * the runs after each thread's first, over the time from the first thread's first
 * finished run to the last (what a long sweep sees). The ratio uses the steady rates.
 *
 *   node --import tsx tests/bench/sweep.ts                 # 1 and 2 workers, 24 runs each
 *   node --import tsx tests/bench/sweep.ts --runs 40 --workers 1,2,4
 *
 * tests/bench/suite.ts can call `sweepBench()` and report its rows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadExperiment } from '../../src/sweep/file.js';
import { sweep } from '../../src/sweep/sweep.js';

export const SWEEP_SPEEDUP_GOAL = 1.8;

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.yaml', import.meta.url));

export interface SweepBenchRow {
  workers: number;
  runs: number;
  /** Wall time of the whole sweep, thread start-up included. */
  seconds: number;
  runsPerSecond: number;
  /** Runs per second once every thread has finished its first run. */
  steadyRunsPerSecond: number;
  /** CPU time of this process (all threads) over wall time during the sweep: the cores it got. On a busy machine, below the workers asked for. */
  coresUsed: number;
  /** Runs per second of CPU time (all threads, start-up included): on a shared machine, what the workers would give each core they got. */
  runsPerCpuSecond: number;
}

export interface SweepBenchResult {
  rows: SweepBenchRow[];
  /** Steady runs per second with 2 workers over 1 worker (NaN if either is missing). */
  speedup: number;
  goal: number;
}

/** A Latin hypercube over three channel parameters of the baseline at scale 25, one replicate per point. */
function experiment(dir: string, runs: number): string {
  const file = join(dir, 'bench.yaml');
  writeFileSync(file, [
    'title: Sweep throughput bench',
    `scenario: ${JSON.stringify(BASELINE)}`,
    'scale: 25',
    'seed: 1',
    'replicates: 1',
    'factors:',
    '  - { name: peer, path: channels.peer.cascade.probability, low: 0.0002, high: 0.0005, scale: log }',
    '  - { name: media, path: channels.media.exposure, low: 0.0002, high: 0.0005, scale: log }',
    '  - { name: group, path: channels.group.probability, low: 0.01, high: 0.03 }',
    `design: { kind: latin-hypercube, samples: ${runs} }`,
    'outputs:',
    '  - { measure: travelled }',
    '',
  ].join('\n'));
  return file;
}

export async function sweepBench(options: { runs?: number; workers?: readonly number[] } = {}): Promise<SweepBenchResult> {
  const runs = options.runs ?? 24;
  const dir = mkdtempSync(join(tmpdir(), 'hotbed-bench-sweep-'));
  const rows: SweepBenchRow[] = [];
  try {
    const e = loadExperiment(experiment(dir, runs), { toolVersion: 'bench' });
    for (const workers of options.workers ?? [1, 2]) {
      const finished: number[] = [];
      let threads = 1;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await sweep(e, {
        out: join(dir, `out-${workers}`),
        workers,
        charts: false,
        onStart: (info) => (threads = info.threads),
        onProgress: () => finished.push(performance.now()),
      });
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(c0);
      const coresUsed = (cpu.user + cpu.system) / 1e6 / seconds;
      const steadyFrom = finished[0]!;
      const steadyRuns = finished.length - threads;
      const steadySeconds = (finished.at(-1)! - steadyFrom) / 1000;
      rows.push({ workers, runs, seconds, runsPerSecond: runs / seconds, steadyRunsPerSecond: steadyRuns > 0 && steadySeconds > 0 ? steadyRuns / steadySeconds : NaN, coresUsed, runsPerCpuSecond: runs / (coresUsed * seconds) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const one = rows.find((r) => r.workers === 1)?.steadyRunsPerSecond ?? NaN;
  const two = rows.find((r) => r.workers === 2)?.steadyRunsPerSecond ?? NaN;
  return { rows, speedup: two / one, goal: SWEEP_SPEEDUP_GOAL };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '24' }, workers: { type: 'string', default: '1,2' }, json: { type: 'boolean', default: false } } });
  const result = await sweepBench({ runs: Number(values.runs), workers: values.workers!.split(',').map(Number) });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  process.stdout.write('sweep throughput (baseline at scale 25, Latin hypercube, 1 replicate a point; charts off)\n');
  process.stdout.write('workers  runs  wall (s)  runs/s end to end  runs/s steady  cores used  runs per CPU-s\n');
  for (const r of result.rows) {
    process.stdout.write(`${String(r.workers).padStart(7)}  ${String(r.runs).padStart(4)}  ${r.seconds.toFixed(1).padStart(8)}  ${r.runsPerSecond.toFixed(2).padStart(17)}  ${r.steadyRunsPerSecond.toFixed(2).padStart(13)}  ${r.coresUsed.toFixed(2).padStart(10)}  ${r.runsPerCpuSecond.toFixed(2).padStart(14)}\n`);
  }
  if (result.rows.some((r) => r.workers > 1 && r.coresUsed < 0.8 * r.workers)) {
    process.stdout.write('warning: the sweep got fewer cores than workers (other load on the machine): the speedup is understated\n');
  }
  const status = result.speedup >= result.goal ? 'PASS' : 'MISS';
  process.stdout.write(`speedup 2 workers / 1 (steady): ${result.speedup.toFixed(2)}× (goal ≥ ${result.goal}×) ${Number.isFinite(result.speedup) ? status : ''}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exitCode = 1;
  });
}
