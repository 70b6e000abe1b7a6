/**
 * What the calibration charts are drawn from: plain data taken from a finished
 * calibration (the last generation's weighted particles, the generations' schedule,
 * the posterior-predictive trace, the fit per target). The contract between the
 * calibrator and src/charts/specs/calibration-*.ts; neither needs the other's internals.
 */
import type { Generation } from './abc-smc.js';
import type { Prior } from './priors.js';
import { weightedQuantiles, type FitRow, type ParameterSummary } from './outputs.js';

/** Where a number sits across the weighted particles of the last generation. */
export interface WeightedBand {
  median: number;
  p5: number;
  p25: number;
  p75: number;
  p95: number;
}

export interface CalibrationChartInputs {
  title: string;
  /** Scenario start ('YYYY-MM-DD'): the first date of the trace, drawn as the start. */
  startDate: string;
  /** Last date of the trace (the scenario's end). */
  endDate: string;
  /** Date the targets refer to (e.g. '2015-12-01'). */
  targetDate: string;
  /** Particles per generation. */
  population: number;
  /** 1. Per parameter: the prior, the posterior summary, and the last generation's particles with their weights. */
  parameters: {
    name: string;
    path: string;
    prior: Prior;
    median: number;
    p5: number;
    p95: number;
    samples: { value: number; weight: number }[];
  }[];
  /** 2. Per generation: tolerance (null for generation 0: every prior draw accepted), acceptance rate (0–1), ESS. */
  generations: { generation: number; tolerance: number | null; acceptanceRate: number; ess: number }[];
  /** 3. World travellers on the first of each month over the last generation's accepted simulations (weighted). */
  trace: ({ date: string } & WeightedBand)[];
  /** The world target band, if the calibration has one. */
  worldTarget?: { date: string; low: number; high: number; value: number };
  /** 4. Per target: the band and the weighted posterior median and 5–95 % of the simulated statistic. */
  fit: {
    statistic: string;
    level: 'world' | 'region' | 'country' | 'other';
    place: string;
    target: number;
    low: number;
    high: number;
    median: number;
    p5: number;
    p95: number;
    /** The calibrated point's median over its own runs (calibrated.yaml), when there is one. */
    point?: number;
  }[];
}

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
}): CalibrationChartInputs {
  const { last } = o;
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
    startDate: o.startDate,
    endDate: o.endDate,
    targetDate: o.targetDate,
    population: o.population,
    parameters: o.parameters.map((p, k) => ({
      name: p.name,
      path: p.path,
      prior: stripPrior(p.prior),
      median: p.median,
      p5: p.p5,
      p95: p.p95,
      samples: last.particles.map((x, i) => ({ value: x[k]!, weight: last.weights[i]! })),
    })),
    generations: o.generations.map((g) => ({
      generation: g.generation,
      tolerance: Number.isFinite(g.tolerance) ? g.tolerance : null,
      acceptanceRate: g.acceptanceRate,
      ess: g.ess,
    })),
    trace,
    ...(world && Number.isFinite(world.high) ? { worldTarget: { date: o.targetDate, low: world.low, high: world.high, value: world.target } } : {}),
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

/** The prior itself, without the summary's added p5/p95. */
function stripPrior(p: ParameterSummary['prior']): Prior {
  if (p.kind === 'normal') return { kind: 'normal', mean: p.mean, sd: p.sd, ...(p.low !== undefined ? { low: p.low } : {}), ...(p.high !== undefined ? { high: p.high } : {}) };
  return { kind: p.kind, low: p.low, high: p.high };
}
