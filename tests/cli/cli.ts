/** Running the real `hotbed` command in a child process, and checking what it left on disk. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const SOURCES = fileURLToPath(new URL('../../src', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/cli/hotbed.js', import.meta.url));

/** The newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * The command's entry point, by absolute path, so that tests can run it from any folder: the
 * build (what users run; `npm ci` makes it) when it is newer than every source file, else the
 * sources through tsx (after an edit without `npm run build`). The build starts in a third of
 * the time, and the test suite starts the command a few hundred times.
 */
export const HOTBED = existsSync(BUILT) && statSync(BUILT).mtimeMs >= newest(SOURCES)
  ? BUILT
  : fileURLToPath(new URL('../../src/cli/hotbed.js', import.meta.url));

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  ms: number;
}

/** Runs `node HOTBED ...args` in `cwd`; resolves when it exits (never rejects on a non-zero exit). */
export function hotbed(args: readonly string[], cwd: string): Promise<Ran> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOTBED, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** Every file and folder under `dir`, with a hash of each file's bytes: equal snapshots mean nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = join(rel, name);
      if (statSync(join(dir, path)).isDirectory()) {
        out[`${path}/`] = 'folder';
        walk(path);
      } else {
        out[path] = createHash('sha256').update(readFileSync(join(dir, path))).digest('hex');
      }
    }
  };
  walk('');
  return out;
}

/** The text of a file of a result folder; a gzipped table (`.gz`) decompressed. */
export function readResult(dir: string, file: string): string {
  const bytes = readFileSync(join(dir, file));
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}
