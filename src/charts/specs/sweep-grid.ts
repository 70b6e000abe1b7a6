/**
 * Sweep chart (grid): the output's mean over replicates across the grid.
 * Two factors: a heat map, one cell per combination, labelled with its value.
 * One factor: a line through the means with the 5–95 % band of the replicates (an
 * indicator: the probability with its Wilson 95 % interval), over the factor's reference
 * ranges.
 * More factors: a panel per factor, the mean over every other factor at each of its
 * values (its main effect), so that each factor's pull reads on its own.
 */
import { mean } from '../../numeric/moments.js';
import type { SweepChartInputs, SweepChartOutput } from '../inputs.js';
import { indicatorDefinition, measureLabel, nameWords, outputLabel, isShare } from '../sweep-labels.js';
import { MUTED, type Layer, type TopLevelSpec, type View, frame } from './common.js';
import { LINE_HEIGHT, referenceLayers, referencesOf } from './sweep-references.js';

const COLOUR = '#0072B2';

export const gridTitle = (inputs: SweepChartInputs, output: number) => `Across the grid: ${outputLabel(inputs.outputs[output]!)}`;

const fmt = (share: boolean) => (share ? '.2~f' : ',.4~r');

/**
 * What the line and band of one factor are. An indicator is 0 or 1 in each run, so the 5–95 %
 * of its replicates says nothing: its mean is a probability, banded by its Wilson 95 % interval.
 * A conditional output rests on the runs where its condition held, a number that varies along
 * the axis: the chart prints it.
 */
function bandOf(o: SweepChartOutput, replicates: number, factor: string): { subtitle: string[]; low: 'p5' | 'low95'; high: 'p95' | 'high95' } {
  const runs = `${replicates} run${replicates === 1 ? '' : 's'}`;
  if (o.indicator !== undefined) {
    return { subtitle: [indicatorDefinition({ ...o, indicator: o.indicator }), `Share of the ${runs} with it at each value of ${factor}; band: its Wilson 95% interval.`], low: 'low95', high: 'high95' };
  }
  if (o.given !== undefined) {
    return { subtitle: [`Mean over the runs with ${nameWords(o.given)} alone, at each value of ${factor}: how many of the ${replicates} above each point.`, 'Band: 5–95% of those runs.'], low: 'p5', high: 'p95' };
  }
  return { subtitle: [`Mean of ${replicates} replicate${replicates === 1 ? '' : 's'} at each value of ${factor}; band: 5–95% of the replicates.`], low: 'p5', high: 'p95' };
}

/** The runs a conditional mean rests on, in a row above the plot (and above its reference labels), over each point. */
const runCounts = (x: Record<string, unknown>, referenceLines: number): Layer => ({
  mark: { type: 'text', color: MUTED, fontSize: 10, baseline: 'bottom', y: -4 - LINE_HEIGHT * referenceLines },
  encoding: { x, text: { field: 'n', type: 'quantitative' } },
}) as Layer;

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
    const band = bandOf(o, inputs.replicates, f.name);
    // A probability is drawn on its whole range, so that 0 and 1 read as such.
    const yScale = o.indicator !== undefined ? { domain: [0, 1] } : {};
    return {
      ...frame(gridTitle(inputs, output), band.subtitle),
      width: 520,
      height: 320,
      data: { values },
      layer: [
        ...referenceLayers(inputs, f, x),
        { mark: { type: 'area', color: COLOUR, opacity: 0.2 }, encoding: { x, y: { field: band.low, type: 'quantitative', title: measureLabel(o), axis: yAxis, scale: yScale }, y2: { field: band.high } } },
        { mark: { type: 'line', color: COLOUR, strokeWidth: 2, point: { filled: true, size: 40, color: COLOUR } }, encoding: { x, y: { field: 'mean', type: 'quantitative' } } },
        ...(o.given !== undefined ? [runCounts(x, referencesOf(inputs, f).length)] : []),
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
    const x = { field: 'x', type: 'quantitative', title: f.name, scale: f.scale === 'log' ? { type: 'log', nice: false } : { type: 'linear', zero: false, nice: false }, axis: { values: f.values, format: '~g' } };
    const line = {
      mark: { type: 'line', color: COLOUR, strokeWidth: 2, point: { filled: true, size: 40, color: COLOUR } },
      encoding: { x, y: { field: 'mean', type: 'quantitative', title: j % 3 === 0 ? measureLabel(o) : null, scale: yScale, axis: { format: fmt(share) } } },
    };
    const references = referenceLayers(inputs, f, x);
    return { width: 200, height: 160, data: { values }, ...(references.length ? { layer: [...references, line] } : line) } as View;
  });
  return {
    ...frame(gridTitle(inputs, output), [`Main effects: at each value of a factor, the ${reps} averaged over every other factor's values.`]),
    columns: 3,
    concat: views,
  } as TopLevelSpec;
}
