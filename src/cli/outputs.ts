/**
 * The output side of every command that writes, in one place: the check of an output path
 * before any work (batch/output-path.ts), the claim of a default folder, and the line that says
 * which temporaries of killed commands were removed on the way.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeFault } from '../batch/persistence.js';
import { checkOutputPath, type OutputCheckOptions, type OutputKind } from '../batch/output-path.js';
import { claimDefaultResultDir, ensureFolder } from '../batch/result-folder.js';
import { removeStaleTemporaries } from '../batch/temporaries.js';
import { outputMessages } from '../messages/output.js';
import { printErr } from './output.js';

/** Refuses `path` as an output of `kind` (exit 2), then clears stale temporaries beside it. */
export function checkOutput(path: string, kind: OutputKind, options?: OutputCheckOptions): void {
  checkOutputPath(path, kind, options);
  noteStale(removeStaleTemporaries(dirname(path)));
}

/**
 * `--out` when given (checked), else a new default folder under results/ (claimed); `whole`:
 * the folder is written whole at the end (run, compare), its temporary made now.
 */
export function outputFolder(out: string | undefined, file: string, options: { whole?: boolean } = {}): string {
  if (out !== undefined) {
    // results/ itself is made when missing, as for a default folder: `--out results/mine` in a fresh folder works.
    if (resolve(dirname(out)) === resolve('results')) ensureFolder('results');
    checkOutput(out, 'new folder');
    return out;
  }
  const dir = claimDefaultResultDir('results', file, new Date(), { withTemporary: options.whole });
  noteStale(removeStaleTemporaries('results'));
  return dir;
}

/** Makes the folders `path` goes in (a sweep shard's, as its Slurm recipe names them). */
export function makeParents(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    throw writeFault(path, e, 'nothing was written');
  }
}

/** A folder to resume: the temporaries a killed run of it left inside (its files, charts, journal or state) are removed. */
export function resumeFolder(dir: string): void {
  noteStale(removeStaleTemporaries(dir, 2));
}

function noteStale(removed: readonly string[]): void {
  if (removed.length > 0) printErr(`hotbed: ${outputMessages.staleRemoved(removed)}\n`);
}
