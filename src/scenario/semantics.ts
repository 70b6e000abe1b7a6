/**
 * Checks that need more than one field: dates in order, names unique, every
 * place and recipe that is named exists, stocks that fit. The schema checks
 * each field alone; this checks that they agree.
 */
import { messages } from '../messages/scenario.js';
import { daysBetween } from '../model/dates.js';
import { closest } from './suggest.js';
import type { Distribution, PlaceTarget, Scenario, Stock } from './schema.js';
import type { Locator } from './zod-issues.js';
import { resolveStatistics } from './statistic-schema.js';

const didYouMean = (name: string, names: Iterable<string>) => {
  const c = closest(name, names);
  return c ? `did you mean "${c}"?` : undefined;
};

/**
 * The longest run, in years. The model has no births, deaths from old age or migration of the
 * at-risk population, so a run of decades is already an extrapolation; a century bounds what
 * a run records (a row every output.everyDays days) well before memory does, and a date typed
 * with a wrong millennium is refused here rather than run for thousands of years.
 */
export const MAX_RUN_YEARS = 100;
const MAX_RUN_DAYS = Math.ceil(MAX_RUN_YEARS * 365.25);

export const stockTotal = (s: Stock | undefined) => (s ? s.abroad + s.returned + s.dead : 0);

export function checkScenario(s: Scenario, locate: Locator): void {
  const { start, end, checkpoints } = s.dates;
  if (end <= start) throw messages.endBeforeStart(locate(['dates', 'end']), start, end);
  if (daysBetween(start, end) > MAX_RUN_DAYS) throw messages.runTooLong(locate(['dates', 'end']), start, end, MAX_RUN_YEARS);
  checkpoints.forEach((c, i) => {
    if (c < start || c > end) throw messages.dateOutsideRun(locate(['dates', 'checkpoints', i]), `dates.checkpoints.${i}`, c, start, end);
  });

  const regions = new Set<string>();
  const countries = new Set<string>();
  const communities = new Set<string>();
  // Community names inside each region and country, for statistics that count named communities.
  const inPlace = new Map<string, string[]>();
  s.places.regions.forEach((r, ri) => {
    const rPath = ['places', 'regions', ri];
    if (regions.has(r.name)) throw messages.duplicateName(locate([...rPath, 'name']), `places.regions.${ri}.name`, 'region', r.name);
    regions.add(r.name);
    r.countries.forEach((c, ci) => {
      const cPath = [...rPath, 'countries', ci];
      const cShown = `places.regions.${r.name}.countries.${c.name}`;
      if (countries.has(c.name)) throw messages.duplicateName(locate([...cPath, 'name']), `${cShown}.name`, 'country', c.name);
      countries.add(c.name);
      if (c.population === undefined && c.communities.length === 0) throw messages.countryWithoutPeople(locate(cPath), cShown, c.name);
      checkNetworkRef(s, c.network, [...cPath, 'network'], `${cShown}.network`, locate);
      const names = c.communities.map((m) => m.name);
      if (c.population !== undefined) names.push(c.name);
      inPlace.set(`country\u0000${c.name}`, names);
      inPlace.set(`region\u0000${r.name}`, [...(inPlace.get(`region\u0000${r.name}`) ?? []), ...names]);
      for (const n of names) {
        if (communities.has(n)) throw messages.duplicateName(locate(cPath), cShown, 'community', n);
        communities.add(n);
      }
      let named = 0;
      c.communities.forEach((m, mi) => {
        const mPath = [...cPath, 'communities', mi];
        const mShown = `${cShown}.communities.${m.name}`;
        checkNetworkRef(s, m.network, [...mPath, 'network'], `${mShown}.network`, locate);
        const st = stockTotal(m.stock);
        if (st > m.population) throw messages.stockOverPopulation(locate([...mPath, 'stock']), `${mShown}.stock`, m.name, st, m.population);
        named += st;
      });
      const total = stockTotal(c.stock);
      if (named > total) throw messages.stockOverCountry(locate([...cPath, 'stock']), `${cShown}.stock`, c.name, named, total);
      const explicitPop = c.communities.filter((m) => m.stock === undefined).reduce((a, m) => a + m.population, 0) + (c.population ?? 0);
      if (total - named > explicitPop) {
        throw messages.stockOverPopulation(locate([...cPath, 'stock']), `${cShown}.stock`, c.name, total - named, explicitPop);
      }
    });
  });
  if (!Object.hasOwn(s.networks, 'default')) {
    // Only an error when something relies on it.
    const needsDefault = s.places.regions.some((r) => r.countries.some((c) => c.network === undefined && (c.population !== undefined || c.communities.some((m) => m.network === undefined))));
    if (needsDefault) throw messages.unknownNetwork(locate(['networks']), 'networks', 'default');
  }

  checkPerAgent(s, locate);

  const places = { region: regions, country: countries, community: communities };
  const checkTarget = (t: PlaceTarget, path: (string | number)[]) => {
    if (t === 'world') return;
    const [level, name] = Object.entries(t)[0] as [keyof typeof places, string];
    if (!places[level].has(name)) {
      throw messages.unknownPlace(locate([...path, level]), [...path, level].join('.'), level, name, didYouMean(name, places[level]));
    }
  };
  s.interventions.forEach((iv, i) => {
    const path = ['interventions', i];
    if (iv.start < start || iv.start > end) throw messages.dateOutsideRun(locate([...path, 'start']), `interventions.${i}.start`, iv.start, start, end);
    if (iv.end !== undefined) {
      if (iv.end < iv.start) throw messages.interventionEndsBeforeStart(locate([...path, 'end']), `interventions.${i}.end`, iv.start, iv.end);
      if (iv.end > end) throw messages.dateOutsideRun(locate([...path, 'end']), `interventions.${i}.end`, iv.end, start, end);
    }
    checkTarget(iv.target, [...path, 'target']);
  });
  s.links.forEach((l, i) => {
    checkTarget(l.from, ['links', i, 'from']);
    checkTarget(l.to, ['links', i, 'to']);
  });
  if (s.outputs) {
    // The scenario's own names (a world is not planned to check a file): the same names the place index gives.
    const places = {
      names: () => ({ regions: [...regions], countries: [...countries], communities: [...communities] }),
      communitiesIn: (level: string, name: string) => (level === 'world' ? [...communities] : level === 'community' ? [name] : inPlace.get(`${level}\u0000${name}`) ?? []),
    };
    resolveStatistics(s.outputs, (i) => ({
      places,
      start,
      end,
      at: (path, atKey) => locate(['outputs', i, ...path], atKey),
      shown: (...rest) => ['outputs', i, ...rest].join('.'),
    }));
  }
}

