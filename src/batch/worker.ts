/**
 * A worker thread of the pool: imports the model's module named in workerData,
 * builds its task runner once from the spec, and runs one task per call.
 */
import { workerData } from 'node:worker_threads';

const { module, spec } = workerData as { module: string; spec: unknown };
const { default: create } = (await import(module)) as { default: (spec: unknown) => (task: unknown) => unknown };
const run = create(spec);

export default function task(t: unknown): unknown {
  return run(t);
}
