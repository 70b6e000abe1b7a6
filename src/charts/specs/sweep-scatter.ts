/**
 * Sweep chart (Latin hypercube, also drawn for any design without its own): the
 * output at each point (mean over replicates) against each factor, one panel per
 * factor. A clear trend in a panel is a factor that matters; a cloud without
 * shape is one that does not, over the ranges swept. A factor's reference ranges are
 * shaded in its panel.
 */
import type { SweepChartInputs } from '../inputs.js';
import { measureLabel, outputLabel, isShare } from '../sweep-labels.js';
import { type TopLevelSpec, type View, fitAxisTitle, frame } from './common.js';
import { referenceLayers } from './sweep-references.js';

const COLOUR = '#0072B2';
const HEIGHT = 160;

export const scatterTitle = (inputs: SweepChartInputs, output: number) => `Against each factor: ${outputLabel(inputs.outputs[output]!)}`;

export function sweepScatterSpec(inputs: SweepChartInputs, output: number): TopLevelSpec | undefined {
  const o = inputs.outputs[output]!;
  const summaries = inputs.summaries[output]!;
  const share = isShare(o);
  // One y scale for every panel, so that the panels compare.
  const means = summaries.map((s) => s.mean).filter(Number.isFinite);
  const yScale = means.length ? { domain: [Math.min(...means), Math.max(...means)], zero: false, nice: true } : { zero: false };
  const views: View[] = inputs.factors.map((f, j) => {
    const x = { field: 'x', type: 'quantitative', title: f.name, scale: f.scale === 'log' ? { type: 'log', nice: false } : { type: 'linear', zero: false, nice: false }, axis: { tickCount: 4, format: '~g' } };
    const dots = {
      mark: { type: 'point', filled: true, color: COLOUR, size: 18, opacity: 0.55 },
      encoding: {
        x,
        y: { field: 'mean', type: 'quantitative', title: j % 3 === 0 ? fitAxisTitle(measureLabel(o), HEIGHT) : null, scale: yScale, axis: { format: share ? '.2f' : ',~r' } },
      },
    };
    const references = referenceLayers(inputs, f, x);
    return {
      width: 200,
      height: HEIGHT,
      data: { values: inputs.points.map((p, i) => ({ x: p[j], mean: summaries[i]!.mean })).filter((v) => Number.isFinite(v.mean)) },
      ...(references.length ? { layer: [...references, dots] } : dots),
    } as View;
  });
  return {
    ...frame(scatterTitle(inputs, output), [
      `${inputs.points.length} points${inputs.design === 'latin-hypercube' ? ' (Latin hypercube)' : ''}, each the mean of ${inputs.replicates} replicate${inputs.replicates === 1 ? '' : 's'}, against each factor in turn.`,
    ]),
    columns: 3,
    concat: views,
  } as TopLevelSpec;
}
