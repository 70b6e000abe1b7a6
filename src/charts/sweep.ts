/**
 * The charts of a sweep (`hotbed sweep`, `hotbed merge`), by design: grid → heat
 * map or line panel, Latin hypercube → output against each factor and the PRCC
 * per factor, Morris → μ*–σ, Sobol → first-order and total indices. One chart of
 * each kind per output: charts/<kind>-<output>.vl.json, .svg, .png. Returns the
 * files; the sweep writes them with its tables. A chart that fails rejects the
 * whole set, so a folder never holds half its charts; the caller writes the
 * tables all the same.
 */
import type { TopLevelSpec } from 'vega-lite';
import { drawChartFiles } from './chart-files.js';
import { titlesInImages } from './titles.js';
import type { SweepChartInputs, SweepDesignKind } from './inputs.js';
import { sweepGridSpec } from './specs/sweep-grid.js';
import { sweepMorrisSpec } from './specs/sweep-morris.js';
import { sweepPrccSpec } from './specs/sweep-prcc.js';
import { sweepScatterSpec } from './specs/sweep-scatter.js';
import { sweepSobolSpec } from './specs/sweep-sobol.js';

export interface SweepChart {
  /** File stem before the output's name: charts/<prefix>-<output>.vl.json, .svg, .png. */
  prefix: string;
  /** The spec of output `output` with its data, or undefined when there is nothing to draw. */
  spec: (inputs: SweepChartInputs, output: number) => TopLevelSpec | undefined;
}

export const sweepChartsByDesign: Readonly<Record<SweepDesignKind, readonly SweepChart[]>> = {
  grid: [{ prefix: 'grid', spec: sweepGridSpec }],
  'latin-hypercube': [{ prefix: 'scatter', spec: sweepScatterSpec }, { prefix: 'prcc', spec: sweepPrccSpec }],
  morris: [{ prefix: 'morris', spec: sweepMorrisSpec }],
  sobol: [{ prefix: 'sobol', spec: sweepSobolSpec }],
};

/** The chart files of a sweep, by path relative to its output folder. Same inputs, same bytes. */
export function sweepCharts(inputs: SweepChartInputs): Promise<Record<string, string | Uint8Array>> {
  return drawChartFiles(sweepChartsByDesign[inputs.design].flatMap(({ prefix, spec }) =>
    inputs.outputs.map((output, k) => ({ name: `${prefix}-${output.name}`, spec: () => spec(inputs, k) }))), { titles: titlesInImages(inputs) });
}
