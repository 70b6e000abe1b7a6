/** What `hotbed calibrate` does: fits the calibration, with progress, and prints the posterior and the fit. */
import { memoryLimitBytes } from '../batch/memory.js';
import { printErr, printOut } from './output.js';
import { cliMessages } from '../messages/cli.js';
import { targetMessages } from '../messages/targets.js';
import { describePointSource } from '../calibration/point.js';
import { roundToSignificant } from '../numeric/number-format.js';
import { existsSync } from 'node:fs';
import { calibrate, type CalibrationSummary } from '../calibration/calibrate.js';
import { loadCalibration } from '../calibration/load.js';
import { defaultWorkers } from '../batch/cores.js';
import { checkMemory } from '../experiments/run.js';
import { checkOutput, outputFolder, resumeFolder } from './outputs.js';
import { installSignalHandlers, onInterrupt } from './signals.js';
import { outputMessages, shellCommand } from '../messages/output.js';
import { join } from 'node:path';
import { planWorld } from '../world/plan.js';
import { renderTable, thousands } from './format.js';
import { progressReporter, type ProgressReporter } from './progress.js';
import type { CalibrateArgs } from './calibrate-command.js';
import { toolVersion } from './version.js';

/** Returns the exit code. */
export async function handleCalibrate(argv: CalibrateArgs): Promise<number> {
  const started = performance.now();
  const workers = argv.workers ?? defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1 || workers > 1024) throw cliMessages.workers(argv.workers);
  if (argv.out !== undefined && argv.resume !== undefined) throw cliMessages.outOrResume('calibration');
  const c = loadCalibration(argv.calibration, { until: argv.until });
  // Each thread holds one world at a time.
  checkMemory(planWorld(c.loaded.scenario), memoryLimitBytes(workers), c.scenarioFile);
  installSignalHandlers();
  if (argv.install !== undefined) checkOutput(argv.install, 'file');
  if (argv.resume !== undefined) resumeFolder(argv.resume);
  const out = argv.resume ?? outputFolder(argv.out, argv.calibration);
  // Each generation is saved in state/ as it completes: an interruption keeps those, and says how to go on.
  onInterrupt(() => (existsSync(join(out, 'state')) ? {
    kept: outputMessages.keptGenerations(join(out, 'state')),
    resume: shellCommand(['hotbed', 'calibrate', argv.calibration, '--resume', out, ...(argv.workers !== undefined ? ['--workers', String(argv.workers)] : []),
      ...(argv.until !== undefined ? ['--until', argv.until] : []), ...(argv.install !== undefined ? ['--install', argv.install] : [])]),
  } : {}));

  const say = (line: string) => {
    if (!argv.quiet) printErr(`hotbed: ${line}\n`);
  };
  let bar: ProgressReporter | undefined;
  let barGeneration = -1;
  const total = c.budget.generations;
  const outcome = await calibrate(c, {
    out,
    resume: argv.resume !== undefined,
    workers,
    install: argv.install,
    tool: { name: 'hotbed', version: toolVersion() },
    createdWith: ['hotbed calibrate', argv.calibration, ...(argv.workers !== undefined ? [`--workers ${argv.workers}`] : []), ...(argv.until !== undefined ? [`--until ${argv.until}`] : []),
      ...(argv.resume !== undefined ? [`--resume ${argv.resume}`] : argv.out !== undefined ? [`--out ${argv.out}`] : []),
      ...(argv.install !== undefined ? [`--install ${argv.install}`] : [])].join(' '),
    onStart: (saved) => say(`calibrating ${count(c.parameters.length, 'parameter')} of ${c.scenarioFile} against ${count(c.targets.length, 'target')} (${c.targetsFile}): `
      + `${c.budget.population} particles, up to ${total} generations${c.budget.maxSimulations ? ` or ${thousands(c.budget.maxSimulations)} simulations` : ''}, `
      + `${c.runsPerProposal > 1 ? `${c.runsPerProposal} runs per simulation (medians), ` : ''}scale ${c.scale}, ${workers} worker${workers === 1 ? '' : 's'}${saved > 0 ? `; resuming after generation ${saved - 1}` : ''}`),
    onProgress: (p) => {
      if (argv.quiet) return;
      if (p.generation !== barGeneration) {
        bar?.stop();
        bar = progressReporter(p.population);
        barGeneration = p.generation;
      }
      // ETA from this generation's pace and its acceptance so far.
      const perSimulation = p.evaluated > 0 ? p.elapsedMs / p.evaluated : NaN;
      // Generation 0 (the prior) accepts every simulation, but only as its batch completes: count simulations there.
      const done = p.generation === 0 ? Math.min(p.evaluated, p.population) : p.accepted;
      bar!.update(done, `generation ${p.generation}/${total - 1}: tolerance ${tol(p.tolerance)}, ${done}/${p.population} accepted, `
        + `${thousands(p.evaluated)} simulations, acceptance ${percent(p.acceptanceRate)}`
        // A terminal's bar shows its own ETA, from accepted particles; this one also counts simulations under way.
        + `${process.stderr.isTTY ? '' : `, ETA ${duration(perSimulation * p.remainingEstimate)}`}`);
    },
    onChartsFailed: (message) => say(`warning: no charts written (${message}); the other outputs are complete`),
    onPoint: (plan) => say(`choosing the calibrated point: ${plan.candidates} candidates × ${plan.replicates} simulations`
      + (plan.finalists > 0 ? `, then the best ${plan.finalists} × ${plan.finalReplicates} on fresh streams` : '')),
    onRefine: (plan) => say(`refining the calibrated point (from ${plan.start}) by a compass search with Levenberg–Marquardt steps: up to ${plan.maxEvaluations} points × ${plan.replicates} simulations on common streams, `
      + `steps ${plan.initialStep} → ${plan.minStep} of each prior's width, then ${plan.freshReplicates} fresh simulations`),
    onRefineRound: (r, evaluations) => say(`refining: round ${r.round}, step ${r.step}, ${r.moved ? 'moved' : 'no better point: step halved'}; `
      + `score ${r.score.toPrecision(3)} (${thousands(evaluations)} points tried)`),
    onGeneration: (g, all, resumed) => {
      bar?.stop();
      bar = undefined;
      barGeneration = -1;
      const simulations = all.reduce((s, x) => s + x.simulations, 0);
      const remaining = Math.max(0, total - all.length);
      say(`generation ${g.generation}/${total - 1}${resumed ? ' (saved)' : ''}: tolerance ${tol(g.tolerance)}, acceptance ${percent(g.acceptanceRate)} `
        + `(${thousands(g.simulations)} simulations), ESS ${Math.round(g.ess)}, ${duration(g.ms)} (${(g.evaluated / Math.max(1e-9, g.ms / 1000)).toFixed(1)} simulations/s); `
        + `${thousands(simulations)} simulations in all${remaining > 0 && !resumed ? `; at most ${remaining} more generation${remaining === 1 ? '' : 's'}` : ''}`);
    },
  });
  bar?.stop();
  const { summary } = outcome;
  const point = summary.point;
  const paramTable = renderTable(['parameter', 'median', '90% interval', 'prior 90%', 'calibrated'], summary.parameters.map((p) => [
    p.name, sig(p.median), `${sig(p.p5)}–${sig(p.p95)}`, `${sig(p.prior.p5)}–${sig(p.prior.p95)}`, sig(point.values[p.name]!),
  ]), (col) => col > 0);
  const fitTable = renderTable(['target', 'date', 'target', 'band', 'posterior median', '5–95%', `calibrated (${point.replicates} simulations)`, ''], summary.fit.map((f) => [
    f.statistic, f.date ?? summary.targetDate, value(f.target), !Number.isFinite(f.high) ? `≥ ${value(f.target)}` : `${value(f.low)}–${value(f.high)}`,
    value(f.median), `${value(f.p5)}–${value(f.p95)}`, f.point === undefined ? '' : value(f.point),
    f.heldOut ? (f.valueInPredictive ? 'forecast: value inside 5–95%' : 'forecast: value OUTSIDE 5–95%') : f.point === undefined ? '' : targetMessages.bandPosition(f.point, f.low, f.high),
  ]), (col) => col > 1 && col < 7);
  const held = summary.fit.filter((f) => f.heldOut);
  const hindcast = held.length === 0 ? '' : `Hindcast (fitted up to ${c.until}): ${held.filter((f) => f.valueInPredictive).length} of ${held.length} held-out targets have their published value inside the posterior predictive 5–95% interval.\n`;
  const fitted = summary.fit.filter((f) => !f.heldOut && f.point !== undefined);
  const misses = fitted.filter((f) => f.pointInBand === false)
    .map((f) => ({ name: f.statistic, date: f.date ?? summary.targetDate, value: f.point!, low: f.low, high: f.high }));
  const pointLine = fitted.length === 0 ? '' : `\n${targetMessages.pointMisses(misses, fitted.length, point.replicates)}\n`;
  const wall = (performance.now() - started) / 1000;
  printOut(`${paramTable}\n(${howChosen(point)})\n\n`
    + `${fitTable}\n${hindcast}(${summary.stopReason}; ${thousands(summary.simulations.evaluated)} simulations at ${summary.simulations.perSecond.toFixed(1)}/s, scale ${summary.scale})\n\n`
    + `Wrote ${out}/ (posterior.csv, statistics.csv, fit.csv, summary.json, calibrated.yaml, manifest.json, state/${Object.keys(outcome.charts).length > 0 ? ', charts/' : ''}) in ${wall.toFixed(1)} s.\n`
    + (argv.install !== undefined ? `Wrote the calibrated parameters to ${argv.install}.\n` : '')
    + pointLine);
  return 0;
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const tol = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : '∞');
const percent = (x: number) => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`;
const sig = (x: number) => String(roundToSignificant(x, 3));
const value = (x: number) => (Math.abs(x) >= 100 ? thousands(x) : sig(x));

function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** One line on how the calibrated point was chosen, from summary.json's "point". */
function howChosen(point: CalibrationSummary['point']): string {
  const start = describePointSource(point.source);
  const r = point.refinement;
  return `calibrated: ${start}, the best of ${point.candidates.length} candidates`
    + (point.finalists.length > 0 ? ` (then of the best ${point.finalists.length} on fresh simulations)` : '')
    + (r === undefined ? ''
      : r.kept === 'refined' ? `, refined by a compass search over ${thousands(r.evaluations)} points (score ${r.searchScores.start} → ${r.searchScores.end} on common simulations)`
        : `; a compass search from it did no better on fresh simulations (${r.freshScores.refined} against ${r.freshScores.start})`)
    + `; the last column is its median over ${point.replicates}${point.finalists.length > 0 || r !== undefined ? ' fresh' : ''} simulations`;
}
