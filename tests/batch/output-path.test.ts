import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputPath } from '../../src/batch/output-path.js';
import { claimDefaultResultDir } from '../../src/batch/result-folder.js';
import { cliMessages } from '../../src/messages/cli.js';
import { outputMessages } from '../../src/messages/output.js';
import { messages } from '../../src/messages/scenario.js';
import { runningAsRoot } from '../hostile/case.js';
import { cleanup, tempDir, userError } from '../scenario/fixtures.js';

afterAll(cleanup);

describe('batch/output-path', () => {
  it('refuses each kind of path with its own message, and passes a new path in a writable folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    mkdirSync(join(dir, 'folder'));
    expect(() => checkOutputPath(join(dir, 'new'), 'new folder')).not.toThrow();
    expect(userError(() => checkOutputPath('/dev/null', 'new folder')).message).toBe(outputMessages.special('/dev/null', 'folder', 'a device').message);
    expect(userError(() => checkOutputPath(join(dir, 'file'), 'new folder')).message).toBe(outputMessages.notAFolder(join(dir, 'file')).message);
    expect(userError(() => checkOutputPath(join(dir, 'folder'), 'new folder')).message).toBe(messages.outputExists(join(dir, 'folder')).message);
    expect(userError(() => checkOutputPath(join(dir, 'file', 'x'), 'new folder')).message).toBe(outputMessages.parentMissing(join(dir, 'file', 'x'), join(dir, 'file'), 'folder', 'not a folder').message);
    expect(userError(() => checkOutputPath(join(dir, 'no', 'x'), 'new file')).message).toBe(outputMessages.parentMissing(join(dir, 'no', 'x'), join(dir, 'no'), 'file', 'missing').message);
    expect(userError(() => checkOutputPath(join(dir, 'file'), 'new file')).message).toBe(cliMessages.outputFileExists(join(dir, 'file')).message);
    expect(() => checkOutputPath(join(dir, 'file'), 'file')).not.toThrow();
    expect(userError(() => checkOutputPath(join(dir, 'folder'), 'file')).message).toBe(outputMessages.special(join(dir, 'folder'), 'file', 'a folder').message);
    expect(() => checkOutputPath(join(dir, 'folder'), 'new or empty folder')).not.toThrow();
  });

  it('refuses a file system with too little free space (injected), and says how much there is', () => {
    const dir = tempDir();
    const e = userError(() => checkOutputPath(join(dir, 'out'), 'new folder', { freeBytes: () => 1000, minimumFreeBytes: 5000 }));
    expect(e.message).toBe(outputMessages.lowSpace(join(dir, 'out'), dir, 1000, 5000).message);
    expect(e.exitCode).toBe(2);
    expect(() => checkOutputPath(join(dir, 'out'), 'new folder', { freeBytes: () => undefined })).not.toThrow();
  });

  it.skipIf(Boolean(runningAsRoot()))('refuses a folder this user cannot write (EACCES)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o555);
    expect(userError(() => checkOutputPath(join(dir, 'locked', 'x'), 'new folder')).message).toBe(outputMessages.notWritable(join(dir, 'locked', 'x'), join(dir, 'locked'), 'folder', 'EACCES').message);
  });

  it('gives two commands started in the same second two default folders', () => {
    const dir = tempDir();
    const now = new Date('2026-01-02T03:04:05Z');
    const a = claimDefaultResultDir(join(dir, 'results'), 'baseline.yaml', now);
    const b = claimDefaultResultDir(join(dir, 'results'), 'baseline.yaml', now);
    expect(a).toBe(join(dir, 'results', 'baseline-20260102T030405Z'));
    expect(b).toBe(join(dir, 'results', 'baseline-20260102T030405Z-2'));
  });
});
