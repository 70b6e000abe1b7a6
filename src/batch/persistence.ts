/**
 * Everything Hotbed writes to disk goes through here, so that an interruption
 * never leaves a half-written file or folder, and a resumable folder is checked
 * the same way whatever made it:
 *
 * - `writeFileAtomic`, `writeFolderAtomic`: a temporary file or folder beside the
 *   target, renamed into place once complete; an existing folder is never overwritten;
 * - `writeFolderStreamed`: the same for a result folder whose large tables are written
 *   chunk by chunk as they are made (never whole in memory), gzipped when named `.gz`;
 * - a fault of the machine while writing (disk full, quota, read-only, I/O) becomes one
 *   message naming the target and the cause (exit 74), after the temporary is removed;
 * - temporaries are named after their maker and listed until renamed (temporaries.ts), so that
 *   an interruption or a later start can remove them;
 * - `readResumeHeader`: a folder to resume from exists, is a folder and holds its
 *   header file, whose JSON is read (the caller checks its hash and kind);
 * - `openLineJournal`, `readLineJournal`: an append-only journal of JSON lines,
 *   each fsync'd; on reading, a last line cut short by a crash is dropped (and
 *   trimmed from the file once the rest is known to be sound).
 */
import { closeSync, createWriteStream, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { isUnreadableFile, readTextFile } from '../files/read-text.js';
import { isUserError, type UserError } from '../messages/errors.js';
import { outputMessages } from '../messages/output.js';
import { messages } from '../messages/scenario.js';
import { outputTaken, releaseClaim, temporaryPath, track, untrack } from './temporaries.js';

export { outputTaken };

/** Errors of the machine, not of Hotbed or of the user's input: reported with the path and the cause. */
const WRITE_FAULTS = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EIO', 'ENOTDIR', 'ENOENT', 'EFBIG', 'EMFILE', 'ENFILE', 'ENAMETOOLONG']);

/** `e` as the one-line message a write fault owes the user (naming `target` and what was `left`), or `e` itself. */
export function writeFault(target: string, e: unknown, left: string): unknown {
  if (isUserError(e)) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined || !WRITE_FAULTS.has(code)) return e;
  return outputMessages.writeFailed(target, code, (e as Error).message, left);
}

/** Writes a file atomically: a temporary file beside it, renamed into place. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const temp = temporaryPath(file);
  try {
    mkdirSync(dirname(file), { recursive: true });
    track(temp);
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw writeFault(file, e, existsSync(file) ? 'the file was left as it was' : 'nothing was written to it');
  } finally {
    untrack(temp);
  }
}

/** Writes a whole folder atomically (a hidden temporary folder renamed into place); refuses a folder that exists. Returns the bytes written. */
export function writeFolderAtomic(dir: string, files: Record<string, string | Uint8Array>): number {
  const temp = startFolder(dir);
  let bytes = 0;
  try {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(temp, name)), { recursive: true });
      writeFileSync(join(temp, name), content);
      bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    }
    finishFolder(temp, dir);
    return bytes;
  } catch (e) {
    throw abandonFolder(temp, dir, e);
  }
}

/**
 * Text made chunk by chunk while it is written, so that a table of millions of rows is never
 * whole in memory: each chunk is made when the disk (or gzip) is ready for it.
 */
export interface StreamedText {
  readonly chunks: Iterable<string>;
}

export const streamedText = (chunks: Iterable<string>): StreamedText => ({ chunks });

export type FolderFile = string | Uint8Array | StreamedText;

/**
 * gzip level of `.gz` files. On the default run's series (95 MB of CSV) level 4 gives 10.0 MB
 * in 1.4 s, the default 6 gives 10.1 MB in 3.3 s and 1 gives 11.2 MB in 0.9 s (see
 * src/design-choices.md).
 */
export const GZIP_LEVEL = 4;

/**
 * writeFolderAtomic for result folders: a file may be streamed, and a file whose name ends in
 * `.gz` is gzipped (whatever its content). Resolves to the bytes written, the folder's size.
 */
export async function writeFolderStreamed(dir: string, files: Record<string, FolderFile>): Promise<number> {
  const temp = startFolder(dir);
  try {
    let bytes = 0;
    for (const [name, content] of Object.entries(files)) {
      const file = join(temp, name);
      mkdirSync(dirname(file), { recursive: true });
      if (typeof content !== 'string' && !(content instanceof Uint8Array)) await writeChunks(file, content.chunks);
      else if (name.endsWith('.gz')) await writeChunks(file, [content]);
      else writeFileSync(file, content);
      bytes += statSync(file).size;
    }
    finishFolder(temp, dir);
    return bytes;
  } catch (e) {
    throw abandonFolder(temp, dir, e);
  }
}

