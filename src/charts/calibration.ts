/**
 * The charts of a calibration (`hotbed calibrate`): posterior against prior,
 * tolerance by generation, posterior predictive of the world total, and the fit by
 * region and country. Returns the files (charts/<name>.vl.json, .svg, .png); the
 * calibrator writes them with its other outputs. A chart that fails rejects the
 * whole set (no half set of charts).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CalibrationChartInputs } from '../calibration/chart-inputs.js';
import { reportMessages } from './captions.js';
import { assertInertSvg } from './html.js';
import { renderPngAsync, renderSvg } from './render.js';
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
export async function calibrationCharts(inputs: CalibrationChartInputs): Promise<Record<string, string | Uint8Array>> {
  const drawn: { name: string; spec: TopLevelSpec; svg: string; png: Promise<Uint8Array> }[] = [];
  for (const chart of calibrationChartList) {
    try {
      const spec = chart.spec(inputs);
      if (!spec) continue;
      const svg = await renderSvg(spec);
      assertInertSvg(svg, chart.name);
      const png = renderPngAsync(svg).catch((err: unknown) => Promise.reject(failure(chart.name, err)));
      png.catch(() => undefined); // awaited below; keeps an early rejection from going unhandled
      drawn.push({ name: chart.name, spec, svg, png });
    } catch (err) {
      throw failure(chart.name, err);
    }
  }
  const files: Record<string, string | Uint8Array> = {};
  for (const c of drawn) {
    files[`charts/${c.name}.vl.json`] = `${JSON.stringify(c.spec, null, 2)}\n`;
    files[`charts/${c.name}.svg`] = c.svg;
    files[`charts/${c.name}.png`] = await c.png;
  }
  return files;
}

const failure = (name: string, err: unknown) =>
  err instanceof Error && err.message.startsWith(`chart "${name}"`) ? err : new Error(reportMessages.chartFailed(name, err instanceof Error ? err.message : String(err)), { cause: err });
