/**
 * Where runs are computed: in worker threads (piscina) or, with one worker, in
 * this thread. Either way each task is one run, identified by its index; its
 * randomness comes from its own seed, so the results do not depend on which
 * thread ran it or when, and the runner puts them back in run order.
 */
import { Piscina } from 'piscina';
import { injectedFaults, throwIfInjected } from './fault.js';
import { createSweepModel, type SweepModelSpec } from './model.js';

export interface RunTask {
  run: number;
  values: number[];
  seed: number;
}

export interface RunPool {
  run(task: RunTask): Promise<number[]>;
  threads: number;
  close(): Promise<void>;
}

export function createRunPool(spec: SweepModelSpec, threads: number): RunPool {
  if (threads <= 1) return localPool(spec);
  const pool = new Piscina<RunTask, number[]>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    workerData: { spec },
  });
  return { threads, run: (task) => pool.run(task), close: () => pool.destroy() };
}

/** One worker: runs in this thread, one at a time, yielding between runs so progress and signals get through. */
function localPool(spec: SweepModelSpec): RunPool {
  const model = createSweepModel(spec);
  const faults = injectedFaults();
  let chain: Promise<unknown> = Promise.resolve();
  return {
    threads: 1,
    run: (task) => {
      const next = chain.then(() => new Promise<number[]>((resolve, reject) => {
        setImmediate(() => {
          try {
            throwIfInjected(faults, task.run);
            resolve(model(task.values, task.seed));
          } catch (e) {
            reject(e);
          }
        });
      }));
      chain = next.catch(() => undefined);
      return next;
    },
    close: async () => {
      await chain;
    },
  };
}
