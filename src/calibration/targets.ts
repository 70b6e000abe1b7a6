/**
 * The targets of a calibration: the published figures of its targets file (world,
 * regions, countries, communities) and the file's own extra targets (returned share,
 * countries represented, attempts, attempts per month, shares from named communities),
 * each a statistic of the registry with its band and weight.
 */
import { messages } from '../messages/scenario.js';
import { locate, readSource } from '../scenario/source.js';
import { resolveStatistic } from '../scenario/statistic-schema.js';
import { closest } from '../scenario/suggest.js';
import type { Band, Targets } from '../scenario/targets.js';
import type { Statistic } from '../statistics/registry.js';
import type { WorldPlan } from '../world/plan.js';
import { WORLD } from '../world/places.js';
import type { Target } from './distance.js';
import type { bandFields, targetsSectionSchema } from './schema.js';
import type { z } from 'zod';

export interface CalibrationTarget extends Target {
  /** What a model run reports for this target (on the target's own date). */
  statistic: Statistic;
  note?: string;
  /** Who published the figure (dated targets; the file's source otherwise). */
  source?: string;
  /** Dated after the calibration's `until`: not fitted (weight 0), forecast and checked against the posterior predictive. */
  heldOut?: boolean;
}

type Where = (path: readonly (string | number)[], atKey?: boolean) => ReturnType<typeof locate>;

export function calibrationTargets(section: Section, published: Targets, plan: WorldPlan, start: string, at: Where): CalibrationTarget[] {
  const w = section.weights;
  // Weights by place name must name a place with a target.
  const checkWeightNames = (level: 'regions' | 'countries' | 'communities', names: string[], singular: string) => {
    const spec = w[level];
    if (typeof spec === 'number') return;
    for (const name of Object.keys(spec)) {
      if (name !== '*' && !names.includes(name)) {
        const hint = closest(name, names);
        throw messages.calibrationUnknownTarget(at(['targets', 'weights', level, name], true), `targets.weights.${level}.${name}`, singular, name, hint ? `did you mean "${hint}"?` : undefined);
      }
    }
  };
  const targets: CalibrationTarget[] = [];
  const date = published.date;
  const add = (name: string, statistic: Omit<Statistic, 'name' | 'date'>, band: Band, weightValue: number) =>
    targets.push({ name, statistic: { name, ...statistic, date }, value: band.value, low: band.low, high: band.high, weight: weightValue, note: band.note, ...(published.source ? { source: published.source } : {}) });
  for (const l of LEVELS) checkWeightNames(l.key, [...published[l.key].keys()], l.level);
  targets.push(...figuresOnDate(published, w, ''));
  if (section.returnedShare) {
    const r = section.returnedShare;
    if (!(r.low <= r.value && r.value <= r.high)) {
      throw messages.wrongValue(at(['targets', 'returnedShare']), 'targets.returnedShare', 'low ≤ value ≤ high', `low ${r.low}, value ${r.value}, high ${r.high}`);
    }
    add('returnedShare', { measure: 'returned_share', level: 'world', place: WORLD }, { value: r.value, low: r.low, high: r.high, note: r.note }, w.returnedShare);
  }
  if (section.countriesRepresented) {
    add('countriesRepresented', { measure: 'countries_represented', level: 'world', place: WORLD }, { value: section.countriesRepresented.atLeast, low: section.countriesRepresented.atLeast, high: Infinity, note: section.countriesRepresented.note }, w.countriesRepresented);
  }
  addPlaceTargets(section, plan, published.date, start, at, add);
  return targets;
}

/**
 * A further targets file's figures: those on its date (named with `@DATE`, weighted as
 * the main file's levels), then its dated targets. The main file gives its dated targets
 * through the same function, with `onDate` false.
 */
export function furtherTargets(section: Section, published: Targets, plan: WorldPlan, dates: { start: string; end: string }, onDate: boolean): CalibrationTarget[] {
  const out: CalibrationTarget[] = [];
  // The file's text is read again only to point at a line in an error message.
  let source: ReturnType<typeof readSource> | undefined;
  const inFile = (path: readonly (string | number)[], atKey = false) => locate((source ??= readSource(published.file)), path, atKey);
  if (onDate) {
    if (published.date < dates.start || published.date > dates.end) throw messages.calibrationTargetDate(inFile(['date']), published.date, dates.start, dates.end);
    out.push(...figuresOnDate(published, section.weights, `@${published.date}`));
  }
  for (const d of published.dated) {
    const statistic = resolveStatistic(d.statistic, {
      places: plan.places,
      start: dates.start,
      end: dates.end,
      at: (path, atKey) => inFile(['dated', d.index, ...path], atKey),
      shown: (...path) => ['dated', d.index, ...path].join('.'),
    });
    out.push({ name: statistic.name, statistic, value: d.band.value, low: d.band.low, high: d.band.high, weight: d.weight, note: d.band.note, source: d.source });
  }
  return out;
}

const LEVELS = [
  { key: 'regions', level: 'region' },
  { key: 'countries', level: 'country' },
  { key: 'communities', level: 'community' },
] as const;

