/**
 * The one registry of statistics. A statistic is data: a quantity (a measure or a
 * derived one) at a place, at a date or over a period. Run outputs, sweep outputs
 * and calibration targets are all statistics, read by the same functions, so a
 * number means the same thing wherever it appears.
 *
 * Every entry says what it is (description, unit), where it is defined (levels),
 * what else it needs (a start date for rates, communities for a share), and how
 * to read it from the measures of a place on the days it needs.
 */
import type { Level } from '../scenario/schema.js'; // a type only: the registry sits below the file formats
import { MEASURES, measureIndex, type Measure, type MeasureRow } from './measures.js';

/** A statistic, as plain data (files, manifests, worker threads carry it). */
export interface Statistic {
  /** Column or row name in result tables. */
  name: string;
  /** A registry entry: a measure of series.csv or a derived quantity. */
  measure: StatisticName;
  level: Level;
  /** 'World' for the world. */
  place: string;
  /** Day of the value; the end of the period for rates. */
  date: string;
  /** Start of the period, for rates per month (and, optionally, for shares of recruits). */
  from?: string;
  /** The base period of a ratio of flows: its first and last day. */
  baseFrom?: string;
  baseDate?: string;
  /** Communities counted in a share from named communities. */
  communities?: string[];
  /** Indicator: 1 where the value is above this level, 0 where not (NaN stays NaN). */
  above?: number;
  /** Indicator: 1 where the value is at or above this level, 0 where not (NaN stays NaN). */
  atLeast?: number;
  /** The share of the place's agents to reach, for days_to_share. */
  share?: number;
  /** A condition: the value where this indicator is 1, no value (NaN) where it is not. */
  given?: Statistic;
}

/** What a derived statistic reads: the agent counts of every measure, by day, for a set of communities. */
export interface MeasureSource {
  /** Agents of every measure (table order) on `day` for these communities. */
  measures(day: number, communities: readonly number[]): Float64Array;
  /** People per agent. */
  scale: number;
  /** Community indices of each country inside the place (for countries represented). */
  countriesWithin(communities: readonly number[]): readonly (readonly number[])[];
  /** Agents of these communities (the denominator of shares of a population). */
  agents(communities: readonly number[]): number;
}

export interface Period {
  day: number;
  /** Start of the period (rates); undefined otherwise. */
  fromDay?: number;
  /** The base period of a ratio of flows. */
  baseFromDay?: number;
  baseDay?: number;
  /** The place's communities. */
  communities: readonly number[];
  /** The named communities of a share, resolved. */
  named?: readonly number[];
  /** The share to reach (days_to_share). */
  share?: number;
}

export type Unit = 'people' | 'share' | 'countries' | 'people per month' | 'days';

export interface StatisticEntry {
  description: string;
  unit: Unit;
  /** Levels where it is defined (all if absent). */
  levels?: readonly Level[];
  /** Needs `from` (a period): true; may take one: 'optional'. */
  period?: boolean | 'optional';
  /** Needs a base period (`baseFrom`, `baseDate`). */
  base?: boolean;
  /** Needs `communities`. */
  communities?: boolean;
  /** Needs `share` (a share of the place's agents to reach). */
  share?: boolean;
  /** Reads every day from the start to its date (a path, not a value on one day): each must be recorded. */
  daily?: boolean;
  value(source: MeasureSource, at: Period): number;
  /**
   * A lower bound of `value` from the days up to `today` only (a run still going), for
   * statistics that cannot fall as a run goes on: cumulative counts, and rates of them over
   * a period. Every entry that has one is never negative, so a run not yet made bounds it at 0.
   */
  lowerBound?(source: MeasureSource, at: Period, today: number): number;
}

/** Days per month in rates per month: the mean Gregorian month. */
export const DAYS_PER_MONTH = 30.436875;

const T = measureIndex('travelled');
const R = measureIndex('returned');
const I = measureIndex('intercepted');
const MEDIA = measureIndex('recruited_media');
const PEER = measureIndex('recruited_peer');
const GROUP = measureIndex('recruited_group');
const PREPARED = measureIndex('recruited_after_media');
const M = measureIndex('mobilized');

/**
 * Agents who have adopted: decided to travel, whatever became of them since (mobilized, travelled,
 * intercepted), the initial stock included. No one goes back, so it never falls.
 */
const adoptedAgents = (m: Float64Array) => m[M]! + m[T]! + m[I]!;

