/**
 * A calibration from start to finish: the model (in this thread or in worker
 * threads), ABC-SMC with its state saved after each generation, and the output
 * files. The CLI calls this; so do the tests.
 *
 * The output folder:
 *   state/                 calibration.json and generation-NNN.json: what --resume reads
 *   posterior.csv          generation, particle, weight, distance, one column per parameter
 *   posterior-adjusted.csv the last generation after the regression adjustment
 *                          (regression-adjustment.ts): particle, weight, one column per parameter
 *   statistics.csv         generation, particle, statistic, value: every accepted simulation's
 *                          statistics, and its world travellers on the first of each month
 *                          (`trace:DATE`), for posterior-predictive charts
 *   fit.csv                per target: value, band, weight, posterior median and 5–95 %
 *   summary.json           parameters (mean, median, 90 % interval, prior interval, and
 *                          the regression-adjusted median and interval),
 *                          generations (tolerance, acceptance, ESS, simulations, time), fit,
 *                          simulations per second, why it stopped
 *   calibrated.yaml        the calibrated point (point.ts: the posterior medians or an
 *                          accepted particle, whichever fits best over a few runs) at the
 *                          parameters' paths, as a scenario that extends the calibrated one
 *   charts/                posterior, tolerance, predictive, fit: .vl.json, .svg, .png each
 *                          (src/charts/calibration.ts, drawn from chart-inputs.ts)
 *   manifest.json          tool, files, inputs, timing
 * posterior.csv, statistics.csv, fit.csv and calibrated.yaml are byte-identical for the same
 * calibration file and seed, whatever the number of workers and whether it was resumed.
 */
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { messages } from '../messages/scenario.js';
import type { Scenario } from '../scenario/schema.js';
import { abcSmc, stopReasons, type AbcSmcResult, type Evaluate, type Generation, type RoundProgress } from './abc-smc.js';
import { calibrationChartInputs } from './chart-inputs.js';
import { makeDistance, makeResiduals, makeWorstMiss } from './distance.js';
import type { Calibration } from './load.js';
import { modelSpecOf, outputNames } from './simulator.js';
import { adjustedPosteriorCsv, calibratedYaml, fitCsv, fitRows, generationRows, parameterSummaries, posteriorCsv, statisticsCsv, type FitRow, type ParameterSummary } from './outputs.js';
import { regressionAdjustment, type AdjustmentOutcome } from './regression-adjustment.js';
import { choosePoint, describePointSource, type PointChoice } from './point.js';
import { refinePoint, type RefineOptions, type RefineResult, type RefineRound } from './refine.js';
import { createModelPool } from './pool.js';
import { loadState, saveGeneration, startState } from './state.js';
import { outputTaken, writeFileAtomic } from '../batch/persistence.js';
import { manifestText } from '../batch/result-folder.js';
import { roundToSignificant } from '../numeric/number-format.js';

export interface CalibrateOptions {
  /** Output folder: must not exist, unless resuming from it. */
  out: string;
  /** Continue the calibration saved in `out`. */
  resume?: boolean;
  /** Worker threads; 1 runs the model in this thread. */
  workers: number;
  /** Called once the output folder is checked (and the saved state read), before the first simulation. */
  onStart?: (resumedGenerations: number) => void;
  /** Called before the candidates for the calibrated point are run: how many, simulations each, and the second round's. */
  onPoint?: (plan: { candidates: number; replicates: number; finalists: number; finalReplicates: number }) => void;
  /** Called before the chosen point is refined (point.refine): where it starts and the search's settings. */
  onRefine?: (plan: { start: string } & RefineOptions) => void;
  /** Called after each round of the refinement. */
  onRefineRound?: (round: RefineRound, evaluations: number) => void;
  /** Called after each batch of simulations. */
  onProgress?: (p: RoundProgress & { generations: number }) => void;
  /** Called after each generation (and once for the generations a resume starts from). */
  onGeneration?: (g: Generation, all: readonly Generation[], resumed: boolean) => void;
  /** Draw the charts (default true). */
  charts?: boolean;
  /** Called when the charts could not be drawn: the other outputs are written all the same, without charts/. */
  onChartsFailed?: (message: string) => void;
  /**
   * Also write the calibrated parameter file here (e.g. scenarios/calibrated.yaml),
   * replacing it, with its `extends` relative to it: how a calibration is adopted.
   */
  install?: string;
  /** Recorded in the manifest. */
  tool?: { name: string; version: string };
  createdWith?: string;
}

