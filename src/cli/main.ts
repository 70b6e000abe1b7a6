/**
 * The `hotbed` command line: yargs commands that read options, call the
 * library and print. No model logic lives here.
 */
import yargs, { type Argv } from 'yargs';
import { printErr } from './output.js';
import { removeLiveTemporaries } from '../batch/temporaries.js';
import { isUserError } from '../messages/errors.js';
import { messages } from '../messages/scenario.js';
import { cliMessages } from '../messages/cli.js';
import { didYouMean } from '../scenario/suggest.js';
import { calibrateCommand } from './calibrate-command.js';
import { checkCommand } from './check-command.js';
import { compareCommand } from './compare-command.js';
import { initCommand } from './init-command.js';
import { mergeCommand } from './merge-command.js';
import { networkCommand } from './network-command.js';
import { runCommand } from './run-command.js';
import { slurmCommand } from './slurm-command.js';
import { sweepCommand } from './sweep-command.js';
import { validateCommand } from './validate-command.js';
import { exploreCommand } from './explore-command.js';
import { toolVersion } from './version.js';

const commands = ['init', 'validate', 'run', 'compare', 'network', 'explore', 'calibrate', 'check', 'sweep', 'merge', 'slurm'];

export async function main(args: string[]): Promise<number> {
  try {
    return await parse(args);
  } catch (e) {
    // A refused or failed command leaves no temporary and no folder it claimed but did not fill.
    removeLiveTemporaries();
    if (isUserError(e)) {
      printErr(`hotbed: ${e.message}\n`);
      return e.exitCode;
    }
    printErr(`hotbed: internal error (a bug in Hotbed, please report it):\n${(e as Error).stack ?? String(e)}\n`);
    return 70;
  }
}

async function parse(args: string[]): Promise<number> {
  const first = args[0];
  if (first !== undefined && !first.startsWith('-') && !commands.includes(first) && first !== 'help') {
    throw messages.unknownCommand(first, commands, didYouMean(first, commands));
  }
  refuseEmptyValues(args);
  let exitCode = 0;
  const parser: Argv = yargs(args)
    .scriptName('hotbed')
    .usage('$0 <command> [options]\n\nAgent-based simulation of interpersonal recruitment networks and counter-measures.')
    .command(initCommand((code) => (exitCode = code)))
    .command(validateCommand((code) => (exitCode = code)))
    .command(runCommand((code) => (exitCode = code)))
    .command(compareCommand((code) => (exitCode = code)))
    .command(networkCommand((code) => (exitCode = code)))
    .command(exploreCommand((code) => (exitCode = code)))
    .command(calibrateCommand((code) => (exitCode = code)))
    .command(checkCommand((code) => (exitCode = code)))
    .command(sweepCommand((code) => (exitCode = code)))
    .command(mergeCommand((code) => (exitCode = code)))
    .command(slurmCommand((code) => (exitCode = code)))
    .demandCommand(1, `name a command: ${commands.join(', ')}`)
    .strict()
    .recommendCommands()
    .version(toolVersion())
    // yargs's own words (Options, Commands, …) in English, like every message of Hotbed, whatever
    // the machine's language: mixed languages on one screen help no one, and the build does not
    // ship yargs's translations (scripts/build.js bundles yargs without its locales/ folder).
    .locale('en')
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs's own argument errors (an option given without its value) are usage mistakes, not bugs.
      if (error && error.name !== 'YError') throw error;
      throw messages.usage(usageProblem(message, first));
    });
  await parser.parseAsync();
  return exitCode;
}

/**
 * Options that take a value, given an empty one: yargs reads `--seed ''` as seed 0 and
 * `--out ''` as no folder at all, silently. `--name=` is refused for any option.
 */
const VALUE_OPTIONS = new Set(['seed', 'scale', 'replicates', 'replicate', 'workers', 'shards', 'cpus-per-task', 'out', 'levels', 'set', 'scenario', 'community', 'gexf', 'json', 'until', 'install', 'resume', 'port', 'build']);

function refuseEmptyValues(args: readonly string[]): void {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return;
    const m = /^--([^=]+)=(.*)$/s.exec(a);
    if (m) {
      if (m[2] === '') throw cliMessages.emptyOption(`--${m[1]}`);
      continue;
    }
    if (a.startsWith('--') && VALUE_OPTIONS.has(a.slice(2)) && args[i + 1] === '') throw cliMessages.emptyOption(a);
  }
}

/** yargs's wording, where it is unclear to someone who has not read its source. */
function usageProblem(message: string, command: string | undefined): string {
  const valueless = /^Not enough arguments following: (.+)$/.exec(message);
  if (valueless) return `--${valueless[1]} needs a value`;
  if (/^Not enough non-option arguments/.test(message)) {
    if (command === 'validate') return 'name at least one scenario file to validate';
    if (command === 'compare') return 'name at least two scenario files to compare';
    if (command === 'calibrate') return 'name the calibration file to use, e.g. scenarios/calibration.yaml';
    if (command === 'check') return 'name the calibration file whose targets to check, e.g. scenarios/calibration.yaml';
    if (command === 'sweep') return 'name the experiment file to run, e.g. scenarios/experiments/morris-baseline.yaml';
    if (command === 'merge') return 'name the shard folders to merge, e.g. hotbed merge DIR/shards/* --out DIR/merged';
    if (command === 'slurm') return 'name the experiment file to write Slurm scripts for, e.g. scenarios/experiments/morris-baseline.yaml';
    return `name the scenario file to ${command ?? 'use'}`;
  }
  return `${message.charAt(0).toLowerCase()}${message.slice(1)}`.replace(/\.$/, '');
}
