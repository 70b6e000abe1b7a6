/**
 * `hotbed validate`: its options. The work is in validate-handler.ts, loaded when the command
 * runs, so that `hotbed --help` loads none of the loaders.
 */
import type { CommandModule } from 'yargs';

export interface ValidateArgs {
  files: string[];
}

export function validateCommand(setExit: (code: number) => void): CommandModule<object, ValidateArgs> {
  return {
    command: 'validate <files..>',
    describe: 'Check scenario, calibration, experiment and targets files and say what each describes',
    builder: (y) => y.positional('files', { type: 'string', array: true, demandOption: true, description: 'Scenario, calibration, experiment or targets files (.yaml, .json)' }) as never,
    handler: async (argv) => setExit(await (await import('./validate-handler.js')).handleValidate(argv)),
  };
}
