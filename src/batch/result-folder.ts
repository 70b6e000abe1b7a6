/**
 * Result folders: where they go by default, and what every manifest starts
 * with. The commands name a folder; the modules that make the files (run and
 * compare folders in experiments/, sweep and calibration outputs) build the
 * manifest with these and write through batch/persistence.
 */
import { mkdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { checkOutputParent, checkOutputPath } from './output-path.js';
import { writeFault } from './persistence.js';
import { claimFolder, startTemporary } from './temporaries.js';

/** `<root>/<stem>-<timestamp>`, the name of a command's default folder before any counter. */
export function defaultResultDir(root: string, file: string, now: Date): string {
  const stem = basename(file).replace(/\.(ya?ml|json)$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-');
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return join(root, `${stem}-${stamp}`);
}

/**
 * Claims the default folder `results/<stem>-<timestamp>` (`-2`, `-3`, … after it if taken):
 * made at once by an atomic mkdir, so two commands started in the same second get two folders,
 * and left empty until the command fills it. `root` is made if missing; the output check
 * (output-path.ts) is made on it first. `withTemporary`: the folder's temporary is made at once
 * beside it (writeFolderStreamed fills it later), so that a killed command's claim is known as such.
 */
export function claimDefaultResultDir(root: string, file: string, now: Date, options: { withTemporary?: boolean } = {}): string {
  const base = defaultResultDir(root, file, now);
  ensureFolder(root);
  checkOutputParent(base, 'folder');
  for (let i = 1; ; i++) {
    const dir = i === 1 ? base : `${base}-${i}`;
    try {
      if (claimFolder(dir)) {
        // A folder written whole at the end (run, compare) has its temporary made now: if the
        // command is killed, the next start finds the pair and removes both.
        if (options.withTemporary) startTemporary(dir);
        return dir;
      }
    } catch (e) {
      throw writeFault(dir, e, 'nothing was written');
    }
  }
}

/** Makes `root` (results/) if it is missing, after the output check of it. */
export function ensureFolder(root: string): void {
  if (statSync(root, { throwIfNoEntry: false }) !== undefined) return;
  checkOutputPath(root, 'new folder');
  try {
    mkdirSync(root, { recursive: true });
  } catch (e) {
    throw writeFault(root, e, 'nothing was written');
  }
}

/** The tool that made a folder: every manifest's first entry. */
export function toolEntry(version: string, withNode = true): { name: string; version: string; node?: string } {
  return { name: 'hotbed', version, ...(withNode ? { node: process.version } : {}) };
}

/** A manifest as written: pretty JSON with a final newline. */
export const manifestText = (manifest: object): string => `${JSON.stringify(manifest, null, 2)}\n`;

/** A file's path as a manifest records it: relative to the result folder, so the folder can move with what it names. */
export const pathFromFolder = (folder: string, file: string): string => relative(resolve(folder), resolve(file)).split('\\').join('/');
