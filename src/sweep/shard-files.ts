/**
 * What a shard leaves for `hotbed merge`: its rows (rows.jsonl, one finished run
 * a line, in run order, every output as the exact double it was) and shard.json
 * (the plan, its hash, the tool version and which shard this is). Reading them
 * back checks everything merge relies on, so a damaged or foreign folder gets one
 * clear message.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SweepPlan } from './file.js';
import { sweepMessages } from '../messages/sweep.js';
import { shardRuns, shardText, type Shard } from './shard.js';
import { isUnreadableFile, readTextFile } from '../files/read-text.js';
import { isUserError } from '../messages/errors.js';
import { readBackMessages } from '../messages/read-back.js';
import { checkPlan, MAX_PLAN_FILE_BYTES } from './plan-check.js';
import { forEachLine, rowCollector, rowsFileCap, runsInShard } from './rows.js';

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

/**
 * A shard folder, checked before anything is sized from it: its manifest (the plan's
 * shape, counts and hash: plan-check.ts; which shard it is), then every row against that
 * plan (rows.ts): each run of the shard once, one number per output. Both files are read
 * through files/read-text.ts with a cap: the manifest's fixed, the rows' from the plan.
 */
export function readShard(dir: string): ReadShard {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw sweepMessages.notAShard(dir, 'no such folder');
  const file = join(dir, SHARD_MANIFEST);
  if (!existsSync(file)) throw sweepMessages.notAShard(dir, `it holds no ${SHARD_MANIFEST} (a shard still running, or not a shard folder)`);
  let m: Partial<ShardManifest>;
  try {
    m = JSON.parse(readShardFile(dir, SHARD_MANIFEST, MAX_PLAN_FILE_BYTES)) as Partial<ShardManifest>;
  } catch (e) {
    if (isUserError(e)) throw e;
    throw sweepMessages.notAShard(dir, `${SHARD_MANIFEST} is not valid JSON`);
  }
  if (m === null || typeof m !== 'object' || m.kind !== KIND || m.format !== 1) throw sweepMessages.notAShard(dir, `${SHARD_MANIFEST} is not a shard manifest`);
  const plan = checkPlan(m.plan, file);
  const shard = checkShard(file, m.shard);
  for (const key of ['hash', 'experimentHash', 'scenarioHash', 'toolVersion'] as const) {
    if (m[key] !== plan[key]) throw readBackMessages.planWrongShape(file, key, `the plan's ${key}, ${JSON.stringify(plan[key])}`, m[key]);
  }
  const runs = runsInShard(plan.runs, shard);
  if (m.runs !== runs) throw readBackMessages.planCountMismatch(file, 'runs', runs, m.runs);
  const manifest = m as ShardManifest;

  const rowsFile = join(dir, SHARD_ROWS);
  const rows = rowCollector(rowsFile, 'shard', { runs: plan.runs, outputs: plan.outputs.map((o) => o.name), shard });
  forEachLine(readShardFile(dir, SHARD_ROWS, rowsFileCap(runs, plan.outputs.length)), rows.add);
  if (rows.rows.size !== runs) {
    const missing = shardRuns(plan.runs, shard).find((r) => !rows.rows.has(r))!;
    throw readBackMessages.rowsMissing(rowsFile, shardText(shard), rows.rows.size, runs, missing);
  }
  return { dir, manifest, rows: rows.rows };
}

function readShardFile(dir: string, name: string, maxBytes: number): string {
  try {
    return readTextFile(join(dir, name), maxBytes);
  } catch (e) {
    throw sweepMessages.notAShard(dir, `cannot read ${name} (${isUnreadableFile(e) ? e.reason : (e as Error).message})`);
  }
}

/** The manifest's shard, K/N with whole numbers 1 ≤ K ≤ N, as --shard takes. */
function checkShard(file: string, raw: unknown): Shard {
  const s = raw as Partial<Shard> | null;
  const whole = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 999_999_999;
  if (s === null || typeof s !== 'object' || !whole(s.k) || !whole(s.n) || s.k! > s.n!) {
    throw readBackMessages.planWrongShape(file, 'shard', '{"k": K, "n": N} with whole numbers 1 ≤ K ≤ N', raw);
  }
  return { k: s.k!, n: s.n! };
}
