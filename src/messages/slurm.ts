/**
 * Every message `hotbed slurm` can give, as a named builder: the script
 * generator and the command throw these, tests compare against them, so the
 * wording lives here once. Each names what was expected and what was found.
 */
import { UserError } from './errors.js';
import { messages } from './scenario.js';

/** Slurm's default MaxArraySize is 1001, so array indices above 1000 are refused on most clusters. */
export const MAX_SHARDS = 1000;

const option = (name: string, expected: string, found: unknown, hint?: string) =>
  new UserError({ file: 'command line', path: name, problem: 'wrong value', expected, found: messages.describe(found), hint });

export const slurmMessages = {
  badShards: (found: unknown) =>
    option('--shards', `a whole number from 1 to ${MAX_SHARDS}`, found,
      `one array task per shard, and Slurm's default MaxArraySize allows task ids up to ${MAX_SHARDS}`),

  tooManyShards: (experiment: string, shards: number, runs: number) =>
    new UserError({ file: experiment, problem: `${shards} shards for ${runs} run${runs === 1 ? '' : 's'}: some shards would have nothing to do`,
      expected: `--shards from 1 to ${runs}`, found: `${shards}` }),

  badTime: (found: unknown) =>
    option('--time', 'a Slurm time limit: MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS', found),

  badCpus: (found: unknown) =>
    option('--cpus-per-task', 'a whole number from 1 to 1024', found),

  badMem: (found: unknown) =>
    option('--mem', 'a memory size per node such as 4000, 4000M, 16G or 1T', found),

  badPartition: (found: unknown) =>
    option('--partition', 'a partition name (letters, digits, _ . -), or several separated by commas', found),

  badHotbedCommand: (found: unknown) =>
    option('--hotbed-command', 'a shell command on one line that runs hotbed, e.g. "npx hotbed"', found),

  notAbsolute: (what: string, found: string) =>
    new UserError({ problem: `the ${what} path written into the scripts must be absolute`, expected: 'an absolute path', found: JSON.stringify(found) }),

  outputNotEmpty: (dir: string, entries: number) =>
    new UserError({ file: dir, problem: `the output folder is not empty (${entries} entr${entries === 1 ? 'y' : 'ies'}); nothing was written`,
      hint: 'choose another --out, or an empty or new folder' }),

  outputNotAFolder: (dir: string) =>
    new UserError({ file: dir, problem: 'the output path exists and is not a folder; nothing was written', expected: 'a new or empty folder' }),
};
