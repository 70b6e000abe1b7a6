/**
 * `hotbed merge`: joins the shard folders of a sweep (`hotbed sweep … --shard K/N`)
 * into the folder a single-machine sweep gives. The work is in src/sweep/merge.ts.
 */
import type { CommandModule } from 'yargs';
import { mergeShards } from '../sweep/merge.js';
import { sweepMessages } from '../messages/sweep.js';
import { sweepSummaryText } from '../sweep/summary-text.js';

interface MergeArgs {
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
    handler: async (argv) => {
      const started = performance.now();
      const dirs = (argv.shards ?? []).map(String);
      if (dirs.length === 0) throw sweepMessages.mergeNeedsShards();
      const outcome = await mergeShards(dirs, argv.out, { createdWith: ['hotbed merge', ...dirs, '--out', argv.out].join(' ') });
      if (outcome.outputs.chartsError !== undefined) process.stderr.write(`hotbed: warning: no charts written (${outcome.outputs.chartsError}); the other outputs are complete\n`);
      const text = argv.quiet ? '' : `${sweepSummaryText(outcome.plan, outcome.outputs)}\n\n`;
      process.stdout.write(text);
      for (const w of outcome.outputs.warnings) process.stderr.write(`hotbed: warning: ${w}\n`);
      process.stdout.write(`Wrote ${argv.out}/ (${outcome.files.join(', ')}) from ${outcome.shards} shards, ${outcome.plan.runs} runs, in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
      setExit(0);
    },
  };
}
