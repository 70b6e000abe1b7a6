/**
 * Result folders: where they go by default, and what every manifest starts
 * with. The commands name a folder; the modules that make the files (run and
 * compare folders in experiments/, sweep and calibration outputs) build the
 * manifest with these and write through batch/persistence.
 */
import { existsSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';

/** `results/<stem>-<timestamp>`, with a counter if that exists already. */
export function defaultResultDir(root: string, file: string, now: Date): string {
  const stem = basename(file).replace(/\.(ya?ml|json)$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-');
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let dir = join(root, `${stem}-${stamp}`);
  for (let i = 2; existsSync(dir); i++) dir = join(root, `${stem}-${stamp}-${i}`);
  return dir;
}

/** The tool that made a folder: every manifest's first entry. */
export function toolEntry(version: string, withNode = true): { name: string; version: string; node?: string } {
  return { name: 'hotbed', version, ...(withNode ? { node: process.version } : {}) };
}

/** A manifest as written: pretty JSON with a final newline. */
export const manifestText = (manifest: object): string => `${JSON.stringify(manifest, null, 2)}\n`;

/** A file's path as a manifest records it: relative to the result folder, so the folder can move with what it names. */
export const pathFromFolder = (folder: string, file: string): string => relative(resolve(folder), resolve(file)).split('\\').join('/');
