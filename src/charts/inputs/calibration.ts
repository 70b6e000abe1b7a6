/**
 * What the calibration charts are drawn from: plain data taken from a finished
 * calibration by src/calibration/chart-inputs.ts (the last generation's weighted
 * particles, the generations' schedule, the posterior-predictive trace, the fit
 * per target). The priors come as curves already evaluated, so the charts need
 * none of the calibrator's distributions.
 */

import type { FlowTarget, HistoryEvent, PathTarget } from './path.js';

/** Where a number sits across the weighted particles of the last generation. */
export interface WeightedBand {
  median: number;
  p5: number;
  p25: number;
  p75: number;
  p95: number;
}

/** One calibrated parameter: its posterior panel, with the prior drawn over it. */
export interface CalibrationParameter {
  name: string;
  path: string;
  /** 'log' for a log-uniform prior, which is flat per decade on a log axis. */
  scale: 'linear' | 'log';
  /** The panel's x range: the prior's bounds (the central 99.8 % of an unbounded normal), widened to the particles. */
  range: [low: number, high: number];
  /** The prior's density per unit of the value at evenly spaced points from low to high (evenly in log10 on a log scale). */
  priorCurve: { x: number; density: number }[];
  median: number;
  p5: number;
  p95: number;
  /** The last generation's particles with their weights. */
  samples: { value: number; weight: number }[];
}

export interface CalibrationChartInputs {
  title: string;
  /** false: the images carry no title; it moves to the caption and the images' descriptions (the scenario's `output.chartTitles`). Absent: titled. */
  chartTitles?: boolean;
  /** Scenario start ('YYYY-MM-DD'): the first date of the trace, drawn as the start. */
  startDate: string;
  /** Last date of the trace (the scenario's end). */
  endDate: string;
  /** Date the targets refer to (e.g. '2015-12-01'). */
  targetDate: string;
  /** Particles per generation. */
  population: number;
  /** 1. Per parameter: the prior, the posterior summary, and the last generation's particles with their weights. */
  parameters: CalibrationParameter[];
  /** 2. Per generation: tolerance (null for generation 0: every prior draw accepted), acceptance rate (0–1), ESS. */
  generations: { generation: number; tolerance: number | null; acceptanceRate: number; ess: number }[];
  /** 3. World travellers on the first of each month over the last generation's accepted simulations (weighted). */
  trace: ({ date: string } & WeightedBand)[];
  /** The world target band, if the calibration has one. */
  worldTarget?: { date: string; low: number; high: number; value: number };
  /** The calibration's targets of the world's travellers on dates of the trace (dated targets and further files). */
  pathTargets?: PathTarget[];
  /** The calibration's world flow targets (not drawn: the trace is cumulative; kept for a flow chart). */
  flowTargets?: FlowTarget[];
  /** The scenario's labelled interventions, drawn as numbered rules. */
  events?: HistoryEvent[];
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
