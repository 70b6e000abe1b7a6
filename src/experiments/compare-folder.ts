/**
 * The folder `hotbed compare` writes: bands.csv.gz, differences.csv.gz, summary.json,
 * manifest.json and the report. The report is built first and the tables are made
 * row by row as they are written, all into a temporary folder renamed into place at
 * the end: a chart that cannot be rendered leaves no folder.
 */
import { measureDescriptions } from '../statistics/measures.js';
import { outputTaken, streamedText, writeFolderStreamed, type FolderFile } from '../batch/persistence.js';
import { manifestText, pathFromFolder, toolEntry } from '../batch/result-folder.js';
import { bandsChunks, comparisonSummary, differencesChunks } from '../results/bands.js';
import { placesCsv } from '../results/places-table.js';
import { reportInputs } from '../results/report-inputs.js';
import type { LoadedScenario } from '../scenario/load.js';
import { messages } from '../messages/scenario.js';
import { loadTargets } from '../scenario/targets.js';
import type { WorldPlan } from '../world/plan.js';
import { placeIndex } from '../world/places.js';
import { compareScenarios, type Comparison, type CompareProgress } from './compare.js';

export interface CompareFolderOptions {
  loaded: LoadedScenario[];
  /** Their plans, as checkComparable returned them. */
  plans: WorldPlan[];
  /** The --set overrides applied to every scenario (for the manifest; a variant's own changes come after them). */
  overrides: string[];
  seed?: number;
  replicates: number;
  /** Write the charts and report.html besides the tables. */
  report: boolean;
  toolVersion: string;
  /** The command that reproduces the folder, given the seed used. */
  createdWith: (seed: number) => string;
  memoryLimitBytes: number;
  onProgress?: (p: CompareProgress) => void;
  /** The runs are done; tables and the report are being made. */
  onTables?: () => void;
}

export interface CompareFolder {
  comparison: Comparison;
  written: string[];
  /** The folder's size: the bytes of every file written. */
  bytes: number;
}

export async function writeCompareFolder(out: string, o: CompareFolderOptions): Promise<CompareFolder> {
  const started = performance.now();
  const first = o.loaded[0]!;
  // Refused before the runs: a bad targets file, an existing folder.
  const places = placeIndex(o.plans[0]!).names();
  const targets = first.targetsFiles.map((f) => loadTargets(f, places));
  if (outputTaken(out)) throw messages.outputExists(out);

  const comparison = await compareScenarios(o.loaded, { seed: o.seed, replicates: o.replicates, memoryLimitBytes: o.memoryLimitBytes, onProgress: o.onProgress });
  o.onTables?.();
  const createdWith = o.createdWith(comparison.seed);
  // Vega, Vega-Lite and resvg load only when charts are drawn: a command that draws none starts faster.
  const report = o.report ? await (await import('../charts/index.js')).buildReport(reportInputs(comparison, targets, { version: o.toolVersion, createdWith })) : {};
  const files: Record<string, FolderFile> = {};
  files['bands.csv.gz'] = streamedText(bandsChunks(comparison));
  files['differences.csv.gz'] = streamedText(differencesChunks(comparison));
  files['places.csv'] = placesCsv(comparison.scenarios[0]!.plan);
  files['summary.json'] = `${JSON.stringify(comparisonSummary(comparison, comparison.scenarios.map((s) => s.name).join(' vs ')), null, 2)}\n`;
  files['manifest.json'] = manifestText(manifest(out, comparison, o.overrides, o.toolVersion, createdWith, Object.keys(report), performance.now() - started));
  for (const [name, content] of Object.entries(report)) {
    if (name in files) throw new Error(`experiments/compare-folder: the report would overwrite ${name}`);
    files[name] = content;
  }
  const bytes = await writeFolderStreamed(out, files);
  return { comparison, bytes, written: ['bands.csv.gz', 'differences.csv.gz', 'summary.json', 'places.csv', 'manifest.json', ...('report.html' in report ? ['report.html', 'charts/'] : [])] };
}

function manifest(out: string, c: Comparison, overrides: string[], version: string, createdWith: string, reportNames: string[], wallMs: number) {
  const { targetsFile, targetsFiles } = c.scenarios[0]!.loaded;
  return {
    tool: toolEntry(version),
    command: createdWith,
    reference: c.scenarios[0]!.name,
    scenarios: c.scenarios.map((s) => ({
      name: s.name,
      file: s.file,
      extends: s.loaded.files.slice(1),
      hash: s.loaded.hash,
      // Everything applied to the file, in order: `hotbed run FILE --set …` with these gives the same scenario.
      overrides: s.loaded.variant ? [...overrides, ...s.loaded.variant.changes] : overrides,
      ...(s.loaded.variant ? { variant: { name: s.loaded.variant.name, changes: s.loaded.variant.changes } } : {}),
      agents: s.plan.agentCount,
      resolved: s.loaded.scenario,
    })),
    seed: c.seed,
    replicates: c.replicates,
    scale: c.scale,
    targets: targetsFile !== undefined ? pathFromFolder(out, targetsFile) : null,
    ...(targetsFiles.length > 1 ? { targetsAlso: targetsFiles.slice(1).map((f) => pathFromFolder(out, f)) } : {}),
    files: {
      'bands.csv.gz': 'gzipped CSV: scenario, date, level, place, measure, median, p5, p25, p75, p95: the band over replicates of each measure (people)',
      'differences.csv.gz': 'gzipped CSV: scenario, reference, date, level, place, measure, median, p5, p25, p75, p95: the band of the paired difference reference − scenario (people; positive = fewer in the scenario, e.g. travellers averted)',
      'summary.json': 'bands and paired differences at the checkpoints, by place',
      'places.csv': 'id, level, place, parent, region, country, hotbed, population, agents of the reference scenario: one row per place, to join the tables on (level, place)',
      ...(reportNames.length ? { 'report.html': 'the report, self-contained; its charts are also under charts/ as Vega-Lite specs, SVG and PNG' } : {}),
    },
    measures: measureDescriptions,
    note: 'Every scenario ran replicate r with the same seed and replicate number (common random numbers), so differences are paired. '
      + 'bands.csv.gz and differences.csv.gz (their text, once decompressed) and summary.json are byte-identical for the same scenarios, seed and replicates; this manifest also records wall times.',
    timing: {
      wallMs: Math.round(wallMs),
      scenarios: c.scenarios.map((s) => ({
        name: s.name,
        replicates: s.timing.map((t) => ({ replicate: t.replicate, buildMs: Math.round(t.buildMs), runMs: Math.round(t.runMs), ties: t.ties, events: t.events })),
      })),
    },
  };
}

