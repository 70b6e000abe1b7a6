/**
 * The calibration's evaluator on the pool of the many-runs layer: ABC-SMC hands
 * it a batch of proposals and gets their statistics back in proposal order.
 */
import { createPool } from '../batch/pool.js';
import type { Evaluate } from './abc-smc.js';
import { calibrationTasks, type ModelSpec } from './simulator.js';

export interface ModelPool {
  evaluate: Evaluate;
  threads: number;
  close(): Promise<void>;
}

export function createModelPool(spec: ModelSpec, threads: number): ModelPool {
  const pool = createPool(calibrationTasks, spec, threads);
  return {
    threads: pool.threads,
    evaluate: (proposals, done) => Promise.all(proposals.map(async (p) => {
      const stats = await pool.run({ params: [...p.params], key: p.key, tolerance: p.tolerance });
      done?.();
      return stats;
    })),
    close: () => pool.close(),
  };
}
