/** `hotbed init`: its options. The work is in init-handler.ts, loaded when the command runs. */
import type { CommandModule } from 'yargs';

export interface InitArgs {
  dir: string;
}

export function initCommand(setExit: (code: number) => void): CommandModule<object, InitArgs> {
  return {
    command: 'init [dir]',
    describe: 'Copy the shipped scenarios, experiments, targets, calibrations and their schemas into a folder of your own',
    builder: (y) => y.positional('dir', { type: 'string', default: 'scenarios', description: 'Folder to create (must not exist)' }) as never,
    handler: async (argv) => setExit(await (await import('./init-handler.js')).handleInit(argv)),
  };
}
