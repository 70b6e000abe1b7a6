/**
 * The sweep charts' inputs (src/charts/inputs/sweep.ts): the design's points,
 * each output's summary per point, and the analysis, from the same values as the
 * tables, so a chart never shows a number the tables do not hold.
 */
import type { SweepChartInputs } from '../charts/inputs.js';
import type { SweepAnalysis } from './analysis.js';
import type { SweepPlan } from './file.js';
import type { PointSummary } from './tables.js';
import { indicatorWords, isIndicator } from '../statistics/registry.js';

export function sweepChartInputs(plan: SweepPlan, points: number[][], summaries: PointSummary[][], analysis: SweepAnalysis | undefined): SweepChartInputs {
  const d = plan.design;
  return {
    title: plan.title || plan.scenarioTitle,
    design: d.kind,
    ...(d.kind === 'morris' ? { designSize: d.trajectories } : d.kind === 'sobol' || d.kind === 'latin-hypercube' ? { designSize: d.samples } : {}),
    factors: plan.factors.map((f) => ({ name: f.name, low: f.low, high: f.high, scale: f.scale, ...(f.values ? { values: f.values } : {}) })),
    outputs: plan.outputs.map((o) => ({
      name: o.name, measure: o.measure, level: o.level, place: o.place, date: o.date,
      ...(isIndicator(o) ? { indicator: indicatorWords(o) } : {}),
      ...(o.given ? { given: o.given.name } : {}),
    })),
    replicates: plan.replicates,
    points,
    summaries,
    ...(analysis ? { analysis } : {}),
    ...(plan.references?.length ? { references: plan.references } : {}),
    ...(plan.chartTitles === false ? { chartTitles: false } : {}),
  };
}
