/**
 * Bands over replicates and paired differences, from a comparison's cubes.
 *
 * A band is the median and the 5th, 25th, 75th and 95th percentiles (type-7
 * quantiles, as R and numpy by default) of a number across replicates: the
 * 50 % band is p25–p75, the 90 % band p5–p95. A paired difference is taken
 * replicate by replicate, reference − scenario, before its quantiles: with
 * common random numbers the two runs of a replicate share networks, initial
 * stock and streams, so the difference is the scenario's effect in that
 * replicate (positive: fewer in the scenario, e.g. travellers averted).
 * All values are people (agents × scale).
 */
import type { Band } from '../charts/inputs.js';
import type { Comparison, ComparedScenario } from '../experiments/compare.js';
import { addDays } from '../model/dates.js';
import type { Level } from '../scenario/schema.js';
import { measureNames, type Measure } from '../statistics/measures.js';
import { monthSegments } from './months.js';
import { csvField } from '../numeric/escape.js';
import { roundToDecimals } from '../numeric/number-format.js';
import { quantileType7Sorted as quantile } from '../numeric/quantiles.js';
import { formatNumber } from './tables.js';
import type { ReplicateCube } from './cube.js';

export type { Band };

export const bandColumns = ['median', 'p5', 'p25', 'p75', 'p95'] as const;
export const bandsHeader = ['scenario', 'date', 'level', 'place', 'measure', ...bandColumns] as const;
export const differencesHeader = ['scenario', 'reference', 'date', 'level', 'place', 'measure', ...bandColumns] as const;

const round = (x: number) => roundToDecimals(x, 4);

/** Reused between calls: tables compute hundreds of thousands of bands, and fresh arrays for each cost more in garbage collection than the sorting. */
let scratch = new Float64Array(64);

/** The band of some values (each multiplied by `scale`). */
export function band(values: ArrayLike<number>, scale = 1): Band {
  const n = values.length;
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, 2 * scratch.length));
  const sorted = scratch.subarray(0, n);
  for (let i = 0; i < n; i++) sorted[i] = values[i]! * scale;
  sorted.sort(); // typed arrays sort numerically
  if (n > 0 && sorted[0] === sorted[n - 1]) {
    const v = round(sorted[0]!); // all equal (often all zero): every quantile is that value
    return { median: v, p5: v, p25: v, p75: v, p95: v };
  }
  return {
    median: round(quantile(sorted, 0.5)),
    p5: round(quantile(sorted, 0.05)),
    p25: round(quantile(sorted, 0.25)),
    p75: round(quantile(sorted, 0.75)),
    p95: round(quantile(sorted, 0.95)),
  };
}

/** reference[r] − scenario[r] for each replicate r. */
export function pairedDifferences(reference: ArrayLike<number>, scenario: ArrayLike<number>): number[] {
  if (reference.length !== scenario.length) throw new Error(`results/bands: ${reference.length} reference replicates against ${scenario.length}`);
  return Array.from(reference, (v, r) => v - scenario[r]!);
}

/** reference[r] − scenario[r] into `out` (no allocation). */
function differenceInto(out: Float64Array, reference: ArrayLike<number>, scenario: ArrayLike<number>): Float64Array {
  for (let r = 0; r < out.length; r++) out[r] = reference[r]! - scenario[r]!;
  return out;
}

/** later[r] − earlier[r]: what a cumulative count grew by between two days, per replicate. */
export function growth(earlier: ArrayLike<number>, later: ArrayLike<number>): number[] {
  return pairedDifferences(later, earlier);
}

export const measureIndex = (m: Measure): number => measureNames.indexOf(m);

export function placeRow(c: Comparison, level: Level, name: string): number {
  const i = c.places.findIndex((p) => p.level === level && p.name === name);
  if (i < 0) throw new Error(`results/bands: no ${level} named "${name}" in the comparison`);
  return i;
}

/** Values (agents) of one place and measure on one day, across replicates. */
export function cellOn(s: ComparedScenario, day: number, place: number, measure: Measure): Int32Array {
  return s.cube.cell(s.cube.indexOfDay(day), place, measureIndex(measure));
}

/** Band of a scenario's measure at a place and day, in people. */
export function bandOn(c: Comparison, s: ComparedScenario, day: number, place: number, measure: Measure): Band {
  return band(cellOn(s, day, place, measure), c.scale);
}

/** Band of the paired difference reference − scenario, in people. */
export function differenceOn(c: Comparison, s: ComparedScenario, day: number, place: number, measure: Measure): Band {
  return band(pairedDifferences(cellOn(c.scenarios[0]!, day, place, measure), cellOn(s, day, place, measure)), c.scale);
}

/**
 * The difference as the comparison speaks of it (`c.differences`): travellers averted,
 * reference − scenario, or the change versus the reference, scenario − reference.
 */
export function versusReference(c: Comparison, s: ComparedScenario, day: number, place: number, measure: Measure): Band {
  if (c.differences !== 'change') return differenceOn(c, s, day, place, measure);
  return band(pairedDifferences(cellOn(s, day, place, measure), cellOn(c.scenarios[0]!, day, place, measure)), c.scale);
}

export interface MonthlyBand extends Band {
  month: string;
}

