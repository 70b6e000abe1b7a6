/**
 * `hotbed calibrate`: its options. The work is in calibrate-handler.ts, loaded when the
 * command runs, so that `hotbed --help` loads none of the model.
 */
import type { CommandModule } from 'yargs';
import { defaultWorkers } from '../batch/cores.js';

export interface CalibrateArgs {
  calibration: string;
  workers?: number;
  out?: string;
  resume?: string;
  install?: string;
  until?: string;
  quiet: boolean;
}

export function calibrateCommand(setExit: (code: number) => void): CommandModule<object, CalibrateArgs> {
  return {
    command: 'calibrate <calibration>',
    describe: 'Fit a scenario\'s free parameters to its targets (ABC-SMC) and write the posterior and the calibrated parameter file',
    builder: (y) => y
      .positional('calibration', { type: 'string', demandOption: true, description: 'Calibration file, e.g. scenarios/calibration.yaml' })
      .option('workers', { type: 'number', requiresArg: true, description: `Worker threads running simulations (default: all cores, ${defaultWorkers()} here); the result does not depend on it` })
      .option('out', { type: 'string', description: 'Result folder (default: results/<calibration>-<timestamp>); must not exist' })
      .option('resume', { type: 'string', description: 'Continue the calibration in this folder from its last completed generation (with the same calibration file; the budget may be larger)' })
      .option('install', { type: 'string', description: 'Also write the calibrated parameter file here, replacing it (e.g. scenarios/calibrated.yaml, which the baseline extends)' })
      .option('until', { type: 'string', description: 'Hindcast: fit only the targets dated up to this day (YYYY-MM-DD); the later ones are forecast and checked against the posterior predictive' })
      .option('quiet', { type: 'boolean', default: false, description: 'No progress output' }) as never,
    handler: async (argv) => setExit(await (await import('./calibrate-handler.js')).handleCalibrate(argv)),
  };
}
