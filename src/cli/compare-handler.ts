/** What `hotbed compare` does: runs the scenarios on common random numbers, writes the folder, prints what each averted. */
import { memoryLimitBytes } from '../batch/memory.js';
import { printOut } from './output.js';
import { outputFolder } from './outputs.js';
import { installSignalHandlers } from './signals.js';
import { checkComparable, type Comparison } from '../experiments/compare.js';
import { writeCompareFolder } from '../experiments/compare-folder.js';
import { bandOn, placeRow, versusReference } from '../results/bands.js';
import { loadScenario } from '../scenario/load.js';
import { parseVariant } from '../scenario/variants.js';
import { messages } from '../messages/scenario.js';
import { cliMessages } from '../messages/cli.js';
import { chartTitlesFlag, checkReplicates, overridesFrom } from './common-options.js';
import { agentScale, renderTable, thousands } from './format.js';
import { progressReporter } from './progress.js';
import { toolVersion } from './version.js';
import type { CompareArgs } from './compare-command.js';

/** Returns the exit code. */
export async function handleCompare(argv: CompareArgs): Promise<number> {
  const variants = (argv.variant ?? []).map(parseVariant);
  if (argv.scenarios.length + variants.length < 2) throw messages.compareNeedsTwo(argv.scenarios.length);
  checkReplicates(argv.replicates);
  const overrides = overridesFrom(argv);
  const loaded = [
    ...argv.scenarios.map((file) => loadScenario(file, { set: overrides })),
    ...variants.map((variant) => loadScenario(argv.scenarios[0]!, { set: overrides, variant })),
  ];
  // Refuse what can be refused before the runs: misaligned scenarios, worlds too large, a bad targets file, an existing folder.
  const memoryLimit = memoryLimitBytes();
  const plans = checkComparable(loaded, memoryLimit);
  const out = outputFolder(argv.out, `compare-${loaded.map((l) => l.variant?.name ?? stem(l.files[0]!)).join('-')}`, { whole: true });
  // The runs give the event loop a turn between replicates, so Ctrl-C is heard: nothing is kept (the folder appears only when complete).
  installSignalHandlers();
  const total = loaded.length * argv.replicates;
  const progress = progressReporter(total * 1000, { quiet: argv.quiet });
  let folder;
  try {
    folder = await writeCompareFolder(out, {
      loaded,
      plans,
      overrides,
      seed: argv.seed,
      replicates: argv.replicates,
      report: argv.report,
      toolVersion: toolVersion(),
      createdWith: (seed) => commandLine(argv, seed),
      memoryLimitBytes: memoryLimit,
      onProgress: (p) => progress.update(
        (p.scenario * p.replicates + p.replicate) * 1000 + Math.floor((1000 * p.day) / p.days),
        `${p.name} (${p.scenario + 1}/${p.scenarios}), replicate ${p.replicate + 1}/${p.replicates}: ${p.phase === 'build' ? 'building networks' : `day ${p.day}/${p.days}`}`,
      ),
      onTables: () => progress.update(total * 1000, 'tables and report'),
    });
  } finally {
    progress.stop();
  }
  const { comparison } = folder;
  const reported = folder.written.includes('report.html');
  const lines = [compareTable(comparison), ''];
  for (const note of comparison.notes) lines.push(`Note: ${note}.`);
  if (reported) lines.push(`Report: ${out}/report.html`);
  // performance.now() counts from the process's start: the whole command, start-up included.
  lines.push(cliMessages.wroteFolder(out, folder.bytes, folder.written, performance.now() / 1000));
  printOut(`${lines.join('\n')}\n`);
  return 0;
}

const stem = (file: string) => file.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '');

/** The command that reproduces the tables (no --out or --quiet, which do not change them). */
function commandLine(argv: CompareArgs, seed: number): string {
  const parts = ['hotbed compare', ...argv.scenarios, `--replicates ${argv.replicates}`, `--seed ${seed}`];
  if (argv.scale !== undefined) parts.push(`--scale ${argv.scale}`);
  if (argv.levels !== undefined) parts.push(`--levels ${argv.levels}`);
  for (const s of argv.set ?? []) parts.push(`--set ${s}`);
  for (const v of argv.variant ?? []) parts.push(`--variant ${v}`);
  parts.push(...chartTitlesFlag(argv.chartTitles));
  return parts.join(' ');
}

/** World travelled at the end per scenario, and travellers averted against the reference (or the change versus it: Comparison.differences). */
export function compareTable(c: Comparison): string {
  const world = placeRow(c, 'world', 'World');
  const ref = c.scenarios[0]!;
  const range = (b: { median: number; p5: number; p95: number }) => `${thousands(b.median)} [${thousands(b.p5)} – ${thousands(b.p95)}]`;
  const rows = c.scenarios.map((s, i) => [
    i === 0 ? `${s.name} (reference)` : s.name,
    range(bandOn(c, s, c.days, world, 'travelled')),
    i === 0 ? '' : range(versusReference(c, s, c.days, world, 'travelled')),
  ]);
  const header = ['scenario', `travelled by ${c.end}`, `${c.differences === 'change' ? 'change' : 'averted'} vs ${ref.name}`];
  return `${renderTable(header, rows)}\n(people, world; median [90% band] over ${c.replicates} replicate${c.replicates === 1 ? '' : 's'}, paired by replicate; ${agentScale(c.scale)}, ${thousands(ref.plan.agentCount)} agents)`;
}
