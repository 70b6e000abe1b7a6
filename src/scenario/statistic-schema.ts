/**
 * A statistic as files write it (scenario and experiment `outputs`): a measure
 * or derived quantity of the registry, at a place, on a date or over a period.
 * The schema checks each field alone; `resolveStatistic` checks that the place
 * exists, the dates fall in the run and the entry gets what it needs, and gives
 * the registry's plain `Statistic`.
 */
import { z } from 'zod';
import { statisticMessages } from '../messages/statistics.js';
import { isIndicator, STATISTICS, statisticEntry, statisticNames, type Statistic, type StatisticName } from '../statistics/registry.js';
import { columnName, finite, isoDate, placeName } from './fields.js';
import { messages, type Where } from '../messages/scenario.js';
import type { Level } from './schema.js';
import { closest } from './suggest.js';

export const placeSchema = z.union([
  z.literal('world'),
  z.strictObject({ region: placeName }),
  z.strictObject({ country: placeName }),
  z.strictObject({ community: placeName }),
]).describe('`world`, or one of {region: NAME}, {country: NAME}, {community: NAME}.');

const measureList = statisticNames.map((n) => `${n} (${STATISTICS[n].description.replace(/\.$/, '')})`).join('; ');

export const statisticInputSchema = z.strictObject({
  name: columnName.optional().describe('Column name; defaults to the measure, the place and the date.'),
  measure: z.enum(statisticNames as [StatisticName, ...StatisticName[]]).describe(`What to measure: ${measureList}. Counts are of people.`),
  place: placeSchema.default('world'),
  date: isoDate.optional().describe('Day of the value (the end of the period for rates); defaults to the scenario\'s end date.'),
  from: isoDate.optional().describe('First day of the period: for rates per month and flow_ratio (required), and for shares of recruits (optional: since the start date if absent).'),
  baseFrom: isoDate.optional().describe('First day of the base period, for flow_ratio.'),
  baseDate: isoDate.optional().describe('Last day of the base period, for flow_ratio.'),
  communities: z.array(placeName).min(1).max(1000).optional().describe('Communities counted, for share_from.'),
  above: finite.optional().describe('Makes the statistic an indicator: 1 where its value is above this level, 0 where not.'),
  atLeast: finite.optional().describe('Makes the statistic an indicator: 1 where its value is at or above this level, 0 where not (e.g. a global cascade: measure adopted_share, atLeast 0.5). A share\'s level lies in 0..1. Over a sweep\'s runs its mean is a probability, with its Wilson 95 % interval in points.csv.'),
  share: finite.optional().describe('The share of the place\'s agents to reach, for days_to_share (0..1).'),
  given: columnName.optional().describe('The name of another output of the same list, an indicator: this output has a value only in runs where that one is 1 (a conditional mean over a sweep\'s runs; points.csv\'s n says how many runs it rests on).'),
});

export type StatisticInput = z.infer<typeof statisticInputSchema>;

/** The places a file may name, and the communities inside each. */
export interface StatisticPlaces {
  names(): { regions: readonly string[]; countries: readonly string[]; communities: readonly string[] };
  /** Names of the communities that make up a place. */
  communitiesIn(level: Level, name: string): readonly string[];
}

export interface StatisticContext {
  places: StatisticPlaces;
  start: string;
  end: string;
  /** Where a field of this statistic is in its file (path relative to the statistic). */
  at(path: readonly (string | number)[], atKey?: boolean): Where;
  /** How a field of this statistic is named in messages. */
  shown(...path: (string | number)[]): string;
}

/**
 * A list of statistics (a scenario's or experiment's `outputs`): each resolved alone, then each
 * `given` linked to the indicator of the list it names (one level: a condition has no condition).
 */
export function resolveStatistics(list: readonly StatisticInput[], ctx: (i: number) => StatisticContext): Statistic[] {
  const resolved = list.map((o, i) => resolveStatistic(o, ctx(i), true));
  return resolved.map((s, i) => {
    const name = list[i]!.given;
    if (name === undefined) return s;
    const { at, shown } = ctx(i);
    const k = resolved.findIndex((r) => r.name === name);
    if (k < 0 || k === i) {
      const hint = closest(name, resolved.filter((_r, j) => j !== i).map((r) => r.name));
      throw statisticMessages.unknownCondition(at(['given']), shown('given'), name, hint ? `did you mean "${hint}"?` : undefined);
    }
    const condition = resolved[k]!;
    if (!isIndicator(condition)) throw statisticMessages.conditionNotIndicator(at(['given']), shown('given'), name);
    if (list[k]!.given !== undefined) throw statisticMessages.conditionConditional(at(['given']), shown('given'), name, list[k]!.given!);
    return { ...s, given: condition };
  });
}

