/**
 * The folder `hotbed run` writes: series.csv.gz, bands.csv.gz, summary.json,
 * places.csv, manifest.json and the report (one replicate too: its bands collapse
 * to the line). The report is built first and the tables are made row by row as
 * they are written, all into a temporary folder renamed into place at the end: a
 * chart that cannot be rendered leaves no folder.
 */
import { measureDescriptions } from '../statistics/measures.js';
import { describedStatistic } from '../statistics/registry.js';
import { outputTaken, streamedText, writeFolderStreamed, type FolderFile } from '../batch/persistence.js';
import { manifestText, pathFromFolder, toolEntry } from '../batch/result-folder.js';
import { daysBetween } from '../model/dates.js';
import { bandsChunks } from '../results/bands.js';
import { monthStartDays } from '../results/months.js';
import { networkSample, sampleCommunity, type NetworkSample } from '../results/network-sample.js';
import { placesCsv } from '../results/places-table.js';
import { reportInputs } from '../results/report-inputs.js';
import { seriesChunks, statisticSeries, summarize, type Summary } from '../results/tables.js';
import type { LoadedScenario } from '../scenario/load.js';
import { messages } from '../messages/scenario.js';
import { loadTargets, type Targets } from '../scenario/targets.js';
import { planWorld } from '../world/plan.js';
import { placeIndex } from '../world/places.js';
import { comparisonOfRun, scenarioNames } from './compare.js';
import { runScenarioAsync, type Progress, type RunResult } from './run.js';

export interface RunFolderOptions {
  loaded: LoadedScenario;
  /** The scenario file as the user named it (manifest, names in the report). */
  scenarioFile: string;
  /** The --set overrides applied (for the manifest). */
  overrides: string[];
  replicates: number;
  /** Write the charts and report.html besides the tables. */
  report: boolean;
  toolVersion: string;
  /** The command that reproduces the folder, shown in the report. */
  createdWith: string;
  memoryLimitBytes: number;
  onProgress?: (p: Progress) => void;
  /** Called with the results once the runs are done, before the report is drawn (which takes longer than a small run). */
  onResults?: (summary: Summary, targets: Targets | undefined) => void;
}

export interface RunFolder {
  run: RunResult;
  summary: Summary;
  targets: Targets | undefined;
  /** What was written, as listed to the user. */
  written: string[];
  /** The folder's size: the bytes of every file written. */
  bytes: number;
  /** The manifest's timing.wallMs: worlds, runs and report (the tables are written after it). */
  wallMs: number;
}

export async function writeRunFolder(out: string, o: RunFolderOptions): Promise<RunFolder> {
  const started = performance.now();
  const { loaded } = o;
  const { scenario } = loaded;
  const plan = planWorld(scenario);
  const places = placeIndex(plan).names();
  const targetsList = loaded.targetsFiles.map((f) => loadTargets(f, places));
  const targets = targetsList[0];
  // writeFolderStreamed refuses too; refusing now saves a wasted run.
  if (outputTaken(out)) throw messages.outputExists(out);

  // The report needs the first of each month (monthly flows) and a network sample from
  // replicate 0. The tables keep the scenario's own days only.
  let network: NetworkSample | undefined;
  const run = await runScenarioAsync(scenario, {
    extraRecordDays: monthStartDays(scenario.dates.start, daysBetween(scenario.dates.start, scenario.dates.end)),
    onOutcome: o.report ? (replicate, world, outcome) => {
      if (replicate === 0) network = networkSample(world, outcome, sampleCommunity(plan), scenarioNames([o.scenarioFile])[0]!);
    } : undefined,
    replicates: o.replicates,
    memoryLimitBytes: o.memoryLimitBytes,
    scenarioFile: o.scenarioFile,
    onProgress: o.onProgress,
  });
  const summary = summarize(run);
  o.onResults?.(summary, targets);
  const { statistics } = run;
  const comparison = comparisonOfRun(loaded, run, network);
  let report: Record<string, string | Uint8Array> = {};
  if (o.report) {
    const inputs = reportInputs(comparison, targetsList, { version: o.toolVersion, createdWith: o.createdWith });
    // Vega, Vega-Lite and resvg load only when charts are drawn: a command that draws none starts faster.
    report = await (await import('../charts/index.js')).buildReport(statistics.length ? { ...inputs, statistics: statisticSeries(run) } : inputs);
  }
  const wallMs = performance.now() - started;
  const manifest = {
    tool: toolEntry(o.toolVersion),
    scenario: { file: o.scenarioFile, extends: loaded.files.slice(1), hash: loaded.hash, overrides: o.overrides, resolved: scenario },
    seed: run.seed,
    replicates: o.replicates,
    scale: scenario.scale,
    agents: plan.agentCount,
    targets: loaded.targetsFile !== undefined ? pathFromFolder(out, loaded.targetsFile) : null,
    ...(loaded.targetsFiles.length > 1 ? { targetsAlso: loaded.targetsFiles.slice(1).map((f) => pathFromFolder(out, f)) } : {}),
    files: {
      'series.csv.gz': `gzipped CSV: replicate, date, level, place, measure, value: one row each (values in people)${statistics.length ? '; then the statistics listed under "statistics", under their names' : ''}`,
      'summary.json': 'checkpoints by place: median, 5th and 95th percentile over replicates',
      'places.csv': 'id, level, place, parent, region, country, hotbed, population, agents: one row per place, to join the tables on (level, place) without mixing a country and a community of the same name',
      'bands.csv.gz': 'gzipped CSV: scenario, date, level, place, measure, median, p5, p25, p75, p95: the band over replicates of each measure (people), on the dates of series.csv.gz',
      ...('report.html' in report ? { 'report.html': 'the report, self-contained; its charts are also under charts/ as Vega-Lite specs, SVG and PNG' } : {}),
    },
    measures: measureDescriptions,
    ...(statistics.length ? { statistics: statistics.map(describedStatistic) } : {}),
    note: 'series.csv.gz (its text, once decompressed) and summary.json are byte-identical for the same scenario and seed; this manifest also records wall times.',
    timing: {
      wallMs: Math.round(wallMs),
      replicates: run.replicates.map((r) => ({ replicate: r.replicate, buildMs: Math.round(r.buildMs), runMs: Math.round(r.runMs), ties: r.ties, events: r.events })),
    },
  };
  const files: Record<string, FolderFile> = {
    'series.csv.gz': streamedText(seriesChunks(run)),
    'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
    'places.csv': placesCsv(plan),
    'manifest.json': manifestText(manifest),
    'bands.csv.gz': streamedText(bandsChunks(comparison)),
  };
  for (const [name, content] of Object.entries(report)) {
    if (name in files) throw new Error(`experiments/run-folder: the report would overwrite ${name}`);
    files[name] = content;
  }
  const bytes = await writeFolderStreamed(out, files);
  const written = ['series.csv.gz', 'summary.json', 'places.csv', 'manifest.json', 'bands.csv.gz', ...('report.html' in report ? ['report.html', 'charts/'] : [])];
  return { run, summary, targets, written, bytes, wallMs };
}

