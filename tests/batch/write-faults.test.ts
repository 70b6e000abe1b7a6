/** Faults of the machine while writing: one message naming the target and the cause (exit 74), and no temporary left. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT_IO, isUserError } from '../../src/messages/errors.js';
import { outputMessages } from '../../src/messages/output.js';
import { cleanup, tempDir } from '../scenario/fixtures.js';

/** writeFileSync fails with ENOSPC once `failing` is set: the disk fills up mid-folder. */
const fault = vi.hoisted(() => ({ failing: false }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  return {
    ...fs,
    writeFileSync: (...args: Parameters<typeof fs.writeFileSync>) => {
      if (fault.failing) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return fs.writeFileSync(...args);
    },
  };
});
const { openLineJournal, writeFileAtomic, writeFolderAtomic } = await import('../../src/batch/persistence.js');

afterAll(cleanup);
afterEach(() => void (fault.failing = false));

const caught = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('nothing was thrown');
};

describe('write faults', () => {
  it('a full disk while a folder is written: exit 74, the folder named, the temporary removed', () => {
    const dir = tempDir();
    fault.failing = true;
    const e = caught(() => writeFolderAtomic(join(dir, 'out'), { 'a.csv': 'x' }));
    expect(isUserError(e) && e.exitCode).toBe(EXIT_IO);
    expect((e as Error).message).toBe(outputMessages.writeFailed(join(dir, 'out'), 'ENOSPC', '', 'the unfinished folder was removed and nothing was written').message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a full disk while a file is replaced: the old file is left as it was', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'a.json'), 'old');
    fault.failing = true;
    const e = caught(() => writeFileAtomic(join(dir, 'a.json'), 'new'));
    expect((e as Error).message).toBe(outputMessages.writeFailed(join(dir, 'a.json'), 'ENOSPC', '', 'the file was left as it was').message);
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('a journal on a device that is always full (/dev/full, a real ENOSPC)', () => {
    const journal = openLineJournal('/dev/full');
    const e = caught(() => journal.append({ run: 1 }));
    journal.close();
    expect((e as Error).message).toBe(outputMessages.writeFailed('/dev/full', 'ENOSPC', '', 'the lines written before are kept').message);
  });
});
