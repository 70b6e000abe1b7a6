/**
 * The table of hostile inputs: each case is what a careless or malicious user might hand
 * the real `hotbed` command (a file, an option, a path, a signal), the exit code it must
 * give, and the message it must print, built by the same named builder the code uses.
 *
 * Every case also gets the checks every refusal owes the user (see `expectHostileOutcome`):
 * for exit 2, exactly one line on stderr starting `hotbed: `; never a stack trace or an
 * "internal error"; nothing changed in the working folder's `results/` unless the case
 * expects output; no temporary folder (`.partial`) left anywhere in the working folder.
 *
 * Cases live in tests/hostile/cases/, one file per class of fault; hostile.test.ts runs them.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Ran } from '../cli/cli.js';

export interface HostileCase {
  /** What the user does, as the test's title. */
  name: string;
  /** Prepares the working folder: files, FIFOs, links, read-only folders. It starts holding `minimal.yaml` and `results/existing/`. */
  setup?: (cwd: string) => void;
  /** Arguments to `hotbed`, run in the working folder. */
  args: readonly string[] | ((cwd: string) => readonly string[]);
  /** Signal sent to the command once its output matches `after` (e.g. SIGINT after its first progress line). */
  signal?: { name: NodeJS.Signals; after: RegExp };
  /** The exit code the command must give. */
  exit: number;
  /** The whole message (for exit 2: the single stderr line without `hotbed: `), or a pattern of stderr. */
  message?: string | RegExp | ((cwd: string) => string | RegExp);
  /** The case writes a result folder: results/ may change (debris is still refused). */
  writes?: boolean;
  /** Further checks of what the command printed or left. */
  check?: (ran: Ran, cwd: string) => void;
  /** Skip where the case cannot be staged (e.g. running as root makes read-only folders writable). */
  skip?: () => string | false;
  /** Undoes what `setup` did that the working folder's removal cannot (a mount, an immutable folder), whatever the outcome. */
  teardown?: (cwd: string) => void;
}

/** Running as root: permission refusals (EACCES) cannot be staged. */
export const runningAsRoot = () => (process.getuid?.() === 0 ? 'running as root, permissions are not enforced' : false);

/** Paths of temporary folders or files left under `dir` (names holding `.partial`). */
export function debris(dir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    let names: string[];
    try {
      names = readdirSync(join(dir, rel));
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(rel, name);
      if (name.includes('.partial')) found.push(path);
      let st;
      try {
        st = statSync(join(dir, path));
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(path);
    }
  };
  if (existsSync(dir)) walk('');
  return found;
}

/** The checks every hostile case owes the user, whatever the case. */
export function expectHostileOutcome(c: HostileCase, ran: Ran, cwd: string, resultsBefore: Record<string, string>, resultsAfter: Record<string, string>): void {
  const context = `stdout:\n${ran.stdout}\nstderr:\n${ran.stderr}`;
  expect(ran.status, context).toBe(c.exit);
  expect(ran.stderr, 'no stack trace').not.toMatch(/^\s+at /m);
  expect(ran.stderr, 'not an internal error').not.toMatch(/internal error/);
  if (c.exit === 2) expect(ran.stderr, 'one line').toMatch(/^hotbed: [^\n]+\n$/);
  const message = typeof c.message === 'function' ? c.message(cwd) : c.message;
  if (typeof message === 'string') expect(ran.stderr).toBe(`hotbed: ${message}\n`);
  else if (message !== undefined) expect(ran.stderr).toMatch(message);
  if (!c.writes) expect(resultsAfter, 'results/ left as it was').toEqual(resultsBefore);
  expect(debris(cwd), 'no temporary left behind').toEqual([]);
  c.check?.(ran, cwd);
}
