/**
 * The sweep's tables, as pure functions of the plan and the outputs of every run
 * in run order: the same runs give the same bytes, whoever ran them, in whatever
 * order, on however many threads or machines.
 *
 * runs.csv   one row per run: run, point, replicate, seed, the factor values, the outputs
 * points.csv one row per point and output: the factor values, then n, mean, sd, p5, p50,
 *            p95 of the output over the point's replicates, and for an indicator (0 or 1 in
 *            each run, so that its mean is a probability) the Wilson 95 % interval of that
 *            probability, low95 and high95 (empty for other outputs). A conditional output
 *            (`given`) has values only in the runs where its condition held: n counts them,
 *            and its mean is the mean conditional on the indicator.
 * Numbers are written in full (the shortest text that reads back as the same double),
 * so a row's factor values and seed rerun it exactly; an output without a value (a share
 * of nothing) is an empty cell.
 */
import type { SweepPointSummary } from '../charts/inputs.js';
import { csvField } from '../numeric/escape.js';
import { mean, sampleStandardDeviation } from '../numeric/moments.js';
import { roundToSignificant } from '../numeric/number-format.js';
import { quantileType7Sorted as quantile } from '../numeric/quantiles.js';
import { wilsonInterval } from '../numeric/wilson.js';
import { isIndicator } from '../statistics/registry.js';
import type { SweepPlan } from './file.js';
import { runKey } from './points.js';

export const exact = (x: number) => (Number.isFinite(x) ? String(x) : '');
const rounded = (x: number) => (Number.isFinite(x) ? String(roundToSignificant(x, 10)) : '');

/** One output at one point over its replicates: the shape the sweep charts read (charts/inputs). */
export type PointSummary = SweepPointSummary;

export function runsCsv(plan: SweepPlan, points: readonly (readonly number[])[], results: readonly (readonly number[])[]): string {
  const header = ['run', 'point', 'replicate', 'seed', ...plan.factors.map((f) => f.name), ...plan.outputs.map((o) => o.name)];
  const lines = [header.map(csvField).join(',')];
  for (let run = 0; run < plan.runs; run++) {
    const key = runKey(plan, run);
    lines.push([run, key.point, key.replicate, key.seed, ...points[key.point]!.map(exact), ...results[run]!.map(exact)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Summaries by output, then point, over the point's replicates (values without a number left out). */
export function pointSummaries(plan: SweepPlan, results: readonly (readonly number[])[]): PointSummary[][] {
  return plan.outputs.map((o, k) => {
    const out: PointSummary[] = [];
    for (let p = 0; p < plan.points; p++) {
      const values: number[] = [];
      for (let r = 0; r < plan.replicates; r++) {
        const x = results[p * plan.replicates + r]![k]!;
        if (Number.isFinite(x)) values.push(x);
      }
      out.push(summarize(values, isIndicator(o)));
    }
    return out;
  });
}

/** Moments and quantiles of the values; for an indicator (values 0 or 1), the Wilson 95 % interval of its mean. */
export function summarize(values: readonly number[], indicator = false): PointSummary {
  const n = values.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, p5: NaN, p50: NaN, p95: NaN, low95: NaN, high95: NaN };
  const centre = mean(values);
  const sd = n > 1 ? sampleStandardDeviation(values, centre) : NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const ci = indicator ? wilsonInterval(values.reduce((k, x) => k + x, 0), n) : { low: NaN, high: NaN };
  return { n, mean: centre, sd, p5: quantile(sorted, 0.05), p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), low95: ci.low, high95: ci.high };
}

export function pointsCsv(plan: SweepPlan, points: readonly (readonly number[])[], summaries: readonly PointSummary[][]): string {
  const header = ['point', ...plan.factors.map((f) => f.name), 'output', 'n', 'mean', 'sd', 'p5', 'p50', 'p95', 'low95', 'high95'];
  const lines = [header.map(csvField).join(',')];
  for (let p = 0; p < plan.points; p++) {
    plan.outputs.forEach((o, k) => {
      const s = summaries[k]![p]!;
      lines.push([p, ...points[p]!.map(exact), csvField(o.name), s.n, rounded(s.mean), rounded(s.sd), rounded(s.p5), rounded(s.p50), rounded(s.p95), rounded(s.low95 ?? NaN), rounded(s.high95 ?? NaN)].join(','));
    });
  }
  return `${lines.join('\n')}\n`;
}
