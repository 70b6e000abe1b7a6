/**
 * What the charts are drawn from: plain, already-aggregated data, one family per
 * file in inputs/ (the report of a run or comparison, a sweep, a calibration).
 * This is the one place where the data side and the chart side meet: the data
 * side builds these, the specs read them, and neither imports the other's
 * internals. Nothing in inputs/ imports from outside src/charts/.
 */
export type { Band, HotbedWindow, RecruitPreparation, ReportInputs, ScenarioMeta, StatisticSeries, TargetBand } from './inputs/report.js';
export type {
  SweepAnalysisMethod, SweepChartAnalysis, SweepChartFactor, SweepChartInputs, SweepChartOutput, SweepChartReference,
  SweepDesignKind, SweepMorrisIndex, SweepOutputAnalysis, SweepPointSummary, SweepPrccIndex, SweepSobolIndex,
} from './inputs/sweep.js';
export type { FlowTarget, HistoryEvent, PathTarget } from './inputs/path.js';
export type { CalibrationChartInputs, CalibrationParameter, WeightedBand } from './inputs/calibration.js';