export interface CalibrationSummary {
  title: string;
  calibration: string;
  scenario: string;
  scenarioHash: string;
  targets: string;
  /** Further targets files. */
  targetsAlso?: string[];
  targetDate: string;
  /** A hindcast: only the targets dated up to this day were fitted. */
  until?: string;
  seed: number;
  scale: number;
  distance: string;
  population: number;
  stopReason: string;
  parameters: ParameterSummary[];
  /**
   * The regression adjustment of the last generation (regression-adjustment.ts): the targets it
   * regressed on, the ridge penalty chosen and the kernel-weighted effective sample size; or why
   * none was made. Each parameter's `adjusted` holds its summary.
   */
  regressionAdjustment: { statistics: string[]; penalty: number; ess: number } | { notMade: string };
  /** The values written to calibrated.yaml, and how they were chosen (see point.ts). */
  point: {
    source: string;
    score: number;
    replicates: number;
    values: Record<string, number>;
    candidates: { source: string; score: number }[];
    /** The second round on fresh runs (empty without one). */
    finalists: { source: string; score: number }[];
    /** The compass search from the chosen point (`source`; point.refine), scores on its common runs and on fresh runs; `kept` says whether the values are the search's. */
    refinement?: {
      kept: 'refined' | 'start';
      evaluations: number;
      rounds: number;
      searchScores: { start: number; end: number };
      freshScores: { start: number; refined: number };
    };
  };
  generations: ReturnType<typeof generationRows>;
  fit: FitRow[];
  simulations: { counted: number; evaluated: number; seconds: number; pointSeconds: number; perSecond: number; workers: number };
}

export interface CalibrationOutcome {
  out: string;
  result: AbcSmcResult;
  summary: CalibrationSummary;
  files: Record<string, string>;
  /** The chart files written (charts/<name>.vl.json, .svg, .png), by path relative to `out`. */
  charts: Record<string, string | Uint8Array>;
  /** Why the charts are missing, when they could not be drawn. */
  chartsError?: string;
}

export async function calibrate(c: Calibration, options: CalibrateOptions): Promise<CalibrationOutcome> {
  const started = performance.now();
  const spec = modelSpecOf(c);
  const statistics = outputNames(c, spec);
  // Every check before the first write: a refused calibration changes nothing on disk.
  const resume = openState(c, options, statistics);
  options.onStart?.(resume.length);
  resume.forEach((g, t) => options.onGeneration?.(g, resume.slice(0, t + 1), true));

  const workers = Math.max(1, Math.floor(options.workers));
  const pool = createModelPool(spec, workers);
  const distance = makeDistance(c.targets, c.distance);
  let search: Search;
  try {
    const result = await searchPosterior(c, options, pool.evaluate, distance, workers, resume);
    search = { result, ...await choosePointOf(c, options, result, pool.evaluate, distance) };
  } finally {
    await pool.close();
  }

  const summary = calibrationSummary(c, search, workers);
  const calibratedIn = calibratedFile(c, search);
  const files: Record<string, string> = {
    'posterior.csv': posteriorCsv(search.result.generations, c.parameters.map((p) => p.name)),
    ...(search.adjustment.adjusted ? { 'posterior-adjusted.csv': adjustedPosteriorCsv(search.adjustment.adjustment, c.parameters.map((p) => p.name)) } : {}),
    'statistics.csv': statisticsCsv(search.result.generations, statistics),
    'fit.csv': fitCsv(summary.fit),
    'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
    'calibrated.yaml': calibratedIn(options.out),
  };
  const { charts, chartsError } = await drawCharts(c, options, search, summary, statistics);
  files['manifest.json'] = manifestText(calibrationManifest(c, options, workers, resume.length, charts, chartsError, performance.now() - started, search.adjustment.adjusted));
  // charts first, the manifest last: a folder with a manifest is complete
  for (const [name, content] of Object.entries(charts)) writeFileAtomic(join(options.out, name), content);
  for (const [name, content] of Object.entries(files)) writeFileAtomic(join(options.out, name), content);
  if (options.install !== undefined) writeFileAtomic(options.install, calibratedIn(dirname(options.install)));
  return { out: options.out, result: search.result, summary, files, charts, ...(chartsError !== undefined ? { chartsError } : {}) };
}

