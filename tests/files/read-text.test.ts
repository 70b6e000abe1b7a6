import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTextFile, UnreadableFile } from '../../src/files/read-text.js';
import { cleanup, tempDir } from '../scenario/fixtures.js';

const refusal = (file: string, max = 1024): UnreadableFile => {
  try {
    readTextFile(file, max);
  } catch (e) {
    if (e instanceof UnreadableFile) return e;
    throw e;
  }
  throw new Error(`${file} was read`);
};

describe('readTextFile', () => {
  const dir = tempDir('read-text');
  afterAll(cleanup);

  it('reads a regular file whole, as UTF-8, through a symbolic link too', () => {
    const text = `ü ${'x'.repeat(300_000)} ✓\n`; // longer than one read
    writeFileSync(join(dir, 'big.yaml'), text);
    symlinkSync(join(dir, 'big.yaml'), join(dir, 'link.yaml'));
    expect(readTextFile(join(dir, 'big.yaml'), 2 ** 20)).toBe(text);
    expect(readTextFile(join(dir, 'link.yaml'), 2 ** 20)).toBe(text);
    writeFileSync(join(dir, 'empty.yaml'), '');
    expect(readTextFile(join(dir, 'empty.yaml'), 10)).toBe('');
  });

  it('refuses a file over the cap from its size, before reading it', () => {
    const huge = join(dir, 'huge.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, 6 * 2 ** 30); // sparse: 6 GiB that would take minutes to read
    const started = performance.now();
    const e = refusal(huge, 2 ** 20);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(e.code).toBe('EFBIG');
    expect(e.reason).toMatch(/6144 MiB, more than the 1 MiB/);
    writeFileSync(join(dir, 'edge.yaml'), 'x'.repeat(1025));
    expect(refusal(join(dir, 'edge.yaml')).code).toBe('EFBIG');
    writeFileSync(join(dir, 'fits.yaml'), 'x'.repeat(1024));
    expect(readTextFile(join(dir, 'fits.yaml'), 1024)).toHaveLength(1024);
  });

  it('refuses what is not a regular file: a folder, a FIFO, a device behind a link, nothing at all', () => {
    mkdirSync(join(dir, 'folder.yaml'));
    expect(refusal(join(dir, 'folder.yaml')).reason).toBe('it is a folder');
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]); // reading it would wait for a writer forever
    expect(refusal(join(dir, 'pipe.yaml')).reason).toMatch(/named pipe/);
    symlinkSync('/dev/zero', join(dir, 'zero.yaml')); // reading it would never end
    expect(refusal(join(dir, 'zero.yaml')).reason).toMatch(/device/);
    expect(refusal(join(dir, 'missing.yaml')).code).toBe('ENOENT');
  });
});
