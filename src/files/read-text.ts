/**
 * The one way Hotbed reads a file it was given: only a regular file (symbolic links are
 * followed), its size checked on the open descriptor before anything is read, and never
 * more than the cap. A FIFO would block the read forever and a device (a link to
 * /dev/zero) never ends, so both are refused before they are opened for reading; a file
 * that grows while it is read stops at the cap.
 *
 * Callers turn the refusal into their own message: the scenario loader names the file,
 * a shard reader names the shard.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** Why a file was not read, in words that finish "cannot read the file (…)". */
export class UnreadableFile extends Error {
  constructor(readonly file: string, readonly reason: string, readonly code?: string) {
    super(`files/read-text: ${file}: ${reason}`);
    this.name = 'UnreadableFile';
  }
}

export function isUnreadableFile(e: unknown): e is UnreadableFile {
  return e instanceof UnreadableFile;
}

/** What a path holds, in words, for a path that is not a regular file. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'it is a folder';
  if (st.isFIFO()) return 'it is a named pipe (FIFO), not a regular file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'it is a device, not a regular file';
  if (st.isSocket()) return 'it is a socket, not a regular file';
  return 'it is not a regular file';
}

/** A size in the unit that shows it: caps computed from a plan can be a few hundred bytes. */
const mib = (bytes: number) => bytes >= 2 ** 20 ? `${+(bytes / 2 ** 20).toFixed(2)} MiB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(2)} KiB` : `${bytes} bytes`;

/**
 * The text of `file` (UTF-8), if it is a regular file of at most `maxBytes` bytes.
 * Throws UnreadableFile otherwise (code 'ENOENT' when there is nothing at the path).
 */
export function readTextFile(file: string, maxBytes: number): string {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFile(file, code === 'ENOENT' ? 'no such file' : (e as Error).message, code);
  }
  // Refused before open(): opening a FIFO for reading waits for a writer.
  if (!st.isFile()) throw new UnreadableFile(file, kindOf(st));
  if (st.size > maxBytes) throw new UnreadableFile(file, `it holds ${mib(st.size)}, more than the ${mib(maxBytes)} a file of this kind may hold`, 'EFBIG');
  let fd: number;
  try {
    // O_NONBLOCK: should the path have been swapped for a FIFO since the stat, open() still returns.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new UnreadableFile(file, (e as Error).message, (e as NodeJS.ErrnoException).code);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw new UnreadableFile(file, kindOf(opened));
    // Read to the end, in chunks, and stop one byte past the cap: a file that grew since the
    // stat is read as it now is, or refused once it passes the cap.
    const chunks: Buffer[] = [];
    let length = 0;
    let chunk = Buffer.alloc(Math.min(maxBytes + 1, Math.max(opened.size + 1, 64 * 1024)));
    for (;;) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, maxBytes + 1 - length), null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
      if (length > maxBytes) throw new UnreadableFile(file, `it grew past the ${mib(maxBytes)} a file of this kind may hold while it was read`, 'EFBIG');
      if (n === chunk.length) chunk = Buffer.alloc(chunk.length);
      else chunk = chunk.subarray(n);
    }
    return Buffer.concat(chunks, length).toString('utf8');
  } catch (e) {
    if (e instanceof UnreadableFile) throw e;
    throw new UnreadableFile(file, (e as Error).message, (e as NodeJS.ErrnoException).code);
  } finally {
    closeSync(fd);
  }
}
