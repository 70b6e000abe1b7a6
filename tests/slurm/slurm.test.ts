/**
 * The Slurm recipe against a real Slurm: a one-node cluster started for this
 * file (cluster.ts), the scripts written by `hotbed slurm` (in this process; the
 * jobs run the real command), submitted with their own submit.sh, and every job's
 * end state read from the cluster. Where Slurm is not installed the tests skip and
 * say why; in CI (where .ci/run installs it) a missing Slurm is a failure.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/sweep/slurm.js';
import { HOTBED, hotbed } from '../cli/cli.js';
import { cleanup, tempDir } from '../scenario/fixtures.js';
import { hotbedHere, identical } from '../sweep/helpers.js';
import { slurmUnavailable, startCluster, type Cluster, type JobRecord } from './cluster.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** 8 runs of a small town: shards of 3, 3 and 2 runs. */
const EXPERIMENT = fileURLToPath(new URL('./fixtures/tiny-grid.yaml', import.meta.url));

const unavailable = slurmUnavailable();
// As the browser test reads it: any non-empty CI means CI.
const inCI = Boolean(process.env.CI);

let cluster: Cluster | undefined;

beforeAll(async () => {
  if (unavailable === undefined) cluster = await startCluster();
});

afterAll(async () => {
  await cluster?.stop();
  cleanup();
});

describe('slurm (real cluster)', () => {
  it('is available (in CI it must be)', (ctx) => {
    if (unavailable !== undefined && inCI) throw new Error(`CI must run the Slurm tests, but ${unavailable}`);
    ctx.skip(unavailable !== undefined, `Slurm tests skipped: ${unavailable}`);
    expect(cluster).toBeDefined();
  });

  it('runs hotbed slurm\'s recipe: every shard and the merge COMPLETED, the merge identical to a single-machine sweep', async (ctx) => {
    ctx.skip(cluster === undefined, `Slurm tests skipped: ${unavailable}`);
    const root = tempDir('hotbed-slurm-');
    // A space and a quote in the path: the scripts must quote it for bash.
    const out = join(root, 'sweep\'s recipe');
    const wrote = await hotbedHere(['slurm', EXPERIMENT, '--shards', '3', '--out', out, '--time', '00:05:00', '--mem', '1G']);
    expect(wrote.code, wrote.stderr).toBe(0);
    expect(wrote.stdout).toContain(`Submit on the cluster with:\n  ${shellQuote(join(out, 'submit.sh'))}\n`);

    const { array, merge } = submitted(cluster!, join(out, 'submit.sh'));
    // The single-machine sweep runs meanwhile: it is the reference the merge must equal.
    const single = singleMachine();
    // About 25 s here; the margin is for a CI machine busy with other tests.
    await cluster!.waitUntilEnded([array, merge], 100_000);
    const records = await cluster!.records([array, merge], 4, 5_000);
    expect(states(records), logsOf(out)).toEqual([
      'hotbed-tiny-grid 1 COMPLETED 0:0', 'hotbed-tiny-grid 2 COMPLETED 0:0', 'hotbed-tiny-grid 3 COMPLETED 0:0', 'hotbed-tiny-grid-merge - COMPLETED 0:0',
    ]);
    expect(logsOf(out)).toMatch(/hotbed merge: done .*; results in /);

    const merged = identical(join(out, 'merged'));
    expect(Object.keys(merged)).toEqual(expect.arrayContaining(['runs.csv', 'points.csv', 'manifest.json']));
    expect(merged).toEqual(await single);
  }, 120_000);

  it('never runs the merge when a shard fails; the task resubmitted alone and a new merge finish the sweep', async (ctx) => {
    ctx.skip(cluster === undefined, `Slurm tests skipped: ${unavailable}`);
    const root = tempDir('hotbed-slurm-fail-');
    const out = join(root, 'recipe');
    // Shard 2's first attempt fails as a crashed sweep would; everything else runs the real hotbed.
    const wrapper = join(root, 'flaky hotbed');
    writeFileSync(wrapper, [
      '#!/usr/bin/env bash',
      `case " $* " in *" --shard 2/3 "*) if mkdir ${shellQuote(join(root, 'failed once'))} 2>/dev/null; then echo "shard 2 fails on purpose" >&2; exit 3; fi;; esac`,
      `exec ${shellQuote(process.execPath)} ${shellQuote(HOTBED)} "$@"`,
      '',
    ].join('\n'), { mode: 0o755 });
    const wrote = await hotbedHere(['slurm', EXPERIMENT, '--shards', '3', '--out', out, '--hotbed-command', shellQuote(wrapper)]);
    expect(wrote.code, wrote.stderr).toBe(0);

    const { array, merge } = submitted(cluster!, join(out, 'submit.sh'));
    const single = singleMachine();
    await cluster!.waitUntilEnded([array, merge], 100_000);
    expect(states(await cluster!.records([array, merge], 4, 5_000)), logsOf(out)).toEqual([
      'hotbed-tiny-grid 1 COMPLETED 0:0', 'hotbed-tiny-grid 2 FAILED 3:0', 'hotbed-tiny-grid 3 COMPLETED 0:0', 'hotbed-tiny-grid-merge - CANCELLED 0:0',
    ]);
    expect(logsOf(out)).toContain('shard 2 fails on purpose');
    expect(readdirSync(join(out, 'logs')).filter((f) => f.startsWith('merge-'))).toEqual([]);
    expect(existsSync(join(out, 'merged'))).toBe(false);

    // The recovery submit.sh describes: task 2 alone (an array of one), then a merge after it.
    const retried = Number(cluster!.run('sbatch', ['--parsable', '--array=2', 'shard.sbatch'], out).trim());
    const merged = Number(cluster!.run('sbatch', ['--parsable', `--dependency=afterok:${retried}`, '--kill-on-invalid-dep=yes', 'merge.sbatch'], out).trim());
    await cluster!.waitUntilEnded([retried, merged], 100_000);
    expect(states(await cluster!.records([retried, merged], 2, 5_000)), logsOf(out)).toEqual([
      'hotbed-tiny-grid 2 COMPLETED 0:0', 'hotbed-tiny-grid-merge - COMPLETED 0:0',
    ]);
    expect(identical(join(out, 'merged'))).toEqual(await single);
  }, 120_000);
});

