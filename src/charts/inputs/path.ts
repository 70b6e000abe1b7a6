/**
 * The world's path as published and as it happened, shared by the report of a run
 * or comparison and by a calibration: dated estimates of the world's travellers,
 * published monthly flows over their periods, and the scenario's dated events.
 */

/** A published estimate of the world's travellers (cumulative) on its date, with its band. */
export interface PathTarget {
  date: string;
  value: number;
  low: number;
  high: number;
  /** Who published it, where and when. */
  source: string;
  /** The target's name (a dated target's `name`, or the targets file's title). */
  label: string;
}

/** A published world flow (travellers per month) over a period, from `from` to `date`. */
export interface FlowTarget extends PathTarget {
  from: string;
}

/** A labelled intervention of the scenario's history, at its start date. */
export interface HistoryEvent {
  label: string;
  /** Start date ('YYYY-MM-DD'). */
  date: string;
  /** The intervention's kind (pull, travel-ban, border-control, ...). */
  kind: string;
  /** The scenarios that have it, when not all do (a comparison); absent when every scenario has it. */
  scenarios?: string[];
}