function checkNetworkRef(s: Scenario, ref: unknown, path: (string | number)[], shown: string, locate: Locator): void {
  if (typeof ref === 'string' && !Object.hasOwn(s.networks, ref)) {
    throw messages.unknownNetwork(locate(path), shown, ref, didYouMean(ref, Object.keys(s.networks)));
  }
}

/** Per-agent distributions: thresholds only where the rule has one, lists as long as the world, bounds in order. */
function checkPerAgent(s: Scenario, locate: Locator): void {
  const perAgent = s.channels.peer.perAgent;
  if (!perAgent) return;
  const base = ['channels', 'peer', 'perAgent'];
  const { rule } = s.channels.peer;
  if (perAgent.threshold && perAgent.threshold.kind !== 'fixed' && rule !== 'threshold' && rule !== 'fractional') {
    throw messages.perAgentThresholdRule(locate([...base, 'threshold']), [...base, 'threshold'].join('.'), rule);
  }
  for (const key of ['threshold', 'receptivity'] as const) {
    const d: Distribution | undefined = perAgent[key];
    const path = [...base, key];
    if (d?.kind === 'uniform' && d.max < d.min) throw messages.uniformBounds(locate([...path, 'max']), [...path, 'max'].join('.'), d.min, d.max);
    if (d?.kind === 'values' && d.values.length !== agentCount(s)) {
      throw messages.perAgentListLength(locate([...path, 'values']), [...path, 'values'].join('.'), agentCount(s), d.values.length);
    }
  }
}

/** The world's agents, as world/plan.ts counts them (each community's population over the scale, rounded), without planning it. */
function agentCount(s: Scenario): number {
  let agents = 0;
  for (const r of s.places.regions) {
    for (const c of r.countries) {
      for (const m of c.communities) agents += Math.round(m.population / s.scale);
      if (c.population !== undefined) agents += Math.round(c.population / s.scale);
    }
  }
  return agents;
}
