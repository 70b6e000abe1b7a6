/**
 * `hotbed sweep`: runs an experiment file (factors, design, replicates, outputs)
 * on all cores, resumably, whole or as one shard of a job array, and prints what
 * drives each output. Its options; the work is in src/sweep/ and sweep-handler.ts (which
 * reads the options and prints), loaded when the command runs.
 */
import type { CommandModule } from 'yargs';
import { defaultWorkers } from '../batch/cores.js';

export interface SweepArgs {
  experiment: string;
  out?: string;
  workers?: number;
  shard?: string;
  resume?: string;
  progress: string;
  quiet: boolean;
}

export const progressModes = ['bar', 'json', 'none'] as const;

export function sweepCommand(setExit: (code: number) => void): CommandModule<object, SweepArgs> {
  return {
    command: 'sweep <experiment>',
    describe: 'Run an experiment: a grid, Latin hypercube, Morris or Sobol design over a scenario\'s parameters, with replicates, tables, sensitivity indices and charts',
    builder: (y) => y
      .positional('experiment', { type: 'string', demandOption: true, description: 'Experiment file, e.g. scenarios/experiments/morris-baseline.yaml' })
      .option('out', { type: 'string', description: 'Result folder (default: results/<experiment>-<timestamp>); must not exist' })
      .option('workers', { type: 'number', requiresArg: true, description: `Worker threads (default: all cores, ${defaultWorkers()} here); the results do not depend on it` })
      .option('shard', { type: 'string', description: 'Run only shard K of N (K/N, 1 ≤ K ≤ N): runs i with i mod N = K − 1; join the shards with hotbed merge' })
      .option('resume', { type: 'string', description: 'Finish the sweep in this folder (made by an interrupted hotbed sweep of the same experiment): only missing runs are run' })
      .option('progress', { type: 'string', choices: progressModes as unknown as string[], default: 'bar', description: 'bar: a progress bar on a terminal (periodic lines otherwise); json: JSON lines on stderr; none' })
      .option('quiet', { type: 'boolean', default: false, description: 'No progress output (as --progress none)' }) as never,
    handler: async (argv) => setExit(await (await import('./sweep-handler.js')).handleSweep(argv)),
  };
}
