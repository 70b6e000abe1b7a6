/**
 * Sweep chart (Latin hypercube): each factor's partial rank correlation with one output,
 * with its 90 % bootstrap interval, and the plain Spearman correlation beside it, on a
 * fixed −1…1 axis with a zero line.
 */
import type { SweepChartInputs } from '../inputs.js';
import { analysisOf, outputLabel } from '../sweep-labels.js';
import { type TopLevelSpec, INK, MUTED, frame } from './common.js';

const PRCC_KINDS = ['PRCC, with its 90% interval', 'Spearman (other factors not taken out)'];
const PRCC_COLOURS = ['#0072B2', '#D55E00'];

export const prccTitle = (inputs: SweepChartInputs, output: number) => `Partial rank correlation per factor: ${outputLabel(inputs.outputs[output]!)}`;

/**
 * Sweep chart (Latin hypercube): each factor's partial rank correlation with one
 * output, a dot with its 90 % bootstrap interval on a fixed −1…1 axis with the
 * zero line, so that outputs and experiments compare at a glance; the plain
 * Spearman correlation beside it shows what taking the other factors out
 * changed. Factors in the experiment's order, like the Sobol bars. A factor
 * whose PRCC is undefined is named on the zero line rather than left out.
 * Undefined when the output was not analysed (too few points).
 */
export function sweepPrccSpec(inputs: SweepChartInputs, output: number): TopLevelSpec | undefined {
  const a = analysisOf(inputs, output, 'prcc');
  if (!a) return undefined;
  const indices = a.indices;
  const order = inputs.factors.map((f) => f.name);
  const dots = indices.flatMap((i) => [
    { factor: i.factor, kind: PRCC_KINDS[0], value: i.prcc, low: i.prccLow, high: i.prccHigh, p: i.pValue },
    { factor: i.factor, kind: PRCC_KINDS[1], value: i.spearman },
  ]).filter((d) => Number.isFinite(d.value));
  const intervals = indices.filter((i) => Number.isFinite(i.prccLow) && Number.isFinite(i.prccHigh)).map((i) => ({ factor: i.factor, low: i.prccLow, high: i.prccHigh }));
  const undefinedOnes = indices.filter((i) => !Number.isFinite(i.prcc)).map((i) => ({ factor: i.factor, x: 0, text: 'PRCC undefined (see analysis.json)' }));
  const y = { field: 'factor', type: 'nominal' as const, title: null, sort: order, scale: { domain: order }, axis: { labelLimit: 220 } };
  const xScale = { domain: [-1, 1], nice: false };
  const replicates = `${inputs.replicates} replicate${inputs.replicates === 1 ? '' : 's'}`;
  const dropped = a.dropped > 0 ? `; ${a.dropped} point${a.dropped === 1 ? '' : 's'} without a value left out` : '';
  return {
    ...frame(prccTitle(inputs, output), [
      `Partial rank correlation (PRCC) over ${a.points} Latin hypercube points, mean of ${replicates} per point${dropped}.`,
      'Right of zero: the output rises with the factor once the other factors are taken out; left: it falls.',
      'Line: 90% bootstrap interval. Near zero: no monotone effect over the ranges swept (see the scatter chart).',
    ]),
    width: 520,
    height: { step: 34 },
    layer: [
      { data: { values: [{ x: 0 }] }, mark: { type: 'rule', color: MUTED, strokeWidth: 1 }, encoding: { x: { field: 'x', type: 'quantitative', scale: xScale } } },
      {
        data: { values: intervals },
        mark: { type: 'rule', color: PRCC_COLOURS[0], strokeWidth: 3, opacity: 0.45 },
        encoding: { y, x: { field: 'low', type: 'quantitative', scale: xScale }, x2: { field: 'high' } },
      },
      {
        data: { values: dots },
        mark: { type: 'point', filled: true, opacity: 1, size: 80 },
        encoding: {
          y,
          x: { field: 'value', type: 'quantitative', title: 'Rank correlation with the output', scale: xScale, axis: { format: '.1f', tickCount: 9 } },
          color: { field: 'kind', type: 'nominal', title: null, sort: PRCC_KINDS, scale: { domain: PRCC_KINDS, range: PRCC_COLOURS }, legend: { orient: 'bottom', direction: 'horizontal' } },
          shape: { field: 'kind', type: 'nominal', sort: PRCC_KINDS, scale: { domain: PRCC_KINDS, range: ['circle', 'diamond'] } },
          size: { field: 'kind', type: 'nominal', sort: PRCC_KINDS, scale: { domain: PRCC_KINDS, range: [90, 45] } },
          tooltip: [{ field: 'factor' }, { field: 'kind' }, { field: 'value', format: '.3f' }, { field: 'low', format: '.3f' }, { field: 'high', format: '.3f' }, { field: 'p', format: '.2g' }],
        },
      },
      ...(undefinedOnes.length ? [{
        data: { values: undefinedOnes },
        mark: { type: 'text', color: INK, align: 'left', dx: 6, fontSize: 12, fontStyle: 'italic' },
        encoding: { y, x: { field: 'x', type: 'quantitative', scale: xScale }, text: { field: 'text' } },
      }] : []),
    ],
  } as TopLevelSpec;
}