/** The share of the place's agents who have adopted on `day`; NaN for a place without agents. */
const adoptedShare = (s: MeasureSource, day: number, communities: readonly number[]): number => {
  const n = s.agents(communities);
  return n > 0 ? adoptedAgents(s.measures(day, communities)) / n : NaN;
};

const people = (m: MeasureRow & { name: Measure }, description: string): StatisticEntry => {
  const k = measureIndex(m.name);
  const value = (s: MeasureSource, at: Period) => s.measures(at.day, at.communities)[k]! * s.scale;
  if (!m.cumulative) return { description, unit: 'people', value };
  return { description, unit: 'people', value, lowerBound: (s, at, today) => s.measures(Math.min(today, at.day), at.communities)[k]! * s.scale };
};

/**
 * The share of one recruit count (a channel's, or those media prepared) among all recruits since
 * the start date, or over the period from `from`.
 */
const recruitShare = (k: number, description: string): StatisticEntry => ({
  description,
  unit: 'share',
  period: 'optional',
  value: (s, at) => {
    const m = s.measures(at.day, at.communities);
    const before = at.fromDay === undefined ? undefined : s.measures(at.fromDay, at.communities);
    const count = (i: number) => m[i]! - (before?.[i] ?? 0);
    const all = count(MEDIA) + count(PEER) + count(GROUP);
    return all > 0 ? count(k) / all : NaN;
  },
});

/** People who travelled per month from `fromDay` to `day`. */
const travelledRate = (s: MeasureSource, communities: readonly number[], fromDay: number, day: number): number =>
  ((s.measures(day, communities)[T]! - s.measures(fromDay, communities)[T]!) * s.scale) / ((day - fromDay) / DAYS_PER_MONTH);

/** A cumulative count's mean rate per month over the period; what has come so far bounds it from below. */
const perMonth = (count: (m: Float64Array) => number, description: string): StatisticEntry => {
  const rate = (s: MeasureSource, at: Period, end: number) => {
    const fromDay = at.fromDay!;
    if (end <= fromDay) return 0;
    return ((count(s.measures(end, at.communities)) - count(s.measures(fromDay, at.communities))) * s.scale) / ((at.day - fromDay) / DAYS_PER_MONTH);
  };
  return {
    description,
    unit: 'people per month',
    period: true,
    value: (s, at) => rate(s, at, at.day),
    lowerBound: (s, at, today) => rate(s, at, Math.min(today, at.day)),
  };
};

const measureEntries = Object.fromEntries(MEASURES.map((m) => [m.name, people(m, m.description)])) as Record<Measure, StatisticEntry>;

