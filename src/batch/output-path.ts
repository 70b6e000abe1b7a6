/**
 * The one check of an output path, made by every command that writes before it does any work:
 * what is at the path (nothing, for a new folder or file; a regular file, for a file to
 * replace; never a device, pipe or socket), the folder it goes in (there, a folder, writable),
 * and the free space there. A refusal names the path and the cause (messages/output.ts); a
 * command that would only fail at its last write, after minutes or hours of work, is refused
 * at once instead.
 */
import { accessSync, constants, statSync, statfsSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { UserError } from '../messages/errors.js';
import { cliMessages } from '../messages/cli.js';
import { outputMessages, type OutputWhat, type SpecialKind } from '../messages/output.js';
import { messages } from '../messages/scenario.js';

/**
 * What a command writes at the path:
 * - `new folder`: a result folder (run, compare, calibrate and sweep `--out`, merge, init); must not exist;
 * - `new or empty folder`: Slurm's scripts; an existing folder must be writable (its caller checks it is empty);
 * - `new file`: a network export; must not exist;
 * - `file`: a file replaced if it exists (calibrate `--install`); must then be a regular file.
 */
export type OutputKind = 'new folder' | 'new or empty folder' | 'new file' | 'file';

/**
 * Free space below which no output fits: the smallest folders (a Slurm recipe, a small
 * network export) take tens of kB, a run's folder with its report several MB.
 */
export const MIN_FREE_BYTES = 2 ** 20;

export interface OutputCheckOptions {
  /** Bytes the output needs at least (default MIN_FREE_BYTES). */
  minimumFreeBytes?: number;
  /** Free bytes on the file system holding `folder`, or undefined where it cannot be told (tests inject it). */
  freeBytes?: (folder: string) => number | undefined;
  /** The refusal of an existing folder, where a command words it its own way. */
  exists?: (path: string) => UserError;
}

/** Throws the refusal of `path` as an output of `kind`, or returns if it can be written. */
export function checkOutputPath(path: string, kind: OutputKind, options: OutputCheckOptions = {}): void {
  const what: OutputWhat = kind.endsWith('folder') ? 'folder' : 'file';
  const st = statOrUndefined(path);
  if (st !== undefined) {
    const special = specialKind(st);
    if (special !== undefined) throw outputMessages.special(path, what, special);
    if (what === 'folder' && !st.isDirectory()) throw outputMessages.notAFolder(path);
    if (what === 'file' && st.isDirectory()) throw outputMessages.special(path, what, 'a folder');
    if (kind === 'new folder') throw (options.exists ?? messages.outputExists)(path);
    if (kind === 'new file') throw cliMessages.outputFileExists(path);
    if (kind === 'new or empty folder') return checkFolder(path, path, what, options);
  }
  checkOutputParent(path, what, options);
}

/** The folder `path` goes in: there, a folder, writable, with room. */
export function checkOutputParent(path: string, what: OutputWhat, options: OutputCheckOptions = {}): void {
  const shown = dirname(path);
  let st: Stats | undefined;
  try {
    st = statSync(resolve(shown));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw outputMessages.parentMissing(path, shown, what, 'missing');
    if (code === 'ENOTDIR') throw outputMessages.parentMissing(path, shown, what, 'not a folder');
    throw outputMessages.notWritable(path, shown, what, code);
  }
  if (!st.isDirectory()) throw outputMessages.parentMissing(path, shown, what, 'not a folder');
  checkFolder(path, shown, what, options);
}

/** A folder that exists: writable (and searchable) by this user, with room for the output. */
function checkFolder(path: string, folder: string, what: OutputWhat, options: OutputCheckOptions): void {
  try {
    accessSync(resolve(folder), constants.W_OK | constants.X_OK);
  } catch (e) {
    throw outputMessages.notWritable(path, folder, what, (e as NodeJS.ErrnoException).code);
  }
  const needed = options.minimumFreeBytes ?? MIN_FREE_BYTES;
  const free = (options.freeBytes ?? freeBytes)(resolve(folder));
  if (free !== undefined && free < needed) throw outputMessages.lowSpace(path, folder, free, needed);
}

/**
 * Free bytes for this user on the file system of `folder` (statfs: blocks available × block
 * size); undefined where the file system reports no size at all (sysfs, some FUSE and network
 * file systems), which says nothing about what it can hold.
 */
export function freeBytes(folder: string): number | undefined {
  try {
    const s = statfsSync(folder);
    return Number(s.blocks) === 0 ? undefined : Number(s.bavail) * Number(s.bsize);
  } catch {
    return undefined;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    // Missing, or a path through a file: the parent check says which.
    return undefined;
  }
}

function specialKind(st: Stats): SpecialKind | undefined {
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  return undefined;
}
