/**
 * Reading statistics from one replicate's snapshots: places resolved once by the
 * place index, measures summed on demand. Used by run tables, sweep outputs, the
 * calibration model and the calibration check alike.
 */
import { daysBetween } from '../model/dates.js';
import type { Scenario } from '../scenario/schema.js';
import { resolveStatistics } from '../scenario/statistic-schema.js';
import type { WorldPlan } from '../world/plan.js';
import { placeIndex, type Place } from '../world/places.js';
import { measureAgents, type Counts } from '../statistics/measures.js';
import { indicatorOf, isIndicator, statisticEntry, type MeasureSource, type Period, type Statistic } from '../statistics/registry.js';

/** A tally kept on a day (results/recorder's Snapshot is one). */
export interface DaySnapshot extends Counts {
  day: number;
}

/** The days (from the start date) a run must record to read these statistics. */
export function statisticDays(statistics: readonly Statistic[], start: string): number[] {
  const days = new Set<number>();
  const add = (s: Statistic) => {
    const day = daysBetween(start, s.date);
    days.add(day);
    // A path (the day of the last adoption, days to reach a share) reads every day up to its date.
    if (statisticEntry(s.measure).daily) for (let d = 0; d < day; d++) days.add(d);
    for (const d of [s.from, s.baseFrom, s.baseDate]) if (d !== undefined) days.add(daysBetween(start, d));
    if (s.given) add(s.given);
  };
  statistics.forEach(add);
  return [...days].sort((a, b) => a - b);
}

/** Where a value can lie: low ≤ value ≤ high (NaN where the place does not exist). */
export interface Bounds {
  low: number;
  high: number;
}

const UNBOUNDED: Bounds = Object.freeze({ low: -Infinity, high: Infinity });

/** What bounds the statistic before its run is made: 0 from below where it cannot fall (cumulative counts and their rates), else nothing. */
export function boundsBeforeRun(s: Statistic): Bounds {
  if (!statisticEntry(s.measure).lowerBound || s.given) return UNBOUNDED;
  return isIndicator(s) ? { low: 0, high: 1 } : { low: 0, high: Infinity };
}

/** A statistic with its place and days resolved, once per reader: the period on its own date, and the last day it reads. */
interface Resolved {
  period: Period;
  lastDay: number;
}

export class StatisticReader {
  private readonly byDay: Map<number, DaySnapshot>;
  private readonly places;
  private readonly source: MeasureSource;
  /** Each statistic read so far, resolved (null: its place is not in this world). */
  private readonly resolved = new Map<Statistic, Resolved | null>();
  /** The measures of a set of communities on a day, summed once: several statistics read the same place. */
  private readonly sums = new Map<number, Map<readonly number[], Float64Array>>();

  constructor(private readonly plan: WorldPlan, snapshots: readonly DaySnapshot[], private readonly start: string) {
    this.byDay = new Map(snapshots.map((s) => [s.day, s]));
    this.places = placeIndex(plan);
    const countries = this.places.at(['country']);
    this.source = {
      scale: plan.scale,
      measures: (day, communities) => this.measures(day, communities),
      countriesWithin: (communities) => {
        const inside = new Set(communities);
        return countries.filter((p) => inside.has(p.communities[0]!)).map((p) => p.communities);
      },
      agents: (communities) => communities.reduce((n, c) => n + plan.communities[c]!.agents, 0),
    };
  }

  /** The statistic's value on its date; NaN where the place does not exist in this world. */
  value(s: Statistic): number {
    return this.valueOn(s, daysBetween(this.start, s.date));
  }

  /** The statistic's value on another day than its own (series over time). */
  valueOn(s: Statistic, day: number): number {
    const r = this.resolve(s);
    if (!r) return NaN;
    // A condition read on another day than its own follows the statistic to that day (series over time).
    if (s.given && this.valueOn(s.given, day === r.period.day ? this.resolve(s.given)?.period.day ?? day : day) !== 1) return NaN;
    return indicatorOf(s, statisticEntry(s.measure).value(this.source, day === r.period.day ? r.period : { ...r.period, day }));
  }

