/**
 * The Slurm recipe for a sweep, as text: a job array with one task per shard,
 * a merge job that runs only after every shard succeeded, and a submit script
 * that chains them. A pure function of its options, so the scripts can be
 * checked in tests without a cluster, and `hotbed slurm` only writes them.
 *
 * The scripts are meant to be read: researchers who know Slurm will adapt them
 * (modules, accounts, QOS), so they explain themselves in comments. Paths go
 * into the scripts single-quoted for bash, which keeps spaces, quotes and `$`
 * literal; nothing the user typed reaches an `#SBATCH` line unchecked, because
 * sbatch parses those lines itself, without a shell.
 */
import { basename, extname, isAbsolute } from 'node:path';
import { MAX_SHARDS, slurmMessages } from '../messages/slurm.js';

export interface SlurmOptions {
  /** The experiment file, absolute. */
  experiment: string;
  /** Number of shards, one array task each. */
  shards: number;
  /** The output folder, absolute: scripts, logs/, shards/K/ and merged/ go in it. */
  out: string;
  /** Where the jobs run, absolute: relative paths and `npx` resolve from here. */
  workdir: string;
  /** A shell command that runs hotbed, inserted as is, e.g. `npx hotbed`. */
  hotbed: string;
  partition?: string;
  /** Slurm time limit per job; the partition's default when absent. */
  time?: string;
  /** CPUs of each shard's job, and so its worker threads. */
  cpusPerTask: number;
  /** Memory per job (sbatch --mem); the partition's default when absent. */
  mem?: string;
}

export interface SlurmScripts {
  'shard.sbatch': string;
  'merge.sbatch': string;
  'submit.sh': string;
}

/** The file names, in the order they are best read. */
export const slurmFiles = ['submit.sh', 'shard.sbatch', 'merge.sbatch'] as const;

const timePattern = /^(\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|\d+-\d+|\d+-\d+:\d{1,2}|\d+-\d+:\d{1,2}:\d{1,2})$/;
const memPattern = /^\d+[KMGT]?$/;
const partitionPattern = /^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$/;

export function slurmScripts(o: SlurmOptions): SlurmScripts {
  check(o);
  const name = jobName(o.experiment);
  return { 'shard.sbatch': shardScript(o, name), 'merge.sbatch': mergeScript(o, name), 'submit.sh': submitScript(o) };
}

/** The #SBATCH lines for the partition, time, CPUs and memory. */
function resources(o: SlurmOptions, cpus: number): string[] {
  return [
    ...(o.partition !== undefined ? [`#SBATCH --partition=${o.partition}`] : []),
    ...(o.time !== undefined ? [`#SBATCH --time=${o.time}`] : ['# (no --time: the partition\'s default time limit applies)']),
    `#SBATCH --cpus-per-task=${cpus}`,
    ...(o.mem !== undefined ? [`#SBATCH --mem=${o.mem}`] : ['# (no --mem: the partition\'s default memory applies)']),
  ];
}

/** The folders a job script works with, and the working folder it starts from. */
function paths(o: SlurmOptions, withExperiment: boolean): string[] {
  return [
    ...(withExperiment ? [`experiment=${shellQuote(o.experiment)}`] : []),
    `out=${shellQuote(o.out)}`,
    '',
    '# The project folder `hotbed slurm` was run from: relative paths in the experiment',
    '# and a local `npx hotbed` resolve from here.',
    `cd -- ${shellQuote(o.workdir)}`,
  ];
}

/** The job array: task K runs shard K of the sweep into shards/K (resuming an earlier attempt's folder). */
function shardScript(o: SlurmOptions, name: string): string {
  return [
    '#!/usr/bin/env bash',
    `# One shard of the sweep ${JSON.stringify(basename(o.experiment))}, as a Slurm job array: task K of 1-${o.shards}`,
    '# runs the K-th share of the runs (a fixed partition of the experiment\'s runs) and',
    '# writes a complete shard folder shards/K/. merge.sbatch joins them afterwards.',
    '# Submit with submit.sh, which also queues the merge; run from the output folder,',
    '# because the log paths below are relative to the folder sbatch is run from.',
    `#SBATCH --job-name=${name}`,
    `#SBATCH --array=1-${o.shards}`,
    '# To cap how many shards run at once, add a limit: --array=1-N%LIMIT.',
    ...resources(o, o.cpusPerTask),
    '#SBATCH --output=logs/shard-%A_%a.out',
    '',
    'set -euo pipefail',
    '',
    ...paths(o, true),
    '',
    '# The shard count is fixed here, not read from SLURM_ARRAY_TASK_COUNT: a task',
    '# resubmitted alone (sbatch --array=K shard.sbatch) is in an array of one, yet',
    '# must still run shard K of all of them.',
    `shards=${o.shards}`,
    'task=$SLURM_ARRAY_TASK_ID',
    'if [ "$task" -lt 1 ] || [ "$task" -gt "$shards" ]; then',
    '  echo "hotbed shard: array task $task is outside 1-$shards: submit with --array=1-$shards or a part of it" >&2',
    '  exit 64',
    'fi',
    '',
    'echo "hotbed shard $task/$shards: job ${SLURM_ARRAY_JOB_ID}_$task on $(hostname) with $SLURM_CPUS_PER_TASK CPUs, started $(date -Is)"',
    'folder="$out/shards/$task"',
    'if [ -e "$folder" ]; then',
    '  # An earlier attempt of this task (time limit, preemption, requeue, failure) left',
    '  # its folder: keep the runs it finished and do only the rest. Should the folder be',
    '  # unusable (the sweep says why), remove it and resubmit the task.',
    '  where=(--resume "$folder")',
    'else',
    '  where=(--out "$folder")',
    'fi',
    '# One worker thread per CPU Slurm gave this task.',
    `${o.hotbed} sweep "$experiment" --shard "$task/$shards" "\${where[@]}" --workers "$SLURM_CPUS_PER_TASK"`,
    'echo "hotbed shard $task/$shards: done $(date -Is)"',
    '',
  ].join('\n');
}

