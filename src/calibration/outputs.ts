/**
 * What a calibration writes, as pure functions of its generations (the same
 * generations give the same bytes): the posterior samples, the summary
 * statistics of the accepted simulations, the fit per target, the summary and the
 * calibrated parameter file.
 */
import { stringify } from 'yaml';
import { csvField } from '../numeric/escape.js';
import { roundToSignificant } from '../numeric/number-format.js';
import { weightedQuantilesMidpoint } from '../numeric/quantiles.js';
import type { Generation } from './abc-smc.js';
import { residual, type DistanceKind, type Target } from './distance.js';
import { priorQuantile, type Prior } from './priors.js';

/** A number as text: up to 10 significant digits, no float noise, exponent form for tiny rates. */
export function num(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  return String(roundToSignificant(x, 10));
}

/** posterior.csv: one row per generation × particle: generation, particle, weight, distance, then the parameters. */
export function posteriorCsv(generations: readonly Generation[], names: readonly string[]): string {
  const lines = [['generation', 'particle', 'weight', 'distance', ...names].map(csvField).join(',')];
  for (const g of generations) {
    g.particles.forEach((p, i) => {
      lines.push([String(g.generation), String(i), num(g.weights[i]!), num(g.distances[i]!), ...p.map(num)].join(','));
    });
  }
  return `${lines.join('\n')}\n`;
}

/** statistics.csv: the summary statistics of each accepted simulation: generation, particle, statistic, value. */
export function statisticsCsv(generations: readonly Generation[], statistics: readonly string[]): string {
  const lines = ['generation,particle,statistic,value'];
  for (const g of generations) {
    g.stats.forEach((s, i) => {
      statistics.forEach((name, k) => lines.push(`${g.generation},${i},${csvField(name)},${num(s[k]!)}`));
    });
  }
  return `${lines.join('\n')}\n`;
}

export interface WeightedSummary {
  mean: number;
  median: number;
  p5: number;
  p95: number;
}

/** Weighted mean, median and 5–95 % interval (weighted quantiles with linear interpolation between midpoints). */
export function weightedSummary(values: readonly number[], weights: readonly number[]): WeightedSummary {
  const total = weights.reduce((s, w) => s + w, 0);
  const mean = values.reduce((s, v, i) => s + v * weights[i]!, 0) / total;
  const [median, p5, p95] = weightedQuantilesMidpoint(values, weights, [0.5, 0.05, 0.95]);
  return { mean, median: median!, p5: p5!, p95: p95! };
}

export interface ParameterInfo {
  name: string;
  path: string;
  prior: Prior;
}

export interface ParameterSummary extends WeightedSummary {
  name: string;
  path: string;
  prior: Prior & { p5: number; p95: number };
  /** Width of the posterior 90 % interval over that of the prior. */
  narrowing: number;
  /** The same for the regression-adjusted posterior (regression-adjustment.ts), where one was made. */
  adjusted?: { median: number; p5: number; p95: number; narrowing: number };
}

/** A weighted sample of parameter vectors (natural scale). */
export interface ParticleSample {
  particles: readonly (readonly number[])[];
  weights: readonly number[];
}

export function parameterSummaries(g: ParticleSample, parameters: readonly ParameterInfo[], adjusted?: ParticleSample): ParameterSummary[] {
  return parameters.map((p, k) => {
    const s = weightedSummary(g.particles.map((x) => x[k]!), g.weights);
    const pp5 = priorQuantile(p.prior, 0.05);
    const pp95 = priorQuantile(p.prior, 0.95);
    const a = adjusted && weightedSummary(adjusted.particles.map((x) => x[k]!), adjusted.weights);
    return {
      name: p.name, path: p.path, ...roundAll(s), prior: { ...p.prior, p5: round(pp5), p95: round(pp95) }, narrowing: round((s.p95 - s.p5) / (pp95 - pp5)),
      ...(a ? { adjusted: { median: round(a.median), p5: round(a.p5), p95: round(a.p95), narrowing: round((a.p95 - a.p5) / (pp95 - pp5)) } } : {}),
    };
  });
}

/** The regression-adjusted posterior: one row per particle with a positive weight. */
export function adjustedPosteriorCsv(sample: ParticleSample, names: readonly string[]): string {
  const lines = [['particle', 'weight', ...names.map(csvField)].join(',')];
  sample.particles.forEach((p, i) => {
    if (!(sample.weights[i]! > 0)) return;
    lines.push([String(i), num(sample.weights[i]!), ...p.map(num)].join(','));
  });
  return `${lines.join('\n')}\n`;
}

export interface FitRow {
  statistic: string;
  /** Day of the target (the end of the period for a flow). */
  date?: string;
  /** Not fitted (dated after the calibration's `until`): a forecast. */
  heldOut: boolean;
  /**
   * Whether the published value lies inside the 5–95 % interval of the posterior predictive (p5–p95);
   * for a one-sided target ("at least"), whether that interval reaches the published range.
   */
  valueInPredictive: boolean;
  target: number;
  low: number;
  high: number;
  weight: number;
  /** Weighted median and 5–95 % interval of the statistic over the last generation's particles. */
  median: number;
  p5: number;
  p95: number;
  /** Residual of the median (see distance.ts). */
  residual: number;
  inBand: boolean;
  /** Median over the calibrated point's check runs, and whether it is in the band. */
  point?: number;
  pointInBand?: boolean;
}

