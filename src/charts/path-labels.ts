/**
 * Every word the time charts say about the published path and the scenario's events:
 * the numbered key of events, the short names of sources, the tooltips and the
 * subtitle lines. Shared by the report's charts and the calibration's, so the two
 * read alike.
 */
import type { FlowTarget, HistoryEvent, PathTarget } from './inputs.js';
import { people, range } from './format.js';
import { shortDate, shortMonthYear } from './specs/common.js';

/** Subtitle font size (baseConfig.title.subtitleFontSize) and the width per character of DejaVu Sans, measured on these captions (about 0.55 em). */
const SUBTITLE_FONT_SIZE = 12.5;
const approxWidth = (text: string) => text.length * SUBTITLE_FONT_SIZE * 0.56;

/** "The Soufan Group, \"Foreign Fighters ...\", December 2015" → "The Soufan Group": who, without where and when. */
export function shortSource(source: string, fallback: string): string {
  const who = source.split(/,|\s\(|"|;/)[0]!.trim();
  return who || fallback;
}

/**
 * The numbers of the events on a time chart: one per intervention, so that the same
 * intervention at different dates in different scenarios (Turkey's controls from
 * September 2014 in one, from February 2015 in the other) is one number drawn at
 * each date and keyed once. Interventions are told apart by label and kind; they are
 * numbered in the order of their first date (`events` in date order, as eventsWithin
 * gives them).
 */
export function eventGroups(events: readonly HistoryEvent[]): { numbers: number[]; groups: HistoryEvent[][] } {
  const groups: HistoryEvent[][] = [];
  const index = new Map<string, number>();
  const numbers = events.map((e) => {
    const key = JSON.stringify([e.label, e.kind]);
    let k = index.get(key);
    if (k === undefined) {
      k = groups.push([]) - 1;
      index.set(key, k);
    }
    groups[k]!.push(e);
    return k + 1;
  });
  return { numbers, groups };
}

/**
 * "1 Caliphate proclaimed (29 Jun 2014)"; an event of some scenarios only names them;
 * one intervention at several dates lists each with its scenarios:
 * "2 Turkey's controls (1 Sep 2014 in border-controls, 4 Feb 2015 in baseline)".
 */
export function eventKeyEntry(number: number, event: HistoryEvent | readonly HistoryEvent[]): string {
  const events = 'label' in event ? [event] : event;
  const first = events[0]!;
  if (events.length === 1) {
    const whose = first.scenarios ? `; ${first.scenarios.join(', ')}` : '';
    return `${number} ${first.label} (${shortDate(first.date)}${whose})`;
  }
  const when = events.map((e) => `${shortDate(e.date)}${e.scenarios ? ` in ${e.scenarios.join(', ')}` : ''}`);
  return `${number} ${first.label} (${when.join(', ')})`;
}

const keyEntries = (events: readonly HistoryEvent[]) => eventGroups(events).groups.map((g, i) => eventKeyEntry(i + 1, g));

/** Entries joined by "; " into lines no wider than `maxWidth` pixels (an entry longer than a line has one to itself). */
export function wrapEntries(entries: readonly string[], maxWidth: number, lead = ''): string[] {
  const lines: string[] = [];
  let line = lead;
  for (const entry of entries) {
    const joined = line === '' || line === lead ? `${line}${entry}` : `${line}; ${entry}`;
    if (line !== '' && line !== lead && approxWidth(joined) > maxWidth) {
      lines.push(`${line};`);
      line = entry;
    } else {
      line = joined;
    }
  }
  if (line !== '' && line !== lead) lines.push(`${line}.`);
  return lines;
}

/** The numbered events, as subtitle lines: "Events: 1 Caliphate proclaimed (29 Jun 2014); 2 ...". */
export function eventKeyLines(events: readonly HistoryEvent[], maxWidth: number): string[] {
  return wrapEntries(keyEntries(events), maxWidth, 'Events (numbered lines): ');
}

/**
 * "Black points and bars: published estimates and their bands, UN Security Council (Oct 2014);
 * ICSR (Jan 2015); grey bar: The Soufan Group (Dec 2015)."
 */
export function pathTargetLines(points: readonly PathTarget[], maxWidth: number, bar?: PathTarget): string[] {
  if (points.length === 0) return bar ? wrapEntries([`${shortSource(bar.source, bar.label)} (${shortMonthYear(bar.date)})`], maxWidth, 'Grey bar: target, ') : [];
  const entries = points.map((p) => `${shortSource(p.source, p.label)} (${shortMonthYear(p.date)})`);
  if (bar) entries.push(`grey bar: ${shortSource(bar.source, bar.label)} (${shortMonthYear(bar.date)})`);
  return wrapEntries(entries, maxWidth, 'Black points and bars: published estimates and their bands, ');
}

/** "Grey boxes: published monthly flows and their bands, US intelligence officials (Jul 2014 to Jul 2015)". */
export function flowTargetLines(flows: readonly FlowTarget[], maxWidth: number): string[] {
  if (flows.length === 0) return [];
  const entries = flows.map((f) => `${shortSource(f.source, f.label)} (${shortMonthYear(f.from)} to ${shortMonthYear(f.date)})`);
  return wrapEntries(entries, maxWidth, 'Grey boxes: published monthly flows and their bands, ');
}

/** The label beside a flow target's box: "Published: 1,000 a month". */
export const flowTargetText = (f: FlowTarget): string => `Published: ${people(f.value)} a month`;

/** Tooltip fields of a published figure (point or flow). */
export function targetTooltip(t: PathTarget | FlowTarget): { label: string; value: string; band: string; source: string } {
  return { label: t.label, value: people(t.value), band: range(t.low, t.high), source: t.source };
}

/** Sentences for the report's captions: the published figures and events, with their full sources. */
export const pathCaptions = {
  bar: (bar: PathTarget | undefined): string => (bar ? `The target range comes from ${bar.source}.` : ''),
  points: (points: readonly PathTarget[]): string =>
    points.length === 0 ? '' : `The black points are published estimates of the world total on their dates, each with its band as a bar: ${points.map((p) => `${people(p.value)} (${range(p.low, p.high)}) on ${shortDate(p.date)}, ${p.source}`).join('; ')}.`,
  flows: (flows: readonly FlowTarget[]): string =>
    flows.length === 0 ? '' : `The grey boxes are published monthly flows over their periods (box: band; line: value): ${flows.map((f) => `${people(f.value)} a month (${range(f.low, f.high)}) from ${shortDate(f.from)} to ${shortDate(f.date)}, ${f.source}`).join('; ')}.`,
  events: (events: readonly HistoryEvent[]): string =>
    events.length === 0 ? '' : `Thin numbered lines mark the scenario's events at their start dates: ${keyEntries(events).join('; ')}.`,
} as const;
