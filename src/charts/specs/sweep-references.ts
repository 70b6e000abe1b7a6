/**
 * Reference ranges on the sweep charts drawn against a factor's values: a published
 * range of the factor (an analytic window, a range estimated elsewhere), shaded across
 * the plot with its label, so that what the runs gave reads against what was published.
 */
import type { SweepChartFactor, SweepChartInputs, SweepChartReference } from '../inputs.js';
import { MUTED, TARGET_GREY, type Layer } from './common.js';

/** Pixels between the lines of labels above a plot. */
export const LINE_HEIGHT = 15;

/**
 * The references of a factor, clipped to the range swept: a range reaching past it would
 * stretch the axis beyond the results. The experiment file refuses one wholly outside.
 */
export function referencesOf(inputs: SweepChartInputs, factor: SweepChartFactor): SweepChartReference[] {
  return (inputs.references ?? [])
    .filter((r) => r.factor === factor.name && r.to >= factor.low && r.from <= factor.high)
    .map((r) => ({ ...r, from: Math.max(r.from, factor.low), to: Math.min(r.to, factor.high) }));
}

/**
 * Layers to put beneath a chart's own: each range shaded over the plot's height (a line
 * where from = to), its label just above the plot, one line per reference: inside the plot
 * the label would cross the data wherever they run high. `x` is the chart's own x encoding,
 * so that the layers share its scale and axis.
 */
export function referenceLayers(inputs: SweepChartInputs, factor: SweepChartFactor, x: Record<string, unknown>): Layer[] {
  const refs = referencesOf(inputs, factor);
  if (refs.length === 0) return [];
  const position = (v: number) => (factor.scale === 'log' ? Math.log(v) : v);
  const mid = (position(factor.low) + position(factor.high)) / 2;
  const values = refs.map((r, i) => {
    // A label starts at the range's left edge, or ends at its right edge when the range lies in the right half, so that it stays inside the plot.
    const right = (position(r.from) + position(r.to)) / 2 > mid;
    return { ...r, at: right ? r.to : r.from, align: right ? 'right' : 'left', y: -4 - LINE_HEIGHT * i };
  });
  const ranges = values.filter((r) => r.from < r.to);
  const lines = values.filter((r) => r.from === r.to);
  const on = (field: string) => ({ ...x, field });
  return [
    ...(ranges.length ? [{ data: { values: ranges }, mark: { type: 'rect', color: TARGET_GREY, opacity: 0.18 }, encoding: { x: on('from'), x2: { field: 'to' } } }] : []),
    ...(lines.length ? [{ data: { values: lines }, mark: { type: 'rule', color: TARGET_GREY, strokeWidth: 1.5, strokeDash: [4, 3] }, encoding: { x: on('from') } }] : []),
    ...values.map((r) => ({
      data: { values: [r] },
      mark: { type: 'text', color: MUTED, fontSize: 11, baseline: 'bottom', align: r.align, y: r.y },
      encoding: { x: on('at'), text: { field: 'label' } },
    })),
  ] as Layer[];
}
