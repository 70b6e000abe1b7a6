/**
 * `hotbed merge`: joins the shard folders of a sweep (`hotbed sweep … --shard K/N`)
 * into the folder a single-machine sweep gives. Its options; the work is in
 * merge-handler.ts (and src/sweep/merge.ts), loaded when the command runs.
 */
import type { CommandModule } from 'yargs';

export interface MergeArgs {
  shards: string[];
  out: string;
  quiet: boolean;
}

export function mergeCommand(setExit: (code: number) => void): CommandModule<object, MergeArgs> {
  return {
    command: 'merge <shards..>',
    describe: 'Join the shard folders of a sweep (hotbed sweep --shard K/N) into one result folder, identical to a single-machine sweep',
    builder: (y) => y
      .positional('shards', { type: 'string', array: true, demandOption: true, description: 'Shard folders, every K of N once, e.g. DIR/shards/*' })
      .option('out', { type: 'string', demandOption: true, description: 'Result folder; must not exist' })
      .option('quiet', { type: 'boolean', default: false, description: 'Print only the line naming the folder' }) as never,
    handler: async (argv) => setExit(await (await import('./merge-handler.js')).handleMerge(argv)),
  };
}
