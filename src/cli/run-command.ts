import { existsSync } from 'node:fs';
import { totalmem } from 'node:os';
import type { CommandModule } from 'yargs';
import { comparisonOfRun, scenarioNames } from '../experiments/compare.js';
import { runScenario, type RunResult } from '../experiments/run.js';
import { daysBetween } from '../model/dates.js';
import { bandsCsv } from '../results/bands.js';
import { monthStartDays } from '../results/months.js';
import { networkSample, sampleCommunity, type NetworkSample } from '../results/network-sample.js';
import { buildReport } from '../charts/index.js';
import { reportInputs } from '../results/report-inputs.js';
import { messages } from '../scenario/messages.js';
import { loadScenario } from '../scenario/load.js';
import { loadTargets, type Targets } from '../scenario/targets.js';
import { planWorld } from '../world/plan.js';
import { placeIndex } from '../world/places.js';
import { seriesCsv, summarize, type Summary } from '../results/tables.js';
import { versusTargets } from '../results/versus-targets.js';
import { defaultResultDir, writeResultFolder } from '../results/write.js';
import { checkReplicates, overridesFrom, resultOptions, scenarioOptions } from './common-options.js';
import { renderTable, signedPercent, thousands } from './format.js';
import { progressReporter } from './progress.js';
import { toolVersion } from './version.js';

interface RunArgs {
  scenario: string;
  set: string[];
  seed?: number;
  scale?: number;
  /** Default: the scenario's `replicates`. */
  replicates?: number;
  out?: string;
  quiet: boolean;
  report: boolean;
}

