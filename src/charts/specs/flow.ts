/**
 * Chart 5: new travellers per month (world), per scenario: median line and 90 %
 * band, with the interventions' dates as dashed rules labelled at the top.
 */
import type { ReportInputs } from '../inputs.js';
import {
  type Layer,
  type TopLevelSpec,
  PLOT_WIDTH,
  bandLabel,
  frame,
  isoDay,
  monthSpan,
  longDate,
  peopleAxis,
  scenarioColour,
  scenarioScale,
  scenarioColourEncoding,
  timeX,
  unique,
  utcMs,
} from './common.js';

export const flowTitle = 'New travellers per month, world';

const FLOW_HEIGHT = 300;
const LABEL_FONT_SIZE = 12;
const LABEL_ROW = 16;
/** A generous width per character of DejaVu Sans (its average is nearer 0.55 em). */
const approxTextWidth = (text: string) => text.length * LABEL_FONT_SIZE * 0.62;

export interface InterventionMark {
  date: string;
  scenario: string;
  label: string;
  /** What is drawn beside the rule: the label itself, or its number when the labels do not fit (see `flowKey`). */
  text: string;
  /** Label row above the plot, 0 nearest; rows are packed so that labels do not overlap. */
  row: number;
  align: 'left' | 'right';
}

/** Interventions inside the charted period, one label per date (labels at one date joined), packed in rows. */
export function interventionMarks(inputs: ReportInputs, width = PLOT_WIDTH, domain?: { start: string; end: string }): InterventionMark[] {
  const start = Math.min(utcMs(inputs.startDate), domain ? utcMs(domain.start) : Infinity);
  const end = Math.max(utcMs(inputs.endDate), domain ? utcMs(domain.end) : -Infinity);
  const inside = inputs.interventions.filter((i) => utcMs(i.date) >= start && utcMs(i.date) <= end);
  const byDate = new Map<string, typeof inside>();
  for (const i of [...inside].sort((a, b) => utcMs(a.date) - utcMs(b.date))) {
    const key = isoDay(i.date);
    byDate.set(key, [...(byDate.get(key) ?? []), i]);
  }
  const multi = unique(inside.map((i) => i.scenario)).length > 1;
  const labels = [...byDate].map(([date, items]) => ({
    date,
    // the rule takes the first item's scenario colour; the label names each scenario when there are several
    scenario: items[0]!.scenario, // every date in byDate has at least one item
    label: items.map((i) => (multi ? `${i.label} (${i.scenario})` : i.label)).join('; '),
    x: ((utcMs(date) - start) / Math.max(1, end - start)) * width,
  }));
  // direct labels when they fit in three rows; otherwise numbers, with a key under the title
  const direct = placeLabels(labels.map((l) => ({ x: l.x, width: approxTextWidth(l.label) + 6 })), width, 3);
  // placeLabels places every item or none, so direct[i] and numbered[i] exist for every label
  if (direct) return labels.map((l, i) => ({ date: l.date, scenario: l.scenario, label: l.label, text: l.label, ...direct[i]! }));
  const numbered =
    placeLabels(labels.map((l, i) => ({ x: l.x, width: approxTextWidth(String(i + 1)) + 6 })), width, labels.length) ??
    labels.map((_, i) => ({ row: i, align: 'left' as const }));
  return labels.map((l, i) => ({ date: l.date, scenario: l.scenario, label: l.label, text: String(i + 1), ...numbered[i]! }));
}

interface Placed {
  x: number;
  span: [number, number];
  row: number;
  align: 'left' | 'right';
}

/**
 * Rows and sides for labels above rules at x (pixels). A rule runs from the plot up to
 * its label's row, so two labels in one row must not overlap and no rule may cross a
 * label in a lower row. Finds the fewest rows, at most `maxRows`, by backtracking
 * (left-reading labels preferred); undefined when there is no such placement (or more
 * than 8 labels).
 */
