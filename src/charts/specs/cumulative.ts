/**
 * Chart 1: cumulative travellers (world) over time, per scenario: median line, 50 %
 * and 90 % bands, the world target band at its date, and the start value.
 */
import type { Field, PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { ReportInputs } from '../inputs.js';
import { people, range } from '../format.js';
import {
  type Layer,
  type TopLevelSpec,
  INK,
  MUTED,
  PLOT_WIDTH,
  TARGET_GREY,
  bandLabel,
  frame,
  isoDay,
  monthYear,
  peopleAxis,
  scenarioColour,
  scenarioScale,
  scenarioColourEncoding,
  shortMonthYear,
  timeX,
  unique,
  utcMs,
} from './common.js';
import { eventKeyLines, pathTargetLines } from '../path-labels.js';
import { eventLayer, eventMarkers, eventsWithin, halos } from './events.js';
import { besideWorldTarget, pathTargetLayer } from './path-targets.js';

const HEIGHT = 340;
/** Subtitle lines may run a little past the plot, under the y axis's labels. */
const SUBTITLE_WIDTH = PLOT_WIDTH + 60;

export const cumulativeTitle = 'Cumulative travellers, world';

/** The reference scenario's median at the start date (or at its first date), if any. */
export function startValue(inputs: ReportInputs): { date: string; value: number } | undefined {
  const rows = inputs.cumulative.filter((r) => r.scenario === inputs.meta.reference);
  const pool = rows.length > 0 ? rows : inputs.cumulative;
  if (pool.length === 0) return undefined;
  const start = utcMs(inputs.startDate);
  const exact = pool.find((r) => utcMs(r.date) === start);
  const first = exact ?? pool.reduce((a, b) => (utcMs(b.date) < utcMs(a.date) ? b : a));
  return { date: first.date, value: first.median };
}

export function cumulativeSpec(inputs: ReportInputs): TopLevelSpec | undefined {
  if (inputs.cumulative.length === 0) return undefined;
  const scenarios = unique(inputs.cumulative.map((r) => r.scenario));
  const colour = { ...scenarioScale(inputs, scenarios) };
  const values = inputs.cumulative.map((r) => ({
    scenario: r.scenario,
    date: isoDay(r.date),
    median: r.median,
    p5: r.p5,
    p25: r.p25,
    p75: r.p75,
    p95: r.p95,
  }));
  const x = timeX(inputs, 'date', { end: inputs.worldTarget?.date });
  const colourEncoding = scenarioColourEncoding(colour, { orient: 'top-left', fillColor: 'rgba(255,255,255,0.9)', strokeColor: '#dddddd', padding: 8, symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 3 } as const);

  const layers: Layer[] = [
    {
      mark: { type: 'area', opacity: 0.14, aria: false },
      encoding: { x, y: { field: 'p5', type: 'quantitative' }, y2: { field: 'p95' }, color: colourEncoding },
    },
    {
      mark: { type: 'area', opacity: 0.28, aria: false },
      encoding: { x, y: { field: 'p25', type: 'quantitative' }, y2: { field: 'p75' }, color: colourEncoding },
    },
    {
      mark: { type: 'line', strokeWidth: 2.2 },
      encoding: {
        x,
        y: { field: 'median', type: 'quantitative', title: 'Travelled, cumulative (people)', axis: peopleAxis },
        color: colourEncoding,
      },
    },
  ];

  const domain = { start: inputs.startDate, end: inputs.worldTarget && inputs.worldTarget.date > inputs.endDate ? inputs.worldTarget.date : inputs.endDate };
  const events = eventsWithin(inputs.events, domain);
  const target = inputs.worldTarget;
  if (target) {
    layers.push(
      {
        data: { values: [{ date: isoDay(target.date), low: target.low, high: target.high, value: target.value, label: worldTargetLabel(target) }] },
        layer: [
          { mark: { type: 'rule', strokeWidth: 12, strokeCap: 'butt', color: TARGET_GREY, opacity: 0.45 }, encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } },
          { mark: { type: 'tick', orient: 'horizontal', size: 16, thickness: 2, color: INK }, encoding: { x, y: { field: 'value', type: 'quantitative' } } },
          ...halos(events.length > 0).map((halo): Layer => ({
            mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -4, dy: -6, fontSize: 12, color: INK, ...halo },
            encoding: { x, y: { field: 'high', type: 'quantitative' }, text: { field: 'label' } },
          })),
        ],
      },
    );
  }

  const published = besideWorldTarget(inputs.pathTargets, inputs.worldTarget);
  if (published.points.length > 0) layers.push(pathTargetLayer(published.points, x));

  if (events.length > 0) {
    const colourOf = scenarioColour(inputs, colour.domain);
    // Under the data: the rules are context, the series and targets read over them.
    layers.unshift(eventLayer(eventMarkers(events, domain, PLOT_WIDTH, (e) => (e.scenarios ? colourOf(e.scenarios[0]!) : MUTED)), x, HEIGHT));
  }

  const start = startValue(inputs);
  if (start) {
    const top = Math.max(...values.map((v) => v.p95), target?.high ?? 0, ...published.points.map((p) => p.high));
    layers.push(startLayer(start, x, top, events.length > 0));
  }

  return {
    ...frame(cumulativeTitle, [
      `People who have travelled (abroad, returned or dead), ${monthYear(inputs.startDate)} to ${monthYear(inputs.endDate)}.`,
      `Line: median of ${bandLabel(inputs.meta.replicates)}; dark band: middle 50%; light band: middle 90%.`,
      ...pathTargetLines(published.points, SUBTITLE_WIDTH, published.points.length > 0 ? published.bar : undefined),
      ...eventKeyLines(events, SUBTITLE_WIDTH),
    ]),
    width: PLOT_WIDTH,
    height: HEIGHT,
    data: { values },
    layer: layers,
  };
}

export const worldTargetLabel = (t: { date: string; low: number; high: number }): string =>
  `Target ${range(t.low, t.high)} (${shortMonthYear(t.date)})`;

export const startLabel = (date: string, value: number): string => `Start, ${shortMonthYear(date)}: ${people(value)}`;

/**
 * The start as a dot with its label. The label sits below and to the right of the dot,
 * or above it when the start is near the bottom of the plot (a town that starts with a
 * few travellers), where below it would run into the time axis.
 */
export function startLayer(start: { date: string; value: number }, x: PositionFieldDef<Field>, top: number, underRules: boolean): Layer {
  const above = start.value < START_NEAR_BOTTOM * top;
  return {
    data: { values: [{ date: isoDay(start.date), value: start.value, label: startLabel(start.date, start.value) }] },
    layer: [
      { mark: { type: 'point', filled: true, size: 60, color: INK, opacity: 1 }, encoding: { x, y: { field: 'value', type: 'quantitative' } } },
      ...halos(underRules).map((halo): Layer => ({
        mark: { type: 'text', align: 'left', baseline: above ? 'bottom' : 'top', dx: 6, dy: above ? -8 : 8, fontSize: 12, color: INK, ...halo },
        encoding: { x, y: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
      })),
    ],
  };
}

/** Below this share of the plot's highest value, the start's label goes above its dot. */
const START_NEAR_BOTTOM = 0.15;
