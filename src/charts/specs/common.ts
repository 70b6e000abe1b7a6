/**
 * What every chart shares: the font, the look (config), the scenario palette, and
 * the date helpers. Everything here is pure and deterministic: no clock, no locale,
 * no time zone (all dates are UTC calendar dates).
 */
import type { Config, TopLevelSpec } from 'vega-lite';
import type { Field, PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec, NonNormalizedSpec, UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { ReportInputs } from '../inputs.js';
import { textWidth } from '../text-metrics.js';

export type { TopLevelSpec };
/** One layer of a layered chart. */
export type Layer = LayerSpec<Field> | UnitSpec<Field>;
/** One view of a concatenated chart. */
export type View = NonNormalizedSpec;

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * The font of every chart. DejaVu Sans is shipped with the project (dejavu-fonts-ttf)
 * and given to resvg, so the PNG does not depend on the machine; the fallbacks serve
 * an SVG opened on a machine without DejaVu (Verdana has close metrics).
 */
export const FONT_FAMILY = 'DejaVu Sans';
export const FONT = `${FONT_FAMILY}, Verdana, sans-serif`;

/** Plot width (inside the axes) of full-width charts; with axes and padding the image is ~680 px. */
export const PLOT_WIDTH = 580;

/**
 * Okabe & Ito's colour-blind-safe palette, in the order scenarios take it (the
 * reference first). Yellow (#F0E442) is left out: it is unreadable on white.
 */
export const SCENARIO_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

/** Channels: direct contact in blues (peer dark, group light), media in orange. */
export const CHANNEL_COLOURS = { media: '#E69F00', peer: '#0072B2', group: '#56B4E9' } as const;
export const CHANNEL_ORDER = ['media', 'peer', 'group'] as const;

export const INK = '#222222';
export const MUTED = '#555555';
export const TARGET_GREY = '#9a9a9a';

export const baseConfig: Config = {
  font: FONT,
  background: 'white',
  padding: 12,
  view: { stroke: null },
  title: {
    anchor: 'start',
    fontSize: 17,
    fontWeight: 'bold',
    color: INK,
    subtitleFontSize: 12.5,
    subtitleColor: MUTED,
    subtitlePadding: 4,
    offset: 14,
  },
  axis: {
    labelFontSize: 12,
    labelColor: '#333333',
    titleFontSize: 13,
    titleFontWeight: 'normal',
    titleColor: INK,
    gridColor: '#e8e8e8',
    domainColor: '#888888',
    tickColor: '#888888',
    labelOverlap: true,
  },
  legend: {
    labelFontSize: 12,
    titleFontSize: 13,
    titleFontWeight: 'normal',
    labelColor: '#333333',
    titleColor: INK,
    labelLimit: 260,
    symbolStrokeWidth: 2,
  },
  header: { labelFontSize: 13, titleFontSize: 13, labelColor: INK },
  concat: { spacing: 24 },
};

/** Scenario names, reference first, then the order of meta.scenarios, then any others seen in `extra`. */
export function scenarioOrder(inputs: ReportInputs, extra: readonly string[] = []): string[] {
  const order: string[] = [];
  const add = (name: string) => {
    if (!order.includes(name)) order.push(name);
  };
  if (inputs.meta.reference) add(inputs.meta.reference);
  for (const s of inputs.meta.scenarios) add(s.name);
  for (const name of extra) add(name);
  return order;
}

/** Colour of each scenario, fixed by its place in `scenarioOrder`, so a scenario has one colour in every chart. */
export function scenarioColour(inputs: ReportInputs, extra: readonly string[] = []): (name: string) => string {
  const order = scenarioOrder(inputs, extra);
  return (name) => SCENARIO_COLOURS[Math.max(0, order.indexOf(name)) % SCENARIO_COLOURS.length]!;
}

/** A colour scale for the given scenarios (in reference-first order) that keeps their global colours. */
export function scenarioScale(inputs: ReportInputs, present: readonly string[]): { domain: string[]; range: string[] } {
  const order = scenarioOrder(inputs, present).filter((s) => present.includes(s));
  const colour = scenarioColour(inputs, present);
  return { domain: order, range: order.map(colour) };
}

/** The colour channel by scenario, with its global colours and a legend of the caller's style. */
export function scenarioColourEncoding<L extends object>(colour: { domain: string[]; range: string[] }, legend: L) {
  return { field: 'scenario', type: 'nominal', title: 'Scenario', scale: colour, sort: colour.domain, legend } as const;
}

export const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

// ---------------------------------------------------------------------------------------
// Dates. Inputs hold ISO calendar dates ('2015-12-01') and months ('2015-12' or
// '2015-12-01'); specs hold normalized 'YYYY-MM-DD' strings (read as UTC by Vega) and
// axis tick values as UTC milliseconds.
// ---------------------------------------------------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

export function parseDate(text: string): CalendarDate {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(text);
  if (!m) throw new Error(`not an ISO date: ${JSON.stringify(text)}`);
  return { year: Number(m[1]), month: Number(m[2]), day: m[3] ? Number(m[3]) : 1 };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'YYYY-MM-DD' for a date or a month (a month becomes its first day). */
export function isoDay(text: string): string {
  const d = parseDate(text);
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function utcMs(text: string): number {
  const d = parseDate(text);
  return Date.UTC(d.year, d.month - 1, d.day);
}

/** The month's name; parseDate reads any two digits, and month 13 is no date to draw. */
function monthName(d: CalendarDate): string {
  const name = MONTHS[d.month - 1];
  if (name === undefined) throw new Error(`not an ISO date: month ${d.month}`);
  return name;
}

/** "June 2014". */
export function monthYear(text: string): string {
  const d = parseDate(text);
  return `${monthName(d)} ${d.year}`;
}

/** "Jun 2014". */
export function shortMonthYear(text: string): string {
  const d = parseDate(text);
  return `${monthName(d).slice(0, 3)} ${d.year}`;
}

/** "1 Jun 2014". */
export function shortDate(text: string): string {
  return `${parseDate(text).day} ${shortMonthYear(text)}`;
}

/** "1 June 2014". */
export function longDate(text: string): string {
  const d = parseDate(text);
  return `${d.day} ${monthYear(text)}`;
}

/**
 * Axis tick values (UTC ms) on the first of the month, from the start month (or the
 * next one when the start is not the 1st) to the end, every 1, 2, 3, 4, 6 or 12
 * months so that there are at most `maxTicks`; the start's month is always a tick.
 */
export function monthTicks(start: string, end: string, maxTicks = 7): number[] {
  const s = parseDate(start);
  const e = parseDate(end);
  let y = s.year;
  let m = s.month;
  if (s.day > 1) {
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  const months = (e.year - y) * 12 + (e.month - m);
  if (months < 0) return [];
  const step = [1, 2, 3, 4, 6, 12, 24].find((k) => Math.floor(months / k) + 1 <= maxTicks) ?? 24;
  const ticks: number[] = [];
  for (let k = 0; k <= months; k += step) ticks.push(Date.UTC(y, m - 1 + k, 1));
  return ticks;
}

/**
 * A temporal x channel on a UTC scale with month-year labels, over the report's period,
 * widened to `start` / `end` when they fall outside it (a target after the end date, a
 * partial month at either end).
 */
export function timeX(inputs: Pick<ReportInputs, 'startDate' | 'endDate'>, field: string, options: { title?: string; start?: string; end?: string; maxTicks?: number } = {}): PositionFieldDef<Field> {
  const start = options.start !== undefined && utcMs(options.start) < utcMs(inputs.startDate) ? options.start : inputs.startDate;
  const end = options.end !== undefined && utcMs(options.end) > utcMs(inputs.endDate) ? options.end : inputs.endDate;
  return {
    field,
    type: 'temporal',
    title: options.title ?? 'Month',
    scale: { type: 'utc', domain: [utcMs(start), utcMs(end)] },
    axis: { format: '%b %Y', values: monthTicks(start, end, options.maxTicks), labelAngle: 0, labelFlush: false, grid: true },
  };
}

/** The first day of the first month and the first day after the last month ('YYYY-MM-DD'), for monthly series. */
export function monthSpan(months: readonly string[]): { start: string; end: string } | undefined {
  if (months.length === 0) return undefined;
  const sorted = months.map((m) => isoDay(m).slice(0, 7)).sort();
  const last = parseDate(sorted[sorted.length - 1]!);
  const after = new Date(Date.UTC(last.year, last.month, 1)).toISOString().slice(0, 10);
  return { start: `${sorted[0]}-01`, end: after };
}

/**
 * An axis title that fits along `room` pixels (a vertical title along its plot's
 * height): the title as it is when it fits, else two lines (the unit in parentheses on
 * the second, or split at the space nearest the middle), so that it does not run past
 * the plot into the labels of the axis below.
 */
export function fitAxisTitle(title: string, room: number): string | string[] {
  const size = Number(baseConfig.axis?.titleFontSize ?? 13);
  if (textWidth(title, size) <= room) return title;
  const spaces = [...title.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length === 0) return title;
  // the unit in parentheses on a line of its own when both lines fit; else halves
  const unit = title.lastIndexOf(' (');
  if (unit > 0 && textWidth(title.slice(0, unit), size) <= room && textWidth(title.slice(unit + 1), size) <= room) return [title.slice(0, unit), title.slice(unit + 1)];
  const middle = title.length / 2;
  const at = spaces.reduce((best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best));
  return [title.slice(0, at), title.slice(at + 1)];
}

/** A quantitative axis of people, with thousands separators. */
export const peopleAxis = { format: ',d', formatType: 'number' } as const;

/** The standard top-level frame of a chart: schema, title, config, background. */
export function frame(title: string, subtitle: string | string[]): Pick<TopLevelSpec, '$schema' | 'title' | 'config' | 'background'> {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, subtitle },
    config: baseConfig,
    background: 'white',
  };
}

export function bandLabel(replicates: number): string {
  return replicates === 1 ? 'one replicate' : `${replicates} replicates`;
}
