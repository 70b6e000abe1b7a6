/**
 * Model runs in worker threads (piscina), as an ABC-SMC evaluator. Each thread
 * builds the model once from a plain-data ModelSpec and runs one proposal per
 * task; results come back in proposal order, so the calibration is the same
 * whatever the number of threads (each run's randomness comes from its key).
 *
 * TypeScript runs through tsx here: the threads load worker.js, which registers
 * tsx in the thread and imports worker.ts.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Evaluate, ProposalKey } from './abc-smc.js';
import type { ModelSpec } from './model.js';

export interface ModelPool {
  evaluate: Evaluate;
  threads: number;
  close(): Promise<void>;
}

export const defaultWorkers = () => Math.max(1, availableParallelism());

export function createPool(spec: ModelSpec, threads: number = defaultWorkers()): ModelPool {
  const pool = new Piscina<{ params: number[]; key: ProposalKey }, number[]>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    workerData: { spec },
  });
  return {
    threads,
    evaluate: (proposals, done) => Promise.all(proposals.map(async (p) => {
      const stats = await pool.run({ params: p.params, key: p.key });
      done?.();
      return stats;
    })),
    close: () => pool.destroy(),
  };
}
