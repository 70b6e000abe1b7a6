/**
 * Calendar months of a run, for monthly flows. The tally recorded on day d is
 * the state at the end of that date; day 0 is the start state (initial stock,
 * nothing has happened yet). A month's flow is the change of a cumulative count
 * from the first of that month to the first of the next (or from the start date,
 * and to the end date, for partial months at either end), so the flows of all
 * months add up to the change over the whole run.
 */
import { addDays } from '../model/dates.js';

export interface MonthSegment {
  /** YYYY-MM of the segment's first day. */
  month: string;
  /** Day (from the start) at which the segment's cumulative counts are read first and last. */
  from: number;
  to: number;
}

/** Days in (0, days) that fall on the first of a month. */
export function monthStartDays(start: string, days: number): number[] {
  const out: number[] = [];
  for (let d = 1; d < days; d++) if (addDays(start, d).endsWith('-01')) out.push(d);
  return out;
}

/** Consecutive segments from day 0 to `days`, split at the first of each month. */
export function monthSegments(start: string, days: number): MonthSegment[] {
  const bounds = [0, ...monthStartDays(start, days), days];
  const out: MonthSegment[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    if (bounds[i + 1]! > bounds[i]!) out.push({ month: addDays(start, bounds[i]!).slice(0, 7), from: bounds[i]!, to: bounds[i + 1]! });
  }
  return out;
}