async function writeChunks(file: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  const source = Readable.from(chunks, { objectMode: false });
  if (file.endsWith('.gz')) await pipeline(source, createGzip({ level: GZIP_LEVEL }), createWriteStream(file));
  else await pipeline(source, createWriteStream(file));
}

/** The hidden temporary folder beside `dir`, new and empty; refuses a `dir` that exists. */
function startFolder(dir: string): string {
  if (outputTaken(dir)) throw messages.outputExists(dir);
  const temp = temporaryPath(dir);
  try {
    mkdirSync(dirname(dir), { recursive: true });
    rmSync(temp, { recursive: true, force: true });
    track(temp);
    mkdirSync(temp);
  } catch (e) {
    throw abandonFolder(temp, dir, e);
  }
  return temp;
}

/** Renames the complete temporary folder into place (over the empty folder this process claimed), unless `dir` was taken meanwhile. */
function finishFolder(temp: string, dir: string): void {
  if (outputTaken(dir)) throw messages.outputExists(dir);
  renameSync(temp, dir);
  untrack(temp);
  releaseClaim(dir);
}

/** Removes an unfinished temporary folder and says why the folder could not be written. */
function abandonFolder(temp: string, dir: string, e: unknown): unknown {
  rmSync(temp, { recursive: true, force: true });
  untrack(temp);
  return writeFault(dir, e, 'the unfinished folder was removed and nothing was written');
}

/** Why a folder cannot be resumed from: each kind of folder words it its own way. */
export type Unreadable = (dir: string, reason: string) => UserError;

/** The parsed JSON of `dir/header` (at most `maxBytes`), once `dir` is known to be a folder that holds it. */
export function readResumeHeader(dir: string, header: string, unreadable: Unreadable, maxBytes: number): unknown {
  if (!existsSync(dir)) throw unreadable(dir, 'the folder does not exist');
  if (!statSync(dir).isDirectory()) throw unreadable(dir, 'it is not a folder');
  const file = join(dir, header);
  if (!existsSync(file)) throw unreadable(dir, `it holds no ${header}`);
  return readJsonIn(dir, header, unreadable, maxBytes);
}

/**
 * The parsed JSON of `dir/name`, a regular file of at most `maxBytes` (files/read-text.ts); a
 * file that cannot be read or parsed is one message naming the folder.
 */
export function readJsonIn(dir: string, name: string, unreadable: Unreadable, maxBytes: number): unknown {
  let text: string;
  try {
    text = readTextFile(join(dir, name), maxBytes);
  } catch (e) {
    throw unreadable(dir, `cannot read ${basename(name)} (${isUnreadableFile(e) ? e.reason : (e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw unreadable(dir, `${name} is not valid JSON`);
  }
}

export interface LineJournal {
  append(entry: unknown): void;
  close(): void;
}

/** Opens (or creates) an append-only journal of JSON lines; every line reaches the disk before `append` returns. */
export function openLineJournal(file: string): LineJournal {
  let fd: number;
  try {
    mkdirSync(dirname(file), { recursive: true });
    fd = openSync(file, 'a');
  } catch (e) {
    throw writeFault(file, e, 'nothing was written to it');
  }
  return {
    append(entry) {
      try {
        writeSync(fd, `${JSON.stringify(entry)}\n`);
        fsyncSync(fd);
      } catch (e) {
        throw writeFault(file, e, 'the lines written before are kept');
      }
    },
    close: () => closeSync(fd),
  };
}

/**
 * The whole lines of a journal, each given to `read` (which throws for a bad one, with its
 * 1-based line number); a last line cut short by an interruption is then trimmed from the file,
 * so appending resumes on a clean line. A refused journal is left as it was. A journal larger
 * than `maxBytes`, or not a regular file, throws UnreadableFile (files/read-text.ts) before
 * anything is read.
 */
export function readLineJournal(file: string, read: (line: string, number: number) => void, maxBytes: number): void {
  if (!existsSync(file)) return;
  const text = readTextFile(file, maxBytes);
  const end = text.lastIndexOf('\n') + 1;
  let start = 0;
  for (let number = 1; start < end; number++) {
    const stop = text.indexOf('\n', start);
    read(text.slice(start, stop), number);
    start = stop + 1;
  }
  if (end < text.length) truncateSync(file, Buffer.byteLength(text.slice(0, end)));
}
