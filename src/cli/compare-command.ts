/**
 * `hotbed compare`: its options. The work is in compare-handler.ts, loaded when the command
 * runs, so that `hotbed --help` loads none of the model.
 */
import type { CommandModule } from 'yargs';
import { resultOptions, scenarioOptions } from './common-options.js';

export interface CompareArgs {
  scenarios: string[];
  set: string[];
  seed?: number;
  scale?: number;
  replicates: number;
  out?: string;
  levels?: string;
  quiet: boolean;
  report: boolean;
  chartTitles?: boolean;
}

export function compareCommand(setExit: (code: number) => void): CommandModule<object, CompareArgs> {
  return {
    command: 'compare <scenarios..>',
    describe: 'Run scenarios with the same random streams and write their bands, paired differences and report to one folder',
    builder: (y) => resultOptions(scenarioOptions(y
      .positional('scenarios', { type: 'string', array: true, demandOption: true, description: 'Scenario files; the first is the reference the others are compared with' })), {
      defaultReplicates: 20,
      replicates: 'Replicates per scenario; replicate r of every scenario shares its networks, initial stock and random streams',
      out: 'Result folder (default: results/compare-<scenarios>-<timestamp>); must not exist',
      report: 'Write the charts and report.html; --no-report writes the tables only',
    }) as never,
    handler: async (argv) => setExit(await (await import('./compare-handler.js')).handleCompare(argv)),
  };
}
