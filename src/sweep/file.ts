/**
 * Experiment files: which scenario to sweep, which of its parameters vary and
 * over what (the factors), how the points are chosen (the design), how many
 * replicates per point, and which numbers to record from each run (the outputs).
 * Loaded with the same care as scenarios: every mistake is one message naming
 * the file, line, path, what was expected and what was found, with a "did you
 * mean" for misspelled keys, places and parameters, before anything runs.
 *
 * Factors are addressed like `--set` paths and checked by the same machinery as
 * the calibration's parameters (scenario/overrides.ts): a path the scenario does
 * not have, a parameter that is not a number, or a range reaching values the
 * scenario refuses is reported here.
 *
 * What comes out is a SweepPlan: plain data that fixes every run of the sweep
 * (shards and merges carry it), and its hash, which resume folders and shards
 * are checked against.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { checkFreeParameter, type FreeParameterMessages } from '../batch/parameters.js';
import type { JsonSchema } from '../scenario/json-schema.js';
import { canonicalJson } from '../scenario/canonical-json.js';
import type { LoadedScenario } from '../scenario/load.js';
import { formatPath, namedPath } from '../scenario/merge.js';
import type { Scenario } from '../scenario/schema.js';
import { locate, readSource, type SourceFile } from '../scenario/source.js';
import { loadReferencedScenario } from '../scenario/referenced.js';
import { schemaError } from '../scenario/zod-issues.js';
import { planWorld } from '../world/plan.js';
import { placeIndex } from '../world/places.js';
import { resolveStatistics, statisticInputSchema } from '../scenario/statistic-schema.js';
import { columnName, finite } from '../scenario/fields.js';
import { headerShape } from '../batch/header.js';
import { DEFAULTS as BOOTSTRAP_DEFAULTS } from './design/bootstrap.js';
import { DEFAULTS as MORRIS_DEFAULTS } from './design/morris.js';
import { statisticNames, type Statistic, type StatisticName } from '../statistics/registry.js';
import { sweepMessages } from '../messages/sweep.js';
import { designSize } from './points.js';
import { checkTableSize } from './size.js';
import { closest } from '../scenario/suggest.js';


const factorSchema = z.strictObject({
  name: columnName.describe('Column name in the result tables.'),
  path: z.string().min(1).describe('The parameter, as a --set path: mappings by key, lists by item name, e.g. places.regions.Maghreb.susceptibility.'),
  low: finite.optional().describe('Lowest value (Latin hypercube, Morris, Sobol).'),
  high: finite.optional().describe('Highest value (Latin hypercube, Morris, Sobol).'),
  scale: z.enum(['linear', 'log']).default('linear').describe('linear: uniform between low and high; log: uniform in log space (for rates known within a factor).'),
  values: z.array(finite).min(1).max(10000).optional().describe('The values a grid takes, in order.'),
  note: z.string().optional().describe('Why this factor, and why this range.'),
});

const referenceSchema = z.strictObject({
  factor: z.string().min(1).describe('The factor whose axis the range is on.'),
  from: finite.describe('Where the range starts, in the factor\'s units.'),
  to: finite.describe('Where it ends (from = to: a single value, drawn as a line).'),
  label: z.string().min(1).max(200).describe('What the range is, with its source, e.g. "Watts\' analytic cascade window (φ = 0.18)".'),
}).describe('A published range of a factor (an analytic window, an estimate from elsewhere), shaded with its label on every chart drawn against that factor. It changes the charts only, not the runs.');

export const designKinds = ['grid', 'latin-hypercube', 'morris', 'sobol'] as const;
export type DesignKind = typeof designKinds[number];

const bootstrap = z.number().int().min(1).max(100000).default(BOOTSTRAP_DEFAULTS.bootstrap).describe('Bootstrap resamples for the intervals of the indices.');
export const designSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('grid') }).describe('Every combination of the factors\' values; the first factor varies slowest.'),
  z.strictObject({ kind: z.literal('latin-hypercube'), samples: z.number().int().min(2).max(10_000_000), bootstrap })
    .describe('samples points, each factor\'s range cut into samples strata, one point in each; analysed by partial rank correlation (PRCC).'),
  z.strictObject({
    kind: z.literal('morris'),
    trajectories: z.number().int().min(2).max(100000).describe('One-at-a-time trajectories of k + 1 points each.'),
    levels: z.number().int().min(2).max(1000).refine((p) => p % 2 === 0, 'an even whole number').default(MORRIS_DEFAULTS.levels).describe('Grid levels p (even).'),
    bootstrap,
  }).describe('Morris elementary effects: μ*, μ and σ per factor and output.'),
  z.strictObject({
    kind: z.literal('sobol'),
    samples: z.number().int().min(2).max(10_000_000).describe('Base samples N: N·(k + 2) points (Saltelli).'),
    bootstrap,
  }).describe('Sobol indices by Saltelli sampling: first-order and total per factor and output.'),
]);

/** An output is a statistic of the registry (statistics/registry.ts), on a date of the run. */
export const outputMeasures = statisticNames;
export type OutputMeasure = StatisticName;