/** A cumulative measure's growth month by month (see results/months), as bands over replicates, in people. */
export function monthlyBands(c: Comparison, s: ComparedScenario, place: number, measure: Measure): MonthlyBand[] {
  return monthSegments(c.start, c.days).map((seg) => ({
    month: seg.month,
    ...band(growth(cellOn(s, seg.from, place, measure), cellOn(s, seg.to, place, measure)), c.scale),
  }));
}

const bandFields = (b: Band) => `${formatNumber(b.median)},${formatNumber(b.p5)},${formatNumber(b.p25)},${formatNumber(b.p75)},${formatNumber(b.p95)}`;

/** Places written to tables: those at the comparison's output levels. */
const writtenPlaces = (c: Comparison) => c.places.map((p, i) => ({ ...p, index: i })).filter((p) => c.levels.includes(p.level));

/**
 * bands.csv: one row per scenario × date × place × measure with the band over
 * replicates (people), on the table days. Tidy, ready for R or pandas.
 */
export function bandsCsv(c: Comparison): string {
  return [...bandsChunks(c)].join('');
}

/** bands.csv in chunks (the header, then one scenario and date each), made as they are asked for. */
export function* bandsChunks(c: Comparison): Generator<string> {
  const places = writtenPlaces(c);
  yield `${bandsHeader.join(',')}\n`;
  for (const s of c.scenarios) yield* cubeChunks(s.cube, c, places, `${csvField(s.name)},`, (d, p, m) => band(s.cube.cell(d, p, m), c.scale));
}

/**
 * differences.csv: one row per scenario (other than the reference) × date ×
 * place × measure with the band of the paired difference reference − scenario.
 */
export function differencesCsv(c: Comparison): string {
  return [...differencesChunks(c)].join('');
}

/** differences.csv in chunks (the header, then one scenario and date each), made as they are asked for. */
export function* differencesChunks(c: Comparison): Generator<string> {
  const places = writtenPlaces(c);
  const ref = c.scenarios[0]!;
  const diff = new Float64Array(c.replicates);
  yield `${differencesHeader.join(',')}\n`;
  for (const s of c.scenarios.slice(1)) {
    yield* cubeChunks(s.cube, c, places, `${csvField(s.name)},${csvField(ref.name)},`,
      (d, p, m) => band(differenceInto(diff, ref.cube.cell(d, p, m), s.cube.cell(d, p, m)), c.scale));
  }
}

/** One chunk per table day (`c.tableDays`, the days of series.csv.gz): a row per place × measure. */
function* cubeChunks(cube: ReplicateCube, c: Comparison, places: { level: Level; name: string; index: number }[], prefix: string,
  bandOf: (day: number, place: number, measure: number) => Band): Generator<string> {
  for (const day of c.tableDays) {
    const d = cube.indexOfDay(day);
    const date = addDays(c.start, day);
    const lines: string[] = [];
    for (const p of places) {
      const head = `${prefix}${date},${p.level},${csvField(p.name)},`;
      for (let m = 0; m < measureNames.length; m++) lines.push(`${head}${measureNames[m]},${bandFields(bandOf(d, p.index, m))}\n`);
    }
    yield lines.join('');
  }
}

export type PlaceBands = Record<Level, Record<string, Record<Measure, Band>>>;

export interface ComparisonSummary {
  title: string;
  reference: string;
  seed: number;
  replicates: number;
  scale: number;
  measures: readonly Measure[];
  note: string;
  scenarios: { name: string; file: string; title: string; hash: string; agents: number; checkpoints: { date: string; places: PlaceBands }[] }[];
  differences: { scenario: string; reference: string; checkpoints: { date: string; places: PlaceBands }[] }[];
}

/** summary.json of a comparison: bands and paired differences at the checkpoints, by place. */
export function comparisonSummary(c: Comparison, title: string): ComparisonSummary {
  const places = writtenPlaces(c);
  const at = (bandOf: (day: number, place: number, m: Measure) => Band) => c.checkpointDays.map((day) => {
    const byLevel = { world: {}, region: {}, country: {}, community: {} } as PlaceBands;
    for (const p of places) {
      const perMeasure = {} as Record<Measure, Band>;
      for (const m of measureNames) perMeasure[m] = bandOf(day, p.index, m);
      byLevel[p.level][p.name] = perMeasure;
    }
    return { date: addDays(c.start, day), places: byLevel };
  });
  const ref = c.scenarios[0]!;
  return {
    title,
    reference: ref.name,
    seed: c.seed,
    replicates: c.replicates,
    scale: c.scale,
    measures: measureNames,
    note: 'Bands over replicates (type-7 quantiles), in people: median, p5, p25, p75, p95 (50% band p25–p75, 90% band p5–p95). '
      + 'Differences are paired by replicate (common random numbers): reference − scenario, so a positive value is fewer in the scenario (e.g. travellers averted).',
    scenarios: c.scenarios.map((s) => ({
      name: s.name,
      file: s.file,
      title: s.loaded.scenario.title,
      hash: s.loaded.hash,
      agents: s.plan.agentCount,
      checkpoints: at((day, p, m) => bandOn(c, s, day, p, m)),
    })),
    differences: c.scenarios.slice(1).map((s) => ({
      scenario: s.name,
      reference: ref.name,
      checkpoints: at((day, p, m) => differenceOn(c, s, day, p, m)),
    })),
  };
}