/** A targets file's travellers on its own date (world, regions, countries, communities), named `level:place` + suffix and weighted by level. */
function figuresOnDate(published: Targets, weights: Section['weights'], suffix: string): CalibrationTarget[] {
  const out: CalibrationTarget[] = [];
  const add = (base: string, statistic: Omit<Statistic, 'name' | 'date'>, band: Band, weight: number) => {
    const name = base + suffix;
    out.push({ name, statistic: { name, ...statistic, date: published.date }, value: band.value, low: band.low, high: band.high, weight, note: band.note, ...(published.source ? { source: published.source } : {}) });
  };
  if (published.world) add('world', { measure: 'travelled', level: 'world', place: WORLD }, published.world, weights.world);
  for (const { key, level } of LEVELS) {
    const spec = weights[key];
    for (const [place, band] of published[key]) add(`${level}:${place}`, { measure: 'travelled', level, place }, band, typeof spec === 'number' ? spec : spec[place] ?? spec['*'] ?? 1);
  }
  return out;
}

/**
 * Targets dated after `until` are held out: weight 0 (not fitted), still simulated, so that
 * the posterior predicts them (a hindcast). A flow's date is the end of its period.
 */
export function holdOut(targets: readonly CalibrationTarget[], until: string | undefined): CalibrationTarget[] {
  if (until === undefined) return targets.slice();
  return targets.map((t) => (t.statistic.date > until ? { ...t, weight: 0, heldOut: true } : t));
}

/** Refuses a set of targets that fits nothing (every weight 0) or names one target twice. */
export function checkTargetSet(targets: readonly CalibrationTarget[], at: Where, until: string | undefined): void {
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.name)) throw messages.wrongValue(at(['targets']), 'targets', 'targets with distinct names', `"${t.name}" twice`);
    seen.add(t.name);
  }
  if (!targets.some((t) => t.weight > 0)) {
    throw messages.wrongValue(at(until === undefined ? ['targets'] : ['until']), until === undefined ? 'targets' : 'until', until === undefined ? 'at least one target with a positive weight' : 'a date on or after the first target\'s', targets.length ? (until === undefined ? 'only weights of 0' : until) : 'no targets');
  }
}

type Section = z.infer<typeof targetsSectionSchema>;
type BandInput = z.infer<z.ZodObject<typeof bandFields>>;

/** The targets by country beyond the published counts: attempts, attempts per month, shares from hotbed towns. */
function addPlaceTargets(
  section: Section,
  plan: WorldPlan,
  targetDate: string,
  startDate: string,
  at: Where,
  add: (name: string, statistic: Omit<Statistic, 'name' | 'date'>, band: Band, weight: number) => void,
): void {
  const countries = plan.countries.map((c) => c.name);
  const country = (key: string, name: string) => {
    if (countries.includes(name)) return plan.countries.find((c) => c.name === name)!;
    const hint = closest(name, countries);
    throw messages.calibrationUnknownTarget(at(['targets', key, name], true), `targets.${key}.${name}`, 'country', name, hint ? `did you mean "${hint}"?` : undefined);
  };
  const band = (key: string, name: string, b: BandInput): Band => {
    const tolerance = b.tolerance ?? 0.15;
    const low = b.low ?? b.value * (1 - tolerance);
    const high = b.high ?? b.value * (1 + tolerance);
    if (!(low <= b.value && b.value <= high)) {
      throw messages.wrongValue(at(['targets', key, name]), `targets.${key}.${name}`, 'low ≤ value ≤ high', `low ${low}, value ${b.value}, high ${high}`);
    }
    return { value: b.value, low, high, note: b.note };
  };
  for (const [name, b] of Object.entries(section.attempted ?? {})) {
    country('attempted', name);
    add(`attempted:${name}`, { measure: 'attempted', level: 'country', place: name }, band('attempted', name, b), section.weights.attempted);
  }
  for (const [name, b] of Object.entries(section.attemptsPerMonth ?? {})) {
    country('attemptsPerMonth', name);
    if (!(b.from >= startDate && b.from < targetDate)) {
      throw messages.wrongValue(at(['targets', 'attemptsPerMonth', name, 'from']), `targets.attemptsPerMonth.${name}.from`, `a date from ${startDate} to before ${targetDate}`, b.from);
    }
    add(`attemptsPerMonth:${name}`, { measure: 'attempts_per_month', level: 'country', place: name, from: b.from }, band('attemptsPerMonth', name, b), section.weights.attemptsPerMonth);
  }
  for (const [name, b] of Object.entries(section.shareFrom ?? {})) {
    const c = country('shareFrom', name);
    const own = c.communities.map((i) => plan.communities[i]!.name);
    b.communities.forEach((community, k) => {
      if (own.includes(community)) return;
      const hint = closest(community, own);
      throw messages.calibrationUnknownTarget(at(['targets', 'shareFrom', name, 'communities', k]), `targets.shareFrom.${name}.communities`, `community of ${name}`, community, hint ? `did you mean "${hint}"?` : undefined);
    });
    add(`shareFrom:${name}`, { measure: 'share_from', level: 'country', place: name, communities: b.communities }, band('shareFrom', name, b), section.weights.shareFrom);
  }
}
