/**
 * The Slurm script generator without a cluster: the scripts are run by bash
 * with Slurm's environment faked and sbatch and hotbed replaced by stubs that
 * record their arguments, so quoting is checked by the shell that will read
 * it, not by reading the text. Then `hotbed slurm` itself: what it writes and
 * what it refuses. (tests/slurm/ runs the scripts on a real Slurm.)
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shellQuote, slurmScripts, type SlurmOptions } from '../../src/sweep/slurm.js';
import { slurmMessages } from '../../src/messages/slurm.js';
import { snapshot } from '../cli/cli.js';
import { cleanup, tempDir, writeFixture } from '../scenario/fixtures.js';
import { hotbedHere, townExperiment, writeExperiment } from './helpers.js';

afterAll(cleanup);

const nasty = `we've "a" $HOME \`id\` \\ dir`;

function options(root: string, more: Partial<SlurmOptions> = {}): SlurmOptions {
  return {
    experiment: join(root, nasty, 'my exp.yaml'),
    shards: 3,
    out: join(root, nasty, 'out dir'),
    workdir: join(root, nasty),
    hotbed: shellQuote(join(root, 'stub hotbed')),
    cpusPerTask: 2,
    ...more,
  };
}

/** A stub command writing each argument, NUL-terminated, to a file named after it, and printing `print`. */
function stub(path: string, record: string, print = ''): void {
  writeFileSync(path, `#!/usr/bin/env bash\nprintf '%s\\0' "$@" >> ${shellQuote(record)}\nprintf '\\1' >> ${shellQuote(record)}\nprintf '%s' ${shellQuote(print)}\n`);
  chmodSync(path, 0o755);
}

/** The argument lists a stub recorded, one per call. */
const calls = (record: string) =>
  readFileSync(record, 'utf8').split('\u0001').filter(Boolean).map((call) => call.split('\0').slice(0, -1));

function setUp(more: Partial<SlurmOptions> = {}) {
  const root = tempDir('hotbed-slurm-scripts-');
  const o = options(root, more);
  mkdirSync(o.out, { recursive: true });
  const scripts = slurmScripts(o);
  for (const [name, text] of Object.entries(scripts)) writeFileSync(join(o.out, name), text, { mode: 0o755 });
  stub(join(root, 'stub hotbed'), join(root, 'hotbed.calls'));
  return { root, o, scripts };
}

const bash = (script: string, env: Record<string, string>, cwd: string) =>
  spawnSync('bash', [script], { cwd, env: { PATH: process.env.PATH!, ...env }, encoding: 'utf8' });

