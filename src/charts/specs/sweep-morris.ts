/**
 * Sweep chart (Morris): μ* against σ, one labelled dot per factor, for one output.
 * Factors far to the right drive the output; factors high up act non-linearly or
 * through interactions; factors near the origin can be fixed. The horizontal line
 * through each dot is μ*'s 90 % bootstrap interval, and the dashed diagonal is
 * σ = μ*.
 */
import type { MorrisIndex } from '../../sweep/design/morris.js';
import { outputLabel, isShare, type SweepChartInputs } from '../../sweep/chart-inputs.js';
import { type TopLevelSpec, INK, MUTED, frame } from './common.js';

const COLOUR = '#0072B2';

export const morrisTitle = (inputs: SweepChartInputs, output: number) => `What drives it: ${outputLabel(inputs.outputs[output]!)}`;

export function sweepMorrisSpec(inputs: SweepChartInputs, output: number): TopLevelSpec | undefined {
  const o = inputs.outputs[output]!;
  const a = inputs.analysis?.outputs.find((x) => x.output === o.name);
  if (!a || 'skipped' in a || a.method !== 'morris') return undefined;
  const indices = a.indices as MorrisIndex[];
  const values = indices.map((i) => ({ factor: i.factor, muStar: i.muStar, low: i.muStarLow, high: i.muStarHigh, sigma: i.sigma, mu: i.mu }));
  const max = Math.max(...values.flatMap((v) => [v.high, v.sigma, v.muStar]).filter(Number.isFinite), 1e-12) * 1.08;
  const axis = isShare(o) ? { format: '.2~f' } : { format: ',~g' };
  const x = { field: 'muStar', type: 'quantitative' as const, title: 'μ*: mean absolute effect over the factor\'s range', scale: { domain: [0, max], nice: false }, axis };
  const y = { field: 'sigma', type: 'quantitative' as const, title: 'σ: spread of the effects', scale: { domain: [0, max], nice: false }, axis };
  return {
    ...frame(morrisTitle(inputs, output), [
      `Morris screening of ${inputs.factors.length} factors: ${inputs.designSize ?? '?'} trajectories, mean of ${inputs.replicates} replicate${inputs.replicates === 1 ? '' : 's'} per point.`,
      'Right: the factor moves the output; up: its effect depends on where the others are (non-linear or interacting).',
      'Line through a dot: 90% bootstrap interval of μ*. Dashed: σ = μ*.',
    ]),
    width: 520,
    height: 400,
    layer: [
      { data: { values: [{ a: 0, b: 0 }, { a: max, b: max }] }, mark: { type: 'line', color: MUTED, strokeDash: [4, 4], strokeWidth: 1 }, encoding: { x: { field: 'a', type: 'quantitative', scale: x.scale }, y: { field: 'b', type: 'quantitative', scale: y.scale } } },
      { data: { values }, mark: { type: 'rule', color: COLOUR, strokeWidth: 2, opacity: 0.6 }, encoding: { x: { field: 'low', type: 'quantitative', scale: x.scale }, x2: { field: 'high' }, y } },
      { data: { values }, mark: { type: 'point', filled: true, color: COLOUR, size: 70, opacity: 1 }, encoding: { x, y, tooltip: [{ field: 'factor' }, { field: 'muStar', format: '.4~g' }, { field: 'mu', format: '.4~g' }, { field: 'sigma', format: '.4~g' }] } },
      { data: { values }, mark: { type: 'text', color: INK, align: 'left', baseline: 'bottom', dx: 5, dy: -3, fontSize: 12 }, encoding: { x, y, text: { field: 'factor' } } },
    ],
  } as TopLevelSpec;
}