export const STATISTICS = {
  ...measureEntries,
  attempted: {
    description: 'Travel attempts: those who travelled (the initial stock included) plus those intercepted since the start.',
    unit: 'people',
    value: (s, at) => {
      const m = s.measures(at.day, at.communities);
      return (m[T]! + m[I]!) * s.scale;
    },
    lowerBound: (s, at, today) => {
      const m = s.measures(Math.min(today, at.day), at.communities);
      return (m[T]! + m[I]!) * s.scale;
    },
  },
  attempts_per_month: perMonth((m) => m[T]! + m[I]!, 'Travel attempts (travelled or intercepted) per month from the start of the period (from) to the date (30.44-day months).'),
  travelled_per_month: perMonth((m) => m[T]!, 'People who travelled per month from the start of the period (from) to the date (30.44-day months).'),
  flow_ratio: {
    description: 'People who travelled per month over the period (from to date) divided by the same over the base period (baseFrom to baseDate): below 1 where the flow slowed.',
    unit: 'share',
    period: true,
    base: true,
    value: (s, at) => {
      const base = travelledRate(s, at.communities, at.baseFromDay!, at.baseDay!);
      return base > 0 ? travelledRate(s, at.communities, at.fromDay!, at.day) / base : NaN;
    },
  },
  adopted: {
    description: 'People who have adopted: decided to travel, whatever became of them since (mobilized, travelled, intercepted), the initial stock included; cumulative.',
    unit: 'people',
    value: (s, at) => adoptedAgents(s.measures(at.day, at.communities)) * s.scale,
    lowerBound: (s, at, today) => adoptedAgents(s.measures(Math.min(today, at.day), at.communities)) * s.scale,
  },
  adopted_share: {
    description: 'Share of the place\'s agents who have adopted (adopted / agents) on the date: at the end date, the final size of the cascade.',
    unit: 'share',
    value: (s, at) => adoptedShare(s, at.day, at.communities),
    lowerBound: (s, at, today) => adoptedShare(s, Math.min(today, at.day), at.communities),
  },
  last_adoption_day: {
    description: 'Day (counted from the start date, which is day 0) of the last adoption up to the date: the last day on which adopted rose; 0 if it never did.',
    unit: 'days',
    daily: true,
    value: (s, at) => {
      for (let d = at.day; d > 0; d--) {
        if (adoptedAgents(s.measures(d, at.communities)) > adoptedAgents(s.measures(d - 1, at.communities))) return d;
      }
      return 0;
    },
  },
  days_to_share: {
    description: 'Days from the start date to the first day on which adopted_share reached `share` (0 if the initial stock does); no value if it had not by the date.',
    unit: 'days',
    share: true,
    daily: true,
    value: (s, at) => {
      for (let d = 0; d <= at.day; d++) if (adoptedShare(s, d, at.communities) >= at.share!) return d;
      return NaN;
    },
  },
  returned_share: {
    description: 'Share of those who travelled who have returned (returned / travelled).',
    unit: 'share',
    value: (s, at) => {
      const m = s.measures(at.day, at.communities);
      return m[T]! > 0 ? m[R]! / m[T]! : NaN;
    },
  },
  peer_share: recruitShare(PEER, 'Share of recruits since the start date (or from `from`) mobilized by an influential tie.'),
  media_share: recruitShare(MEDIA, 'Share of recruits since the start date (or from `from`) mobilized through media alone.'),
  group_share: recruitShare(GROUP, 'Share of recruits since the start date (or from `from`) who joined a friend\'s party.'),
  media_prepared_share: recruitShare(PREPARED, 'Share of recruits since the start date (or from `from`), by any channel, whom media had first made sympathizers (the rest went straight from susceptible, moved by a tie or a party).'),
  countries_represented: {
    description: 'Countries of the place with at least one traveller.',
    unit: 'countries',
    levels: ['world', 'region'],
    value: (s, at) => s.countriesWithin(at.communities).filter((c) => s.measures(at.day, c)[T]! > 0).length,
  },
  share_from: {
    description: 'Share of the place\'s travellers who come from the named communities.',
    unit: 'share',
    communities: true,
    value: (s, at) => {
      const all = s.measures(at.day, at.communities)[T]!;
      const from = s.measures(at.day, at.named!)[T]!;
      return all > 0 ? from / all : NaN;
    },
  },
} as const satisfies Record<string, StatisticEntry>;

export type StatisticName = keyof typeof STATISTICS;
export const statisticNames = Object.keys(STATISTICS) as StatisticName[];

export function statisticEntry(name: StatisticName): StatisticEntry {
  return STATISTICS[name];
}

/** Whether the statistic is an indicator (1 or 0 in each run): its mean over runs is a probability. */
export const isIndicator = (s: Pick<Statistic, 'above' | 'atLeast'>): boolean => s.above !== undefined || s.atLeast !== undefined;

/** An indicator's value from its statistic's (NaN stays NaN); the value itself otherwise. */
export function indicatorOf(s: Pick<Statistic, 'above' | 'atLeast'>, x: number): number {
  if (Number.isNaN(x)) return x;
  if (s.above !== undefined) return x > s.above ? 1 : 0;
  if (s.atLeast !== undefined) return x >= s.atLeast ? 1 : 0;
  return x;
}

/** Words for an indicator's level: "above 0.5", "at least 0.5". */
export const indicatorWords = (s: Pick<Statistic, 'above' | 'atLeast'>): string =>
  (s.above !== undefined ? `above ${s.above}` : `at least ${s.atLeast}`);

/** Whether the statistic's value is a share (0..1), for formats and charts. */
export const isShareStatistic = (s: Pick<Statistic, 'measure' | 'above' | 'atLeast'>): boolean =>
  isIndicator(s) || statisticEntry(s.measure).unit === 'share';

/** A statistic of one measure or derived quantity at a place and date, named `measure` unless named otherwise. */
export function statisticOf(measure: StatisticName, level: Level, place: string, date: string, extra: Partial<Statistic> = {}): Statistic {
  return { name: measure, measure, level, place, date, ...extra };
}

/** A statistic with what it means, as manifests list it. */
export function describedStatistic(s: Statistic): Statistic & { description: string; unit: Unit } {
  const entry = statisticEntry(s.measure);
  const own = isIndicator(s) ? `1 where this is ${indicatorWords(s)}, 0 where not: ${entry.description}` : entry.description;
  const description = s.given ? `${own} Only in runs where ${s.given.name} is 1 (no value in the others).` : own;
  return { ...s, description, unit: isIndicator(s) ? 'share' : entry.unit };
}
