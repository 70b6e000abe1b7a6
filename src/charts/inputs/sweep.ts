/**
 * What the sweep charts are drawn from: the design's points, each output's
 * summary per point, and the sensitivity analysis, built by the sweep
 * (src/sweep/chart-inputs.ts) from the same values as its tables, so a chart never
 * shows a number the tables do not hold. Only the fields the charts read; the
 * sweep's own plan and analysis types are assignable to these.
 */

export type SweepDesignKind = 'grid' | 'latin-hypercube' | 'morris' | 'sobol';

export interface SweepChartFactor {
  name: string;
  /** The range swept (grid: its smallest and largest value). */
  low: number;
  high: number;
  /** 'log': sampled uniformly in log space, so drawn on a log axis. */
  scale: 'linear' | 'log';
  /** The values a grid takes, in order. */
  values?: number[];
}

export interface SweepChartOutput {
  /** Unique among the outputs; names the chart files. */
  name: string;
  /** A measure of series.csv, or a derived one (returned_share, peer_share, countries_represented). */
  measure: string;
  level: 'world' | 'region' | 'country' | 'community';
  /** 'World' for the world. */
  place: string;
  /** Day of the value ('YYYY-MM-DD'). */
  date: string;
  /** An indicator (1 or 0 in each run): its level in words, "at least 0.1". Its mean over runs is a probability. */
  indicator?: string;
  /** A conditional output: the name of the indicator it is read under (no value in the runs where that is 0). */
  given?: string;
}

/** A published range of a factor (e.g. an analytic window), shaded on every chart drawn against that factor. */
export interface SweepChartReference {
  factor: string;
  /** from < to: a shaded range; from = to: a line. */
  from: number;
  to: number;
  label: string;
}

/** One output at one point, over its replicates. The grid's line chart carries every field into its data. */
export interface SweepPointSummary {
  n: number;
  mean: number;
  sd: number;
  p5: number;
  p50: number;
  p95: number;
  /** An indicator's mean is a probability: its Wilson 95 % interval (absent or NaN for other outputs). */
  low95?: number;
  high95?: number;
}

export type SweepAnalysisMethod = 'morris' | 'sobol' | 'prcc';

export interface SweepMorrisIndex {
  factor: string;
  mu: number;
  muStar: number;
  sigma: number;
  /** 90 % bootstrap interval of μ*. */
  muStarLow: number;
  muStarHigh: number;
}

export interface SweepSobolIndex {
  factor: string;
  first: number;
  /** 90 % bootstrap intervals. */
  firstLow: number;
  firstHigh: number;
  total: number;
  totalLow: number;
  totalHigh: number;
}

export interface SweepPrccIndex {
  factor: string;
  /** In [−1, 1]; NaN when undefined. */
  prcc: number;
  /** 90 % bootstrap interval of prcc. */
  prccLow: number;
  prccHigh: number;
  pValue: number;
  /** Not adjusted for the other factors. */
  spearman: number;
}

export type SweepOutputAnalysis =
  | { output: string; method: 'morris'; indices: SweepMorrisIndex[] }
  | { output: string; method: 'sobol'; indices: SweepSobolIndex[] }
  | { output: string; method: 'prcc'; /** Points analysed, and points left out for want of a value. */ points: number; dropped: number; indices: SweepPrccIndex[] }
  /** Not analysed (e.g. a share of nothing at some point); no chart. */
  | { output: string; method: SweepAnalysisMethod; skipped: string };

export interface SweepChartAnalysis {
  outputs: SweepOutputAnalysis[];
}

export interface SweepChartInputs {
  title: string;
  /** false: the images carry no title; it moves to the caption and the images' descriptions (the scenario's `output.chartTitles`). Absent: titled. */
  chartTitles?: boolean;
  design: SweepDesignKind;
  /** Trajectories (Morris) or samples (Sobol, Latin hypercube), for captions. */
  designSize?: number;
  factors: SweepChartFactor[];
  outputs: SweepChartOutput[];
  replicates: number;
  /** Factor values per point. */
  points: number[][];
  /** By output, then point. */
  summaries: SweepPointSummary[][];
  analysis?: SweepChartAnalysis;
  /** Reference ranges of the factors (the experiment's `references`). */
  references?: SweepChartReference[];
}
