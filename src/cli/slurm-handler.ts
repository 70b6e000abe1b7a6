/** What `hotbed slurm` does: checks the experiment and the options, writes the scripts, says how to submit them. */
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { writeFault, writeFileAtomic } from '../batch/persistence.js';
import { checkOutput } from './outputs.js';
import { printOut } from './output.js';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExperiment } from '../sweep/file.js';
import { shellQuote, slurmFiles, slurmScripts } from '../sweep/slurm.js';
import { slurmMessages } from '../messages/slurm.js';
import { toolVersion } from './version.js';
import type { SlurmArgs } from './slurm-command.js';

/** This installation's hotbed, by absolute paths: what compute nodes sharing the file system can run without a PATH set up. */
const defaultHotbed = () => `${shellQuote(process.execPath)} ${shellQuote(fileURLToPath(new URL('./hotbed.js', import.meta.url)))}`;

/** Returns the exit code. */
export async function handleSlurm(argv: SlurmArgs): Promise<number> {
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
  checkRecipeFolder(argv.out);
  checkOutput(argv.out, 'new or empty folder');

  try {
    mkdirSync(join(out, 'logs'), { recursive: true });
  } catch (e) {
    throw writeFault(join(argv.out, 'logs'), e, 'nothing was written');
  }
  for (const name of slurmFiles) {
    writeFileAtomic(join(out, name), scripts[name]);
    chmodSync(join(out, name), 0o755);
  }
  // Relative to here when inside this folder, else absolute: never a path of ../..
  const inside = relative(process.cwd(), out);
  const shown = inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? out : inside;
  const perShard = Math.ceil(plan.runs / argv.shards);
  printOut(`Wrote ${shown}/: submit.sh, shard.sbatch (a job array of ${argv.shards} shard${argv.shards === 1 ? '' : 's'}, `
    + `up to ${perShard} of the ${plan.runs} runs each), merge.sbatch (runs after every shard succeeded), logs/\n`
    + `Submit on the cluster with:\n  ${shellQuote(join(shown, 'submit.sh')).replace(/^'([\w./-]+)'$/, '$1')}\n`);
  return 0;
}

/** A new folder, or an empty one: never mix a recipe with another sweep's shards. */
function checkRecipeFolder(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw slurmMessages.outputNotAFolder(dir);
  const entries = readdirSync(dir).length;
  if (entries > 0) throw slurmMessages.outputNotEmpty(dir, entries);
}
