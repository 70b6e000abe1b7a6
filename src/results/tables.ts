/**
 * Tables from a run: the tidy series (one row per replicate × date × place ×
 * measure) and the checkpoint summary. Pure functions of the run result, so
 * the same run gives the same bytes.
 */
import { addDays } from '../model/dates.js';
import { csvField } from '../numeric/escape.js';
import { roundToDecimals } from '../numeric/number-format.js';
import { quantileType7Sorted as quantile } from '../numeric/quantiles.js';
import type { RunResult } from '../experiments/run.js';
import type { Level } from '../scenario/schema.js';
import { measureAgents, measureNames, type Measure } from '../statistics/measures.js';
import { placeIndex, type Place } from '../world/places.js';
import type { StatisticSeries } from '../charts/inputs.js';
import { describedStatistic, type Statistic } from '../statistics/registry.js';
import { definedOn, StatisticReader } from './statistics.js';

export const seriesHeader = ['replicate', 'date', 'level', 'place', 'measure', 'value'] as const;

/** Numbers as text without float noise: integers plainly, others to 4 significant decimals. */
export function formatNumber(x: number): string {
  return String(roundToDecimals(x, 4));
}

/**
 * Rows for the run's own record days (other snapshots, kept for monthly bands or the start of a
 * rate's period, are read but not written): every measure at every place of `levels`, then each
 * statistic the scenario's `outputs` ask for, at its own place.
 */
export function seriesCsv(run: RunResult, levels: readonly Level[] = run.scenario.output.levels): string {
  return [...seriesChunks(run, levels)].join('');
}

/**
 * The same text as `seriesCsv`, in chunks (the header, then one replicate and date each), made
 * one at a time as they are asked for: the default run's table is millions of rows, and held
 * whole as strings it took more memory than everything else of the run together.
 */
export function* seriesChunks(run: RunResult, levels: readonly Level[] = run.scenario.output.levels): Generator<string> {
  const places = placeIndex(run.plan).at(levels);
  const scale = run.plan.scale;
  const start = run.scenario.dates.start;
  const statistics = run.statistics;
  const own = new Set(run.recordDays);
  yield `${seriesHeader.join(',')}\n`;
  for (const rep of run.replicates) {
    const read = statistics.length ? new StatisticReader(run.plan, rep.snapshots, start) : undefined;
    for (const snap of rep.snapshots) {
      if (!own.has(snap.day)) continue;
      const date = addDays(start, snap.day);
      const lines: string[] = [];
      for (const place of places) {
        const values = measureAgents(snap, place.communities);
        const prefix = `${rep.replicate},${date},${place.level},${csvField(place.name)},`;
        for (let m = 0; m < measureNames.length; m++) lines.push(`${prefix}${measureNames[m]},${formatNumber(values[m]! * scale)}\n`);
      }
      for (const s of statistics) {
        if (!definedOn(s, snap.day, start)) continue;
        lines.push(`${rep.replicate},${date},${s.level},${csvField(s.place)},${csvField(s.name)},${formatValue(read!.valueOn(s, snap.day))}\n`);
      }
      yield lines.join('');
    }
  }
}

/** A value of a statistic in a table: a share or rate may be undefined (nothing to divide by): empty. */
const formatValue = (x: number) => (Number.isNaN(x) ? '' : formatNumber(x));

export interface Quantiles {
  median: number;
  p5: number;
  p95: number;
}

export function quantiles(values: readonly number[]): Quantiles {
  const s = [...values].sort((a, b) => a - b);
  return { median: roundToDecimals(quantile(s, 0.5), 4), p5: roundToDecimals(quantile(s, 0.05), 4), p95: roundToDecimals(quantile(s, 0.95), 4) };
}

export type CheckpointValues = Record<Level, Record<string, Record<Measure, Quantiles>>>;

export interface Summary {
  title: string;
  seed: number;
  replicates: number;
  scale: number;
  agents: number;
  ties: { median: number };
  measures: readonly Measure[];
  checkpoints: { date: string; places: CheckpointValues }[];
  /** The scenario's `outputs`, at each checkpoint where defined (only when it has some). */
  statistics?: StatisticSummary[];
}

export interface StatisticSummary extends Statistic {
  /** Quantiles over replicates (replicates where the value is undefined left out). */
  checkpoints: ({ date: string } & Quantiles)[];
}

/** Values of one measure for one place at one day, across replicates, in people. */
export function valuesAt(run: RunResult, place: Place, day: number, measure: Measure): number[] {
  const m = measureNames.indexOf(measure);
  return run.replicates.map((rep) => {
    const snap = rep.snapshots.find((s) => s.day === day);
    if (!snap) throw new Error(`results/tables: no snapshot for day ${day}`);
    return measureAgents(snap, place.communities)[m]! * run.plan.scale;
  });
}

export function summarize(run: RunResult): Summary {
  const places = placeIndex(run.plan).all;
  const checkpoints = run.checkpointDays.map((day) => {
    const byLevel = { world: {}, region: {}, country: {}, community: {} } as CheckpointValues;
    for (const place of places) {
      const perMeasure = {} as Record<Measure, Quantiles>;
      for (const measure of measureNames) perMeasure[measure] = quantiles(valuesAt(run, place, day, measure));
      byLevel[place.level][place.name] = perMeasure;
    }
    return { date: addDays(run.scenario.dates.start, day), places: byLevel };
  });
  const ties = run.replicates.map((r) => r.ties).sort((a, b) => a - b);
  return {
    title: run.scenario.title,
    seed: run.seed,
    replicates: run.replicates.length,
    scale: run.plan.scale,
    agents: run.plan.agentCount,
    ties: { median: quantile(ties, 0.5) },
    measures: measureNames,
    checkpoints,
    ...(run.scenario.outputs ? { statistics: statisticSummaries(run) } : {}),
  };
}

function statisticSummaries(run: RunResult): StatisticSummary[] {
  return run.statistics.map((s) => ({ ...s, checkpoints: statisticBands(run, s, run.checkpointDays) }));
}

/** A scenario's outputs over its own record days: what the report draws of them. */
export function statisticSeries(run: RunResult): StatisticSeries[] {
  return run.statistics.map((s) => {
    const described = describedStatistic(s);
    const place = s.level === 'world' ? s.place : `${s.place} (${s.level})`;
    return { name: s.name, description: described.description, unit: described.unit, place, points: statisticBands(run, s, run.recordDays) };
  });
}

/** Median and 90 % range over replicates of a statistic on each of `days` where it has a value in some replicate. */
function statisticBands(run: RunResult, s: Statistic, days: readonly number[]): ({ date: string } & Quantiles)[] {
  const start = run.scenario.dates.start;
  const readers = run.replicates.map((r) => new StatisticReader(run.plan, r.snapshots, start));
  return days.filter((day) => definedOn(s, day, start)).flatMap((day) => {
    const values = readers.map((r) => r.valueOn(s, day)).filter((x) => !Number.isNaN(x));
    return values.length === 0 ? [] : [{ date: addDays(start, day), ...quantiles(values) }];
  });
}
