/**
 * `hotbed merge`: joins the shards of one sweep into the folder a single-machine
 * run gives, byte for byte. Refuses shards of different experiments, scenarios
 * or tool versions (naming the first that differs), a shard given twice, and a
 * missing shard, before writing anything. The output folder is written
 * atomically (a temporary folder renamed into place) and never overwritten.
 */
import { writeFolderAtomic } from '../batch/persistence.js';
import { roundToDecimals } from '../numeric/number-format.js';
import { messages } from '../messages/scenario.js';
import { sweepMessages } from '../messages/sweep.js';
import { sweepFiles, type SweepFiles } from './files.js';
import { readShard, type ReadShard } from './shard-files.js';
import type { SweepPlan } from './file.js';
import { existsSync } from 'node:fs';

export interface MergeOutcome {
  out: string;
  plan: SweepPlan;
  shards: number;
  outputs: SweepFiles;
  files: string[];
}

export async function mergeShards(dirs: readonly string[], out: string, options: { charts?: boolean; createdWith?: string } = {}): Promise<MergeOutcome> {
  const started = performance.now();
  if (dirs.length === 0) throw sweepMessages.mergeNeedsShards();
  if (existsSync(out)) throw messages.outputExists(out);
  const shards = dirs.map(readShard);
  const first = shards[0]!;
  const short = (s: string) => s.slice(0, 12);
  const seen = new Map<number, ReadShard>();
  for (const s of shards) {
    const a = first.manifest;
    const b = s.manifest;
    if (b.toolVersion !== a.toolVersion) throw sweepMessages.shardsDiffer(s.dir, 'version of Hotbed', `version ${a.toolVersion}`, `version ${b.toolVersion}`, first.dir);
    if (b.experimentHash !== a.experimentHash) throw sweepMessages.shardsDiffer(s.dir, 'experiment (factors, design, replicates, outputs or seed)', `experiment ${short(a.experimentHash)}`, `experiment ${short(b.experimentHash)}`, first.dir);
    if (b.scenarioHash !== a.scenarioHash) throw sweepMessages.shardsDiffer(s.dir, 'scenario (its values, scale or set overrides)', `scenario ${short(a.scenarioHash)}`, `scenario ${short(b.scenarioHash)}`, first.dir);
    if (b.hash !== a.hash) throw sweepMessages.shardsDiffer(s.dir, 'sweep', `sweep ${short(a.hash)}`, `sweep ${short(b.hash)}`, first.dir);
    if (b.shard.n !== a.shard.n) throw sweepMessages.shardsDiffer(s.dir, 'split into shards', `shards of ${a.shard.n}`, `shard ${b.shard.k}/${b.shard.n}`, first.dir);
    const twice = seen.get(b.shard.k);
    if (twice) throw sweepMessages.shardTwice(s.dir, `${b.shard.k}/${b.shard.n}`, twice.dir);
    seen.set(b.shard.k, s);
  }
  const n = first.manifest.shard.n;
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) throw sweepMessages.shardsMissing(missing, n);

  const plan = first.manifest.plan;
  const results: number[][] = new Array(plan.runs);
  for (const s of shards) for (const [run, outputs] of s.rows) results[run] = outputs;
  const outputs = await sweepFiles(plan, results, { charts: options.charts });
  const runInfo = `${JSON.stringify({
    createdWith: options.createdWith,
    node: process.version,
    mergedShards: [...seen.keys()].sort((a, b) => a - b).map((k) => ({ shard: `${k}/${n}`, folder: seen.get(k)!.dir })),
    runs: plan.runs,
    seconds: roundToDecimals((performance.now() - started) / 1000, 3),
    ...(outputs.chartsError !== undefined ? { chartsError: outputs.chartsError } : {}),
  }, null, 2)}\n`;
  writeFolderAtomic(out, { ...outputs.charts, ...outputs.files, 'run-info.json': runInfo });
  return { out, plan, shards: n, outputs, files: [...Object.keys(outputs.files), ...(Object.keys(outputs.charts).length ? ['charts/'] : []), 'run-info.json'] };
}