export const experimentSchema = z.strictObject({
  ...headerShape({ verb: 'sweep', runs: 'runs', before: 'sweeping', seeded: 'experiment: the design and every run\'s seed derive from it' }),
  replicates: z.number().int().min(1).max(100000).default(1).describe('Runs per point, each with its own seed.'),
  commonRandomNumbers: z.boolean().default(false)
    .describe('true: replicate r of every point uses the same seed (paired comparisons between points); false: a seed per point and replicate.'),
  factors: z.array(factorSchema).min(1).max(100),
  design: designSchema,
  outputs: z.array(statisticInputSchema).min(1).max(200),
  references: z.array(referenceSchema).max(100).optional().describe('Reference ranges of the factors, shaded on the charts.'),
});

export type DesignSpec =
  | { kind: 'grid' }
  | { kind: 'latin-hypercube'; samples: number; bootstrap: number }
  | { kind: 'morris'; trajectories: number; levels: number; bootstrap: number }
  | { kind: 'sobol'; samples: number; bootstrap: number };

export interface SweepFactor {
  name: string;
  /** --set path. */
  path: string;
  /** Range (grid: the smallest and largest value). */
  low: number;
  high: number;
  scale: 'linear' | 'log';
  /** Grid only. */
  values?: number[];
  note?: string;
}

export type OutputSpec = Statistic;

/** A reference range of a factor, as the charts draw it (charts/inputs SweepChartReference). */
export interface SweepReference {
  factor: string;
  from: number;
  to: number;
  label: string;
}

/** Everything that fixes the runs of a sweep and their outputs, as plain data (journals, shards, workers carry it). */
export interface SweepPlan {
  format: 1;
  title: string;
  description?: string;
  /** The files as named on the command line and in the experiment: shown, not hashed. */
  experimentFile: string;
  /** The scenario as resolved for this process (relative to its working folder), for messages. */
  scenarioFile: string;
  /** The scenario as the experiment file names it (relative to the experiment's folder): what outputs record, the same from any working folder. */
  scenarioPath: string;
  scenarioTitle: string;
  /** sha256 of the resolved scenario (experiment scale and `set` applied). */
  scenarioHash: string;
  /** The experiment's fixed overrides (its `set`, then its `scale`), to rerun one row with `hotbed run`. */
  set: string[];
  startDate: string;
  endDate: string;
  scale: number;
  seed: number;
  replicates: number;
  commonRandomNumbers: boolean;
  factors: SweepFactor[];
  design: DesignSpec;
  outputs: OutputSpec[];
  points: number;
  runs: number;
  toolVersion: string;
  /** Reference ranges of the factors, for the charts: like the title, not hashed, so that a resumed sweep may change them. */
  references?: SweepReference[];
  /** The scenario's `output.chartTitles` when false: charts without titles (part of the scenario's hash already). */
  chartTitles?: false;
  /** sha256 of the above except the file names: what a resume folder and a shard must match. */
  hash: string;
  /** sha256 of the experiment alone (design, factors, outputs, seed, replicates), to name what changed. */
  experimentHash: string;
}

