/**
 * `hotbed run`: its options. The work is in run-handler.ts, loaded when the command runs,
 * so that `hotbed --help` loads none of the model.
 */
import type { CommandModule } from 'yargs';
import { resultOptions, scenarioOptions } from './common-options.js';

export interface RunArgs {
  scenario: string;
  set: string[];
  seed?: number;
  scale?: number;
  /** Default: the scenario's `replicates`. */
  replicates?: number;
  out?: string;
  levels?: string;
  quiet: boolean;
  report: boolean;
  chartTitles?: boolean;
}

export function runCommand(setExit: (code: number) => void): CommandModule<object, RunArgs> {
  return {
    command: 'run <scenario>',
    describe: 'Run a scenario and write its results folder',
    builder: (y) => resultOptions(scenarioOptions(y
      .positional('scenario', { type: 'string', demandOption: true, description: 'Scenario file, e.g. scenarios/baseline.yaml' })), {
      replicates: 'Independent replicates (worlds and runs) from the same seed (default: the scenario\'s `replicates`, 1 unless it says)',
      out: 'Result folder (default: results/<scenario>-<timestamp>); must not exist',
      report: 'Write the charts and report.html besides the tables (one replicate too: its bands are its line); --no-report writes the tables only',
    }) as never,
    handler: async (argv) => setExit(await (await import('./run-handler.js')).handleRun(argv)),
  };
}
