import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLineJournal, readJsonIn, readLineJournal, readResumeHeader, streamedText, writeFileAtomic, writeFolderAtomic, writeFolderStreamed } from '../../src/batch/persistence.js';
import { UserError } from '../../src/messages/errors.js';
import { cleanup, tempDir } from '../scenario/fixtures.js';

afterAll(cleanup);

const unreadable = (dir: string, reason: string) => new UserError({ file: dir, problem: `cannot resume: ${reason}` });

describe('batch/persistence', () => {
  it('writes a file atomically into a new folder, leaving no temporary file', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'a', 'b.txt'), 'one');
    writeFileAtomic(join(dir, 'a', 'b.txt'), 'two');
    expect(readFileSync(join(dir, 'a', 'b.txt'), 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'a'))).toEqual(['b.txt']);
  });

  it('writes a folder whole or not at all, and never over an existing one', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFolderAtomic(out, { 'x.csv': 'a\n', 'charts/y.svg': '<svg/>' });
    expect(readFileSync(join(out, 'charts', 'y.svg'), 'utf8')).toBe('<svg/>');
    expect(() => writeFolderAtomic(out, { 'z.csv': '' })).toThrow(/exists/);
    expect(existsSync(join(out, 'z.csv'))).toBe(false);
    // A file that cannot be written (a name that is a folder) leaves nothing behind.
    expect(() => writeFolderAtomic(join(dir, 'bad'), { 'a/b': 'x', a: 'y' })).toThrow();
    expect(readdirSync(dir).sort()).toEqual(['out']);
  });

  it('streams files chunk by chunk, gzips those named .gz, and returns the bytes written', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const made: number[] = [];
    function* rows() {
      for (let i = 0; i < 3; i++) {
        made.push(i);
        yield `row ${i}\n`;
      }
    }
    const bytes = await writeFolderStreamed(out, { 'a.csv': streamedText(rows()), 'b.csv.gz': streamedText(['x,y\n', '1,2\n']), 'c.txt.gz': 'plain', 'd/e.json': '{}' });
    expect(made).toEqual([0, 1, 2]);
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('row 0\nrow 1\nrow 2\n');
    expect(gunzipSync(readFileSync(join(out, 'b.csv.gz'))).toString('utf8')).toBe('x,y\n1,2\n');
    expect(gunzipSync(readFileSync(join(out, 'c.txt.gz'))).toString('utf8')).toBe('plain');
    const sizes = ['a.csv', 'b.csv.gz', 'c.txt.gz', 'd/e.json'].map((f) => statSync(join(out, f)).size);
    expect(bytes).toBe(sizes.reduce((a, b) => a + b));
    await expect(writeFolderStreamed(out, { 'z.csv': '' })).rejects.toThrow(/exists/);
  });

  it('leaves no folder when a streamed file fails half-way', async () => {
    const dir = tempDir();
    function* failing() {
      yield 'a\n';
      throw new Error('no more rows');
    }
    await expect(writeFolderStreamed(join(dir, 'out'), { 'ok.csv': 'x\n', 'bad.csv.gz': streamedText(failing()) })).rejects.toThrow('no more rows');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads a resume header only from a folder that holds it, with one message per problem', () => {
    const dir = tempDir();
    expect(() => readResumeHeader(join(dir, 'none'), 'h.json', unreadable, 1024)).toThrow('the folder does not exist');
    writeFileSync(join(dir, 'file'), '');
    expect(() => readResumeHeader(join(dir, 'file'), 'h.json', unreadable, 1024)).toThrow('it is not a folder');
    mkdirSync(join(dir, 'f'));
    expect(() => readResumeHeader(join(dir, 'f'), 'h.json', unreadable, 1024)).toThrow('it holds no h.json');
    writeFileSync(join(dir, 'f', 'h.json'), '{"kind":');
    expect(() => readResumeHeader(join(dir, 'f'), 'h.json', unreadable, 1024)).toThrow('h.json is not valid JSON');
    writeFileSync(join(dir, 'f', 'h.json'), '{"kind":"k"}');
    expect(readResumeHeader(join(dir, 'f'), 'h.json', unreadable, 1024)).toEqual({ kind: 'k' });
    expect(() => readJsonIn(join(dir, 'f'), 'missing.json', unreadable, 1024)).toThrow('cannot read missing.json');
  });

  it('appends JSON lines and reads them back; a line cut short at the end is dropped and trimmed', () => {
    const dir = tempDir();
    const file = join(dir, 'j', 'runs.jsonl');
    const journal = openLineJournal(file);
    journal.append({ run: 0 });
    journal.append({ run: 1 });
    journal.close();
    appendFileSync(file, '{"run":2,"outp');
    const seen: [string, number][] = [];
    readLineJournal(file, (line, n) => seen.push([line, n]), 1024);
    expect(seen).toEqual([['{"run":0}', 1], ['{"run":1}', 2]]);
    expect(readFileSync(file, 'utf8')).toBe('{"run":0}\n{"run":1}\n');
    readLineJournal(join(dir, 'none.jsonl'), () => expect.unreachable(), 1024);
  });

  it('leaves a journal it refuses as it was', () => {
    const dir = tempDir();
    const file = join(dir, 'runs.jsonl');
    writeFileSync(file, 'not json\n{"cut');
    expect(() => readLineJournal(file, (line) => JSON.parse(line), 1024)).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('not json\n{"cut');
  });
});
