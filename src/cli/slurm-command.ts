/**
 * `hotbed slurm`: writes the Slurm recipe for a sweep (a shard job array, a
 * dependent merge, a submit script) into a new folder, after checking the
 * experiment file here, so that a mistake in it is found now and not by a
 * thousand array tasks on the cluster. Its options; the work is in slurm-handler.ts,
 * loaded when the command runs.
 */
import type { CommandModule } from 'yargs';

export interface SlurmArgs {
  experiment: string;
  shards: number;
  out: string;
  partition?: string;
  time?: string;
  'cpus-per-task': number;
  mem?: string;
  'hotbed-command'?: string;
}

export function slurmCommand(setExit: (code: number) => void): CommandModule<object, SlurmArgs> {
  return {
    command: 'slurm <experiment>',
    describe: 'Write a Slurm job array that runs a sweep in shards, a merge job that runs after them, and the script that submits both',
    builder: (y) => y
      .positional('experiment', { type: 'string', demandOption: true, description: 'Experiment file, e.g. scenarios/experiments/morris-baseline.yaml' })
      .option('shards', { type: 'number', requiresArg: true, demandOption: true, description: 'Number of shards: one array task each' })
      .option('out', { type: 'string', demandOption: true, description: 'Folder for the scripts, logs/, shards/ and merged/ (new or empty)' })
      .option('partition', { type: 'string', description: 'Slurm partition (default: the cluster\'s default partition)' })
      .option('time', { type: 'string', description: 'Time limit of each job, e.g. 02:00:00 (default: the partition\'s)' })
      .option('cpus-per-task', { type: 'number', requiresArg: true, default: 1, description: 'CPUs per shard; the shard runs one worker thread on each' })
      .option('mem', { type: 'string', description: 'Memory per job, e.g. 8G (default: the partition\'s)' })
      .option('hotbed-command', { type: 'string', description: 'Shell command that runs hotbed on the compute nodes, e.g. "npx hotbed" (default: this node and this hotbed, by absolute paths)' }) as never,
    handler: async (argv) => setExit(await (await import('./slurm-handler.js')).handleSlurm(argv)),
  };
}
