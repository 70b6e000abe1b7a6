/**
 * The report's inputs (src/charts/inputs.ts) from a comparison: bands in
 * people, dates YYYY-MM-DD, months YYYY-MM, time series sorted by date (ties in
 * scenario order), and the reference (the first scenario) first everywhere else.
 */
import type { ReportInputs, ScenarioMeta } from '../charts/inputs.js';
import type { Comparison, ComparedScenario } from '../experiments/compare.js';
import { addDays, daysBetween } from '../model/dates.js';
import type { Intervention, PlaceTarget } from '../scenario/schema.js';
import type { Targets } from '../scenario/targets.js';
import { bandOn, monthlyBands, placeRow, cellOn, versusReference } from './bands.js';
import { quantileType7Sorted as quantile } from '../numeric/quantiles.js';
import { hotbedWindows, recruitPreparation } from './recruit-preparation.js';
import { worldPathOfFiles } from './path-targets.js';
import { historyEvents } from './history-events.js';

export interface ReportOptions {
  title?: string;
  /** The command that made the report, as shown in its first section. */
  createdWith?: string;
  /** Tool version; default: package.json's. */
  version?: string;
  /** Countries shown besides the regions, at most (default 10). */
  topCountries?: number;
}

const CHANNELS = [['media', 'recruited_media'], ['peer', 'recruited_peer'], ['group', 'recruited_group']] as const;

/**
 * `targets`: one targets file or several; the first gives the end-date targets (by place,
 * the world target), and all of them give the dated path (pathTargets, flowTargets).
 */
