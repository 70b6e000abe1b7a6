/**
 * Published figures on a time chart: estimates of the world total as points with
 * their bands as error bars (cumulative charts), and monthly flows as boxes over
 * their periods with a line at their value (the flow chart). Each carries a tooltip
 * with its name, value, band and source.
 */
import type { Field, PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { FlowTarget, PathTarget } from '../inputs.js';
import { flowTargetText, targetTooltip } from '../path-labels.js';
import { type Layer, INK, TARGET_GREY, isoDay } from './common.js';

const tooltip = [
  { field: 'label', title: 'Target' },
  { field: 'valueText', title: 'Value' },
  { field: 'band', title: 'Band' },
  { field: 'source', title: 'Source' },
];

const withTooltip = (t: PathTarget | FlowTarget) => {
  const { value, ...text } = targetTooltip(t);
  return { ...text, valueText: value };
};

/** Points with error bars; `x` is the chart's time axis. */
export function pathTargetLayer(points: readonly PathTarget[], x: PositionFieldDef<Field>): Layer {
  const xDate = { ...x, field: 'date' };
  return {
    data: { values: points.map((p) => ({ date: isoDay(p.date), value: p.value, low: p.low, high: p.high, ...withTooltip(p) })) },
    layer: [
      { mark: { type: 'rule', strokeWidth: 1.6, color: INK }, encoding: { x: xDate, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, tooltip } },
      ...(['low', 'high'] as const).map((end): Layer => ({
        mark: { type: 'tick', orient: 'horizontal', size: 9, thickness: 1.6, color: INK, aria: false },
        encoding: { x: xDate, y: { field: end, type: 'quantitative' } },
      })),
      { mark: { type: 'point', shape: 'circle', filled: true, size: 46, color: INK, stroke: 'white', strokeWidth: 1, opacity: 1 }, encoding: { x: xDate, y: { field: 'value', type: 'quantitative' }, tooltip } },
    ],
  };
}

/** Boxes from `from` to `date` over the band, a line at the value, and a short label at the box's top left. */
export function flowTargetLayer(flows: readonly FlowTarget[], x: PositionFieldDef<Field>): Layer {
  // The time scale is the chart's (layers share it): restating its domain on a mark with x2
  // makes Vega-Lite merge a datetime and a numeric form of one domain, with a warning.
  const { scale: _shared, ...xOwn } = x;
  const xFrom = { ...xOwn, field: 'from' };
  return {
    data: { values: flows.map((f) => ({ from: isoDay(f.from), date: isoDay(f.date), value: f.value, low: f.low, high: f.high, text: flowTargetText(f), ...withTooltip(f) })) },
    layer: [
      { mark: { type: 'rect', color: TARGET_GREY, opacity: 0.22 }, encoding: { x: xFrom, x2: { field: 'date' }, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, tooltip } },
      { mark: { type: 'rule', color: INK, strokeWidth: 1.6, strokeDash: [2, 2] }, encoding: { x: xFrom, x2: { field: 'date' }, y: { field: 'value', type: 'quantitative' }, tooltip } },
      // The label twice: a white halo under the ink, so that it reads over rules and grid.
      ...[{ stroke: 'white', strokeWidth: 3 }, {}].map((halo): Layer => ({
        mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, dy: -3, fontSize: 11.5, color: INK, ...halo },
        encoding: { x: xFrom, y: { field: 'high', type: 'quantitative' }, text: { field: 'text' } },
      })),
    ],
  };
}

/**
 * The published points apart from the one the chart already draws as its target bar
 * (the main targets file's world figure: same date and band), so that it is not drawn twice.
 */
export function besideWorldTarget(points: readonly PathTarget[] | undefined, bar: { date: string; low: number; high: number } | undefined): { points: PathTarget[]; bar?: PathTarget } {
  const all = points ?? [];
  const same = bar ? all.find((p) => isoDay(p.date) === isoDay(bar.date) && p.low === bar.low && p.high === bar.high) : undefined;
  return { points: all.filter((p) => p !== same), ...(same ? { bar: same } : {}) };
}
