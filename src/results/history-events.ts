/**
 * The scenario's history for the time charts: every labelled intervention at its
 * start date. Interventions without a label are what-ifs rather than history; the
 * flow chart draws them with their ends as before (ReportInputs.interventions).
 */
import type { HistoryEvent } from '../charts/inputs.js';
import type { Intervention } from '../scenario/schema.js';

/**
 * Events of one or more scenarios, by date (ties in scenario then file order), each
 * once: the same label, date and kind in several scenarios is one event, which names
 * its scenarios only when not every scenario has it.
 */
export function historyEvents(scenarios: readonly { name: string; interventions: readonly Intervention[] }[], period: { start: string; end: string }): HistoryEvent[] {
  const found = new Map<string, { event: HistoryEvent; scenarios: string[] }>();
  for (const s of scenarios) {
    for (const iv of s.interventions) {
      if (!iv.label || iv.start < period.start || iv.start > period.end) continue;
      const key = JSON.stringify([iv.label, iv.start, iv.kind]);
      const entry = found.get(key) ?? { event: { label: iv.label, date: iv.start, kind: iv.kind }, scenarios: [] };
      if (!entry.scenarios.includes(s.name)) entry.scenarios.push(s.name);
      found.set(key, entry);
    }
  }
  const events = [...found.values()].map(({ event, scenarios: have }) => (have.length < scenarios.length ? { ...event, scenarios: have } : event));
  // Map order is first-seen order; a stable sort by date keeps it for ties.
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