export function reportInputs(c: Comparison, targetFiles?: Targets | readonly Targets[], options: ReportOptions = {}): ReportInputs {
  const files: readonly Targets[] = targetFiles === undefined ? [] : 'file' in targetFiles ? [targetFiles] : targetFiles;
  const targets = files[0];
  const ref = c.scenarios[0]!;
  const end = c.days;
  const endDate = c.end;
  const world = placeRow(c, 'world', 'World');
  const order = new Map(c.scenarios.map((s, i) => [s.name, i]));
  const byDateThenScenario = <T extends { scenario: string; date: string }>(rows: T[]) =>
    rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order.get(a.scenario)! - order.get(b.scenario)!));
  const byMonthThenScenario = <T extends { scenario: string; month: string }>(rows: T[]) =>
    rows.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : order.get(a.scenario)! - order.get(b.scenario)!));

  const scenarios: ScenarioMeta[] = c.scenarios.map((s) => ({ name: s.name, file: s.file, title: titleOf(s), hash: s.loaded.hash }));

  const cumulative = byDateThenScenario(c.scenarios.flatMap((s) =>
    c.recordDays.map((day) => ({ scenario: s.name, date: addDays(c.start, day), ...bandOn(c, s, day, world, 'travelled') }))));

  const regions = c.places.map((p, i) => ({ ...p, index: i })).filter((p) => p.level === 'region');
  const countries = c.places.map((p, i) => ({ ...p, index: i })).filter((p) => p.level === 'country');
  const medianAtEnd = (s: ComparedScenario, place: number) =>
    quantile(Array.from(cellOn(s, end, place, 'travelled')).sort((a, b) => a - b), 0.5);

  const averted = c.scenarios.slice(1).flatMap((s) => [
    { scenario: s.name, level: 'world' as const, place: 'World', ...versusReference(c, s, end, world, 'travelled') },
    ...regions.map((r) => ({ scenario: s.name, level: 'region' as const, place: r.name, ...versusReference(c, s, end, r.index, 'travelled') })),
  ]);

  // Regions, then the countries with targets and the largest others (by the reference's median at the end), largest first.
  const limit = options.topCountries ?? 10;
  const largestFirst = <T extends { index: number; name: string }>(xs: T[]) =>
    xs.map((x) => ({ x, v: medianAtEnd(ref, x.index) })).sort((a, b) => b.v - a.v || (a.x.name < b.x.name ? -1 : 1)).map((e) => e.x);
  const withTargets = countries.filter((p) => targets?.countries.has(p.name));
  const chosen = largestFirst(withTargets).slice(0, limit);
  for (const p of largestFirst(countries)) {
    if (chosen.length >= limit) break;
    if (!chosen.includes(p)) chosen.push(p);
  }
  const shownCountries = largestFirst(chosen);
  const targetAtEnd = targets && targets.date === endDate ? targets : undefined;
  const targetOf = (level: 'region' | 'country', name: string) => {
    const t = level === 'region' ? targetAtEnd?.regions.get(name) : targetAtEnd?.countries.get(name);
    return t ? { target: { low: t.low, high: t.high, value: t.value } } : {};
  };
  const byPlace = c.scenarios.flatMap((s) => [
    ...largestFirst(regions).map((r) => ({ scenario: s.name, level: 'region' as const, place: r.name, ...bandOn(c, s, end, r.index, 'travelled'), ...targetOf('region', r.name) })),
    ...shownCountries.map((p) => ({ scenario: s.name, level: 'country' as const, place: p.name, ...bandOn(c, s, end, p.index, 'travelled'), ...targetOf('country', p.name) })),
  ]);

  const byChannel = byMonthThenScenario(c.scenarios.flatMap((s) =>
    CHANNELS.flatMap(([channel, measure]) => monthlyBands(c, s, world, measure).map((m) => ({ scenario: s.name, month: m.month, channel, recruits: m.median })))));
  // Same month and scenario: channels in a fixed order (sort is stable).
  const flow = byMonthThenScenario(c.scenarios.flatMap((s) =>
    monthlyBands(c, s, world, 'travelled').map(({ month, ...b }) => ({ scenario: s.name, month, ...b }))));

  const interventions = byDateThenScenario(c.scenarios.flatMap((s) =>
    s.loaded.scenario.interventions.flatMap((iv) => {
      const label = interventionLabel(iv);
      const rows = [{ scenario: s.name, label, date: iv.start }];
      if (iv.end !== undefined) rows.push({ scenario: s.name, label: `${label} (end)`, date: iv.end });
      return rows.filter((r) => r.date >= c.start && r.date <= endDate);
    })));

  const worldTarget = targets?.world && daysBetween(c.start, targets.date) >= 0 && daysBetween(targets.date, endDate) >= 0
    ? { date: targets.date, low: targets.world.low, high: targets.world.high, value: targets.world.value }
    : undefined;

  const inputs: ReportInputs = {
    title: options.title ?? defaultTitle(c),
    meta: {
      tool: 'hotbed',
      version: options.version ?? '',
      seed: c.seed,
      replicates: c.replicates,
      scale: c.scale,
      agents: ref.plan.agentCount,
      createdWith: options.createdWith ?? defaultCommand(c),
      scenarios,
      reference: ref.name,
    },
    startDate: c.start,
    endDate,
    cumulative,
    averted,
    byPlace,
    byChannel,
    flow,
    interventions,
  };
  if (worldTarget) inputs.worldTarget = worldTarget;
  if (c.differences === 'change') inputs.differences = 'change';
  if (ref.loaded.scenario.output.chartTitles === false) inputs.chartTitles = false;
  const preparation = recruitPreparation(c);
  if (preparation.some((p) => p.recruits > 0)) inputs.preparation = preparation;
  const windows = hotbedWindows(c);
  if (windows.length > 0) inputs.hotbedWindows = windows;
  const path = worldPathOfFiles(files, { start: c.start, end: endDate });
  if (path.points.length > 0) inputs.pathTargets = path.points;
  if (path.flows.length > 0) inputs.flowTargets = path.flows;
  const events = historyEvents(c.scenarios.map((s) => ({ name: s.name, interventions: s.loaded.scenario.interventions })), { start: c.start, end: endDate });
  if (events.length > 0) inputs.events = events;
  if (c.network) inputs.network = c.network;
  return inputs;
}

/** A variant has its reference's title: the report says what it changes. */
function titleOf(s: ComparedScenario): string {
  const title = s.loaded.scenario.title;
  const v = s.loaded.variant;
  return v ? `${title ? `${title}, ` : ''}with ${v.changes.join(', ')}` : title;
}

function defaultTitle(c: Comparison): string {
  if (c.scenarios.length === 1) {
    const s = c.scenarios[0]!;
    return s.loaded.scenario.title || s.name;
  }
  return `${c.scenarios.map((s) => s.name).join(' vs ')}`;
}

function defaultCommand(c: Comparison): string {
  const files = c.scenarios.map((s) => s.file).join(' ');
  return c.scenarios.length === 1
    ? `hotbed run ${files} --replicates ${c.replicates} --seed ${c.seed}`
    : `hotbed compare ${files} --replicates ${c.replicates} --seed ${c.seed}`;
}

export function interventionLabel(iv: Intervention): string {
  if (iv.label) return iv.label;
  return `${iv.kind} (${targetText(iv.target)})`;
}

function targetText(t: PlaceTarget): string {
  if (t === 'world') return 'world';
  if ('region' in t) return t.region;
  if ('country' in t) return t.country;
  return t.community;
}
