/**
 * Writing a result folder atomically: everything goes into a hidden temporary
 * folder beside the target, which is renamed into place only once complete.
 * An interrupted run leaves no half-written result, and an existing folder is
 * never overwritten.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { messages } from '../scenario/messages.js';

export function writeResultFolder(dir: string, files: Record<string, string | Uint8Array>): void {
  if (existsSync(dir)) throw messages.outputExists(dir);
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const temp = join(parent, `.${basename(dir)}.partial-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  try {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(temp, name)), { recursive: true });
      writeFileSync(join(temp, name), content);
    }
    if (existsSync(dir)) throw messages.outputExists(dir);
    renameSync(temp, dir);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
}

/** `results/<scenario>-<timestamp>`, with a counter if that exists already. */
export function defaultResultDir(root: string, scenarioFile: string, now: Date): string {
  const stem = basename(scenarioFile).replace(/\.(ya?ml|json)$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-');
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let dir = join(root, `${stem}-${stamp}`);
  for (let i = 2; existsSync(dir); i++) dir = join(root, `${stem}-${stamp}-${i}`);
  return dir;
}