/** A target as the fit table reads it: its band, and where known its date and whether it was held out. */
export type FitTarget = Target & { statistic?: { date: string }; heldOut?: boolean };

export function fitRows(g: Generation, targets: readonly FitTarget[], kind: DistanceKind, point?: readonly number[]): FitRow[] {
  return targets.map((t, k) => {
    const s = weightedSummary(g.stats.map((x) => x[k]!), g.weights);
    const p = point?.[k];
    return {
      statistic: t.name,
      ...(t.statistic ? { date: t.statistic.date } : {}),
      heldOut: t.heldOut === true,
      valueInPredictive: Number.isFinite(t.high) ? t.value >= s.p5 && t.value <= s.p95 : s.p95 >= t.low,
      target: t.value,
      low: t.low,
      high: t.high,
      weight: t.weight,
      median: round(s.median),
      p5: round(s.p5),
      p95: round(s.p95),
      residual: round(residual(kind, t, s.median)),
      inBand: s.median >= t.low && s.median <= t.high,
      ...(p !== undefined ? { point: round(p), pointInBand: p >= t.low && p <= t.high } : {}),
    };
  });
}

export function fitCsv(rows: readonly FitRow[]): string {
  const lines = ['statistic,date,held_out,target,low,high,weight,median,p5,p95,residual,in_band,value_in_p5_p95,point,point_in_band'];
  for (const r of rows) {
    lines.push([csvField(r.statistic), r.date ?? '', String(r.heldOut), num(r.target), num(r.low), num(r.high), num(r.weight), num(r.median), num(r.p5), num(r.p95), num(r.residual), String(r.inBand), String(r.valueInPredictive),
      r.point === undefined ? '' : num(r.point), r.pointInBand === undefined ? '' : String(r.pointInBand)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Per generation, for summary.json and a tolerance chart: the deterministic part first. */
export function generationRows(generations: readonly Generation[]) {
  return generations.map((g) => ({
    generation: g.generation,
    tolerance: Number.isFinite(g.tolerance) ? round(g.tolerance) : null,
    acceptanceRate: round(g.acceptanceRate),
    ess: round(g.ess),
    simulations: g.simulations,
    medianDistance: round(weightedSummary(g.distances.map((d) => (Number.isFinite(d) ? d : Number.MAX_VALUE)), g.weights).median),
    evaluated: g.evaluated,
    seconds: round(g.ms / 1000),
  }));
}

/**
 * The calibrated parameter file: a scenario fragment holding the calibrated values at
 * their paths. `extendsPath` (relative to where the file is written) makes it a
 * scenario that runs as it is; lists are written by item name (interventions by
 * label: give paths as interventions.LABEL.…), so `extends` merges them into the
 * parent's regions, countries, communities and interventions.
 */
export function calibratedYaml(options: {
  header: string[];
  /** The JSON Schema for editors, relative to the file (where the calibrated scenario names one). */
  schemaPath?: string;
  extendsPath?: string;
  title?: string;
  values: readonly { path: string; value: number; note?: string }[];
}): string {
  const root: Record<string, unknown> = {};
  if (options.schemaPath) root.$schema = options.schemaPath;
  if (options.extendsPath) root.extends = options.extendsPath;
  if (options.title !== undefined) root.title = options.title;
  for (const { path, value } of options.values) setByNamedPath(root, path.split('.').map((s) => s.trim()), roundToSignificant(value, 4));
  const header = options.header.map((l) => (l ? `# ${l}` : '#')).join('\n');
  return `${header}\n${stringify(root, { lineWidth: 0 })}`;
}

/**
 * Sets a value at a --set-style path in a fragment: a segment after `regions`,
 * `countries` or `communities` is an item name (a list of `{name: …}` items).
 */
function setByNamedPath(root: Record<string, unknown>, path: readonly string[], value: number): void {
  let node: Record<string, unknown> = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const last = i === path.length - 1;
    if (last) {
      node[key] = value;
      return;
    }
    const field = namedLists.get(key);
    if (field && i + 1 < path.length) {
      const list = (node[key] ??= []) as Record<string, unknown>[];
      const name = path[++i]!;
      let item = list.find((e) => e[field] === name);
      if (!item) list.push((item = { [field]: name }));
      if (i === path.length - 1) throw new Error(`calibration/outputs: path ${path.join('.')} ends at a list item`);
      node = item;
      continue;
    }
    node = (node[key] ??= {}) as Record<string, unknown>;
  }
}

/** Lists whose items are found by a field (extends merges them by it): the field. */
const namedLists = new Map([['regions', 'name'], ['countries', 'name'], ['communities', 'name'], ['interventions', 'label']]);

const round = (x: number) => roundToSignificant(x, 6);
const roundAll = (s: WeightedSummary): WeightedSummary => ({ mean: round(s.mean), median: round(s.median), p5: round(s.p5), p95: round(s.p95) });