export function resolveStatistic(o: StatisticInput, ctx: StatisticContext, inList = false): Statistic {
  const { at, shown } = ctx;
  if (o.given !== undefined && !inList) throw statisticMessages.conditionOutsideList(at(['given']), shown('given'));
  let level: Level = 'world';
  let place = 'World';
  if (o.place !== 'world') {
    const [key, name] = Object.entries(o.place)[0]! as ['region' | 'country' | 'community', string];
    const names = ctx.places.names();
    const known = key === 'region' ? names.regions : key === 'country' ? names.countries : names.communities;
    if (!known.includes(name)) {
      const hint = closest(name, known);
      throw messages.unknownPlace(at(['place', key]), shown('place', key), key, name, hint ? `did you mean "${hint}"?` : undefined);
    }
    level = key;
    place = name;
  }
  const entry = statisticEntry(o.measure);
  if (entry.levels && !entry.levels.includes(level)) throw statisticMessages.wrongLevel(at(['place']), shown('place'), o.measure, level, entry.levels);

  const { start, end } = ctx;
  const date = o.date ?? end;
  if (date < start || date > end) throw statisticMessages.dateOutsideRun(at(['date']), shown('date'), date, start, end);
  if (entry.period === true && o.from === undefined) throw statisticMessages.needsFrom(at([]), shown('from'), o.measure);
  if (!entry.period && o.from !== undefined) throw statisticMessages.notAPeriod(at(['from']), shown('from'), o.measure);
  if (o.from !== undefined && !(o.from >= start && o.from < date)) throw statisticMessages.periodReversed(at(['from']), shown('from'), o.from, date, start);
  if (entry.base) {
    if (o.baseFrom === undefined || o.baseDate === undefined) throw statisticMessages.needsBase(at([]), shown(o.baseFrom === undefined ? 'baseFrom' : 'baseDate'), o.measure);
    if (o.baseDate < start || o.baseDate > end) throw statisticMessages.dateOutsideRun(at(['baseDate']), shown('baseDate'), o.baseDate, start, end);
    if (!(o.baseFrom >= start && o.baseFrom < o.baseDate)) throw statisticMessages.periodReversed(at(['baseFrom']), shown('baseFrom'), o.baseFrom, o.baseDate, start);
  } else if (o.baseFrom !== undefined || o.baseDate !== undefined) {
    throw statisticMessages.takesNoBase(at([o.baseFrom !== undefined ? 'baseFrom' : 'baseDate']), shown(o.baseFrom !== undefined ? 'baseFrom' : 'baseDate'), o.measure);
  }

  if (entry.communities && o.communities === undefined) throw statisticMessages.needsCommunities(at([]), shown('communities'), o.measure);
  if (!entry.communities && o.communities !== undefined) throw statisticMessages.takesNoCommunities(at(['communities']), shown('communities'), o.measure);
  if (o.communities) {
    const own = ctx.places.communitiesIn(level, place);
    o.communities.forEach((c, k) => {
      if (own.includes(c)) return;
      const hint = closest(c, own);
      throw statisticMessages.communityOutsidePlace(at(['communities', k]), shown('communities', k), c, place, hint ? `did you mean "${hint}"?` : undefined);
    });
  }

  if (o.above !== undefined && o.atLeast !== undefined) throw statisticMessages.twoLevels(at(['atLeast']), shown('atLeast'));
  for (const key of ['above', 'atLeast', 'share'] as const) {
    const level = o[key];
    const ofShare = key === 'share' || entry.unit === 'share';
    if (level !== undefined && ofShare && !(level >= 0 && level <= 1)) throw statisticMessages.levelOutsideShare(at([key]), shown(key), o.measure, level);
  }
  if (entry.share && o.share === undefined) throw statisticMessages.needsShare(at([]), shown('share'), o.measure);
  if (!entry.share && o.share !== undefined) throw statisticMessages.takesNoShare(at(['share']), shown('share'), o.measure);

  const name = o.name ?? [o.measure, ...(level === 'world' ? [] : [slug(place)]), ...(date === end ? [] : [date])].join('_');
  return {
    name,
    measure: o.measure,
    level,
    place,
    date,
    ...(o.from !== undefined ? { from: o.from } : {}),
    ...(entry.base ? { baseFrom: o.baseFrom!, baseDate: o.baseDate! } : {}),
    ...(o.communities !== undefined ? { communities: o.communities } : {}),
    ...(o.above !== undefined ? { above: o.above } : {}),
    ...(o.atLeast !== undefined ? { atLeast: o.atLeast } : {}),
    ...(o.share !== undefined ? { share: o.share } : {}),
  };
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');
