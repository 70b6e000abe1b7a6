/**
 * A calibration worker thread: rebuilds the model from the spec it was started
 * with (workerData) and runs one proposal per task. Loaded through worker.js.
 */
import { workerData } from 'node:worker_threads';
import type { ProposalKey } from './abc-smc.js';
import { createModel, type ModelSpec } from './model.js';

const model = createModel((workerData as { spec: ModelSpec }).spec);

export default function run(task: { params: number[]; key: ProposalKey }): number[] {
  return model(task.params, task.key);
}
