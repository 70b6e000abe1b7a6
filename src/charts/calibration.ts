/**
 * The charts of a calibration (`hotbed calibrate`): posterior against prior,
 * tolerance by generation, posterior predictive of the world total, and the fit by
 * region and country. Returns the files (charts/<name>.vl.json, .svg, .png); the
 * calibrator writes them with its other outputs. A chart that fails rejects the
 * whole set (no half set of charts).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CalibrationChartInputs } from './inputs.js';
import { drawChartFiles } from './chart-files.js';
import { titlesInImages } from './titles.js';
import { fitSpec, fitTitle } from './specs/calibration-fit.js';
import { posteriorSpec, posteriorTitle } from './specs/calibration-posterior.js';
import { predictiveSpec, predictiveTitle } from './specs/calibration-predictive.js';
import { toleranceSpec, toleranceTitle } from './specs/calibration-tolerance.js';

export interface CalibrationChart {
  /** File stem: charts/<name>.vl.json, .svg, .png. */
  name: string;
  title: string;
  /** The spec with its data, or undefined when there is nothing to draw. */
  spec: (inputs: CalibrationChartInputs) => TopLevelSpec | undefined;
}

export const calibrationChartList: readonly CalibrationChart[] = [
  { name: 'posterior', title: posteriorTitle, spec: posteriorSpec },
  { name: 'tolerance', title: toleranceTitle, spec: toleranceSpec },
  { name: 'predictive', title: predictiveTitle, spec: predictiveSpec },
  { name: 'fit', title: fitTitle, spec: fitSpec },
];

/** The chart files of a calibration, by path relative to its output folder. Same inputs, same bytes. */
export function calibrationCharts(inputs: CalibrationChartInputs): Promise<Record<string, string | Uint8Array>> {
  return drawChartFiles(calibrationChartList.map((chart) => ({ name: chart.name, spec: () => chart.spec(inputs) })), { titles: titlesInImages(inputs) });
}
