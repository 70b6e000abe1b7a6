/**
 * The calibration charts' inputs (src/charts/inputs/calibration.ts), taken from a
 * finished calibration: the last generation's weighted particles, the generations'
 * schedule, the posterior-predictive trace, the fit per target, and each prior
 * evaluated over its panel, so that the charts need none of the priors' code.
 */
import type { CalibrationChartInputs, CalibrationParameter } from '../charts/inputs.js';
import type { Generation } from './abc-smc.js';
import { priorBounds, priorDensity, priorQuantile, type Prior } from './priors.js';
import { weightedQuantilesMidpoint as weightedQuantiles } from '../numeric/quantiles.js';
import type { FitRow, ParameterSummary } from './outputs.js';
import { worldPathOfStatistics, type StatisticTarget } from '../results/path-targets.js';
import { historyEvents } from '../results/history-events.js';
import type { Intervention } from '../scenario/schema.js';

/** The chart inputs of a calibration: `statistics` names the columns of each particle's stats (targets, then `trace:DATE`). */
export function calibrationChartInputs(o: {
  title: string;
  startDate: string;
  endDate: string;
  targetDate: string;
  population: number;
  last: Generation;
  generations: readonly Generation[];
  parameters: readonly ParameterSummary[];
  statistics: readonly string[];
  fit: readonly FitRow[];
  /** The calibration's targets: their world travellers on dates become points on the predictive chart. */
  targets?: readonly StatisticTarget[];
  /** The main targets file's title: the source of its targets when it names none. */
  targetsTitle?: string;
  /** The scenario's interventions: the labelled ones are drawn as events. */
  interventions?: readonly Intervention[];
  /** The scenario's `output.chartTitles`: false draws the charts without titles. */
  chartTitles?: boolean;
}): CalibrationChartInputs {
  const { last } = o;
  const period = { start: o.startDate, end: o.endDate };
  const path = worldPathOfStatistics(o.targets ?? [], period, o.targetsTitle);
  const events = historyEvents([{ name: o.title, interventions: o.interventions ?? [] }], period);
  const trace: CalibrationChartInputs['trace'] = [];
  o.statistics.forEach((name, k) => {
    if (!name.startsWith('trace:')) return;
    const values = last.stats.map((s) => s[k]!);
    const ok = values.map((v) => Number.isFinite(v));
    const vs = values.filter((_, i) => ok[i]);
    const ws = last.weights.filter((_, i) => ok[i]);
    if (vs.length === 0) return;
    const [p5, p25, median, p75, p95] = weightedQuantiles(vs, ws, [0.05, 0.25, 0.5, 0.75, 0.95]) as [number, number, number, number, number];
    trace.push({ date: name.slice('trace:'.length), median, p5, p25, p75, p95 });
  });
  const world = o.fit.find((f) => f.statistic === 'world');
  return {
    title: o.title,
    ...(o.chartTitles === false ? { chartTitles: false } : {}),
    startDate: o.startDate,
    endDate: o.endDate,
    targetDate: o.targetDate,
    population: o.population,
    parameters: o.parameters.map((p, k) => {
      const samples = last.particles.map((x, i) => ({ value: x[k]!, weight: last.weights[i]! }));
      return { name: p.name, path: p.path, ...priorPanel(p.prior, samples.map((s) => s.value)), median: p.median, p5: p.p5, p95: p.p95, samples };
    }),
    generations: o.generations.map((g) => ({
      generation: g.generation,
      tolerance: Number.isFinite(g.tolerance) ? g.tolerance : null,
      acceptanceRate: g.acceptanceRate,
      ess: g.ess,
    })),
    trace,
    ...(world && Number.isFinite(world.high) ? { worldTarget: { date: o.targetDate, low: world.low, high: world.high, value: world.target } } : {}),
    ...(path.points.length > 0 ? { pathTargets: path.points } : {}),
    ...(path.flows.length > 0 ? { flowTargets: path.flows } : {}),
    ...(events.length > 0 ? { events } : {}),
    fit: o.fit.map((f) => {
      const [level, place] = levelOf(f.statistic);
      return { statistic: f.statistic, level, place, target: f.target, low: f.low, high: f.high, median: f.median, p5: f.p5, p95: f.p95, ...(f.point !== undefined ? { point: f.point } : {}) };
    }),
  };
}

function levelOf(statistic: string): ['world' | 'region' | 'country' | 'other', string] {
  if (statistic === 'world') return ['world', 'World'];
  const m = /^(region|country):(.+)$/.exec(statistic);
  if (m) return [m[1] as 'region' | 'country', m[2]!];
  return ['other', statistic];
}

/** Points of a prior curve: enough for a smooth line in a 200-pixel panel. */
const CURVE_POINTS = 81;

/** The posterior panel of a parameter (its scale and x range) and its prior's density over that range. */
export function priorPanel(prior: Prior, values: readonly number[]): Pick<CalibrationParameter, 'scale' | 'range' | 'priorCurve'> {
  const log = prior.kind === 'log-uniform';
  const t = (x: number) => (log ? Math.log10(x) : x);
  const inv = (u: number) => (log ? 10 ** u : u);
  const range = panelRange(prior, values);
  const a = t(range[0]);
  const steps = CURVE_POINTS - 1;
  const priorCurve = Array.from({ length: CURVE_POINTS }, (_, k) => {
    const x = inv(a + ((t(range[1]) - a) * k) / steps);
    return { x, density: priorDensity(prior, x) };
  });
  return { scale: log ? 'log' : 'linear', range, priorCurve };
}

/** The prior's bounds (the central 99.8 % of an unbounded normal), widened to the particles. */
export function panelRange(prior: Prior, values: readonly number[]): [number, number] {
  const b = priorBounds(prior);
  let low = Number.isFinite(b.low) ? b.low : priorQuantile(prior, 0.001);
  let high = Number.isFinite(b.high) ? b.high : priorQuantile(prior, 0.999);
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  return [low, high];
}
