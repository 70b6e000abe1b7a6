/**
 * `hotbed slurm`: writes the Slurm recipe for a sweep (a shard job array, a
 * dependent merge, a submit script) into a new folder, after checking the
 * experiment file here, so that a mistake in it is found now and not by a
 * thousand array tasks on the cluster.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandModule } from 'yargs';
import { loadExperiment } from '../sweep/file.js';
import { shellQuote, slurmFiles, slurmScripts } from '../sweep/slurm.js';
import { slurmMessages } from '../messages/slurm.js';
import { toolVersion } from './version.js';

interface SlurmArgs {
  experiment: string;
  shards: number;
  out: string;
  partition?: string;
  time?: string;
  'cpus-per-task': number;
  mem?: string;
  'hotbed-command'?: string;
}

/** This installation's hotbed, by absolute paths: what compute nodes sharing the file system can run without a PATH set up. */
const defaultHotbed = () => `${shellQuote(process.execPath)} ${shellQuote(fileURLToPath(new URL('./hotbed.js', import.meta.url)))}`;

export function slurmCommand(setExit: (code: number) => void): CommandModule<object, SlurmArgs> {
  return {
    command: 'slurm <experiment>',
    describe: 'Write a Slurm job array that runs a sweep in shards, a merge job that runs after them, and the script that submits both',
    builder: (y) => y
      .positional('experiment', { type: 'string', demandOption: true, description: 'Experiment file, e.g. scenarios/experiments/morris-baseline.yaml' })
      .option('shards', { type: 'number', demandOption: true, description: 'Number of shards: one array task each' })
      .option('out', { type: 'string', demandOption: true, description: 'Folder for the scripts, logs/, shards/ and merged/ (new or empty)' })
      .option('partition', { type: 'string', description: 'Slurm partition (default: the cluster\'s default partition)' })
      .option('time', { type: 'string', description: 'Time limit of each job, e.g. 02:00:00 (default: the partition\'s)' })
      .option('cpus-per-task', { type: 'number', default: 1, description: 'CPUs per shard; the shard runs one worker thread on each' })
      .option('mem', { type: 'string', description: 'Memory per job, e.g. 8G (default: the partition\'s)' })
      .option('hotbed-command', { type: 'string', description: 'Shell command that runs hotbed on the compute nodes, e.g. "npx hotbed" (default: this node and this hotbed, by absolute paths)' }) as never,
    handler: (argv) => {
      // Every option is checked (by the generator) before the experiment is loaded, which may take a while.
      const out = resolve(argv.out);
      const experimentPath = resolve(argv.experiment);
      const scripts = slurmScripts({
        experiment: experimentPath,
        shards: argv.shards,
        out,
        workdir: process.cwd(),
        hotbed: argv['hotbed-command'] ?? defaultHotbed(),
        partition: argv.partition,
        time: argv.time,
        cpusPerTask: argv['cpus-per-task'],
        mem: argv.mem,
      });
      const { plan } = loadExperiment(argv.experiment, { toolVersion: toolVersion() });
      if (argv.shards > plan.runs) throw slurmMessages.tooManyShards(argv.experiment, argv.shards, plan.runs);
      checkOutput(argv.out);

      mkdirSync(join(out, 'logs'), { recursive: true });
      for (const name of slurmFiles) {
        writeFileSync(join(out, name), scripts[name]);
        chmodSync(join(out, name), 0o755);
      }
      // Relative to here when inside this folder, else absolute: never a path of ../..
      const inside = relative(process.cwd(), out);
      const shown = inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? out : inside;
      const perShard = Math.ceil(plan.runs / argv.shards);
      process.stdout.write(`Wrote ${shown}/: submit.sh, shard.sbatch (a job array of ${argv.shards} shard${argv.shards === 1 ? '' : 's'}, `
        + `up to ${perShard} of the ${plan.runs} runs each), merge.sbatch (runs after every shard succeeded), logs/\n`
        + `Submit on the cluster with:\n  ${shellQuote(join(shown, 'submit.sh')).replace(/^'([\w./-]+)'$/, '$1')}\n`);
      setExit(0);
    },
  };
}

/** A new folder, or an empty one: never mix a recipe with another sweep's shards. */
function checkOutput(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw slurmMessages.outputNotAFolder(dir);
  const entries = readdirSync(dir).length;
  if (entries > 0) throw slurmMessages.outputNotEmpty(dir, entries);
}
