/**
 * The charts of a sweep, by design: grid → heat map or line panel, Latin
 * hypercube → output against each factor, Morris → μ*–σ, Sobol → first-order
 * and total indices. One chart per output: charts/<kind>-<output>.vl.json, .svg,
 * .png (the specs are in src/charts/specs/sweep-*.ts, drawn by the project's
 * render pipeline). A chart that fails rejects the whole set, so a folder never
 * holds half its charts; the caller writes the tables all the same.
 */
import type { TopLevelSpec } from 'vega-lite';
import { reportMessages } from '../charts/captions.js';
import { assertInertSvg } from '../charts/html.js';
import { renderPngAsync, renderSvg } from '../charts/render.js';
import { sweepGridSpec } from '../charts/specs/sweep-grid.js';
import { sweepMorrisSpec } from '../charts/specs/sweep-morris.js';
import { sweepScatterSpec } from '../charts/specs/sweep-scatter.js';
import { sweepSobolSpec } from '../charts/specs/sweep-sobol.js';
import type { SweepChartInputs } from './chart-inputs.js';

type Spec = (inputs: SweepChartInputs, output: number) => TopLevelSpec | undefined;

const byDesign: Record<SweepChartInputs['design'], { prefix: string; spec: Spec }> = {
  grid: { prefix: 'grid', spec: sweepGridSpec },
  'latin-hypercube': { prefix: 'scatter', spec: sweepScatterSpec },
  morris: { prefix: 'morris', spec: sweepMorrisSpec },
  sobol: { prefix: 'sobol', spec: sweepSobolSpec },
};

/** The chart files, by path relative to the output folder. Same inputs, same bytes. */
export async function sweepCharts(inputs: SweepChartInputs): Promise<Record<string, string | Uint8Array>> {
  const { prefix, spec } = byDesign[inputs.design];
  const drawn: { name: string; spec: TopLevelSpec; svg: string; png: Promise<Uint8Array> }[] = [];
  for (let k = 0; k < inputs.outputs.length; k++) {
    const name = `${prefix}-${inputs.outputs[k]!.name}`;
    try {
      const s = spec(inputs, k);
      if (!s) continue;
      const svg = await renderSvg(s);
      assertInertSvg(svg, name);
      const png = renderPngAsync(svg).catch((err: unknown) => Promise.reject(failure(name, err)));
      png.catch(() => undefined); // awaited below; keeps an early rejection from going unhandled
      drawn.push({ name, spec: s, svg, png });
    } catch (err) {
      throw failure(name, err);
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
