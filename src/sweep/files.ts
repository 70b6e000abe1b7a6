/**
 * The final files of a sweep, from the plan and every run's outputs in run
 * order. `hotbed sweep` (one machine, any number of workers, resumed or not) and
 * `hotbed merge` (shards) both call this, so their folders are byte-identical.
 * Nothing here depends on the machine, the clock, the workers or the shards:
 * those go to run-info.json, written beside by the caller.
 *
 *   runs.csv        one row per run (tables.ts)
 *   points.csv      one row per point and output: mean, sd, 5/50/95 % over replicates
 *   analysis.json   Morris or Sobol indices, or PRCC, per output (analysis.ts); with analysis.csv
 *                   (indices that have not settled are named in the manifest's warnings: stability.ts)
 *   charts/         one chart per output (src/charts/sweep.ts), spec + SVG + PNG
 *   manifest.json   the experiment, its hash, the tool version, what each file holds
 */
import { manifestText, toolEntry } from '../batch/result-folder.js';
import { describedStatistic } from '../statistics/registry.js';
import { warnings as warningText } from '../messages/warnings.js';
import { analyse, analysisCsv } from './analysis.js';
import { sweepChartInputs } from './chart-inputs.js';
import type { SweepPlan } from './file.js';
import { sweepDesign } from './points.js';
import { unstableIndices } from './stability.js';
import { pointSummaries, pointsCsv, runsCsv } from './tables.js';

export interface SweepFiles {
  /** Tables, analysis and manifest, by name. */
  files: Record<string, string>;
  /** charts/<name>.vl.json, .svg, .png. */
  charts: Record<string, string | Uint8Array>;
  /** Why the charts are missing, when they could not be drawn. */
  chartsError?: string;
  analysis?: ReturnType<typeof analyse>;
  summaries: ReturnType<typeof pointSummaries>;
  /** Outputs whose Morris or Sobol indices have not settled (stability.ts), one line each; also in the manifest. */
  warnings: string[];
}

export async function sweepFiles(plan: SweepPlan, results: readonly (readonly number[])[], options: { charts?: boolean } = {}): Promise<SweepFiles> {
  const design = sweepDesign(plan);
  const summaries = pointSummaries(plan, results);
  const analysis = analyse(plan, design, summaries);
  const warnings = analysis ? unstableIndices(plan, analysis).map(warningText.unstableIndices) : [];
  const files: Record<string, string> = {
    'runs.csv': runsCsv(plan, design.points, results),
    'points.csv': pointsCsv(plan, design.points, summaries),
  };
  if (analysis) {
    files['analysis.json'] = `${JSON.stringify(analysis, null, 2)}\n`;
    files['analysis.csv'] = analysisCsv(analysis);
  }
  let charts: Record<string, string | Uint8Array> = {};
  let chartsError: string | undefined;
  if (options.charts !== false) {
    try {
      // Vega, Vega-Lite and resvg load only when charts are drawn: a shard of a sweep, which draws none, starts faster.
      charts = await (await import('../charts/index.js')).sweepCharts(sweepChartInputs(plan, design.points, summaries, analysis));
    } catch (err) {
      charts = {};
      chartsError = err instanceof Error ? err.message : String(err);
    }
  }
  files['manifest.json'] = manifest(plan, Object.keys(files), Object.keys(charts), chartsError, warnings);
  return { files, charts, ...(chartsError !== undefined ? { chartsError } : {}), analysis, summaries, warnings };
}

function manifest(plan: SweepPlan, names: string[], charts: string[], chartsError: string | undefined, warnings: string[]): string {
  const describe: Record<string, string> = {
    'runs.csv': 'one row per run: run, point, replicate, seed, the factor values, then the outputs (empty: no value, e.g. a share of nothing)',
    'points.csv': 'one row per point and output: the factor values, output, n (replicates with a value: for an output `given` an indicator, the runs where it held), mean, sd, p5, p50, p95 over the point\'s replicates, and for an indicator (0 or 1 a run) low95 and high95, the Wilson 95 % interval of its mean, a probability (empty for other outputs)',
    'analysis.json': analysisKinds[plan.design.kind],
    'analysis.csv': 'the indices of analysis.json as a table: one row per output and factor',
    'run-info.json': 'how this folder was made (command, workers, shards, wall time, Node version): not part of the identical outputs',
    ...(charts.length ? { 'charts/': `one chart per output (Vega-Lite spec .vl.json, SVG and PNG): ${chartKinds[plan.design.kind]}` } : {}),
  };
  const fixed = plan.set.flatMap((s) => ['--set', quote(s)]).join(' ');
  // No Node version here (unlike run-info.json): the manifest is byte-identical across machines.
  return manifestText({
    tool: toolEntry(plan.toolVersion, false),
    title: plan.title,
    ...(plan.description !== undefined ? { description: plan.description } : {}),
    experiment: { file: plan.experimentFile, hash: plan.hash, experimentHash: plan.experimentHash },
    scenario: { file: plan.scenarioPath, relativeTo: 'the experiment file\'s folder', title: plan.scenarioTitle, hash: plan.scenarioHash, set: plan.set },
    seed: plan.seed,
    scale: plan.scale,
    replicates: plan.replicates,
    commonRandomNumbers: plan.commonRandomNumbers,
    design: plan.design,
    factors: plan.factors,
    outputs: plan.outputs.map(describedStatistic),
    points: plan.points,
    runs: plan.runs,
    reproduce: `one row of runs.csv (SCENARIO: scenario.file, from the experiment file's folder): hotbed run SCENARIO${fixed ? ` ${fixed}` : ''} --seed SEED ${plan.factors.map((f) => `--set ${quote(`${f.path}=VALUE_OF_${f.name}`)}`).join(' ')}`,
    files: Object.fromEntries([...names.filter((n) => n !== 'manifest.json'), ...(charts.length ? ['charts/'] : []), 'run-info.json'].map((n) => [n, describe[n] ?? ''])),
    ...(chartsError !== undefined ? { chartsError } : {}),
    // Only when there are some: manifests of settled analyses keep their bytes.
    ...(warnings.length ? { warnings } : {}),
    note: 'Every file here but run-info.json is byte-identical for the same experiment and tool version, whatever the number of workers, interruptions and resumes, or shards merged.',
  });
}

const analysisKinds: Record<SweepPlan['design']['kind'], string> = {
  grid: '',
  'latin-hypercube': 'PRCC per output and factor: prcc with a 90 % bootstrap interval, p-value, Spearman',
  morris: 'Morris indices per output and factor: muStar (with a 90 % bootstrap interval), mu, sigma',
  sobol: 'Sobol indices per output and factor: first-order and total, with 90 % bootstrap intervals',
};

const chartKinds: Record<SweepPlan['design']['kind'], string> = {
  grid: 'heat map of the mean (two factors), line with a 5–95 % band (one factor), or main effects (more)',
  'latin-hypercube': 'the output at each point against each factor, and the PRCC per factor with its interval',
  morris: 'μ* against σ per factor, with μ*\'s interval',
  sobol: 'first-order and total indices per factor, with intervals',
};

const quote = (s: string) => (/^[\w./=:,+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
