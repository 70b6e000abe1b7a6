import { memoryLimitBytes } from '../batch/memory.js';
import { existsSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { checkComparable, compareScenarios, type Comparison } from '../experiments/compare.js';
import { messages } from '../scenario/messages.js';
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import { loadTargets, type Targets } from '../scenario/targets.js';
import { bandOn, bandsCsv, comparisonSummary, differenceOn, differencesCsv, placeRow } from '../results/bands.js';
import { buildReport } from '../charts/index.js';
import { reportInputs } from '../results/report-inputs.js';
import { writeFolderAtomic } from '../batch/persistence.js';
import { defaultResultDir } from '../batch/result-folder.js';
import type { WorldPlan } from '../world/plan.js';
import { placeIndex } from '../world/places.js';
import { checkReplicates, overridesFrom, resultOptions, scenarioOptions } from './common-options.js';
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
      const started = performance.now();
      if (argv.scenarios.length < 2) throw messages.compareNeedsTwo(argv.scenarios.length);
      checkReplicates(argv.replicates);
      const overrides = overridesFrom(argv);
      const loaded = argv.scenarios.map((file) => loadScenario(file, { set: overrides }));
      // Refuse what can be refused before the runs: misaligned scenarios, worlds too large, a bad targets file, an existing folder.
      const memoryLimit = memoryLimitBytes();
      const plans = checkComparable(loaded, memoryLimit);
      const targets = targetsOf(loaded[0]!, plans[0]!);
      const out = argv.out ?? defaultResultDir('results', `compare-${loaded.map((l) => stem(l.files[0]!)).join('-')}`, new Date());
      if (existsSync(out)) throw messages.outputExists(out);

      const total = loaded.length * argv.replicates;
      const progress = progressReporter(total * 1000, { quiet: argv.quiet });
      let comparison: Comparison;
      let report: Record<string, string | Uint8Array>;
      const files: Record<string, string | Uint8Array> = {};
      try {
        comparison = compareScenarios(loaded, {
          seed: argv.seed,
          replicates: argv.replicates,
          memoryLimitBytes: memoryLimit,
          onProgress: (p) => progress.update(
            (p.scenario * p.replicates + p.replicate) * 1000 + Math.floor((1000 * p.day) / p.days),
            `${p.name} (${p.scenario + 1}/${p.scenarios}), replicate ${p.replicate + 1}/${p.replicates}: ${p.phase === 'build' ? 'building networks' : `day ${p.day}/${p.days}`}`,
          ),
        });
        progress.update(total * 1000, 'tables and report');
        const version = toolVersion();
        const createdWith = commandLine(argv, comparison.seed);
        // Everything in memory first: if a chart cannot be rendered, nothing is written.
        report = argv.report ? await buildReport(reportInputs(comparison, targets, { version, createdWith })) : {};
        files['bands.csv'] = bandsCsv(comparison);
        files['differences.csv'] = differencesCsv(comparison);
        files['summary.json'] = `${JSON.stringify(comparisonSummary(comparison, comparison.scenarios.map((s) => s.name).join(' vs ')), null, 2)}\n`;
        const wallMs = performance.now() - started;
        files['manifest.json'] = `${JSON.stringify(manifest(comparison, overrides, version, createdWith, Object.keys(report), wallMs), null, 2)}\n`;
        for (const [name, content] of Object.entries(report)) {
          if (name in files) throw new Error(`cli/compare: the report would overwrite ${name}`);
          files[name] = content;
        }
      } finally {
        progress.stop();
      }
      writeFolderAtomic(out, files);

      const lines = [compareTable(comparison), ''];
      for (const note of comparison.notes) lines.push(`Note: ${note}.`);
      if ('report.html' in report) lines.push(`Report: ${out}/report.html`);
      lines.push(`Wrote ${out}/ (bands.csv, differences.csv, summary.json, manifest.json${'report.html' in report ? ', report.html, charts/' : ''}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      process.stdout.write(`${lines.join('\n')}\n`);
      setExit(0);
    },
  };
}

const stem = (file: string) => file.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '');

function targetsOf(loaded: LoadedScenario, plan: WorldPlan): Targets | undefined {
  return loaded.targetsFile ? loadTargets(loaded.targetsFile, placeIndex(plan).names()) : undefined;
}

/** The command that reproduces the tables (no --out or --quiet, which do not change them). */
function commandLine(argv: CompareArgs, seed: number): string {
  const parts = ['hotbed compare', ...argv.scenarios, `--replicates ${argv.replicates}`, `--seed ${seed}`];
  if (argv.scale !== undefined) parts.push(`--scale ${argv.scale}`);
  for (const s of argv.set ?? []) parts.push(`--set ${s}`);
  return parts.join(' ');
}

function manifest(c: Comparison, overrides: string[], version: string, createdWith: string, reportNames: string[], wallMs: number) {
  return {
    tool: { name: 'hotbed', version, node: process.version },
    command: createdWith,
    reference: c.scenarios[0]!.name,
    scenarios: c.scenarios.map((s) => ({
      name: s.name,
      file: s.file,
      extends: s.loaded.files.slice(1),
      hash: s.loaded.hash,
      overrides,
      agents: s.plan.agentCount,
      resolved: s.loaded.scenario,
    })),
    seed: c.seed,
    replicates: c.replicates,
    scale: c.scale,
    targets: c.scenarios[0]!.loaded.targetsFile ?? null,
    files: {
      'bands.csv': 'scenario, date, level, place, measure, median, p5, p25, p75, p95: the band over replicates of each measure (people)',
      'differences.csv': 'scenario, reference, date, level, place, measure, median, p5, p25, p75, p95: the band of the paired difference reference − scenario (people; positive = fewer in the scenario, e.g. travellers averted)',
      'summary.json': 'bands and paired differences at the checkpoints, by place',
      ...(reportNames.length ? { 'report.html': 'the report, self-contained; its charts are also under charts/ as Vega-Lite specs, SVG and PNG' } : {}),
    },
    note: 'Every scenario ran replicate r with the same seed and replicate number (common random numbers), so differences are paired. '
      + 'bands.csv, differences.csv and summary.json are byte-identical for the same scenarios, seed and replicates; this manifest also records wall times.',
    timing: {
      wallMs: Math.round(wallMs),
      scenarios: c.scenarios.map((s) => ({
        name: s.name,
        replicates: s.timing.map((t) => ({ replicate: t.replicate, buildMs: Math.round(t.buildMs), runMs: Math.round(t.runMs), ties: t.ties, events: t.events })),
      })),
    },
  };
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
