/**
 * A sweep worker thread: rebuilds the model from the spec it was started with
 * (workerData) and runs one run per task. Loaded through worker.js.
 */
import { workerData } from 'node:worker_threads';
import { injectedFaults, throwIfInjected } from './fault.js';
import { createSweepModel, type SweepModelSpec } from './model.js';

const model = createSweepModel((workerData as { spec: SweepModelSpec }).spec);
const faults = injectedFaults();

export default function run(task: { run: number; values: number[]; seed: number }): number[] {
  throwIfInjected(faults, task.run);
  return model(task.values, task.seed);
}
