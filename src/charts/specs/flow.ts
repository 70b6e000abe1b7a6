/**
 * Chart 5: new travellers per month (world), per scenario: median line and 90 %
 * band, with the interventions' dates as dashed rules labelled at the top.
 */
import type { ReportInputs } from '../inputs.js';
import type { HistoryEvent } from '../inputs.js';
import { placeLabels } from './label-rows.js';
import { eventKeyLines, flowTargetLines } from '../path-labels.js';
import { eventLayer, eventMarkers, eventsWithin } from './events.js';
import { flowTargetLayer } from './path-targets.js';
import {
  type Layer,
  type TopLevelSpec,
  PLOT_WIDTH,
  MUTED,
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

export { placeLabels };

export const flowTitle = 'New travellers per month, world';

const FLOW_HEIGHT = 300;
/** Subtitle lines may run a little past the plot, under the y axis's labels. */
const SUBTITLE_WIDTH = PLOT_WIDTH + 60;
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

/**
 * With the scenario's history (inputs.events), every dated change is a numbered event:
 * the labelled interventions, and those the events leave out (no label, or an end),
 * of the scenarios that have them.
 */
export function flowEvents(inputs: ReportInputs): HistoryEvent[] | undefined {
  if (!inputs.events || inputs.events.length === 0) return undefined;
  const events = inputs.events;
  const isEvent = (i: ReportInputs['interventions'][number]) => events.some((e) => e.label === i.label && isoDay(e.date) === isoDay(i.date) && (!e.scenarios || e.scenarios.includes(i.scenario)));
  const others = inputs.interventions.filter((i) => !isEvent(i)).map((i): HistoryEvent => ({ label: i.label, date: i.date, kind: 'intervention', scenarios: [i.scenario] }));
  return [...events, ...others];
}

export function flowSpec(inputs: ReportInputs): TopLevelSpec | undefined {
  if (inputs.flow.length === 0) return undefined;
  const scenarios = unique(inputs.flow.map((r) => r.scenario));
  const span = monthSpan(inputs.flow.map((r) => r.month));
  const history = flowEvents(inputs);
  // Without a history, the interventions keep their labelled dashed rules.
  const marks = history ? [] : interventionMarks(inputs, PLOT_WIDTH, span);
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
  const flows = inputs.flowTargets ?? [];
  if (flows.length > 0) layers.push(flowTargetLayer(flows, x));
  const domain = span ?? { start: inputs.startDate, end: inputs.endDate };
  const events = eventsWithin(history, domain);
  if (events.length > 0) {
    const colourOfScenario = scenarioColour(inputs, colour.domain);
    // Under the data: the rules are context, the series and targets read over them.
    layers.unshift(eventLayer(eventMarkers(events, domain, PLOT_WIDTH, (e) => (e.scenarios ? colourOfScenario(e.scenarios[0]!) : MUTED)), x, FLOW_HEIGHT));
  }
  return {
    ...frame(flowTitle, [
      `People leaving per month, all places of origin. Line: median of ${bandLabel(inputs.meta.replicates)}; band: middle 90%.`,
      ...(marks.length > 0 ? ['Dashed lines: interventions start or end (scenario colour).'] : []),
      ...flowKey(marks),
      ...flowTargetLines(flows, SUBTITLE_WIDTH),
      ...eventKeyLines(events, SUBTITLE_WIDTH),
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