/** What the search found: the posterior, and the calibrated point chosen (and refined) from it. */
interface Search {
  result: AbcSmcResult;
  parameters: ParameterSummary[];
  adjustment: AdjustmentOutcome;
  point: PointChoice;
  refinement: RefineResult | undefined;
  pointMs: number;
}

/** The saved generations to resume from, or a fresh state folder: nothing is written before this has checked the folder. */
function openState(c: Calibration, options: CalibrateOptions, statistics: string[]): Generation[] {
  const header = { fingerprint: c.fingerprint, parameters: c.parameters.map((p) => p.path), statistics };
  if (options.resume) return loadState(options.out, header, c.budget.population);
  if (outputTaken(options.out)) throw messages.outputExists(options.out);
  startState(options.out, { ...header, calibration: c.file });
  return [];
}

/** ABC-SMC, each generation saved as it completes. */
function searchPosterior(c: Calibration, options: CalibrateOptions, evaluate: Evaluate, distance: (s: readonly number[]) => number, workers: number, resume: Generation[]): Promise<AbcSmcResult> {
  return abcSmc({
    priors: c.parameters.map((p) => p.prior),
    population: c.budget.population,
    seed: c.seed,
    maxGenerations: c.budget.generations,
    minTolerance: c.budget.minTolerance,
    maxSimulations: c.budget.maxSimulations,
    quantile: c.budget.quantile,
    minAcceptanceRate: c.budget.minAcceptanceRate,
    // A few proposals per thread in each batch keeps the threads busy when few slots remain open.
    batchSize: workers > 1 ? 2 * workers : 1,
    resume,
    onGeneration: (g, all) => {
      saveGeneration(options.out, g);
      options.onGeneration?.(g, all, false);
    },
    onProgress: (p) => options.onProgress?.({ ...p, generations: c.budget.generations }),
  }, evaluate, distance);
}

/** The calibrated point: the best candidate (point.ts), then refined if the file asks (refine.ts). */
async function choosePointOf(c: Calibration, options: CalibrateOptions, result: AbcSmcResult, evaluate: Evaluate, distance: (s: readonly number[]) => number): Promise<Omit<Search, 'result'>> {
  const last = result.generations.at(-1)!;
  const adjustment = regressionAdjustment({
    priors: c.parameters.map((p) => p.prior),
    targets: c.targets,
    particles: last.particles,
    stats: last.stats,
    weights: last.weights,
    distances: last.distances,
    tolerance: last.tolerance,
  });
  const parameters = parameterSummaries(last, c.parameters, adjustment.adjusted ? adjustment.adjustment : undefined);
  // The adjusted medians keep their candidate slot when the adjustment refused itself (point.ts).
  const more = [{ source: 'adjusted median', params: adjustment.adjusted ? parameters.map((p) => p.adjusted!.median) : undefined }];
  options.onPoint?.({
    candidates: c.point.candidates + 1 + more.filter((m) => m.params).length,
    replicates: c.point.replicates,
    finalists: Math.min(c.point.finalists, c.point.candidates + 1),
    finalReplicates: c.point.finalReplicates ?? c.point.replicates,
  });
  const t0 = performance.now();
  const scoring = {
    ...(c.point.score === 'worst' ? { score: makeWorstMiss(c.targets, c.distance), tieBreak: distance } : { score: distance }),
    residuals: makeResiduals(c.targets, c.distance),
  };
  const chosen = await choosePoint(last, parameters.map((p) => p.median), c.seed, c.point, evaluate, scoring, more);
  if (!c.point.refine) return { parameters, adjustment, point: chosen, refinement: undefined, pointMs: performance.now() - t0 };
  options.onRefine?.({ start: chosen.source, ...c.point.refine });
  const refinement = await refinePoint(chosen.params, c.parameters.map((p) => p.prior), c.seed, c.point.refine, evaluate, scoring, options.onRefineRound);
  const point = {
    ...chosen,
    params: refinement.params,
    statistics: refinement.statistics,
    score: refinement.score,
    replicates: c.point.refine.freshReplicates,
  };
  return { parameters, adjustment, point, refinement, pointMs: performance.now() - t0 };
}

