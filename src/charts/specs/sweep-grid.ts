/**
 * Sweep chart (grid): the output's mean over replicates across the grid.
 * Two factors: a heat map, one cell per combination, labelled with its value.
 * One factor: a line through the means with the 5–95 % band of the replicates.
 * More factors: a panel per factor, the mean over every other factor at each of its
 * values (its main effect), so that each factor's pull reads on its own.
 */
import { mean } from '../../numeric/moments.js';
import type { SweepChartInputs } from '../inputs.js';
import { measureLabel, outputLabel, isShare } from '../sweep-labels.js';
import { type TopLevelSpec, type View, frame } from './common.js';

const COLOUR = '#0072B2';

export const gridTitle = (inputs: SweepChartInputs, output: number) => `Across the grid: ${outputLabel(inputs.outputs[output]!)}`;

const fmt = (share: boolean) => (share ? '.2~f' : ',.4~r');

export function sweepGridSpec(inputs: SweepChartInputs, output: number): TopLevelSpec | undefined {
  const o = inputs.outputs[output]!;
  const summaries = inputs.summaries[output]!;
  const k = inputs.factors.length;
  const share = isShare(o);
  const reps = `mean of ${inputs.replicates} replicate${inputs.replicates === 1 ? '' : 's'}`;
  if (k === 2) {
    const [fx, fy] = inputs.factors as [typeof inputs.factors[0], typeof inputs.factors[0]];
    const values = inputs.points.map((p, i) => ({ x: p[0], y: p[1], mean: summaries[i]!.mean }));
    const means = values.map((v) => v.mean).filter(Number.isFinite);
    const mid = means.length ? (Math.min(...means) + Math.max(...means)) / 2 : 0;
    const x = { field: 'x', type: 'ordinal' as const, title: fx.name, sort: fx.values, axis: { labelAngle: 0 } };
    const y = { field: 'y', type: 'ordinal' as const, title: fy.name, sort: [...(fy.values ?? [])].reverse() };
    return {
      ...frame(gridTitle(inputs, output), [`${measureLabel(o)} at each combination of ${fx.name} and ${fy.name}, ${reps}.`]),
      width: Math.min(640, Math.max(320, 80 * (fx.values?.length ?? 1))),
      height: Math.min(480, Math.max(160, 36 * (fy.values?.length ?? 1))),
      data: { values },
      layer: [
        { mark: { type: 'rect' }, encoding: { x, y, color: { field: 'mean', type: 'quantitative', title: measureLabel(o), scale: { scheme: 'viridis' }, legend: { format: share ? '.2f' : ',.0f', titleLimit: 300, orient: 'right' } } } },
        {
          mark: { type: 'text', fontSize: 11 },
          encoding: {
            x, y, text: { field: 'mean', type: 'quantitative', format: share ? '.2f' : ',.0f' },
            // Light text on the dark end of viridis, dark on the light end.
            color: { condition: { test: `datum.mean < ${mid}`, value: 'white' }, value: 'black' },
          },
        },
      ],
    } as TopLevelSpec;
  }
  if (k === 1) {
    const f = inputs.factors[0]!;
    const values = inputs.points.map((p, i) => ({ x: p[0], ...summaries[i]! }));
    const x = { field: 'x', type: 'quantitative' as const, title: f.name, scale: f.scale === 'log' ? { type: 'log', nice: false } : { type: 'linear', zero: false, nice: false }, axis: { values: f.values, format: '~g' } };
    const yAxis = { format: fmt(share) };
    return {
      ...frame(gridTitle(inputs, output), [`${reps.charAt(0).toUpperCase()}${reps.slice(1)} at each value of ${f.name}; band: 5–95% of the replicates.`]),
      width: 520,
      height: 320,
      data: { values },
      layer: [
        { mark: { type: 'area', color: COLOUR, opacity: 0.2 }, encoding: { x, y: { field: 'p5', type: 'quantitative', title: measureLabel(o), axis: yAxis }, y2: { field: 'p95' } } },
        { mark: { type: 'line', color: COLOUR, strokeWidth: 2, point: { filled: true, size: 40, color: COLOUR } }, encoding: { x, y: { field: 'mean', type: 'quantitative' } } },
      ],
    } as TopLevelSpec;
  }
  // More factors: main effects, one panel per factor, on one y scale so that the panels compare.
  const all = summaries.map((s) => s.mean).filter(Number.isFinite);
  const yScale = all.length ? { domain: [Math.min(...all), Math.max(...all)], zero: false, nice: true } : { zero: false };
  const views: View[] = inputs.factors.map((f, j) => {
    const byValue = new Map<number, number[]>();
    inputs.points.forEach((p, i) => {
      const m = summaries[i]!.mean;
      if (Number.isFinite(m)) byValue.set(p[j]!, [...(byValue.get(p[j]!) ?? []), m]);
    });
    const values = [...byValue].sort((a, b) => a[0] - b[0]).map(([x, ms]) => ({ x, mean: mean(ms) }));
    return {
      width: 200,
      height: 160,
      data: { values },
      mark: { type: 'line', color: COLOUR, strokeWidth: 2, point: { filled: true, size: 40, color: COLOUR } },
      encoding: {
        x: { field: 'x', type: 'quantitative', title: f.name, scale: f.scale === 'log' ? { type: 'log', nice: false } : { type: 'linear', zero: false, nice: false }, axis: { values: f.values, format: '~g' } },
        y: { field: 'mean', type: 'quantitative', title: j % 3 === 0 ? measureLabel(o) : null, scale: yScale, axis: { format: fmt(share) } },
      },
    } as View;
  });
  return {
    ...frame(gridTitle(inputs, output), [`Main effects: at each value of a factor, the ${reps} averaged over every other factor's values.`]),
    columns: 3,
    concat: views,
  } as TopLevelSpec;
}
