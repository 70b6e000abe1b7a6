/**
 * A deliberate failure, for testing what a sweep does when a run throws (the
 * report names the run and its seed, finished runs are kept): the runs listed in
 * HOTBED_SWEEP_FAIL_RUNS (run indices, comma-separated) throw. The variable is
 * read in whichever thread runs the model, so the test exercises the real path
 * from a worker thread back to the user. Unset, it costs one lookup per sweep.
 */
export const FAULT_VARIABLE = 'HOTBED_SWEEP_FAIL_RUNS';

export function injectedFaults(env: NodeJS.ProcessEnv = process.env): Set<number> {
  const text = env[FAULT_VARIABLE];
  return new Set(text ? text.split(',').map((s) => Number(s.trim())).filter(Number.isInteger) : []);
}

export function throwIfInjected(faults: ReadonlySet<number>, run: number): void {
  if (faults.has(run)) throw new Error(`failure injected by ${FAULT_VARIABLE} (run ${run})`);
}