function calibrationSummary(c: Calibration, { result, parameters, adjustment, point, refinement, pointMs }: Search, workers: number): CalibrationSummary {
  const last = result.generations.at(-1)!;
  const seconds = result.generations.reduce((s, g) => s + g.ms, 0) / 1000;
  const evaluated = result.generations.reduce((s, g) => s + g.evaluated, 0);
  return {
    title: c.title,
    calibration: c.file,
    scenario: c.scenarioFile,
    scenarioHash: c.loaded.hash,
    targets: c.targetsFile,
    ...(c.targetsAlso.length ? { targetsAlso: c.targetsAlso } : {}),
    targetDate: c.targetDate,
    ...(c.until !== undefined ? { until: c.until } : {}),
    seed: c.seed,
    scale: c.scale,
    distance: c.distance,
    population: c.budget.population,
    stopReason: stopReasons[result.stopReason],
    parameters,
    regressionAdjustment: adjustment.adjusted
      ? { statistics: adjustment.adjustment.statistics.map((k) => c.targets[k]!.name), penalty: adjustment.adjustment.penalty, ess: round(adjustment.adjustment.ess) }
      : { notMade: adjustment.reason },
    point: {
      source: point.source,
      score: round(point.score),
      replicates: point.replicates,
      values: Object.fromEntries(c.parameters.map((p, k) => [p.name, point.params[k]!])),
      candidates: point.candidates.map((x) => ({ source: x.source, score: round(x.score) })),
      finalists: point.finalists.map((x) => ({ source: x.source, score: round(x.score) })),
      ...(refinement ? {
        refinement: {
          kept: refinement.kept,
          evaluations: refinement.evaluations,
          rounds: refinement.rounds.length,
          searchScores: { start: round(refinement.searchScores.start), end: round(refinement.searchScores.end) },
          freshScores: { start: round(refinement.freshScores.start), refined: round(refinement.freshScores.refined) },
        },
      } : {}),
    },
    generations: generationRows(result.generations),
    fit: fitRows(last, c.targets, c.distance, point.statistics),
    simulations: {
      counted: result.generations.reduce((s, g) => s + g.simulations, 0),
      evaluated,
      seconds: round(seconds),
      pointSeconds: round(pointMs / 1000),
      perSecond: round(seconds > 0 ? evaluated / seconds : 0),
      workers,
    },
  };
}

