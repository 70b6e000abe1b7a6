/**
 * Messages about the command line itself (options out of range, options that
 * exclude each other): one builder each, so the commands hold no wording.
 */
import { messages } from './scenario.js';

export const cliMessages = {
  workers: (found: unknown) => messages.badOption('--workers', 'a whole number from 1 to 1024', found),
  scale: (found: unknown) => messages.badOption('--scale', 'a number ≥ 1', found),
  seed: (found: unknown) => messages.badOption('--seed', 'a whole number ≥ 0', found),
  /** `hotbed check` draws its seeds in 32 bits. */
  seed32: (found: unknown) => messages.badOption('--seed', 'a whole number from 0 to 4294967295', found),
  replicates: (found: unknown) => messages.badOption('--replicates', 'a whole number from 1 to 100000', found),
  replicate: (found: unknown) => messages.badOption('--replicate', 'a whole number ≥ 0', found),
  exportNeedsCommunity: () => messages.badOption('--gexf/--json', 'a --community to export (the world is too large for these formats)', 'no --community'),
  initFolderExists: (dir: string) => messages.usage(`${dir} already exists: hotbed init writes a new folder (name another, e.g. hotbed init my-scenarios)`),
  /** --out and --resume together; `what` is "sweep" or "calibration". */
  outOrResume: (what: string) => messages.usage(`give either --out or --resume, not both (a resumed ${what} writes to its own folder)`),
};