export interface Experiment {
  plan: SweepPlan;
  /** The scenario the factors are applied to (scale and `set` applied, validated). */
  loaded: LoadedScenario;
}

/** Names a result table uses itself: a factor or output cannot take them. */
export const reservedColumns = ['run', 'point', 'replicate', 'seed', 'output', 'n', 'mean', 'sd', 'p5', 'p50', 'p95', 'low95', 'high95'];

export const experimentJsonSchema = (): JsonSchema => z.toJSONSchema(experimentSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

export function loadExperiment(file: string, options: { toolVersion: string }): Experiment {
  const source = readSource(file);
  const at = (path: readonly (string | number)[], atKey = false) => locate(source, path, atKey);
  const parsed = experimentSchema.safeParse(source.value, { reportInput: true });
  if (!parsed.success) throw schemaError(parsed.error.issues, source.value, at, experimentJsonSchema());
  const e = parsed.data;

  const { scenarioFile, loaded, set } = loadReferencedScenario(file, e, at);
  const scenario = loaded.scenario;
  const shown = (path: (string | number)[]) => formatPath(namedPath(source.value, path));

  const factors = e.factors.map((f, i) => checkFactor(source, scenario, scenarioFile, f, i, e.design.kind));
  factors.forEach((f, i) => {
    if (factors.findIndex((g) => g.path === f.path) !== i) throw sweepMessages.duplicatePath(at(['factors', i, 'path']), shown(['factors', i, 'path']), f.path);
  });

  const references = (e.references ?? []).map((r, i) => checkReference(r, i, factors, at, shown));

  const places = placeIndex(planWorld(scenario));
  const outputs = resolveStatistics(e.outputs, (i) => ({
    places,
    start: scenario.dates.start,
    end: scenario.dates.end,
    at: (path, atKey) => locate(source, ['outputs', i, ...path], atKey),
    shown: (...rest) => formatPath(namedPath(source.value, ['outputs', i, ...rest])),
  }));

  const columns = [...reservedColumns];
  const claim = (name: string, path: (string | number)[]) => {
    if (columns.includes(name)) throw sweepMessages.duplicateName(at(path), shown(path), name);
    columns.push(name);
  };
  factors.forEach((f, i) => claim(f.name, ['factors', i, 'name']));
  outputs.forEach((o, i) => claim(o.name, e.outputs[i]!.name !== undefined ? ['outputs', i, 'name'] : ['outputs', i]));

  const design = e.design as DesignSpec;
  const points = designSize(design, factors);
  checkTableSize(at(['design']), points, e.replicates, factors.length, outputs.length);

  const { hash, experimentHash } = planHashes({
    scenarioHash: loaded.hash,
    seed: e.seed,
    replicates: e.replicates,
    commonRandomNumbers: e.commonRandomNumbers,
    factors,
    design,
    outputs,
    toolVersion: options.toolVersion,
  });
  const plan: SweepPlan = {
    format: 1,
    title: e.title,
    ...(e.description !== undefined ? { description: e.description } : {}),
    experimentFile: file,
    scenarioFile,
    scenarioPath: e.scenario,
    scenarioTitle: scenario.title,
    scenarioHash: loaded.hash,
    set,
    startDate: scenario.dates.start,
    endDate: scenario.dates.end,
    scale: scenario.scale,
    seed: e.seed,
    replicates: e.replicates,
    commonRandomNumbers: e.commonRandomNumbers,
    factors,
    design,
    outputs,
    points,
    runs: points * e.replicates,
    toolVersion: options.toolVersion,
    ...(references.length ? { references } : {}),
    ...(scenario.output.chartTitles === false ? { chartTitles: false as const } : {}),
    hash,
    experimentHash,
  };
  return { plan, loaded };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The plan's hashes, from what fixes its runs (not the file names, title or notes): computed
 * when the experiment is loaded, and again when a plan is read back from a shard or journal,
 * so that an edited plan is caught.
 */
export function planHashes(p: Pick<SweepPlan, 'scenarioHash' | 'seed' | 'replicates' | 'commonRandomNumbers' | 'factors' | 'design' | 'outputs' | 'toolVersion'>): { hash: string; experimentHash: string } {
  const semantic = {
    format: 1,
    scenarioHash: p.scenarioHash,
    seed: p.seed,
    replicates: p.replicates,
    commonRandomNumbers: p.commonRandomNumbers,
    factors: p.factors.map(({ note: _note, ...f }) => f),
    design: p.design,
    outputs: p.outputs,
  };
  return {
    hash: sha256(canonicalJson({ ...semantic, toolVersion: p.toolVersion })),
    experimentHash: sha256(canonicalJson({ ...semantic, scenarioHash: undefined })),
  };
}

type FactorInput = z.infer<typeof factorSchema>;

/** A reference names a factor of the file, runs forwards, and meets the range swept (else nothing of it would be drawn). */
function checkReference(
  r: z.infer<typeof referenceSchema>,
  i: number,
  factors: readonly SweepFactor[],
  at: (path: readonly (string | number)[], atKey?: boolean) => ReturnType<typeof locate>,
  shown: (path: (string | number)[]) => string,
): SweepReference {
  const path = (key: string) => ['references', i, key];
  const factor = factors.find((f) => f.name === r.factor);
  if (!factor) {
    const hint = closest(r.factor, factors.map((f) => f.name));
    throw sweepMessages.referenceUnknownFactor(at(path('factor')), shown(path('factor')), r.factor, factors.map((f) => f.name), hint ? `did you mean "${hint}"?` : undefined);
  }
  if (r.from > r.to) throw sweepMessages.referenceReversed(at(path('from')), shown(path('from')), r.from, r.to);
  if (r.to < factor.low || r.from > factor.high) throw sweepMessages.referenceOutsideRange(at(path('from')), shown(path('from')), r.from, r.to, factor.name, factor.low, factor.high);
  return { factor: r.factor, from: r.from, to: r.to, label: r.label };
}

function checkFactor(source: SourceFile, scenario: Scenario, scenarioFile: string, f: FactorInput, i: number, kind: DesignKind): SweepFactor {
  const at = (...rest: (string | number)[]) => locate(source, ['factors', i, ...rest]);
  const shown = (...rest: (string | number)[]) => formatPath(namedPath(source.value, ['factors', i, ...rest]));

  let low: number;
  let high: number;
  if (kind === 'grid') {
    if (f.values === undefined) throw sweepMessages.gridNeedsValues(at(), shown('values'));
    low = Math.min(...f.values);
    high = Math.max(...f.values);
  } else {
    if (f.values !== undefined) throw sweepMessages.rangeNeedsBounds(at('values'), shown('values'), kind);
    if (f.low === undefined) throw sweepMessages.missingBound(at(), shown('low'), kind);
    if (f.high === undefined) throw sweepMessages.missingBound(at(), shown('high'), kind);
    low = f.low;
    high = f.high;
    if (!(low < high)) throw sweepMessages.boundsReversed(at('low'), shown(), low, high);
  }
  if (f.scale === 'log' && !(low > 0)) throw sweepMessages.logScaleNotPositive(at(kind === 'grid' ? 'values' : 'low'), shown(kind === 'grid' ? 'values' : 'low'), low);

  const path = checkFreeParameter({
    source,
    entry: ['factors', i],
    valuesField: kind === 'grid' ? 'values' : 'low',
    path: f.path,
    // A grid's values; a range's ends and a value inside that is not a whole number.
    probes: kind === 'grid' ? [...new Set(f.values!)] : [low, low + 0.3183 * (high - low), high],
    scenario,
    scenarioFile,
    messages: factorMessages,
  });
  return {
    name: f.name,
    path,
    low,
    high,
    scale: f.scale,
    ...(kind === 'grid' ? { values: f.values! } : {}),
    ...(f.note !== undefined ? { note: f.note } : {}),
  };
}

const factorMessages: FreeParameterMessages = {
  unknownPath: sweepMessages.unknownFactorPath,
  notANumber: sweepMessages.factorNotANumber,
  valueRefused: sweepMessages.factorValueRefused,
};

