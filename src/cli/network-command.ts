/**
 * `hotbed network`: its options. The work is in network-handler.ts, loaded when the command
 * runs, so that `hotbed --help` loads none of the model.
 */
import type { CommandModule } from 'yargs';
import { scenarioOptions } from './common-options.js';

export interface NetworkArgs {
  scenario: string;
  community?: string;
  replicate: number;
  gexf?: string;
  json?: string;
  run: boolean;
  set: string[];
  seed?: number;
  scale?: number;
}

export function networkCommand(setExit: (code: number) => void): CommandModule<object, NetworkArgs> {
  return {
    command: 'network <scenario>',
    describe: 'Network statistics of a community (or the whole world), and export to GEXF or graphology JSON',
    builder: (y) => scenarioOptions(y
      .positional('scenario', { type: 'string', demandOption: true, description: 'Scenario file' }))
      .option('community', { type: 'string', description: 'Community name; without it, the whole world (all communities and the ties between them)' })
      .option('replicate', { type: 'number', requiresArg: true, default: 0, description: 'Replicate whose network to draw (each replicate draws its own)' })
      .option('gexf', { type: 'string', description: 'Write the community\'s network as GEXF (for Gephi) to this file' })
      .option('json', { type: 'string', description: 'Write the community\'s network as graphology JSON to this file' })
      .option('run', { type: 'boolean', default: false, description: 'Also simulate the replicate (the first unless --replicate says; the ones before it are run too) and export each agent\'s end state, mobilization date, channel and recruiter, with a GEXF timeline of the spread' }) as never,
    handler: async (argv) => setExit(await (await import('./network-handler.js')).handleNetwork(argv)),
  };
}
