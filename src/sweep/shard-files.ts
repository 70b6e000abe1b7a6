/**
 * What a shard leaves for `hotbed merge`: its rows (rows.jsonl, one finished run
 * a line, in run order, every output as the exact double it was) and shard.json
 * (the plan, its hash, the tool version and which shard this is). Reading them
 * back checks everything merge relies on, so a damaged or foreign folder gets one
 * clear message.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SweepPlan } from './file.js';
import { sweepMessages } from '../messages/sweep.js';
import { shardRuns, type Shard } from './shard.js';

export const SHARD_MANIFEST = 'shard.json';
export const SHARD_ROWS = 'rows.jsonl';
const KIND = 'hotbed-sweep-shard';

export interface ShardManifest {
  kind: typeof KIND;
  format: 1;
  hash: string;
  experimentHash: string;
  scenarioHash: string;
  toolVersion: string;
  shard: Shard;
  runs: number;
  plan: SweepPlan;
}

export function shardFiles(plan: SweepPlan, shard: Shard, rows: readonly (readonly [number, readonly number[]])[]): Record<string, string> {
  const manifest: ShardManifest = {
    kind: KIND,
    format: 1,
    hash: plan.hash,
    experimentHash: plan.experimentHash,
    scenarioHash: plan.scenarioHash,
    toolVersion: plan.toolVersion,
    shard,
    runs: rows.length,
    plan,
  };
  return {
    [SHARD_ROWS]: rows.map(([run, outputs]) => `${JSON.stringify({ run, outputs: outputs.map((x) => (Number.isFinite(x) ? x : null)) })}\n`).join(''),
    [SHARD_MANIFEST]: `${JSON.stringify(manifest, null, 2)}\n`,
  };
}

export interface ReadShard {
  dir: string;
  manifest: ShardManifest;
  /** Outputs by run index. */
  rows: Map<number, number[]>;
}

export function readShard(dir: string): ReadShard {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw sweepMessages.notAShard(dir, 'no such folder');
  const file = join(dir, SHARD_MANIFEST);
  if (!existsSync(file)) throw sweepMessages.notAShard(dir, `it holds no ${SHARD_MANIFEST} (a shard still running, or not a shard folder)`);
  let m: Partial<ShardManifest>;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as Partial<ShardManifest>;
  } catch {
    throw sweepMessages.notAShard(dir, `${SHARD_MANIFEST} is not valid JSON`);
  }
  if (m.kind !== KIND || m.format !== 1 || !m.plan || !m.shard || typeof m.hash !== 'string') throw sweepMessages.notAShard(dir, `${SHARD_MANIFEST} is not a shard manifest`);
  const manifest = m as ShardManifest;
  const expected = shardRuns(manifest.plan.runs, manifest.shard);
  const rows = new Map<number, number[]>();
  let text: string;
  try {
    text = readFileSync(join(dir, SHARD_ROWS), 'utf8');
  } catch {
    throw sweepMessages.notAShard(dir, `cannot read ${SHARD_ROWS}`);
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, i) => {
    let entry: { run?: unknown; outputs?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      throw sweepMessages.notAShard(dir, `${SHARD_ROWS} line ${i + 1} is not JSON`);
    }
    if (entry.run !== expected[i] || !Array.isArray(entry.outputs) || entry.outputs.length !== manifest.plan.outputs.length) {
      throw sweepMessages.notAShard(dir, `${SHARD_ROWS} line ${i + 1} is not run ${expected[i] ?? '(none)'} of shard ${manifest.shard.k}/${manifest.shard.n} with ${manifest.plan.outputs.length} outputs`);
    }
    rows.set(entry.run as number, (entry.outputs as (number | null)[]).map((x) => (x === null ? NaN : x)));
  });
  if (rows.size !== expected.length) throw sweepMessages.notAShard(dir, `${SHARD_ROWS} holds ${rows.size} of the shard's ${expected.length} runs`);
  return { dir, manifest, rows };
}
