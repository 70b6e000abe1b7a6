/**
 * The `hotbed` command line: yargs commands that read options, call the
 * library and print. No model logic lives here.
 */
import yargs, { type Argv } from 'yargs';
import { isUserError } from '../scenario/errors.js';
import { networkCommand } from './network-command.js';
import { runCommand } from './run-command.js';
import { validateCommand } from './validate-command.js';
import { toolVersion } from './version.js';

export async function main(args: string[]): Promise<number> {
  let exitCode = 0;
  const parser: Argv = yargs(args)
    .scriptName('hotbed')
    .usage('$0 <command> [options]\n\nAgent-based simulation of interpersonal recruitment networks and counter-measures.')
    .command(validateCommand((code) => (exitCode = code)))
    .command(runCommand((code) => (exitCode = code)))
    .command(networkCommand((code) => (exitCode = code)))
    .demandCommand(1, 'Name a command: validate, run or network.')
    .strict()
    .recommendCommands()
    .version(toolVersion())
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      throw new UsageError(message);
    });
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`hotbed: ${e.message}\nRun "hotbed --help" for usage.\n`);
      return 2;
    }
    if (isUserError(e)) {
      process.stderr.write(`hotbed: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`hotbed: internal error (a bug in Hotbed, please report it):\n${(e as Error).stack ?? String(e)}\n`);
    return 70;
  }
  return exitCode;
}

class UsageError extends Error {}
