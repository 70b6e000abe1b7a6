/**
 * The bridge between ABC-SMC and Hotbed: a parameter vector is applied to the
 * calibrated scenario through the `--set` machinery, re-validated with the
 * scenario schema, run `runsPerProposal` times (replicates of a seed derived from the proposal's
 * key), and reduced to the summary statistics the targets name, in target order,
 * followed by the world's travellers on the first of each month (a trace kept
 * for posterior-predictive charts; the distance does not look at it).
 *
 * Given a tolerance, a model gives up on a proposal as soon as its runs so far show that
 * the distance will exceed it (the world total is already far over its band, say): it then
 * returns NaN statistics, whose distance is Infinity, and the proposal is rejected as it
 * would have been at the end. Exact, not an approximation: the bound (distance.ts,
 * makeDistanceBound) only uses what the rest of the runs cannot undo, so the posterior is
 * the same to the byte; only runaway proposals, the most expensive ones, end sooner.
 *
 * A ModelSpec is plain data, so that worker threads can rebuild the model from it.
 */
import { medianOfMiddles as median } from '../numeric/quantiles.js';
import { runScenario } from '../experiments/run.js';
import { planWorld } from '../world/plan.js';
import { daysBetween } from '../model/dates.js';
import type { Scenario } from '../scenario/schema.js';
import { stream } from '../random/streams.js';
import type { ProposalKey } from './abc-smc.js';
import { boundsBeforeRun, StatisticReader, statisticDays } from '../results/statistics.js';
import type { Snapshot } from '../results/recorder.js';
import { makeDistanceBound, type DistanceKind, type Target } from './distance.js';
import { statisticOf, type Statistic } from '../statistics/registry.js';
import { WORLD } from '../world/places.js';
import type { Calibration } from './load.js';
import { scenarioWith } from '../batch/parameters.js';
import type { TaskModel } from '../batch/pool.js';

export interface ModelSpec {
  /** The validated scenario the parameters are applied to (calibration scale, fixed overrides applied). */
  scenario: Scenario;
  /** --set paths, in parameter order. */
  parameterPaths: string[];
  /** One statistic per target, in target order. */
  statistics: Statistic[];
  targetDate: string;
  /** Dates of the trace of world travellers appended after the statistics. */
  traceDates: string[];
  /** Runs per proposal (each its own world and streams); their medians are the proposal's statistics. */
  runsPerProposal: number;
  /** The targets and distance the statistics are judged by, in statistic order: what lets a run give up early. */
  judgedBy?: { targets: Target[]; kind: DistanceKind };
}

/** Statistics of a proposal; with a finite `tolerance`, NaN statistics once its distance is sure to exceed it. */
export type Model = (params: readonly number[], key: ProposalKey, tolerance?: number) => number[];

export function modelSpecOf(c: Calibration): ModelSpec {
  const s = c.loaded.scenario;
  return {
    scenario: s,
    parameterPaths: c.parameters.map((p) => p.path),
    statistics: c.targets.map((t) => t.statistic),
    targetDate: c.targetDate,
    traceDates: monthStarts(s.dates.start, s.dates.end),
    runsPerProposal: c.runsPerProposal,
    judgedBy: { targets: c.targets.map(({ name, value, low, high, weight }) => ({ name, value, low, high, weight })), kind: c.distance },
  };
}

/** Names of everything a model run returns: the targets, then `trace:DATE` for each trace date. */
export function outputNames(c: Calibration, spec: ModelSpec): string[] {
  return [...c.targets.map((t) => t.name), ...spec.traceDates.map((d) => `trace:${d}`)];
}

/** The first of each month from the start to the end date, both included. */
export function monthStarts(start: string, end: string): string[] {
  const out = [start];
  let [y, m] = start.split('-').map(Number) as [number, number];
  for (;;) {
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
    const d = `${y}-${String(m).padStart(2, '0')}-01`;
    if (d > end) break;
    if (d > start) out.push(d);
  }
  if (out.at(-1) !== end) out.push(end);
  return out;
}

/** The run's seed for a proposal: a 32-bit number from the proposal's own stream. */
export function modelSeed(key: ProposalKey): number {
  return Math.floor(stream({ seed: key.seed, replicate: key.generation, purpose: `abc/model/${key.particle}/${key.attempt}` })() * 2 ** 32);
}

