/**
 * The charts of a sweep, by design: grid → heat map or line panel, Latin
 * hypercube → output against each factor and the PRCC per factor, Morris → μ*–σ,
 * Sobol → first-order and total indices. One chart of each kind per output:
 * charts/<kind>-<output>.vl.json, .svg, .png (the specs are in
 * src/charts/specs/sweep-*.ts; all drawn by the project's render pipeline). A chart that fails rejects the whole set, so a folder never
 * holds half its charts; the caller writes the tables all the same.
 */
import type { TopLevelSpec } from 'vega-lite';
import { drawChartFiles } from '../charts/chart-files.js';
import { sweepGridSpec } from '../charts/specs/sweep-grid.js';
import { sweepMorrisSpec } from '../charts/specs/sweep-morris.js';
import { sweepPrccSpec } from '../charts/specs/sweep-prcc.js';
import { sweepScatterSpec } from '../charts/specs/sweep-scatter.js';
import { sweepSobolSpec } from '../charts/specs/sweep-sobol.js';
import type { SweepChartInputs } from './chart-inputs.js';

type Spec = (inputs: SweepChartInputs, output: number) => TopLevelSpec | undefined;

const byDesign: Record<SweepChartInputs['design'], { prefix: string; spec: Spec }[]> = {
  grid: [{ prefix: 'grid', spec: sweepGridSpec }],
  'latin-hypercube': [{ prefix: 'scatter', spec: sweepScatterSpec }, { prefix: 'prcc', spec: sweepPrccSpec }],
  morris: [{ prefix: 'morris', spec: sweepMorrisSpec }],
  sobol: [{ prefix: 'sobol', spec: sweepSobolSpec }],
};

/** The chart files, by path relative to the output folder. Same inputs, same bytes. */
export function sweepCharts(inputs: SweepChartInputs): Promise<Record<string, string | Uint8Array>> {
  return drawChartFiles(byDesign[inputs.design].flatMap(({ prefix, spec }) =>
    inputs.outputs.map((output, k) => ({ name: `${prefix}-${output.name}`, spec: () => spec(inputs, k) }))));
}
