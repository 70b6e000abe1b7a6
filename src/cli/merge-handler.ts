/** What `hotbed merge` does: merges the shards and prints the sweep's summary. */
import { mergeShards } from '../sweep/merge.js';
import { printErr, printOut } from './output.js';
import { checkOutput } from './outputs.js';
import { sweepMessages } from '../messages/sweep.js';
import { sweepSummaryText } from '../sweep/summary-text.js';
import type { MergeArgs } from './merge-command.js';

/** Returns the exit code. */
export async function handleMerge(argv: MergeArgs): Promise<number> {
  const started = performance.now();
  const dirs = (argv.shards ?? []).map(String);
  if (dirs.length === 0) throw sweepMessages.mergeNeedsShards();
  checkOutput(argv.out, 'new folder');
  const outcome = await mergeShards(dirs, argv.out, { createdWith: ['hotbed merge', ...dirs, '--out', argv.out].join(' ') });
  if (outcome.outputs.chartsError !== undefined) printErr(`hotbed: warning: no charts written (${outcome.outputs.chartsError}); the other outputs are complete\n`);
  const text = argv.quiet ? '' : `${sweepSummaryText(outcome.plan, outcome.outputs)}\n\n`;
  printOut(text);
  for (const w of outcome.outputs.warnings) printErr(`hotbed: warning: ${w}\n`);
  printOut(`Wrote ${argv.out}/ (${outcome.files.join(', ')}) from ${outcome.shards} shards, ${outcome.plan.runs} runs, in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
  return 0;
}
