/** What `hotbed init` does: copies the shipped files into a new folder and says what to try. */
import { existsSync } from 'node:fs';
import { printOut } from './output.js';
import { checkOutput } from './outputs.js';
import { copyShipped } from '../batch/shipped.js';
import { cliMessages } from '../messages/cli.js';
import type { InitArgs } from './init-command.js';

/** Returns the exit code. */
export async function handleInit({ dir }: InitArgs): Promise<number> {
  if (existsSync(dir)) throw cliMessages.initFolderExists(dir);
  checkOutput(dir, 'new folder');
  const files = copyShipped(dir);
  const scenarios = files.filter((f) => !f.includes('/') && f.endsWith('.yaml') && !f.startsWith('calibration'));
  printOut(`Wrote ${dir}/ (${files.length} files: ${scenarios.length} scenarios, experiments/, targets/, calibrations and schemas).\n`
    + `Try: hotbed run ${dir}/single-town.yaml --replicates 10\n`);
  return 0;
}
