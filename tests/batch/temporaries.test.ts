import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimFolder, outputTaken, removeLiveTemporaries, removeStaleTemporaries, temporaryPath } from '../../src/batch/temporaries.js';
import { cleanup, tempDir } from '../scenario/fixtures.js';

afterAll(cleanup);

const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('batch/temporaries', () => {
  it('removes the temporaries of dead processes of this host, and no others', () => {
    const dir = tempDir();
    const dead = temporaryPath(join(dir, 'a'), deadPid());
    const alive = temporaryPath(join(dir, 'b'));
    const otherHost = join(dir, '.c.partial-1@some-other-host');
    const nested = temporaryPath(join(dir, 'sub', 'd.csv'), deadPid());
    for (const p of [dead, alive, otherHost]) mkdirSync(p);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(nested, 'half');
    expect(removeStaleTemporaries(dir)).toEqual([dead]);
    expect(removeStaleTemporaries(dir, 1)).toEqual([nested]);
    expect(readdirSync(dir).sort()).toEqual([alive, otherHost, join(dir, 'sub')].map((p) => p.slice(dir.length + 1)).sort());
  });

  it('claims a folder once, counts it free while empty, and removes it on an interruption', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    expect(claimFolder(out)).toBe(true);
    expect(claimFolder(out)).toBe(false);
    expect(outputTaken(out)).toBe(false);
    expect(outputTaken(dir)).toBe(true);
    removeLiveTemporaries();
    expect(existsSync(out)).toBe(false);
  });
});