/** calibrated.yaml as written in a folder (its `extends` is relative to that folder). */
function calibratedFile(c: Calibration, { result, parameters, point, refinement }: Search): (dir: string) => string {
  const last = result.generations.at(-1)!;
  const scenarioAbs = isAbsolute(c.scenarioFile) ? c.scenarioFile : resolve(c.scenarioFile);
  const tolerance = Number.isFinite(last.tolerance) ? last.tolerance.toPrecision(4) : 'none (prior only)';
  // The calibrated scenario's own $schema, found from its folder, so editors check the calibrated file too.
  const own = c.loaded.scenario.$schema;
  const schemaAbs = own !== undefined && !/^[a-z]+:/i.test(own) ? resolve(dirname(scenarioAbs), own) : undefined;
  return (dir) => calibratedYaml({
    header: [
      `Calibrated parameters from "hotbed calibrate ${c.file}".`,
      `Seed ${c.seed}, scale ${c.scale}, ${c.budget.population} particles, ${result.generations.length} generations,`,
      `final tolerance ${tolerance} (${c.distance} distance) against ${c.targetsFile} (${c.targetDate}).`,
      '',
      `Values: ${describePointSource(point.source)}${point.source.startsWith('particle') ? ' of the last generation' : ''}, the best of ${point.candidates.length} candidates`,
      `(the medians${parameters[0]?.adjusted ? ', the regression-adjusted medians' : ''} and the particles closest to the targets) by the fit of the median of`,
      ...(point.finalists.length > 0
        ? [`${c.point.replicates} simulations each, then of the best ${point.finalists.length} on ${c.point.finalReplicates ?? c.point.replicates} fresh simulations each`]
        : [`${c.point.replicates} simulations each`]),
      ...(refinement ? [refinement.kept === 'refined'
        ? `then refined by a compass search (${refinement.evaluations} points on common runs) and kept on ${point.replicates} fresh simulations`
        : `(a compass search from it, ${refinement.evaluations} points, did not do better on ${point.replicates} fresh simulations)`] : []),
      `(${c.point.score === 'worst' ? 'worst miss' : 'distance'} ${point.score.toPrecision(3)}; see summary.json "point"). Posterior medians and 90 % intervals${parameters[0]?.adjusted ? ' (then those of the regression-adjusted posterior)' : ''}:`,
      ...parameters.map((p) => `  ${p.name}: ${fmt(p.median)} (${fmt(p.p5)}–${fmt(p.p95)})${p.adjusted ? `; adjusted ${fmt(p.adjusted.median)} (${fmt(p.adjusted.p5)}–${fmt(p.adjusted.p95)})` : ''}; prior ${fmt(p.prior.p5)}–${fmt(p.prior.p95)}`),
      '',
      'This file extends the calibrated scenario (path relative to this file), so',
      '"hotbed run" on it runs that scenario with these values. Moved elsewhere, fix the',
      'extends line; or copy the values into another scenario (lists merge by name).',
    ],
    ...(schemaAbs !== undefined ? { schemaPath: relative(resolve(dir), schemaAbs).split('\\').join('/') } : {}),
    extendsPath: relative(resolve(dir), scenarioAbs).split('\\').join('/'),
    title: c.loaded.scenario.title ? `${c.loaded.scenario.title} (calibrated)` : 'Calibrated',
    values: c.parameters.map((p, k) => ({ path: labelledPath(p.path, c.loaded.scenario), value: point.params[k]! })),
  });
}

/**
 * The charts, drawn in memory before anything is written: a chart that fails leaves out
 * charts/ as a whole (noted in the manifest) and the other outputs are written complete.
 */
async function drawCharts(c: Calibration, options: CalibrateOptions, { result, parameters }: Search, summary: CalibrationSummary, statistics: string[]): Promise<{ charts: Record<string, string | Uint8Array>; chartsError?: string }> {
  if (options.charts === false) return { charts: {} };
  try {
    // Vega, Vega-Lite and resvg load only when charts are drawn (not at all with charts off).
    return {
      charts: await (await import('../charts/index.js')).calibrationCharts(calibrationChartInputs({
        title: c.title,
        startDate: c.loaded.scenario.dates.start,
        endDate: c.loaded.scenario.dates.end,
        targetDate: c.targetDate,
        population: c.budget.population,
        last: result.generations.at(-1)!,
        generations: result.generations,
        parameters,
        statistics,
        fit: summary.fit,
        targets: c.targets,
        targetsTitle: c.targetsTitle,
        interventions: c.loaded.scenario.interventions,
        chartTitles: c.loaded.scenario.output.chartTitles,
      })),
    };
  } catch (err) {
    const chartsError = err instanceof Error ? err.message : String(err);
    options.onChartsFailed?.(chartsError);
    return { charts: {}, chartsError };
  }
}