export function createModel(spec: ModelSpec): Model {
  const start = spec.scenario.dates.start;
  const targetDay = daysBetween(start, spec.targetDate);
  const traceDays = spec.traceDates.map((d) => daysBetween(start, d));
  const extraDays = [targetDay, ...traceDays, ...statisticDays(spec.statistics, start)];
  const worldTravelled = statisticOf('travelled', 'world', WORLD, spec.targetDate);
  const bound = spec.judgedBy && makeDistanceBound(spec.judgedBy.targets, spec.judgedBy.kind);
  const unrun = spec.statistics.map(boundsBeforeRun);
  const checkDays = new Set(traceDays);
  return (params, key, tolerance = Infinity) => {
    const scenario = scenarioWith(spec, params);
    const runs = spec.runsPerProposal ?? 1;
    const plan = planWorld(scenario);
    const outputs: number[][] = [];
    // The statistics' bounds in each run, from what it has recorded so far (runs not yet made: `unrun`).
    const low = new Array<number>(spec.statistics.length);
    const high = new Array<number>(spec.statistics.length);
    const lows = new Array<number>(runs);
    const highs = new Array<number>(runs);
    const sure = (replicate: number, read: StatisticReader, today: number): boolean => {
      spec.statistics.forEach((st, k) => {
        const now = read.boundsOn(st, today);
        for (let r = 0; r < runs; r++) {
          lows[r] = r < replicate ? outputs[r]![k]! : r === replicate ? now.low : unrun[k]!.low;
          highs[r] = r < replicate ? outputs[r]![k]! : r === replicate ? now.high : unrun[k]!.high;
        }
        // The median grows with each of its values, so the medians of the bounds bound the median.
        low[k] = runs === 1 ? lows[0]! : median(lows);
        high[k] = runs === 1 ? highs[0]! : median(highs);
      });
      return bound!(low, high) > tolerance;
    };
    let reader: StatisticReader | undefined;
    const result = runScenario(scenario, {
      seed: modelSeed(key),
      replicates: runs,
      keepSnapshots: false,
      extraRecordDays: extraDays,
      ...(bound && Number.isFinite(tolerance)
        ? {
          abandonWhen: (replicate: number, snapshot: Snapshot) => {
            if (snapshot.day === 0) reader = new StatisticReader(plan, [], start);
            reader!.add(snapshot);
            // On the first of each month only: a weekly look cost more than the sooner stops saved.
            return checkDays.has(snapshot.day) && sure(replicate, reader!, snapshot.day);
          },
        }
        : {}),
      onReplicate: (r) => {
        // The reader that followed the run has every snapshot already.
        const read = reader ?? new StatisticReader(plan, r.snapshots, start);
        outputs.push([...spec.statistics.map((st) => read.value(st)), ...traceDays.map((d) => read.valueOn(worldTravelled, d))]);
      },
    });
    if (result.abandoned) return new Array<number>(spec.statistics.length + traceDays.length).fill(NaN);
    return runs === 1 ? outputs[0]! : outputs[0]!.map((_, k) => median(outputs.map((o) => o[k]!)));
  };
}

/** Simulations per second of the model in this thread, over `runs` runs at the spec's parameters `params` (after one warm-up run). */
export function measureSpeed(spec: ModelSpec, params: readonly number[], runs: number, seed = 1): { perSecond: number; msPerSimulation: number } {
  const model = createModel(spec);
  model(params, { seed, generation: -1, particle: 0, attempt: 0 });
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) model(params, { seed, generation: -1, particle: i + 1, attempt: 0 });
  const ms = (performance.now() - t0) / runs;
  return { perSecond: 1000 / ms, msPerSimulation: ms };
}

/** One proposal, as the pool sends it. */
export interface ProposalTask {
  params: number[];
  key: ProposalKey;
  /** The generation's tolerance (Infinity, or absent: run to the end whatever the distance). */
  tolerance?: number;
}

/** The runner of a calibration's proposals, in any thread. */
export default function createProposalTasks(spec: ModelSpec): (task: ProposalTask) => number[] {
  const model = createModel(spec);
  return (task) => model(task.params, task.key, task.tolerance);
}

export const calibrationTasks: TaskModel<ModelSpec, ProposalTask, number[]> = { module: import.meta.url, create: createProposalTasks };
