/**
 * The scenario's events on a time chart: a thin vertical rule at each start date,
 * topped by its number above the plot (numbers set in rows so that they never
 * overlap); the numbers are keyed in the subtitle (path-labels.ts).
 */
import type { Field, PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { HistoryEvent } from '../inputs.js';
import { type Layer, MUTED, utcMs } from './common.js';
import { placeLabels } from './label-rows.js';
import { eventGroups } from '../path-labels.js';

const NUMBER_FONT_SIZE = 11;
const ROW_HEIGHT = 14;
/** Pixels between the plot's top and the lowest row of numbers. */
const FIRST_ROW = 8;
const numberWidth = (n: number) => String(n).length * NUMBER_FONT_SIZE * 0.65 + 4;

/** Events inside [start, end], by date: numbered in this order, one number per intervention (path-labels.ts, eventGroups). */
export function eventsWithin(events: readonly HistoryEvent[] | undefined, domain: { start: string; end: string }): HistoryEvent[] {
  const a = utcMs(domain.start);
  const b = utcMs(domain.end);
  return (events ?? []).filter((e) => utcMs(e.date) >= a && utcMs(e.date) <= b).sort((x, y) => utcMs(x.date) - utcMs(y.date));
}

export interface EventMarker {
  date: string;
  number: string;
  row: number;
  align: 'left' | 'right';
  colour: string;
}

/** Where each event's number sits: rows above the plot and the side of its rule. */
export function eventMarkers(events: readonly HistoryEvent[], domain: { start: string; end: string }, width: number, colourOf: (e: HistoryEvent) => string = () => MUTED): EventMarker[] {
  const a = utcMs(domain.start);
  const span = Math.max(1, utcMs(domain.end) - a);
  const { numbers } = eventGroups(events);
  const items = events.map((e, i) => ({ x: ((utcMs(e.date) - a) / span) * width, width: numberWidth(numbers[i]!) }));
  // Past placeLabels' limit of 8, three rows in turn: numbers are narrow, rarely more than three share a few pixels.
  const placed = placeLabels(items, width, events.length) ?? items.map((_, i) => ({ row: i % 3, align: 'left' as const }));
  return events.map((e, i) => ({ date: e.date, number: String(numbers[i]!), colour: colourOf(e), ...placed[i]! }));
}

/** Top of the marker's rule and the middle of its number, in pixels from the plot's top (negative: above it). */
const markerTop = (row: number) => -(FIRST_ROW + ROW_HEIGHT * row);

/** The rules and their numbers, on the chart's time axis `x`, for a plot `height` pixels high. */
export function eventLayer(markers: readonly EventMarker[], x: PositionFieldDef<Field>, height: number): Layer {
  const xRule = { ...x, field: 'date' };
  const top = { field: 'top', type: 'quantitative', scale: null } as const;
  const ink = { field: 'colour', type: 'nominal', scale: null } as const;
  return {
    data: { values: markers.map((m) => ({ ...m, top: markerTop(m.row) })) },
    layer: [
      { mark: { type: 'rule', strokeWidth: 1, opacity: 0.8, aria: false }, encoding: { x: xRule, y: top, y2: { value: height }, color: ink } },
      ...(['left', 'right'] as const).map(
        (align): Layer => ({
          transform: [{ filter: { field: 'align', equal: align } }],
          mark: { type: 'text', align, baseline: 'middle', dx: align === 'left' ? 3 : -3, fontSize: NUMBER_FONT_SIZE, fontWeight: 'bold' },
          encoding: { x: xRule, y: top, text: { field: 'number' }, color: ink },
        }),
      ),
    ],
  };
}

/**
 * A text label's marks over event rules: twice, a white halo under the ink, so that it
 * reads where a rule crosses it; once without rules (the chart as it was before events).
 */
export function halos(underRules: boolean): { stroke?: string; strokeWidth?: number }[] {
  return underRules ? [{ stroke: 'white', strokeWidth: 3 }, {}] : [{}];
}
