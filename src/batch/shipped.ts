/**
 * The shipped scenario files (scenarios, experiments, targets, calibrations and their
 * JSON Schemas), copied into a folder of the user's with the same layout, so that every
 * relative `extends`, `scenario`, `targets` and `$schema` path in them still resolves,
 * and written atomically: the folder appears complete or not at all.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFolderAtomic } from './persistence.js';

/** The package's own scenarios folder, wherever the package is installed. */
export const SHIPPED = fileURLToPath(new URL('../../scenarios', import.meta.url));

/** Every shipped file, by path relative to the scenarios folder. */
export function shippedFiles(root = SHIPPED): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/.test(name)) out[relative(root, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(root);
  return out;
}

/** Copies the shipped files into `dir`, which must not exist; returns their relative paths. */
export function copyShipped(dir: string): string[] {
  const files = shippedFiles();
  writeFolderAtomic(dir, files);
  return Object.keys(files);
}