describe('slurm scripts', () => {
  it('are valid bash', () => {
    const { o } = setUp({ partition: 'short,long', time: '1-02:00:00', mem: '8G' });
    for (const name of ['shard.sbatch', 'merge.sbatch', 'submit.sh']) {
      const r = spawnSync('bash', ['-n', join(o.out, name)], { encoding: 'utf8' });
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
    }
  });

  it('make a job array of one task per shard, with the resources asked for', () => {
    const { scripts } = setUp({ shards: 7, partition: 'short', time: '02:00:00', mem: '8G', cpusPerTask: 4 });
    const directives = (text: string) => text.split('\n').filter((l) => l.startsWith('#SBATCH'));
    expect(directives(scripts['shard.sbatch'])).toEqual([
      '#SBATCH --job-name=hotbed-my_exp',
      '#SBATCH --array=1-7',
      '#SBATCH --partition=short',
      '#SBATCH --time=02:00:00',
      '#SBATCH --cpus-per-task=4',
      '#SBATCH --mem=8G',
      '#SBATCH --output=logs/shard-%A_%a.out',
    ]);
    expect(directives(scripts['merge.sbatch'])).toEqual([
      '#SBATCH --job-name=hotbed-my_exp-merge',
      '#SBATCH --partition=short',
      '#SBATCH --time=02:00:00',
      '#SBATCH --cpus-per-task=1',
      '#SBATCH --mem=8G',
      '#SBATCH --output=logs/merge-%j.out',
    ]);
    for (const text of Object.values(scripts)) expect(text).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect(scripts['shard.sbatch']).toMatch(/\nset -euo pipefail\n/);
    expect(scripts['merge.sbatch']).toMatch(/\nset -euo pipefail\n/);
  });

  it('leave partition, time and memory to the cluster when not given', () => {
    const { scripts } = setUp();
    expect(scripts['shard.sbatch']).not.toMatch(/#SBATCH --(partition|time|mem)/);
  });

  it('run shard K of N with the task\'s CPUs as workers, paths kept literal', () => {
    const { root, o } = setUp({ shards: 3, cpusPerTask: 2 });
    const r = bash(join(o.out, 'shard.sbatch'), { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_JOB_ID: '41', SLURM_CPUS_PER_TASK: '2' }, o.out);
    expect(r.status, r.stderr).toBe(0);
    expect(calls(join(root, 'hotbed.calls'))).toEqual([
      ['sweep', o.experiment, '--shard', '2/3', '--out', join(o.out, 'shards', '2'), '--workers', '2'],
    ]);
    expect(r.stdout).toMatch(/^hotbed shard 2\/3: job 41_2 on .* with 2 CPUs, started /);
  });

  it('resume the folder an earlier attempt of the task left', () => {
    const { root, o } = setUp({ shards: 3, cpusPerTask: 2 });
    mkdirSync(join(o.out, 'shards', '2'), { recursive: true });
    const r = bash(join(o.out, 'shard.sbatch'), { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_JOB_ID: '41', SLURM_CPUS_PER_TASK: '2' }, o.out);
    expect(r.status, r.stderr).toBe(0);
    expect(calls(join(root, 'hotbed.calls'))).toEqual([
      ['sweep', o.experiment, '--shard', '2/3', '--resume', join(o.out, 'shards', '2'), '--workers', '2'],
    ]);
  });

  it('run shard K of all N when task K is resubmitted alone', () => {
    const { root, o } = setUp({ shards: 3 });
    const r = bash(join(o.out, 'shard.sbatch'), { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '1', SLURM_ARRAY_JOB_ID: '50', SLURM_CPUS_PER_TASK: '2' }, o.out);
    expect(r.status, r.stderr).toBe(0);
    expect(calls(join(root, 'hotbed.calls'))[0]).toContain('3/3');
  });

  it('refuse an array task outside 1-N', () => {
    const { root, o } = setUp({ shards: 3 });
    const r = bash(join(o.out, 'shard.sbatch'), { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_JOB_ID: '41', SLURM_CPUS_PER_TASK: '2' }, o.out);
    expect(r.status).toBe(64);
    expect(r.stderr).toMatch(/array task 4 is outside 1-3/);
    expect(() => readFileSync(join(root, 'hotbed.calls'))).toThrow();
  });

  it('merge every shard by name', () => {
    const { root, o } = setUp({ shards: 3 });
    const r = bash(join(o.out, 'merge.sbatch'), { SLURM_JOB_ID: '44' }, o.out);
    expect(r.status, r.stderr).toBe(0);
    expect(calls(join(root, 'hotbed.calls'))).toEqual([
      ['merge', ...[1, 2, 3].map((k) => join(o.out, 'shards', String(k))), '--out', join(o.out, 'merged')],
    ]);
  });

  it('submit the array, then the merge after it (afterok, cancelled if a shard fails), from the output folder', () => {
    const { root, o } = setUp();
    const bin = join(root, 'bin');
    mkdirSync(bin);
    stub(join(bin, 'sbatch'), join(root, 'sbatch.calls'), '123;cluster');
    // Run from elsewhere: submit.sh must move to its own folder (the logs are relative to it).
    const r = spawnSync('bash', [join(o.out, 'submit.sh'), '--account=x y'], { cwd: root, env: { PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(calls(join(root, 'sbatch.calls'))).toEqual([
      ['--parsable', '--account=x y', 'shard.sbatch'],
      ['--parsable', '--account=x y', '--dependency=afterok:123', '--kill-on-invalid-dep=yes', 'merge.sbatch'],
    ]);
    expect(r.stdout).toMatch(/^shards: job array 123 \(tasks 1-3\)/);
    expect(r.stdout).toMatch(/\nmerge: +job 123, /);
    expect(statSync(join(o.out, 'logs')).isDirectory()).toBe(true);
  });

  it('refuse options that would break the scripts, each with its message', () => {
    const root = tempDir('hotbed-slurm-bad-');
    const cases: [Partial<SlurmOptions>, Error][] = [
      [{ shards: 0 }, slurmMessages.badShards(0)],
      [{ shards: 1001 }, slurmMessages.badShards(1001)],
      [{ shards: 2.5 }, slurmMessages.badShards(2.5)],
      [{ cpusPerTask: 0 }, slurmMessages.badCpus(0)],
      [{ time: '2h' }, slurmMessages.badTime('2h')],
      [{ time: '01:00:00\n#SBATCH --x' }, slurmMessages.badTime('01:00:00\n#SBATCH --x')],
      [{ mem: '8 GB' }, slurmMessages.badMem('8 GB')],
      [{ partition: 'a b' }, slurmMessages.badPartition('a b')],
      [{ hotbed: 'npx hotbed\nrm -rf /' }, slurmMessages.badHotbedCommand('npx hotbed\nrm -rf /')],
      [{ out: 'relative/out' }, slurmMessages.notAbsolute('output folder', 'relative/out')],
    ];
    for (const [more, error] of cases) expect(() => slurmScripts(options(root, more)), JSON.stringify(more)).toThrow(error.message);
  });

  it('accept Slurm\'s time formats', () => {
    const root = tempDir('hotbed-slurm-time-');
    for (const time of ['30', '30:00', '2:30:00', '1-0', '1-12:00', '7-00:00:00']) {
      expect(slurmScripts(options(root, { time }))['shard.sbatch']).toContain(`#SBATCH --time=${time}\n`);
    }
  });
});

describe('hotbed slurm', () => {
  it('writes the three scripts, executable, and logs/ into a new folder, and says how to submit', async () => {
    const dir = tempDir('hotbed-slurm-cli-');
    const experiment = writeExperiment(dir, 'town sweep.yaml');
    const out = join(dir, 'recipe');
    const ran = await hotbedHere(['slurm', experiment, '--shards', '4', '--out', out, '--partition', 'short', '--cpus-per-task', '2']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['logs', 'merge.sbatch', 'shard.sbatch', 'submit.sh']);
    for (const name of ['merge.sbatch', 'shard.sbatch', 'submit.sh']) expect(statSync(join(out, name)).mode & 0o111).toBe(0o111);
    expect(readFileSync(join(out, 'shard.sbatch'), 'utf8')).toContain(`experiment=${shellQuote(resolve(experiment))}\n`);
    expect(ran.stdout).toBe(`Wrote ${out}/: submit.sh, shard.sbatch (a job array of 4 shards, up to 8 of the 32 runs each), `
      + `merge.sbatch (runs after every shard succeeded), logs/\nSubmit on the cluster with:\n  ${out}/submit.sh\n`);
  });

  it('accepts an empty folder', async () => {
    const dir = tempDir('hotbed-slurm-cli-');
    const out = join(dir, 'empty');
    mkdirSync(out);
    const ran = await hotbedHere(['slurm', writeExperiment(dir, 'e.yaml'), '--shards', '2', '--out', out]);
    expect(ran.code, ran.stderr).toBe(0);
  });

  it('refuses, writing nothing: a folder with something in it, more shards than runs, a bad option, a mistake in the experiment', async () => {
    const dir = tempDir('hotbed-slurm-cli-');
    const experiment = writeExperiment(dir, 'e.yaml');
    const used = join(dir, 'used');
    mkdirSync(used);
    writeFileSync(join(used, 'notes.txt'), 'mine');
    const broken = writeFixture(dir, 'broken.yaml', townExperiment().replace('replicates: 2', 'replicate: 2'));
    const cases: [string[], string][] = [
      [[experiment, '--shards', '2', '--out', used], slurmMessages.outputNotEmpty(used, 1).message],
      [[experiment, '--shards', '33', '--out', join(dir, 'a')], slurmMessages.tooManyShards(experiment, 33, 32).message],
      [[experiment, '--shards', '2', '--out', join(dir, 'b'), '--time', '2h'], slurmMessages.badTime('2h').message],
      [[experiment, '--shards', '0', '--out', join(dir, 'c')], slurmMessages.badShards(0).message],
      [[broken, '--shards', '2', '--out', join(dir, 'd')], 'unknown key "replicate"'],
    ];
    const before = snapshot(dir);
    for (const [args, message] of cases) {
      const ran = await hotbedHere(['slurm', ...args]);
      expect(ran.code, args.join(' ')).toBe(2);
      expect(ran.stderr).toContain(message);
      expect(ran.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(dir, 'a'))).toBe(false);
  });
});
