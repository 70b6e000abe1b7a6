/**
 * Messages about where a command writes: an output path refused before any work (exit 2), a
 * fault of the machine while writing (exit 74), temporaries of dead processes cleared, and an
 * interrupted command. Each names the path and the cause.
 */
import { EXIT_IO, UserError } from './errors.js';
import { sizeText } from './results.js';

/** What a system error code means, in words; the code itself follows in brackets. */
const CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EIO: 'an input/output error of the device',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'a folder on the way is missing',
  EFBIG: 'the file is too large for the file system',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the system',
  ENAMETOOLONG: 'a name on the path is too long',
};

/** The cause of a system error, as `words (CODE)`, or the error's own message when it has no code. */
export function causeText(code: string | undefined, fallback: string): string {
  if (code === undefined) return fallback;
  return `${CAUSES[code] ?? 'the system refused'} (${code})`;
}

/** What a command writes: a result folder or a single file. */
export type OutputWhat = 'folder' | 'file';

/** What is at a path that cannot take the output, by what it is. */
export type SpecialKind = 'a device' | 'a named pipe (FIFO)' | 'a socket' | 'a folder';

export const outputMessages = {
  /** A folder to write whose own path is a file. */
  notAFolder: (path: string) =>
    new UserError({ file: path, problem: 'cannot write the output folder here: the path is a file, not a folder; nothing was written', hint: 'name a new folder with --out' }),

  /** `--out /dev/null`, a FIFO, a socket (or a folder where a file goes): nothing Hotbed writes can go there. */
  special: (path: string, what: OutputWhat, kind: SpecialKind) =>
    new UserError({ file: path, problem: `cannot write the output ${what} here: the path is ${kind}, not ${what === 'folder' ? 'a folder' : 'a regular file'}; nothing was written`, hint: `name a new ${what}` }),

  /** The folder the output would go in does not exist, or is a file. */
  parentMissing: (path: string, parent: string, what: OutputWhat, found: 'missing' | 'not a folder') =>
    new UserError({ file: path, problem: `cannot write the ${what} here: ${parent}, where it would go, ${found === 'missing' ? 'does not exist' : 'is not a folder'}; nothing was written`, hint: `create that folder first or name a ${what} in an existing one` }),

  /** The folder the output would go in exists but this user cannot write in it. */
  notWritable: (path: string, parent: string, what: OutputWhat, code: string | undefined) =>
    new UserError({ file: path, problem: `cannot write the ${what} here: ${parent}, where it would go, is not writable (${causeText(code, 'refused')}); nothing was written`, hint: `name a ${what} in a folder you can write to` }),

  /** Less free space than any output needs: refused before hours of work that could not be saved. */
  lowSpace: (path: string, parent: string, available: number, needed: number) =>
    new UserError({ file: path, problem: `not enough free space in ${parent}: ${sizeText(available)} free, and the output needs at least ${sizeText(needed)}; nothing was written`, hint: 'free some space or name another --out' }),

  /** A fault of the machine while writing (exit 74): the target, the cause, and what was left. */
  writeFailed: (path: string, code: string | undefined, detail: string, left: string) =>
    new UserError({ file: path, problem: `could not write: ${causeText(code, detail)}; ${left}`, hint: 'fix the disk or name another --out, then run the command again' }, EXIT_IO),

  /** Said once at start-up: temporaries of writers that died (killed, or the machine went down) were removed. */
  staleRemoved: (paths: readonly string[]) =>
    `removed ${paths.length === 1 ? 'an unfinished temporary' : `${paths.length} unfinished temporaries`} left by an earlier command that was killed: ${paths.slice(0, 3).join(', ')}${paths.length > 3 ? `, and ${paths.length - 3} more` : ''}`,

  /** What an interrupted sweep keeps. */
  keptRuns: (journal: string) => `the finished runs are kept in ${journal}`,
  /** What an interrupted calibration keeps. */
  keptGenerations: (state: string) => `the finished generations are kept in ${state}`,

  /**
   * The one line an interrupted command prints: the signal, what was kept (or that nothing
   * was), and the command that carries on where it can.
   */
  interrupted: (signal: string, kept: string | undefined, resume: string | undefined) =>
    `interrupted (${signal}); ${kept ?? 'nothing was written'}${resume ? `; resume with: ${resume}` : ''}`,
};

/** A command line to copy into a shell: words with spaces or shell characters in single quotes. */
export function shellCommand(words: readonly string[]): string {
  return words.map((w) => (/^[\w./@%+=:,-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`)).join(' ');
}
