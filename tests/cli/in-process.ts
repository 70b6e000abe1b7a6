/**
 * Running one `hotbed` command module in this process through yargs, with user
 * errors handled as main() does (one line on stderr, exit code 2): faster than a
 * child process, for tests of what a command prints.
 */
import yargs, { type CommandModule } from 'yargs';
import { vi } from 'vitest';
import { isUserError } from '../../src/messages/errors.js';
import { messages } from '../../src/messages/scenario.js';

export interface InProcess {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess<A>(command: (setExit: (code: number) => void) => CommandModule<object, A>, args: string[]): Promise<InProcess> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  let code = 0;
  try {
    await yargs(args).command(command((c) => (code = c))).strict().exitProcess(false)
      .fail((message, error) => { throw error ?? messages.usage(message); }).parseAsync();
  } catch (e) {
    if (!isUserError(e)) throw e;
    stderr += `hotbed: ${e.message}\n`;
    code = 2;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { code, stdout, stderr };
}
