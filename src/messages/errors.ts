/**
 * User errors: mistakes in a scenario file or a command line. They carry what a
 * user needs to fix the mistake (file, place in the file, path, expected, found)
 * and are printed as one line, without a stack trace. Anything that is not a
 * UserError is a bug in Hotbed and is reported as one.
 */
import { oneLine } from './terminal.js';

export interface UserErrorDetails {
  /** The file at fault, or a description such as `--set` or `command line`. */
  file?: string;
  line?: number;
  column?: number;
  /** Dotted path inside the scenario, e.g. `places.regions.Maghreb.countries.Tunisia.route.success`. */
  path?: string;
  /** What went wrong, in a few words. */
  problem: string;
  expected?: string;
  found?: string;
  /** "did you mean" or how to fix it. */
  hint?: string;
}

/**
 * Exit codes: 2 for what the user can fix in the command or its files (including an output
 * path refused before any work), 74 (sysexits' EX_IOERR) for a fault of the machine while
 * writing (disk full, quota, a file system gone read-only), which the same command may get
 * past once the machine is fixed.
 */
export const EXIT_USAGE = 2;
export const EXIT_IO = 74;

export class UserError extends Error {
  readonly details: UserErrorDetails;
  /** Further mistakes found in the same file at the same time (a schema check finds them all); `hotbed validate` lists them. */
  others: readonly UserError[] = [];
  readonly exitCode: number;

  constructor(details: UserErrorDetails, exitCode = EXIT_USAGE) {
    super(formatUserError(details));
    this.name = 'UserError';
    this.details = details;
    this.exitCode = exitCode;
  }
}

export function formatUserError(d: UserErrorDetails): string {
  let where = d.file ?? '';
  if (d.file && d.line !== undefined) where += `:${d.line}${d.column !== undefined ? `:${d.column}` : ''}`;
  const parts: string[] = [];
  if (where) parts.push(`${where}:`);
  if (d.path) parts.push(`${d.path}:`);
  parts.push(d.problem);
  let text = parts.join(' ');
  if (d.expected !== undefined && d.found !== undefined) text += ` (expected ${d.expected}, found ${d.found})`;
  else if (d.expected !== undefined) text += ` (expected ${d.expected})`;
  else if (d.found !== undefined) text += ` (found ${d.found})`;
  if (d.hint) text += `; ${d.hint}`;
  return oneLine(text);
}


export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
