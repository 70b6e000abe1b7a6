/**
 * Messages about the command line itself (options out of range, options that
 * exclude each other): one builder each, so the commands hold no wording.
 */
import { UserError } from './errors.js';
import { sizeText } from './results.js';
import { messages } from './scenario.js';

export const cliMessages = {
  /** An option given an empty value (`--seed ''`, `--out=`): refused rather than read as 0 or as the working folder. */
  emptyOption: (option: string) => messages.badOption(option, 'a value', ''),
  workers: (found: unknown) => messages.badOption('--workers', 'a whole number from 1 to 1024', found),
  scale: (found: unknown) => messages.badOption('--scale', 'a number ≥ 1', found),
  seed: (found: unknown) => messages.badOption('--seed', 'a whole number ≥ 0', found),
  /** `hotbed check` draws its seeds in 32 bits. */
  seed32: (found: unknown) => messages.badOption('--seed', 'a whole number from 0 to 4294967295', found),
  replicates: (found: unknown) => messages.badOption('--replicates', 'a whole number from 1 to 100000', found),
  replicate: (found: unknown) => messages.badOption('--replicate', 'a whole number ≥ 0', found),
  exportNeedsCommunity: () => messages.badOption('--gexf/--json', 'a --community to export (the world is too large for these formats)', 'no --community'),
  runNeedsExport: () => messages.badOption('--run', 'a --gexf or --json file to write the run to (with a --community)', 'neither'),
  /** `hotbed network --gexf F --json F`: the second would overwrite the first. */
  sameExportFile: (file: string) =>
    messages.usage(`--gexf and --json name the same file (${file}): each format needs its own, e.g. --gexf town.gexf --json town.json`),
  /** An output file that exists: nothing is overwritten. */
  outputFileExists: (file: string) =>
    new UserError({ file, problem: 'the file already exists; nothing was written', hint: 'name another file or remove this one' }),
  /** After `hotbed network --run`: what the run did in the exported community. */
  networkRun: (replicate: number, community: string, agents: number, mobilized: Readonly<Record<string, number>>) => {
    const total = Object.values(mobilized).reduce((s, n) => s + n, 0);
    const channels = Object.entries(mobilized).map(([channel, n]) => `${channel} ${n.toLocaleString('en-US')}`).join(', ');
    return `Simulated replicate ${replicate}: ${total.toLocaleString('en-US')} of ${agents.toLocaleString('en-US')} agents of ${community} mobilized (${channels}).`;
  },
  initFolderExists: (dir: string) => messages.usage(`${dir} already exists: hotbed init writes a new folder (name another, e.g. hotbed init my-scenarios)`),
  /** --out and --resume together; `what` is "sweep" or "calibration". */
  outOrResume: (what: string) => messages.usage(`give either --out or --resume, not both (a resumed ${what} writes to its own folder)`),

  /**
   * The closing line of `hotbed compare` (and the start of `hotbed run`'s): the folder's size
   * (`bytes`, every file written) and what it holds. `seconds` is the wall time since the process
   * started: start-up, loading, worlds, runs, report and writing, all that the user waited.
   */
  wroteFolder: (out: string, bytes: number, files: readonly string[], seconds: number, part = '') =>
    `Wrote ${out}/ (${sizeText(bytes)}: ${files.join(', ')}) in ${seconds.toFixed(1)} s (wall time since hotbed started${part}).`,

  /**
   * `hotbed run`'s closing line: the wall time since start-up, and the part of it manifest.json
   * records as timing.wallMs (worlds, runs, report; not start-up, loading or writing), named so
   * that the two numbers are not read as one.
   */
  wroteRunFolder: (out: string, bytes: number, files: readonly string[], seconds: number, run: { replicates: number; report: boolean; wallSeconds: number }) =>
    cliMessages.wroteFolder(out, bytes, files, seconds,
      `; building ${run.replicates === 1 ? (run.report ? 'the world, the run and the report' : 'the world and the run') : run.report ? `the worlds, the ${run.replicates} runs and the report` : `the worlds and the ${run.replicates} runs`}`
      + ` took ${run.wallSeconds.toFixed(1)} s of it, manifest.json's timing.wallMs`),
};
