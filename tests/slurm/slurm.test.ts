/**
 * The Slurm recipe against a real Slurm: a one-node cluster started for this
 * file (cluster.ts). Where Slurm is not installed, the tests skip and say why;
 * in CI (CI=true, where .ci/run installs it) a missing Slurm is a failure.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellQuote, slurmScripts, type SlurmScripts } from '../../src/sweep/slurm.js';
import { cleanup, tempDir } from '../scenario/fixtures.js';
import { slurmUnavailable, startCluster, type Cluster } from './cluster.js';

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

  it('runs the shard array, then the merge, all COMPLETED (stub hotbed)', async (ctx) => {
    ctx.skip(cluster === undefined, `Slurm tests skipped: ${unavailable}`);
    const { out, submit } = stubRecipe('ok dir');
    const { array, merge } = submitted(cluster!, submit);
    await cluster!.waitUntilEnded([array, merge], 20_000);
    const records = await cluster!.records([array, merge], 4, 5_000);
    expect(records.map((r) => `${r.name} ${r.arrayTaskId ?? '-'} ${r.state} ${r.exitCode}`).sort(), logsOf(out)).toEqual([
      'hotbed-exp 1 COMPLETED 0:0', 'hotbed-exp 2 COMPLETED 0:0', 'hotbed-exp 3 COMPLETED 0:0', 'hotbed-exp-merge - COMPLETED 0:0',
    ]);
    expect(readFileSync(join(out, 'merged', 'merged.txt'), 'utf8')).toBe('1/3\n2/3\n3/3\n');
  });

  it('never runs the merge when a shard fails', async (ctx) => {
    ctx.skip(cluster === undefined, `Slurm tests skipped: ${unavailable}`);
    const { out, submit } = stubRecipe('fail dir', 2);
    const { array, merge } = submitted(cluster!, submit);
    await cluster!.waitUntilEnded([array, merge], 20_000);
    const records = await cluster!.records([array, merge], 4, 5_000);
    expect(records.map((r) => `${r.name} ${r.arrayTaskId ?? '-'} ${r.state} ${r.exitCode}`).sort(), logsOf(out)).toEqual([
      'hotbed-exp 1 COMPLETED 0:0', 'hotbed-exp 2 FAILED 3:0', 'hotbed-exp 3 COMPLETED 0:0', 'hotbed-exp-merge - CANCELLED 0:0',
    ]);
    expect(existsSync(join(out, 'merged'))).toBe(false);
  });
});

/** Writes a recipe whose "hotbed" is a stub: a shard writes its spec, the merge lists what it got; shard `fail` exits 3. */
function stubRecipe(name: string, fail?: number) {
  const root = tempDir('hotbed-slurm-stub-');
  const out = join(root, name);
  const hotbed = join(root, 'stub hotbed');
  writeFileSync(hotbed, [
    '#!/usr/bin/env bash',
    'set -euo pipefail',
    // sweep EXP --shard K/N --out DIR; merge S1 S2 S3 --out DIR
    `if [ "$1" = sweep ] && [ "$4" = "${fail ?? 0}/3" ]; then exit 3; fi`,
    'if [ "$1" = sweep ]; then mkdir -p "$6"; echo "$4" > "$6/shard.txt"; fi',
    'if [ "$1" = merge ]; then mkdir -p "$6"; cat "$2/shard.txt" "$3/shard.txt" "$4/shard.txt" > "$6/merged.txt"; fi',
    '',
  ].join('\n'));
  chmodSync(hotbed, 0o755);
  const scripts = slurmScripts({ experiment: join(root, 'exp.yaml'), shards: 3, out, workdir: root, hotbed: shellQuote(hotbed), cpusPerTask: 1 });
  tempWrite(out, scripts);
  return { out, submit: join(out, 'submit.sh') };
}

function tempWrite(out: string, scripts: SlurmScripts) {
  mkdirSync(join(out, 'logs'), { recursive: true });
  for (const [file, text] of Object.entries(scripts)) writeFileSync(join(out, file), text, { mode: 0o755 });
}

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
