/**
 * The one worker pool of Hotbed's many-runs layer: a model is rebuilt once per
 * thread from a plain-data spec, and each task (one run, one proposal) is sent to
 * a free thread. With one worker everything runs in this thread, one task at a
 * time, yielding between tasks so that progress and signals get through. Either
 * way a task's randomness comes from its own key, so results do not depend on
 * which thread ran it or when.
 *
 * Threads load ./worker.js beside this module, which imports the model's module. In the
 * build that is worker.ts compiled, plain JavaScript; in the sources (tests, development) it
 * is a small file that registers tsx in the thread first and then imports worker.ts.
 */
import { Piscina } from 'piscina';
import { defaultWorkers } from './cores.js';

/** A model worker threads can rebuild: a module whose default export makes the task runner from a spec. */
export interface TaskModel<Spec, Task, Result> {
  /** URL of the module whose default export is `create` (its own import.meta.url). */
  module: string;
  create(spec: Spec): (task: Task) => Result;
}

export interface Pool<Task, Result> {
  run(task: Task): Promise<Result>;
  threads: number;
  close(): Promise<void>;
}

export function createPool<Spec, Task, Result>(model: TaskModel<Spec, Task, Result>, spec: Spec, threads: number = defaultWorkers()): Pool<Task, Result> {
  if (threads <= 1) return localPool(model.create(spec));
  const pool = new Piscina<Task, Result>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    workerData: { module: model.module, spec },
  });
  return { threads, run: (task) => pool.run(task), close: () => pool.destroy() };
}

function localPool<Task, Result>(run: (task: Task) => Result): Pool<Task, Result> {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    threads: 1,
    run: (task) => {
      const next = chain.then(() => new Promise<Result>((resolve, reject) => {
        setImmediate(() => {
          try {
            resolve(run(task));
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
