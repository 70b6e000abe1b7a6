/**
 * The bridge between ABC-SMC and Hotbed: a parameter vector is applied to the
 * calibrated scenario through the `--set` machinery, re-validated with the
 * scenario schema, run `runsPerProposal` times (replicates of a seed derived from the proposal's
 * key), and reduced to the summary statistics the targets name, in target order,
 * followed by the world's travellers on the first of each month (a trace kept
 * for posterior-predictive charts; the distance does not look at it).
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
import { StatisticReader, statisticDays } from '../results/statistics.js';
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
}

export type Model = (params: readonly number[], key: ProposalKey) => number[];

export function modelSpecOf(c: Calibration): ModelSpec {
  const s = c.loaded.scenario;
  return {
    scenario: s,
    parameterPaths: c.parameters.map((p) => p.path),
    statistics: c.targets.map((t) => t.statistic),
    targetDate: c.targetDate,
    traceDates: monthStarts(s.dates.start, s.dates.end),
    runsPerProposal: c.runsPerProposal,
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
  return (params, key) => {
    const scenario = scenarioWith(spec, params);
    const runs = spec.runsPerProposal ?? 1;
    const plan = planWorld(scenario);
    const outputs: number[][] = [];
    runScenario(scenario, {
      seed: modelSeed(key),
      replicates: runs,
      keepSnapshots: false,
      extraRecordDays: extraDays,
      onReplicate: (r) => {
        const read = new StatisticReader(plan, r.snapshots, start);
        outputs.push([...spec.statistics.map((st) => read.value(st)), ...traceDays.map((d) => read.valueOn(worldTravelled, d))]);
      },
    });
    return runs === 1 ? outputs[0]! : outputs[0]!.map((_, k) => median(outputs.map((o) => o[k]!)));
  };
}

/** The median (NaN if any value is NaN: a statistic missing from one run is missing). */

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
}

/** The runner of a calibration's proposals, in any thread. */
export default function createProposalTasks(spec: ModelSpec): (task: ProposalTask) => number[] {
  const model = createModel(spec);
  return (task) => model(task.params, task.key);
}

export const calibrationTasks: TaskModel<ModelSpec, ProposalTask, number[]> = { module: import.meta.url, create: createProposalTasks };