export function placeLabels(items: { x: number; width: number }[], plotWidth: number, maxRows: number): { row: number; align: 'left' | 'right' }[] | undefined {
  const gap = 6;
  const options = items.map(({ x, width }) => {
    const left: Placed = { x, span: [x, x + width], row: 0, align: 'left' };
    const right: Placed = { x, span: [x - width, x], row: 0, align: 'right' };
    const fitsLeft = x + width <= plotWidth + 20;
    const fitsRight = x - width >= -20;
    return fitsLeft && fitsRight ? [left, right] : fitsRight ? [right] : fitsLeft ? [left] : [];
  });
  // A label wider than the plot on either side cannot be placed directly.
  if (options.some((o) => o.length === 0)) return undefined;
  const within = (x: number, [a, b]: [number, number]) => x > a - gap && x < b + gap;
  const clash = (p: Placed, q: Placed) =>
    (p.row === q.row && p.span[0] - gap < q.span[1] && q.span[0] - gap < p.span[1]) ||
    (q.row < p.row && within(p.x, q.span)) ||
    (p.row < q.row && within(q.x, p.span));
  if (items.length <= 8) {
    for (let rows = 1; rows <= Math.min(maxRows, items.length); rows++) {
      const chosen: Placed[] = [];
      const search = (i: number): boolean => {
        if (i === items.length) return true;
        for (let row = 0; row < rows; row++) {
          for (const option of options[i]!) { // i < items.length, and options is one per item
            const p = { ...option, row };
            if (chosen.every((q) => !clash(p, q))) {
              chosen.push(p);
              if (search(i + 1)) return true;
              chosen.pop();
            }
          }
        }
        return false;
      };
      if (search(0)) return chosen.map(({ row, align }) => ({ row, align }));
    }
  }
  return undefined;
}

export function flowSpec(inputs: ReportInputs): TopLevelSpec | undefined {
  if (inputs.flow.length === 0) return undefined;
  const scenarios = unique(inputs.flow.map((r) => r.scenario));
  const span = monthSpan(inputs.flow.map((r) => r.month));
  const marks = interventionMarks(inputs, PLOT_WIDTH, span);
  const colour = scenarioScale(inputs, unique([...scenarios, ...marks.map((m) => m.scenario)]));
  const colourOf = scenarioColour(inputs, colour.domain);
  // each month's value is drawn at mid-month
  const values = inputs.flow.map((r) => ({ scenario: r.scenario, month: midMonth(r.month), median: r.median, p5: r.p5, p95: r.p95 }));
  const x = timeX(inputs, 'month', span);
  const color = scenarioColourEncoding(colour, { orient: 'bottom', direction: 'horizontal', symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 3 } as const);
  const layers: Layer[] = [
    { mark: { type: 'area', opacity: 0.16, aria: false }, encoding: { x, y: { field: 'p5', type: 'quantitative' }, y2: { field: 'p95' }, color } },
    {
      mark: { type: 'line', strokeWidth: 2.2, point: { size: 22, filled: true } },
      encoding: { x, y: { field: 'median', type: 'quantitative', title: 'New travellers (people per month)', axis: peopleAxis, scale: { domainMin: 0 } }, color },
    },
  ];
  if (marks.length > 0) {
    const ruleValues = marks.map((m) => ({ ...m, colour: colourOf(m.scenario), top: -(8 + LABEL_ROW * m.row) }));
    const xRule = { ...x, field: 'date' };
    const ink = { field: 'colour', type: 'nominal', scale: null } as const;
    const top = { field: 'top', type: 'quantitative', scale: null } as const;
    layers.push({
      data: { values: ruleValues },
      layer: [
        { mark: { type: 'rule', strokeDash: [5, 4], strokeWidth: 1.4 }, encoding: { x: xRule, y: top, y2: { value: FLOW_HEIGHT }, color: ink } },
        ...(['left', 'right'] as const).map(
          (align): Layer => ({
            transform: [{ filter: { field: 'align', equal: align } }],
            mark: { type: 'text', align, baseline: 'middle', dx: align === 'left' ? 4 : -4, fontSize: LABEL_FONT_SIZE },
            encoding: { x: xRule, y: top, text: { field: 'text' }, color: ink },
          }),
        ),
      ],
    });
  }
  return {
    ...frame(flowTitle, [
      `People leaving per month, all places of origin. Line: median of ${bandLabel(inputs.meta.replicates)}; band: middle 90%.`,
      ...(marks.length > 0 ? ['Dashed lines: interventions start or end (scenario colour).'] : []),
      ...flowKey(marks),
    ]),
    width: PLOT_WIDTH,
    height: FLOW_HEIGHT,
    data: { values },
    layer: layers,
  };
}

/** Key lines for numbered intervention rules ("1: Border controls start, 15 January 2015"); empty when the rules carry their labels. */
export function flowKey(marks: InterventionMark[], maxWidth = PLOT_WIDTH): string[] {
  const lines: string[] = [];
  for (const m of marks.filter((x) => x.text !== x.label)) {
    // Labels joined at one date are listed one to a line when together they would run past the plot.
    const whole = `${m.text}: ${m.label}, ${longDate(m.date)}`;
    if (approxTextWidth(whole) <= maxWidth) {
      lines.push(whole);
      continue;
    }
    const parts = m.label.split('; ');
    lines.push(`${m.text}: ${longDate(m.date)}:`, ...parts.map((p) => `    ${p}`));
  }
  return lines;
}

/** The 15th of the month, as 'YYYY-MM-15'. */
function midMonth(month: string): string {
  return `${isoDay(month).slice(0, 7)}-15`;
}
