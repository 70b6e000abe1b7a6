/**
 * The small tables of key numbers under charts 1–3: one row per date or place, one
 * column per scenario, each cell "median (5th–95th percentile)". Plain text cells
 * (the HTML page escapes them), whole people with thousands separators.
 */
import type { Band, ReportInputs } from './inputs.js';
import { people, range } from './format.js';
import { tableCaptions } from './captions.js';
import { isoDay, parseDate, scenarioOrder, shortDate, unique, utcMs } from './specs/common.js';

export interface Table {
  caption: string;
  columns: string[];
  /** Columns holding numbers (right-aligned). */
  numeric: boolean[];
  /** Rows, in groups with an optional heading row each (e.g. "Regions", "Countries"). */
  groups: { label?: string; rows: string[][] }[];
}

/** "28,900 (27,370–30,430)": the median and the middle 90 %. */
export const bandCell = (b: Band | undefined): string => (b ? `${people(b.median)} (${range(b.p5, b.p95)})` : '–');

const targetCell = (t: { low: number; high: number; value: number } | undefined): string => (t ? `${people(t.value)} (${range(t.low, t.high)})` : '–');

/** The start, every six months after it, and the end date. */
export function keyDates(start: string, end: string): string[] {
  const s = parseDate(start);
  const dates: string[] = [];
  for (let k = 0; ; k += 6) {
    const ms = Date.UTC(s.year, s.month - 1 + k, s.day);
    if (ms >= utcMs(end)) break;
    dates.push(new Date(ms).toISOString().slice(0, 10));
  }
  dates.push(isoDay(end));
  return dates;
}

/** The recorded row nearest to a date (the earlier one on a tie). */
function nearest<T extends { date: string }>(rows: T[], date: string): T | undefined {
  const target = utcMs(date);
  let best: T | undefined;
  for (const r of rows) {
    if (!best) best = r;
    else {
      const d = Math.abs(utcMs(r.date) - target);
      const e = Math.abs(utcMs(best.date) - target);
      if (d < e || (d === e && utcMs(r.date) < utcMs(best.date))) best = r;
    }
  }
  return best;
}

export function cumulativeTable(inputs: ReportInputs): Table | undefined {
  if (inputs.cumulative.length === 0) return undefined;
  const present = unique(inputs.cumulative.map((r) => r.scenario));
  const scenarios = scenarioOrder(inputs, present).filter((s) => present.includes(s));
  const series = new Map(scenarios.map((s) => [s, inputs.cumulative.filter((r) => r.scenario === s)]));
  const rows: string[][] = [];
  const seen = new Set<string>();
  for (const key of keyDates(inputs.startDate, inputs.endDate)) {
    // the first scenario's nearest recorded date names the row; every scenario is read at its own nearest date
    const cells = scenarios.map((s) => nearest(series.get(s) ?? [], key));
    const shown = cells.find((c) => c !== undefined)?.date ?? key;
    if (seen.has(shown)) continue;
    seen.add(shown);
    rows.push([shortDate(shown), ...cells.map(bandCell)]);
  }
  return {
    caption: tableCaptions.cumulative(inputs),
    columns: ['Date', ...scenarios],
    numeric: [false, ...scenarios.map(() => true)],
    groups: [{ rows }],
  };
}

export function avertedTable(inputs: ReportInputs): Table | undefined {
  const data = inputs.averted.filter((r) => r.scenario !== inputs.meta.reference);
  if (data.length === 0) return undefined;
  const present = unique(data.map((r) => r.scenario));
  const scenarios = scenarioOrder(inputs, present).filter((s) => present.includes(s));
  const rowsOf = (level: 'world' | 'region') => {
    const here = data.filter((r) => r.level === level);
    return unique(here.map((r) => r.place)).map((place) => [place, ...scenarios.map((s) => bandCell(here.find((r) => r.scenario === s && r.place === place)))]);
  };
  return {
    caption: tableCaptions.averted(inputs),
    columns: ['Place', ...scenarios],
    numeric: [false, ...scenarios.map(() => true)],
    groups: [{ rows: rowsOf('world') }, { label: 'Regions', rows: rowsOf('region') }].filter((g) => g.rows.length > 0),
  };
}

export function byPlaceTable(inputs: ReportInputs): Table | undefined {
  if (inputs.byPlace.length === 0) return undefined;
  const present = unique(inputs.byPlace.map((r) => r.scenario));
  const scenarios = scenarioOrder(inputs, present).filter((s) => present.includes(s));
  const hasTargets = inputs.byPlace.some((r) => r.target);
  const rowsOf = (level: 'region' | 'country') => {
    const here = inputs.byPlace.filter((r) => r.level === level);
    return unique(here.map((r) => r.place)).map((place) => {
      const rows = here.filter((r) => r.place === place);
      return [
        place,
        ...scenarios.map((s) => bandCell(rows.find((r) => r.scenario === s))),
        ...(hasTargets ? [targetCell(rows.find((r) => r.target)?.target)] : []),
      ];
    });
  };
  return {
    caption: tableCaptions.byPlace(inputs),
    columns: ['Place', ...scenarios, ...(hasTargets ? ['Target (range)'] : [])],
    numeric: [false, ...scenarios.map(() => true), ...(hasTargets ? [true] : [])],
    groups: [
      { label: 'Regions', rows: rowsOf('region') },
      { label: 'Countries', rows: rowsOf('country') },
    ].filter((g) => g.rows.length > 0),
  };
}
