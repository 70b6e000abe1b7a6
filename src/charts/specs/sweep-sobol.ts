/**
 * Sweep chart (Sobol): each factor's first-order and total index for one output,
 * side by side with their 90 % bootstrap intervals as whiskers. First-order: the
 * share of the output's variance the factor explains alone; total: including its
 * interactions; the gap between them is the interactions' part.
 */
import type { SweepChartInputs } from '../inputs.js';
import { analysisOf, outputLabel } from '../sweep-labels.js';
import { type TopLevelSpec, INK, frame } from './common.js';

const KINDS = ['First-order', 'Total'];
const COLOURS = ['#0072B2', '#E69F00'];

export const sobolTitle = (inputs: SweepChartInputs, output: number) => `Share of variance: ${outputLabel(inputs.outputs[output]!)}`;

export function sweepSobolSpec(inputs: SweepChartInputs, output: number): TopLevelSpec | undefined {
  const a = analysisOf(inputs, output, 'sobol');
  if (!a) return undefined;
  const indices = a.indices;
  const order = inputs.factors.map((f) => f.name);
  const values = indices.flatMap((i) => [
    { factor: i.factor, kind: KINDS[0], value: i.first, low: i.firstLow, high: i.firstHigh },
    { factor: i.factor, kind: KINDS[1], value: i.total, low: i.totalLow, high: i.totalHigh },
  ]);
  const lo = Math.min(0, ...values.map((v) => v.low).filter(Number.isFinite));
  const hi = Math.max(1, ...values.map((v) => v.high).filter(Number.isFinite));
  const y = { field: 'factor', type: 'nominal' as const, title: null, sort: order, axis: { labelLimit: 220 } };
  const yOffset = { field: 'kind', type: 'nominal' as const, sort: KINDS };
  // rounded out, so that no whisker ends on the plot's edge
  const xScale = { domain: [lo, hi], nice: true };
  return {
    ...frame(sobolTitle(inputs, output), [
      `Sobol indices (Saltelli sampling, N = ${inputs.designSize ?? '?'}), mean of ${inputs.replicates} replicate${inputs.replicates === 1 ? '' : 's'} per point.`,
      'First-order: the factor alone; total: with its interactions. Whiskers: 90% bootstrap intervals.',
    ]),
    width: 520,
    height: { step: 18 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.9 } },
        encoding: {
          y, yOffset,
          x: { field: 'value', type: 'quantitative', title: 'Sobol index (share of variance)', scale: xScale, axis: { format: '.1f' } },
          color: { field: 'kind', type: 'nominal', title: null, sort: KINDS, scale: { domain: KINDS, range: COLOURS }, legend: { orient: 'bottom', direction: 'horizontal' } },
        },
      },
      { mark: { type: 'rule', color: INK, strokeWidth: 1.5 }, encoding: { y, yOffset, x: { field: 'low', type: 'quantitative', scale: xScale }, x2: { field: 'high' } } },
    ],
  } as TopLevelSpec;
}
