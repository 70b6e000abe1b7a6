/**
 * Shards: `--shard K/N` runs a deterministic share of a sweep, so that N
 * machines (a Slurm job array) can run it and `hotbed merge` can join the parts.
 * Run i belongs to shard (i mod N) + 1: round-robin keeps the shards' sizes within
 * one run of each other and mixes cheap and expensive regions of the design.
 */
import { sweepMessages } from '../messages/sweep.js';

export interface Shard {
  /** 1-based. */
  k: number;
  n: number;
}

export function parseShard(text: string): Shard {
  const m = /^\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*$/.exec(text);
  if (!m) throw sweepMessages.badShard(text);
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (!(k >= 1 && k <= n)) throw sweepMessages.badShard(text);
  return { k, n };
}

export const shardText = (s: Shard) => `${s.k}/${s.n}`;

export function inShard(run: number, shard: Shard | undefined): boolean {
  return shard === undefined || run % shard.n === shard.k - 1;
}

/** The runs of a shard (all runs without one), in run order. */
export function shardRuns(runs: number, shard: Shard | undefined): number[] {
  const out: number[] = [];
  for (let i = shard ? shard.k - 1 : 0; i < runs; i += shard ? shard.n : 1) out.push(i);
  return out;
}
