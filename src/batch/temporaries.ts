/**
 * Temporaries and claimed folders: what a command has on disk before its output is complete.
 * A temporary's name carries its maker (`.NAME.partial-PID@HOST`), so that a later start on this
 * host can tell that its maker is dead and remove it; other hosts' temporaries (a shared file
 * system under Slurm) are never touched, as their makers cannot be asked. This process's own are
 * listed, so that an interruption can remove them. Kept apart from persistence.ts so that the
 * signal handlers, installed at start-up, load nothing more.
 */
import { mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

const HOST = hostname().replace(/[^A-Za-z0-9.-]/g, '_') || 'host';
const TEMPORARY = /^\..+\.partial-(\d+)@([A-Za-z0-9._-]+)$/;

/** This process's temporaries, and the folders it claimed (removed on an interruption while still empty). */
const live = new Set<string>();
const claimed = new Set<string>();

/** The temporary beside `path` that this process (or process `pid` of this host) writes before renaming it into place. */
export const temporaryPath = (path: string, pid = process.pid): string => join(dirname(path), `.${basename(path)}.partial-${pid}@${HOST}`);

/** Lists a temporary as this process's until `untrack`: an interruption removes it. */
export const track = (temp: string): void => void live.add(temp);
export const untrack = (temp: string): void => void live.delete(temp);

/**
 * Reserves a new folder: made at once (an atomic mkdir, so two commands started in the same
 * second never get the same one) and empty until its writer fills it. Returns false if the
 * name is taken; other failures are thrown as they are.
 */
export function claimFolder(dir: string): boolean {
  try {
    mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  claimed.add(resolve(dir));
  return true;
}

/** Makes (empty) and lists the temporary folder beside `dir`. */
export function startTemporary(dir: string): void {
  const temp = temporaryPath(dir);
  mkdirSync(temp);
  track(temp);
}

/** A claimed folder filled (renamed into place, or written in): no longer removed on an interruption. */
export const releaseClaim = (dir: string): void => void claimed.delete(resolve(dir));

/** Whether `dir` is taken: it exists and is not a folder this process claimed and left empty. */
export function outputTaken(dir: string): boolean {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory() || !claimed.has(resolve(dir))) return true;
    names = readdirSync(dir);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
  return names.length > 0;
}

/** Removes this process's temporaries and its still-empty claimed folders (on an interruption); returns what it removed. */
export function removeLiveTemporaries(): string[] {
  const removed: string[] = [];
  for (const temp of live) {
    try {
      rmSync(temp, { recursive: true, force: true });
      removed.push(temp);
    } catch {
      // Best effort: the process is ending; the next start removes what is left.
    }
  }
  live.clear();
  for (const dir of claimed) {
    try {
      rmdirSync(dir);
      removed.push(dir);
    } catch {
      // Not empty (a sweep's journal, a calibration's state): kept, to be resumed.
    }
  }
  claimed.clear();
  return removed;
}

/**
 * Removes, in `dir` (and with `depth` > 0 its subfolders), the temporaries of processes of
 * this host that are no longer running: a command killed during its final writes leaves
 * one. Returns the paths removed.
 */
export function removeStaleTemporaries(dir: string, depth = 0): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const path = join(dir, name);
    const m = TEMPORARY.exec(name);
    if (m) {
      if (m[2] === HOST && !running(Number(m[1]))) {
        try {
          rmSync(path, { recursive: true, force: true });
          removed.push(path);
          // The folder its maker claimed for it (a default result folder), if still empty.
          const target = join(dir, name.slice(1, name.lastIndexOf('.partial-')));
          rmdirSync(target);
          removed.push(target);
        } catch {
          // Not ours to remove after all (permissions), or the target is not an empty folder: left.
        }
      }
    } else if (depth > 0) {
      try {
        if (statSync(path).isDirectory()) removed.push(...removeStaleTemporaries(path, depth - 1));
      } catch {
        // Gone meanwhile.
      }
    }
  }
  return removed;
}

/** Whether process `pid` of this host is running (another user's process counts as running). */
function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
