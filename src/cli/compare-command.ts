import type { CommandModule } from 'yargs';
import { memoryLimitBytes } from '../batch/memory.js';
import { defaultResultDir } from '../batch/result-folder.js';
import { checkComparable, type Comparison } from '../experiments/compare.js';
import { writeCompareFolder } from '../experiments/compare-folder.js';
import { bandOn, differenceOn, placeRow } from '../results/bands.js';
import { loadScenario } from '../scenario/load.js';
import { messages } from '../messages/scenario.js';
import { cliMessages } from '../messages/cli.js';
import { chartTitlesFlag, checkReplicates, overridesFrom, resultOptions, scenarioOptions } from './common-options.js';
import { agentScale, renderTable, thousands } from './format.js';
import { progressReporter } from './progress.js';
import { toolVersion } from './version.js';

interface CompareArgs {
  scenarios: string[];
  set: string[];
  seed?: number;
  scale?: number;
  replicates: number;
  out?: string;
  quiet: boolean;
  report: boolean;
  chartTitles?: boolean;
}

export function compareCommand(setExit: (code: number) => void): CommandModule<object, CompareArgs> {
  return {
    command: 'compare <scenarios..>',
    describe: 'Run scenarios with the same random streams and write their bands, paired differences and report to one folder',
    builder: (y) => resultOptions(scenarioOptions(y
      .positional('scenarios', { type: 'string', array: true, demandOption: true, description: 'Scenario files; the first is the reference the others are compared with' })), {
      defaultReplicates: 20,
      replicates: 'Replicates per scenario; replicate r of every scenario shares its networks, initial stock and random streams',
      out: 'Result folder (default: results/compare-<scenarios>-<timestamp>); must not exist',
      report: 'Write the charts and report.html; --no-report writes the tables only',
    }) as never,
    handler: async (argv) => {
      if (argv.scenarios.length < 2) throw messages.compareNeedsTwo(argv.scenarios.length);
      checkReplicates(argv.replicates);
      const overrides = overridesFrom(argv);
      const loaded = argv.scenarios.map((file) => loadScenario(file, { set: overrides }));
      // Refuse what can be refused before the runs: misaligned scenarios, worlds too large, a bad targets file, an existing folder.
      const memoryLimit = memoryLimitBytes();
      const plans = checkComparable(loaded, memoryLimit);
      const out = argv.out ?? defaultResultDir('results', `compare-${loaded.map((l) => stem(l.files[0]!)).join('-')}`, new Date());
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
      lines.push(cliMessages.wroteFolder(out, folder.written, performance.now() / 1000));
      process.stdout.write(`${lines.join('\n')}\n`);
      setExit(0);
    },
  };
}

const stem = (file: string) => file.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '');


/** The command that reproduces the tables (no --out or --quiet, which do not change them). */
function commandLine(argv: CompareArgs, seed: number): string {
  const parts = ['hotbed compare', ...argv.scenarios, `--replicates ${argv.replicates}`, `--seed ${seed}`];
  if (argv.scale !== undefined) parts.push(`--scale ${argv.scale}`);
  for (const s of argv.set ?? []) parts.push(`--set ${s}`);
  parts.push(...chartTitlesFlag(argv.chartTitles));
  return parts.join(' ');
}

/** World travelled at the end per scenario, and travellers averted against the reference. */
export function compareTable(c: Comparison): string {
  const world = placeRow(c, 'world', 'World');
  const ref = c.scenarios[0]!;
  const range = (b: { median: number; p5: number; p95: number }) => `${thousands(b.median)} [${thousands(b.p5)} – ${thousands(b.p95)}]`;
  const rows = c.scenarios.map((s, i) => [
    i === 0 ? `${s.name} (reference)` : s.name,
    range(bandOn(c, s, c.days, world, 'travelled')),
    i === 0 ? '' : range(differenceOn(c, s, c.days, world, 'travelled')),
  ]);
  const header = ['scenario', `travelled by ${c.end}`, `averted vs ${ref.name}`];
  return `${renderTable(header, rows)}\n(people, world; median [90% band] over ${c.replicates} replicate${c.replicates === 1 ? '' : 's'}, paired by replicate; ${agentScale(c.scale)}, ${thousands(ref.plan.agentCount)} agents)`;
}
