/** Shard specs and the partition: every run in exactly one shard, whatever N. */
import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardRuns } from '../../src/sweep/shard.js';
import { sweepMessages } from '../../src/messages/sweep.js';
import { userError } from '../scenario/fixtures.js';

describe('shards', () => {
  it('reads K/N with 1 ≤ K ≤ N', () => {
    expect(parseShard('2/8')).toEqual({ k: 2, n: 8 });
    expect(parseShard(' 1 / 1 ')).toEqual({ k: 1, n: 1 });
    for (const bad of ['0/4', '5/4', '4', '1/0', 'a/b', '1/4/2', '-1/4', '1.5/4', '']) {
      expect(userError(() => parseShard(bad)).message).toBe(sweepMessages.badShard(bad).message);
    }
  });

  it('puts every run in exactly one shard, the shards within one run of each other in size', () => {
    for (const runs of [0, 1, 7, 32, 101]) {
      for (const n of [1, 2, 3, 8, 200]) {
        const parts = Array.from({ length: n }, (_, i) => shardRuns(runs, { k: i + 1, n }));
        expect(parts.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: runs }, (_, i) => i));
        const sizes = parts.map((p) => p.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        parts.forEach((p, i) => p.forEach((run) => expect(inShard(run, { k: i + 1, n })).toBe(true)));
      }
    }
    expect(shardRuns(5, undefined)).toEqual([0, 1, 2, 3, 4]);
  });
});
