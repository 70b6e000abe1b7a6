/**
 * What the sweep charts draw, as plain data: the design's points, each output's
 * summary per point, and the analysis. Built from the same values as the tables,
 * so a chart never shows a number the tables do not hold.
 */
import type { AnalysisMethod, OutputAnalysis, SweepAnalysis } from './analysis.js';
import type { DesignKind, OutputSpec, SweepFactor, SweepPlan } from './file.js';
import type { PointSummary } from './tables.js';

export interface SweepChartInputs {
  title: string;
  design: DesignKind;
  /** Trajectories (Morris) or base samples (Sobol), for captions. */
  designSize?: number;
  factors: SweepFactor[];
  outputs: OutputSpec[];
  replicates: number;
  /** Factor values per point. */
  points: number[][];
  /** By output, then point. */
  summaries: PointSummary[][];
  analysis?: SweepAnalysis;
}

export function sweepChartInputs(plan: SweepPlan, points: number[][], summaries: PointSummary[][], analysis: SweepAnalysis | undefined): SweepChartInputs {
  const d = plan.design;
  return {
    title: plan.title || plan.scenarioTitle,
    design: d.kind,
    ...(d.kind === 'morris' ? { designSize: d.trajectories } : d.kind === 'sobol' || d.kind === 'latin-hypercube' ? { designSize: d.samples } : {}),
    factors: plan.factors,
    outputs: plan.outputs,
    replicates: plan.replicates,
    points,
    summaries,
    ...(analysis ? { analysis } : {}),
  };
}

const MEASURE_WORDS: Record<string, string> = {
  travelled: 'Travelled (people, cumulative)',
  abroad: 'Abroad (people)',
  returned: 'Returned (people, cumulative)',
  dead: 'Died abroad (people, cumulative)',
  intercepted: 'Intercepted (people, cumulative)',
  mobilized: 'Mobilized (people)',
  sympathizers: 'Sympathizers (people)',
  recruited_media: 'Recruited by media (people)',
  recruited_peer: 'Recruited by peers (people)',
  recruited_group: 'Joined a group (people)',
  removed: 'Removed (people)',
  returned_share: 'Share of travellers returned',
  peer_share: 'Share recruited by peers',
  countries_represented: 'Countries with a traveller',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/** "Travelled (people, cumulative), World, 1 Dec 2015". */
export function outputLabel(o: OutputSpec): string {
  return `${MEASURE_WORDS[o.measure] ?? o.measure}, ${o.place}, ${day(o.date)}`;
}

/** The measure alone, for an axis title. */
export const measureLabel = (o: OutputSpec) => MEASURE_WORDS[o.measure] ?? o.measure;

export const isShare = (o: OutputSpec) => o.measure === 'returned_share' || o.measure === 'peer_share';

type Analysed<M extends AnalysisMethod> = Extract<OutputAnalysis, { method: M; indices: unknown }>;

/** Output `output`'s analysis by `method`, or undefined when it was not analysed that way (or was skipped). */
export function analysisOf<M extends AnalysisMethod>(inputs: SweepChartInputs, output: number, method: M): Analysed<M> | undefined {
  const name = inputs.outputs[output]!.name;
  const a = inputs.analysis?.outputs.find((x) => x.output === name);
  return a && !('skipped' in a) && a.method === method ? (a as Analysed<M>) : undefined;
}