function calibrationManifest(c: Calibration, options: CalibrateOptions, workers: number, resumed: number, charts: Record<string, unknown>, chartsError: string | undefined, wallMs: number, adjusted: boolean) {
  return {
    tool: { ...(options.tool ?? { name: 'hotbed' }), node: process.version },
    createdWith: options.createdWith,
    calibration: c.file,
    fingerprint: c.fingerprint,
    scenario: { file: c.scenarioFile, hash: c.loaded.hash, resolved: c.loaded.scenario },
    targets: {
      file: c.targetsFile,
      ...(c.targetsAlso.length ? { also: c.targetsAlso } : {}),
      date: c.targetDate,
      ...(c.until !== undefined ? { until: c.until } : {}),
      list: c.targets.map(({ name, statistic, value, low, high, weight, heldOut, source }) => ({
        name, date: statistic.date, value, low, high: Number.isFinite(high) ? high : null, weight, ...(heldOut ? { heldOut } : {}), ...(source !== undefined && statistic.date !== c.targetDate ? { source } : {}),
      })),
    },
    parameters: c.parameters,
    budget: c.budget,
    workers,
    resumedFrom: options.resume ? resumed : undefined,
    files: {
      'posterior.csv': 'generation, particle, weight, distance, then one column per parameter: every generation\'s particles (the last generation is the posterior)',
      ...(adjusted ? { 'posterior-adjusted.csv': 'particle, weight, then one column per parameter: the last generation moved by a ridge regression of the parameters on the targets\' statistics (Beaumont, Zhang and Balding 2002); see summary.json "regressionAdjustment"' } : {}),
      'statistics.csv': 'generation, particle, statistic, value: the summary statistics of every accepted simulation, then its world travellers on the first of each month (trace:DATE)',
      'fit.csv': 'per target: value, band, weight, weighted posterior median and 5–95 % of the simulated statistic, residual of the median, whether the median is in the band; then the median over the calibrated point\'s check runs and whether it is in the band',
      'summary.json': 'per parameter: mean, median, 90 % interval and the prior\'s; per generation: tolerance, acceptance rate, ESS, simulations, time; the fit; simulations per second',
      'calibrated.yaml': 'the calibrated point (see summary.json "point") at the parameters\' paths: a scenario that extends the calibrated one',
      'state/': 'the saved generations, for hotbed calibrate --resume',
      ...(Object.keys(charts).length > 0 ? { 'charts/': 'Vega-Lite spec (.vl.json), SVG and PNG of: posterior (marginals against priors), tolerance (by generation, with acceptance rate and ESS), predictive (world travellers over time against the target band), fit (regions and countries against their targets)' } : {}),
    },
    ...(chartsError !== undefined ? { chartsError } : {}),
    note: 'posterior.csv, statistics.csv, fit.csv and calibrated.yaml are byte-identical for the same calibration and seed, whatever the number of workers; summary.json and this manifest also hold wall times.',
    timing: { wallMs: Math.round(wallMs) },
  };
}

const round = (x: number) => roundToSignificant(x, 6);
const fmt = (x: number) => String(roundToSignificant(x, 4));

/** `interventions.N.…` as `interventions.LABEL.…`: the calibrated file merges interventions by label. */
function labelledPath(path: string, scenario: Scenario): string {
  const [first, index, ...rest] = path.split('.');
  if (first !== 'interventions' || index === undefined || !/^\d+$/.test(index)) return path;
  const label = scenario.interventions[Number(index)]?.label;
  if (label === undefined) throw new Error(`calibration/calibrate: parameter ${path} names an intervention without a label`);
  return [first, label, ...rest].join('.');
}
