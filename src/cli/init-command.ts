import { existsSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { cliMessages } from '../messages/cli.js';
import { copyShipped } from '../batch/shipped.js';

export function initCommand(setExit: (code: number) => void): CommandModule<object, { dir: string }> {
  return {
    command: 'init [dir]',
    describe: 'Copy the shipped scenarios, experiments, targets, calibrations and their schemas into a folder of your own',
    builder: (y) => y.positional('dir', { type: 'string', default: 'scenarios', description: 'Folder to create (must not exist)' }) as never,
    handler: ({ dir }) => {
      if (existsSync(dir)) throw cliMessages.initFolderExists(dir);
      const files = copyShipped(dir);
      const scenarios = files.filter((f) => !f.includes('/') && f.endsWith('.yaml') && !f.startsWith('calibration'));
      process.stdout.write(`Wrote ${dir}/ (${files.length} files: ${scenarios.length} scenarios, experiments/, targets/, calibrations and schemas).\n`
        + `Try: hotbed run ${dir}/single-town.yaml --replicates 10\n`);
      setExit(0);
    },
  };
}