  private resolve(s: Statistic): Resolved | null {
    let r = this.resolved.get(s);
    if (r === undefined) {
      const place = this.places.find(s.level, s.place);
      const day = (d: string | undefined) => (d === undefined ? undefined : daysBetween(this.start, d));
      r = place
        ? {
          period: {
            day: day(s.date)!,
            fromDay: day(s.from),
            baseFromDay: day(s.baseFrom),
            baseDay: day(s.baseDate),
            communities: place.communities,
            named: s.communities ? this.named(place, s.communities) : undefined,
            share: s.share,
          },
          lastDay: Math.max(...[s.date, s.from, s.baseFrom, s.baseDate, s.given?.date].flatMap((d) => (d === undefined ? [] : [daysBetween(this.start, d)]))),
        }
        : null;
      this.resolved.set(s, r);
    }
    return r;
  }

  private measures(day: number, communities: readonly number[]): Float64Array {
    let onDay = this.sums.get(day);
    if (!onDay) this.sums.set(day, (onDay = new Map()));
    let m = onDay.get(communities);
    if (!m) onDay.set(communities, (m = measureAgents(this.snapshotOn(day), communities)));
    return m;
  }

  /**
   * What the statistic's value on its date can still be, seen from `today` in a run still
   * going (only days up to today need snapshots): exactly its value once every day it reads
   * has passed; from below, for statistics that cannot fall (cumulative counts and their
   * rates); otherwise anything. An indicator (`above`, `atLeast`) is bounded through its
   * statistic; a conditional one (`given`) is not bounded before every day it reads has passed.
   */
  boundsOn(s: Statistic, today: number): Bounds {
    const r = this.resolve(s);
    if (!r) return { low: NaN, high: NaN };
    if (today >= r.lastDay) {
      const v = this.valueOn(s, r.period.day);
      return { low: v, high: v };
    }
    const entry = statisticEntry(s.measure);
    if (!entry.lowerBound || s.given) return UNBOUNDED;
    const low = entry.lowerBound(this.source, r.period, today);
    if (!isIndicator(s)) return { low, high: Infinity };
    return { low: indicatorOf(s, low), high: 1 };
  }

  /** Adds the snapshot of a day a run has just recorded (a reader following a run as it goes). */
  add(snapshot: DaySnapshot): void {
    this.byDay.set(snapshot.day, snapshot);
    this.sums.delete(snapshot.day);
  }

  /** The named communities of a share, among the place's own. */
  private named(place: Place, names: readonly string[]): number[] {
    // The place's own communities by name: a share is of the place's travellers.
    const own = new Map(place.communities.map((c) => [this.plan.communities[c]!.name, c]));
    return names.flatMap((n) => {
      const c = own.get(n);
      return c === undefined ? [] : [c];
    });
  }

  private snapshotOn(day: number): DaySnapshot {
    const s = this.byDay.get(day);
    if (!s) throw new Error(`results/statistics: no snapshot on day ${day} (record it: statisticDays)`);
    return s;
  }
}

/** The statistics a scenario's `outputs` ask for (already checked when the scenario was loaded). */
export function scenarioStatistics(scenario: Scenario, plan: WorldPlan): Statistic[] {
  if (!scenario.outputs) return [];
  const index = placeIndex(plan);
  const nowhere = () => ({ file: 'scenario' });
  return resolveStatistics(scenario.outputs, () => ({ places: index, start: scenario.dates.start, end: scenario.dates.end, at: nowhere, shown: () => 'outputs' }));
}

/** Whether a statistic has a value on `day`: a rate only after its period starts. */
export function definedOn(s: Statistic, day: number, start: string): boolean {
  return s.from === undefined || day > daysBetween(start, s.from);
}