/** The single-machine sweep of the experiment, run once for both tests: what every merge must equal (but run-info.json). */
let reference: Promise<Record<string, string>> | undefined;
function singleMachine(): Promise<Record<string, string>> {
  reference ??= (async () => {
    const out = join(tempDir('hotbed-slurm-single-'), 'single');
    const ran = await hotbed(['sweep', EXPERIMENT, '--out', out, '--workers', '1', '--quiet'], REPO);
    if (ran.status !== 0) throw new Error(`the single-machine sweep failed: ${ran.stderr}`);
    return identical(out);
  })();
  return reference;
}

/** Each job as "name task state exit-code", sorted: the array's tasks, then the merge. */
const states = (records: JobRecord[]) => records.map((r) => `${r.name} ${r.arrayTaskId ?? '-'} ${r.state} ${r.exitCode}`).sort();

/** Runs submit.sh against the cluster and reads the two job ids it prints. */
function submitted(c: Cluster, submit: string): { array: number; merge: number } {
  const printed = c.run('bash', [submit]);
  const array = /^shards: job array (\d+)/m.exec(printed)?.[1];
  const merge = /^merge: +job (\d+)/m.exec(printed)?.[1];
  if (!array || !merge) throw new Error(`submit.sh printed no job ids:\n${printed}`);
  return { array: Number(array), merge: Number(merge) };
}

/** Every job log of a recipe's folder, for failure messages. */
function logsOf(out: string): string {
  const dir = join(out, 'logs');
  return readdirSync(dir).sort().map((f) => `--- logs/${f}\n${readFileSync(join(dir, f), 'utf8')}`).join('\n');
}
