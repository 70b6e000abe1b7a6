/**
 * `hotbed check CALIBRATION [--scenario FILE] [--replicates N]`: does a scenario
 * (by default the calibrated baseline) meet the calibration's targets in the median
 * over N seeds? The same check CI runs on the shipped baseline; exit code 1 when a
 * target is missed, so that scripts can use it after changing a scenario. Its options;
 * the work is in check-handler.ts, loaded when the command runs.
 */
import type { CommandModule } from 'yargs';

export interface CheckArgs {
  calibration: string;
  scenario?: string;
  replicates: number;
  seed?: number;
  set?: string[];
  quiet: boolean;
}

export function checkCommand(setExit: (code: number) => void): CommandModule<object, CheckArgs> {
  return {
    command: 'check <calibration>',
    describe: 'Check that a scenario meets a calibration\'s targets in the median over many seeds (exit 1 if not)',
    builder: (y) => y
      .positional('calibration', { type: 'string', demandOption: true, description: 'Calibration file whose targets are checked, e.g. scenarios/calibration.yaml' })
      .option('scenario', { type: 'string', description: 'Scenario to check, at its own scale (default: baseline.yaml beside the calibration file)' })
      .option('replicates', { type: 'number', requiresArg: true, default: 100, description: 'Runs (seeds) whose medians are compared with the bands (the median of 20 runs of a small region moves by as much as its band)' })
      .option('seed', { type: 'number', requiresArg: true, description: 'Seed of the first run (default: the scenario\'s)' })
      .option('set', { type: 'string', array: true, description: 'Override a scenario value, e.g. --set channels.peer.cascade.probability=0.0002' })
      .option('quiet', { type: 'boolean', default: false, description: 'No progress output' }) as never,
    handler: async (argv) => setExit(await (await import('./check-handler.js')).handleCheck(argv)),
  };
}
