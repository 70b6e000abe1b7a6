/**
 * Summary statistics of one run, as the targets name them: travellers, attempts and
 * attempts per month by place, the returned share, the countries represented, and
 * a country's share from named communities. Shared by the calibration model (one
 * run per proposal) and the calibration check (many seeds of one scenario), so that
 * both measure a target the same way.
 */
import { daysBetween } from '../model/dates.js';
import { measureAgents, measureNames } from '../results/measures.js';
import { placeIndex, type Place } from '../world/places.js';
import type { Snapshot } from '../results/recorder.js';
import type { WorldPlan } from '../world/plan.js';
import type { StatisticSpec } from './file.js';

const TRAVELLED = measureNames.indexOf('travelled');
const RETURNED = measureNames.indexOf('returned');
const INTERCEPTED = measureNames.indexOf('intercepted');
/** Days per month in attempts per month: the mean Gregorian month. */
export const DAYS_PER_MONTH = 30.436875;

/** Days (from the start date) a run must record for these statistics, besides the targets' day. */
export function statisticDays(specs: readonly StatisticSpec[], start: string): number[] {
  return specs.flatMap((s) => (s.kind === 'attemptsPerMonth' ? [daysBetween(start, s.from)] : []));
}

/** A reader of one run's snapshots: places resolved once, statistics computed on demand. */
export function statisticsReader(plan: WorldPlan, snapshots: readonly Snapshot[], start: string) {
  const byDay = new Map(snapshots.map((s) => [s.day, s]));
  const places = placeIndex(plan).at(['world', 'region', 'country', 'community']);
  const find = (level: string, name: string): Place | undefined => places.find((p) => p.level === level && p.name === name);
  const countries = places.filter((p) => p.level === 'country');
  const communityIndex = new Map(plan.communities.map((c) => [c.name, c.index]));
  const snapshotOn = (day: number) => {
    const s = byDay.get(day);
    if (!s) throw new Error(`calibration/statistics: no snapshot on day ${day}`);
    return s;
  };
  const measures = (day: number, communities: readonly number[]) => {
    const s = snapshotOn(day);
    return measureAgents(s.states, s.recruits, communities, s.removed);
  };
  const people = plan.scale;

  /** The value of one statistic on the targets' day (people, a share or a count of countries). */
  const statistic = (spec: StatisticSpec, targetDay: number): number => {
    switch (spec.kind) {
      case 'travelled': {
        const place = find(spec.level, spec.place);
        return place ? measures(targetDay, place.communities)[TRAVELLED]! * people : NaN;
      }
      case 'attempted': {
        const place = find(spec.level, spec.place);
        if (!place) return NaN;
        const m = measures(targetDay, place.communities);
        return (m[TRAVELLED]! + m[INTERCEPTED]!) * people;
      }
      case 'attemptsPerMonth': {
        const place = find(spec.level, spec.place);
        if (!place) return NaN;
        const fromDay = daysBetween(start, spec.from);
        const end = measures(targetDay, place.communities);
        const begin = measures(fromDay, place.communities);
        const attempts = end[TRAVELLED]! + end[INTERCEPTED]! - begin[TRAVELLED]! - begin[INTERCEPTED]!;
        return (attempts * people) / ((targetDay - fromDay) / DAYS_PER_MONTH);
      }
      case 'returnedShare': {
        const m = measures(targetDay, places[0]!.communities);
        return m[TRAVELLED]! > 0 ? m[RETURNED]! / m[TRAVELLED]! : NaN;
      }
      case 'countriesRepresented':
        return countries.filter((p) => measures(targetDay, p.communities)[TRAVELLED]! > 0).length;
      case 'shareFrom': {
        const country = find('country', spec.country);
        if (!country) return NaN;
        const all = measures(targetDay, country.communities)[TRAVELLED]!;
        const from = measures(targetDay, spec.communities.map((n) => communityIndex.get(n)!))[TRAVELLED]!;
        return all > 0 ? from / all : NaN;
      }
    }
  };

  /** Travellers on a day, by country, in the plan's country order. */
  const travelledByCountry = (day: number): { country: string; people: number }[] =>
    countries.map((p) => ({ country: p.name, people: measures(day, p.communities)[TRAVELLED]! * people }));

  /** World travellers on a day (people). */
  const worldTravelled = (day: number): number => measures(day, places[0]!.communities)[TRAVELLED]! * people;

  return { statistic, travelledByCountry, worldTravelled };
}
