/** What `hotbed sweep` does: runs the sweep with progress and prints what drives each output. */
import { cliMessages } from '../messages/cli.js';
import { printErr, printOut } from './output.js';
import { roundToDecimals } from '../numeric/number-format.js';
import { memoryLimitBytes } from '../batch/memory.js';
import { existsSync } from 'node:fs';
import { defaultWorkers } from '../batch/cores.js';
import { checkMemory } from '../experiments/run.js';
import { makeParents, outputFolder, resumeFolder } from './outputs.js';
import { installSignalHandlers, onInterrupt } from './signals.js';
import { outputMessages, shellCommand } from '../messages/output.js';
import { join } from 'node:path';
import { loadExperiment } from '../sweep/file.js';
import { parseShard, shardText } from '../sweep/shard.js';
import { sweep, type SweepProgress } from '../sweep/sweep.js';
import { sweepSummaryText } from '../sweep/summary-text.js';
import { planWorld } from '../world/plan.js';
import { thousands } from './format.js';
import { progressReporter, type ProgressReporter } from './progress.js';
import { toolVersion } from './version.js';
import type { SweepArgs } from './sweep-command.js';

/** Returns the exit code. */
export async function handleSweep(argv: SweepArgs): Promise<number> {
  const started = performance.now();
  const workers = argv.workers ?? defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1 || workers > 1024) throw cliMessages.workers(argv.workers);
  if (argv.out !== undefined && argv.resume !== undefined) throw cliMessages.outOrResume('sweep');
  const shard = argv.shard !== undefined ? parseShard(String(argv.shard)) : undefined;
  const e = loadExperiment(argv.experiment, { toolVersion: toolVersion() });
  const plan = e.plan;
  // Each thread holds one world at a time.
  checkMemory(planWorld(e.loaded.scenario), memoryLimitBytes(workers), plan.scenarioFile);
  installSignalHandlers();
  if (argv.resume !== undefined) resumeFolder(argv.resume);
  // A shard's folder goes where its recipe says (shards/K of the Slurm folder), made with its parents.
  if (shard !== undefined && argv.out !== undefined) makeParents(argv.out);
  const out = argv.resume ?? outputFolder(argv.out, argv.experiment);
  // Every finished run is already in the journal (whole lines, fsync'd): an interruption keeps them, and says how to go on.
  onInterrupt(() => (existsSync(join(out, '.journal')) ? {
    kept: outputMessages.keptRuns(join(out, '.journal')),
    resume: shellCommand(['hotbed', 'sweep', argv.experiment, ...(shard ? ['--shard', shardText(shard)] : []), ...(argv.workers !== undefined ? ['--workers', String(argv.workers)] : []), '--resume', out]),
  } : {}));

  const mode = argv.quiet ? 'none' : argv.progress;
  const say = (line: string) => {
    if (mode !== 'none') printErr(`hotbed: ${line}\n`);
  };
  let bar: ProgressReporter | undefined;
  let lastJson = 0;
  const onProgress = (p: SweepProgress) => {
    if (mode === 'json') {
      const now = Date.now();
      if (now - lastJson < 1000 && p.done < p.total) return;
      lastJson = now;
      printErr(`${JSON.stringify({ runs: p.done, total: p.total, rate: round(p.rate), eta: Number.isFinite(p.etaSeconds) ? Math.round(p.etaSeconds) : null })}\n`);
    } else if (mode === 'bar') {
      bar?.update(p.done, `${thousands(p.done)}/${thousands(p.total)} runs, ${p.rate.toFixed(1)} runs/s${process.stderr.isTTY ? '' : `, ETA ${duration(p.etaSeconds)}`}`);
    }
  };
  const outcome = await sweep(e, {
    out,
    resume: argv.resume !== undefined,
    shard,
    workers,
    createdWith: ['hotbed sweep', argv.experiment, ...(shard ? [`--shard ${shardText(shard)}`] : []), ...(argv.workers !== undefined ? [`--workers ${argv.workers}`] : []),
      ...(argv.resume !== undefined ? [`--resume ${argv.resume}`] : argv.out !== undefined ? [`--out ${argv.out}`] : [])].join(' '),
    onStart: ({ total, done, threads }) => {
      say(`sweeping ${count(plan.factors.length, 'factor')} of ${plan.scenarioFile} (${designWords(plan.design)}): ${thousands(plan.points)} points × ${count(plan.replicates, 'replicate')} = ${thousands(plan.runs)} runs`
        + `${shard ? `, shard ${shardText(shard)}: ${thousands(total)} runs` : ''}, scale ${plan.scale}, ${count(threads, 'worker')}${done > 0 ? `; ${thousands(done)} already done` : ''}`);
      if (mode === 'bar' && done < total) bar = progressReporter(total);
      if (mode === 'json') printErr(`${JSON.stringify({ runs: done, total, rate: 0, eta: null })}\n`);
    },
    onProgress,
  }).finally(() => bar?.stop());
  if (outcome.outputs?.chartsError !== undefined) say(`warning: no charts written (${outcome.outputs.chartsError}); the other outputs are complete`);
  const wall = (performance.now() - started) / 1000;
  const ran = outcome.runs - outcome.resumed;
  const text = outcome.outputs ? `${sweepSummaryText(plan, outcome.outputs)}\n\n` : '';
  printOut(text);
  // Beside the tables they qualify, whatever --quiet says: they are about the results, not progress.
  for (const w of outcome.outputs?.warnings ?? []) printErr(`hotbed: warning: ${w}\n`);
  printOut(`Wrote ${out}/ (${outcome.files.join(', ')}) in ${wall.toFixed(1)} s`
    + `${ran > 0 ? `: ${thousands(ran)} runs at ${(ran / Math.max(1e-9, outcome.seconds)).toFixed(1)} runs/s` : ''}.\n`
    + `${shard ? `Merge the ${shard.n} shards with: hotbed merge SHARD_FOLDERS... --out DIR\n` : ''}`);
  return 0;
}

const round = (x: number) => roundToDecimals(x, 3);
const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function designWords(d: ReturnType<typeof loadExperiment>['plan']['design']): string {
  switch (d.kind) {
    case 'grid': return 'grid';
    case 'latin-hypercube': return `Latin hypercube, ${d.samples} samples`;
    case 'morris': return `Morris, ${d.trajectories} trajectories, ${d.levels} levels`;
    case 'sobol': return `Sobol, N = ${d.samples}`;
  }
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