/** The merge job: joins every shard folder into merged/ once all have succeeded. */
function mergeScript(o: SlurmOptions, name: string): string {
  return [
    '#!/usr/bin/env bash',
    `# Joins the ${o.shards} shard folders of the sweep ${JSON.stringify(basename(o.experiment))} into merged/, the`,
    '# same output a single-machine `hotbed sweep` gives. submit.sh queues it with',
    '# --dependency=afterok on the shard array: it starts only when every shard',
    '# succeeded, and is cancelled (never run) when one fails.',
    `#SBATCH --job-name=${name}-merge`,
    ...resources(o, 1),
    '#SBATCH --output=logs/merge-%j.out',
    '',
    'set -euo pipefail',
    '',
    ...paths(o, false),
    '',
    '# Every shard named explicitly (not shards/*), so that a missing one is an error',
    '# naming it rather than a smaller merge. hotbed merge does not overwrite: remove a',
    '# merged/ left by an earlier attempt before running this again.',
    'echo "hotbed merge: job $SLURM_JOB_ID on $(hostname), started $(date -Is)"',
    `${o.hotbed} merge "$out"/shards/{1..${o.shards}} --out "$out/merged"`,
    'echo "hotbed merge: done $(date -Is); results in $out/merged"',
    '',
  ].join('\n');
}

/** The script that queues the array, then the merge after it. */
function submitScript(o: SlurmOptions): string {
  return [
    '#!/usr/bin/env bash',
    `# Submits the sweep ${JSON.stringify(basename(o.experiment))} to Slurm: the shard array (shard.sbatch), then`,
    '# the merge (merge.sbatch), which waits for all shards to succeed (afterok) and is',
    '# cancelled if any fails (--kill-on-invalid-dep=yes; otherwise it would stay',
    '# pending forever with reason DependencyNeverSatisfied).',
    '# Extra arguments go to both sbatch calls, e.g. ./submit.sh --account=myproject',
    '# Prints the two job ids; follow them with squeue, or sacct where accounting is on.',
    '# If shard K fails: fix the cause, resubmit that task alone (sbatch --array=K',
    '# shard.sbatch; it keeps the runs it finished), then queue the merge after it',
    '# (sbatch --dependency=afterok:JOBID merge.sbatch).',
    'set -euo pipefail',
    '',
    '# The #SBATCH --output paths (logs/) are relative to the folder sbatch runs in: this one.',
    'cd -- "$(dirname -- "${BASH_SOURCE[0]}")"',
    'mkdir -p logs',
    '',
    '# --parsable prints "jobid" or "jobid;cluster".',
    'array=$(sbatch --parsable "$@" shard.sbatch)',
    'array=${array%%;*}',
    'merge=$(sbatch --parsable "$@" --dependency=afterok:"$array" --kill-on-invalid-dep=yes merge.sbatch)',
    'merge=${merge%%;*}',
    '',
    `echo "shards: job array $array (tasks 1-${o.shards}), logs in logs/shard-\${array}_K.out"`,
    'echo "merge:  job $merge, runs after every shard succeeded, log in logs/merge-$merge.out"',
    'echo "follow: squeue -j $array,$merge"',
    '',
  ].join('\n');
}

/** A word for bash: single quotes keep everything literal; a single quote itself is closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A job name squeue shows in full: the experiment's file name, without characters sbatch or a terminal might mangle. */
function jobName(experiment: string): string {
  const stem = basename(experiment, extname(experiment)).replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 40);
  return `hotbed-${stem || 'sweep'}`;
}

function check(o: SlurmOptions): void {
  if (!Number.isInteger(o.shards) || o.shards < 1 || o.shards > MAX_SHARDS) throw slurmMessages.badShards(o.shards);
  if (!Number.isInteger(o.cpusPerTask) || o.cpusPerTask < 1 || o.cpusPerTask > 1024) throw slurmMessages.badCpus(o.cpusPerTask);
  if (o.time !== undefined && !timePattern.test(o.time)) throw slurmMessages.badTime(o.time);
  if (o.mem !== undefined && !memPattern.test(o.mem)) throw slurmMessages.badMem(o.mem);
  if (o.partition !== undefined && !partitionPattern.test(o.partition)) throw slurmMessages.badPartition(o.partition);
  if (o.hotbed.trim() === '' || /[\n\r]/.test(o.hotbed)) throw slurmMessages.badHotbedCommand(o.hotbed);
  for (const [what, path] of [['experiment', o.experiment], ['output folder', o.out], ['working folder', o.workdir]] as const) {
    if (!isAbsolute(path)) throw slurmMessages.notAbsolute(what, path);
  }
}
