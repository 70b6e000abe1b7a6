/**
 * `hotbed compare`: its options. The work is in compare-handler.ts, loaded when the command
 * runs, so that `hotbed --help` loads none of the model.
 */
import type { CommandModule } from 'yargs';
import { resultOptions, scenarioOptions } from './common-options.js';

export interface CompareArgs {
  scenarios: string[];
  variant: string[];
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
    describe: 'Run scenarios, or variants of one, with the same random streams and write their bands, paired differences and report to one folder',
    builder: (y) => resultOptions(scenarioOptions(y
      .positional('scenarios', { type: 'string', array: true, demandOption: true, description: 'Scenario files; the first is the reference the others (and the variants) are compared with' })
      .option('variant', {
        type: 'string', array: true, default: [] as string[], requiresArg: true,
        description: 'A variant of the reference, without a file: name:path=value,path=value (repeatable), each change as --set takes it, '
          + 'e.g. threshold2:channels.peer.rule=threshold,channels.peer.threshold.ties=2. A comma inside brackets, braces or quotes '
          + '(output.levels=[world,region]) stays in its value, and so does one followed by no "=" (title=Town, threshold rule). '
          + 'Differences are spoken of as travellers averted only where every scenario adds counter-measures to the reference, else as the change versus it',
      })
      .example('$0 compare scenarios/baseline.yaml scenarios/media-takedown.yaml', 'a counter-measure: travellers averted')
      .example('$0 compare scenarios/single-town.yaml --variant threshold2:channels.peer.rule=threshold,channels.peer.threshold.ties=2 --variant alone:channels.group.probability=0', 'two variants of one file: the change versus it')), {
      defaultReplicates: 20,
      replicates: 'Replicates per scenario; replicate r of every scenario shares its networks, initial stock and random streams',
      out: 'Result folder (default: results/compare-<scenarios>-<timestamp>); must not exist',
      report: 'Write the charts and report.html; --no-report writes the tables only',
    }) as never,
    handler: async (argv) => setExit(await (await import('./compare-handler.js')).handleCompare(argv)),
  };
}
