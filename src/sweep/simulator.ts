/**
 * One run of a sweep: the factor values are applied to the scenario through the
 * `--set` machinery (re-validated), the scenario runs once with the run's seed,
 * and the run is reduced to the experiment's outputs, in output order: each a
 * statistic of the registry, read as calibration targets and run outputs are.
 * A SweepModelSpec is plain data, so that worker threads rebuild the model from it.
 */
import { scenarioWith } from '../batch/parameters.js';
import type { TaskModel } from '../batch/pool.js';
import { injectedFaults, throwIfInjected } from './fault.js';
import { runScenario } from '../experiments/run.js';
import { StatisticReader, statisticDays } from '../results/statistics.js';
import type { Scenario } from '../scenario/schema.js';
import type { Statistic } from '../statistics/registry.js';

export interface SweepModelSpec {
  /** The validated scenario the factors are applied to. */
  scenario: Scenario;
  /** --set paths, in factor order. */
  paths: string[];
  outputs: Statistic[];
}

export type SweepModel = (values: readonly number[], seed: number) => number[];

export function createSweepModel(spec: SweepModelSpec): SweepModel {
  const start = spec.scenario.dates.start;
  const days = statisticDays(spec.outputs, start);
  return (values, seed) => {
    const scenario = scenarioWith({ scenario: spec.scenario, parameterPaths: spec.paths }, values);
    const run = runScenario(scenario, { seed, replicates: 1, extraRecordDays: days });
    const read = new StatisticReader(run.plan, run.replicates[0]!.snapshots, start);
    return spec.outputs.map((o) => read.value(o));
  };
}

/** One run of a sweep, as the pool sends it. */
export interface RunTask {
  run: number;
  values: number[];
  seed: number;
}

/** The runner of a sweep's tasks, in any thread; runs named by the fault variable throw (tests). */
export default function createRunTasks(spec: SweepModelSpec): (task: RunTask) => number[] {
  const model = createSweepModel(spec);
  const faults = injectedFaults();
  return (task) => {
    throwIfInjected(faults, task.run);
    return model(task.values, task.seed);
  };
}

export const sweepTasks: TaskModel<SweepModelSpec, RunTask, number[]> = { module: import.meta.url, create: createRunTasks };