export function runCommand(setExit: (code: number) => void): CommandModule<object, RunArgs> {
  return {
    command: 'run <scenario>',
    describe: 'Run a scenario and write its results folder',
    builder: (y) => resultOptions(scenarioOptions(y
      .positional('scenario', { type: 'string', demandOption: true, description: 'Scenario file, e.g. scenarios/baseline.yaml' })), {
      replicates: 'Independent replicates (worlds and runs) from the same seed (default: the scenario\'s `replicates`, 1 unless it says)',
      out: 'Result folder (default: results/<scenario>-<timestamp>); must not exist',
      report: 'With --replicates above 1: also write bands.csv, the charts and report.html; --no-report writes bands.csv without them',
    }) as never,
    handler: async (argv) => {
      const started = performance.now();
      if (argv.replicates !== undefined) checkReplicates(argv.replicates);
      const overrides = overridesFrom(argv);
      const loaded = loadScenario(argv.scenario, { set: overrides });
      const { scenario } = loaded;
      const replicates = argv.replicates ?? scenario.replicates ?? 1;
      const plan = planWorld(scenario);
      const targets = loaded.targetsFile ? loadTargets(loaded.targetsFile, placeIndex(plan).names()) : undefined;
      const out = argv.out ?? defaultResultDir('results', argv.scenario, new Date());
      // writeResultFolder refuses too; refusing now saves a wasted run.
      if (existsSync(out)) throw messages.outputExists(out);

      // With replicates, bands and the report too: they need the first of each month (monthly flows)
      // and a network sample from replicate 0. series.csv keeps the scenario's own days only.
      const banded = replicates > 1;
      let network: NetworkSample | undefined;
      const progress = progressReporter(replicates * 1000, { quiet: argv.quiet });
      const run = runScenario(scenario, {
        extraRecordDays: banded ? monthStartDays(scenario.dates.start, daysBetween(scenario.dates.start, scenario.dates.end)) : undefined,
        onOutcome: banded ? (replicate, world, outcome) => {
          if (replicate === 0) network = networkSample(world, outcome, sampleCommunity(plan), scenarioNames([argv.scenario])[0]!);
        } : undefined,
        replicates,
        memoryLimitBytes: Math.floor(totalmem() * 0.75),
        scenarioFile: argv.scenario,
        onProgress: (p) => progress.update(p.replicate * 1000 + Math.floor((1000 * p.day) / p.days),
          p.phase === 'build' ? `replicate ${p.replicate + 1}/${p.replicates}: building networks` : `replicate ${p.replicate + 1}/${p.replicates}: day ${p.day}/${p.days}`),
      });
      progress.stop();
      const own = ownDays(run);
      const summary = summarize(own);
      let extra: Record<string, string | Uint8Array> = {};
      if (banded) {
        const comparison = comparisonOfRun(loaded, run, network);
        const createdWith = ['hotbed run', argv.scenario, `--replicates ${replicates}`, `--seed ${run.seed}`,
          ...(argv.scale !== undefined ? [`--scale ${argv.scale}`] : []), ...argv.set.map((s) => `--set ${s}`)].join(' ');
        // Built in memory before anything is written: a chart that cannot be rendered leaves no folder.
        const report = argv.report ? await buildReport(reportInputs(comparison, targets, { version: toolVersion(), createdWith })) : {};
        extra = { 'bands.csv': bandsCsv(comparison), ...report };
      }
      const wallMs = performance.now() - started;
      const manifest = {
        tool: { name: 'hotbed', version: toolVersion(), node: process.version },
        scenario: { file: argv.scenario, extends: loaded.files.slice(1), hash: loaded.hash, overrides, resolved: scenario },
        seed: run.seed,
        replicates,
        scale: scenario.scale,
        agents: plan.agentCount,
        targets: loaded.targetsFile ?? null,
        files: {
          'series.csv': 'replicate, date, level, place, measure, value: one row each (values in people)',
          'summary.json': 'checkpoints by place: median, 5th and 95th percentile over replicates',
          ...('bands.csv' in extra ? { 'bands.csv': 'scenario, date, level, place, measure, median, p5, p25, p75, p95: the band over replicates of each measure (people), including the first of each month' } : {}),
          ...('report.html' in extra ? { 'report.html': 'the report, self-contained; its charts are also under charts/ as Vega-Lite specs, SVG and PNG' } : {}),
        },
        note: 'series.csv and summary.json are byte-identical for the same scenario and seed; this manifest also records wall times.',
        timing: {
          wallMs: Math.round(wallMs),
          replicates: run.replicates.map((r) => ({ replicate: r.replicate, buildMs: Math.round(r.buildMs), runMs: Math.round(r.runMs), ties: r.ties, events: r.events })),
        },
      };
      const files: Record<string, string | Uint8Array> = {
        'series.csv': seriesCsv(own),
        'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
        'manifest.json': `${JSON.stringify(manifest, null, 2)}\n`,
      };
      for (const [name, content] of Object.entries(extra)) {
        if (name in files) throw new Error(`cli/run: the report would overwrite ${name}`);
        files[name] = content;
      }
      writeResultFolder(out, files);
      const written = ['series.csv', 'summary.json', 'manifest.json', ...('bands.csv' in extra ? ['bands.csv'] : []), ...('report.html' in extra ? ['report.html', 'charts/'] : [])];
      const reportLine = 'report.html' in extra ? `\nReport: ${out}/report.html` : '';
      process.stdout.write(`${travellersTable(summary, targets)}\n${reportLine}\nWrote ${out}/ (${written.join(', ')}) in ${(wallMs / 1000).toFixed(1)} s.\n`);
      setExit(0);
    },
  };
}

/** The run with only the snapshots of the scenario's own record days (the days series.csv is written for). */
function ownDays(run: RunResult): RunResult {
  const days = new Set(run.recordDays);
  return { ...run, replicates: run.replicates.map((r) => ({ ...r, snapshots: r.snapshots.filter((s) => days.has(s.day)) })) };
}

export function travellersTable(summary: Summary, targets: Targets | undefined): string {
  const rows = versusTargets(summary, targets, ['world', 'region']);
  const dates = summary.checkpoints.map((c) => c.date);
  const targetHeader = targets ? `target ${targets.date}` : 'target';
  const header = ['travelled (people)', ...dates, targetHeader, 'vs target'];
  const body = rows.map((r) => [
    r.level === 'world' ? 'World' : `  ${r.place}`,
    ...r.travelled.map(thousands),
    r.target ? (r.target.low === r.target.high ? thousands(r.target.value) : `${thousands(r.target.low)}–${thousands(r.target.high)}`) : '',
    r.relative !== undefined ? `${signedPercent(r.relative)}${r.inBand ? '' : ' (outside band)'}` : '',
  ]);
  const note = summary.replicates > 1 ? `medians of ${summary.replicates} replicates; ` : '';
  return `${renderTable(header, body)}\n(${note}1 agent = ${summary.scale === 1 ? '1 person' : `${summary.scale} people`}, ${thousands(summary.agents)} agents${targets ? `; targets: ${targets.title}` : ''})`;
}
