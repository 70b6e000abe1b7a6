import { existsSync } from 'node:fs';
import { totalmem } from 'node:os';
import type { CommandModule } from 'yargs';
import { runScenario } from '../experiments/run.js';
import { messages } from '../scenario/messages.js';
import { loadScenario } from '../scenario/load.js';
import { loadTargets, type Targets } from '../scenario/targets.js';
import { planWorld } from '../world/plan.js';
import { seriesCsv, summarize, type Summary } from '../results/tables.js';
import { versusTargets } from '../results/versus-targets.js';
import { defaultResultDir, writeResultFolder } from '../results/write.js';
import { scenarioOptions, overridesFrom } from './common-options.js';
import { renderTable, signedPercent, thousands } from './format.js';
import { progressReporter } from './progress.js';
import { toolVersion } from './version.js';

interface RunArgs {
  scenario: string;
  set: string[];
  seed?: number;
  scale?: number;
  replicates: number;
  out?: string;
  quiet: boolean;
}

export function runCommand(setExit: (code: number) => void): CommandModule<object, RunArgs> {
  return {
    command: 'run <scenario>',
    describe: 'Run a scenario and write its results folder',
    builder: (y) => scenarioOptions(y
      .positional('scenario', { type: 'string', demandOption: true, description: 'Scenario file, e.g. scenarios/baseline.yaml' }))
      .option('replicates', { type: 'number', default: 1, description: 'Independent replicates (worlds and runs) from the same seed' })
      .option('out', { type: 'string', description: 'Result folder (default: results/<scenario>-<timestamp>); must not exist' })
      .option('quiet', { type: 'boolean', default: false, description: 'No progress output' }) as never,
    handler: (argv) => {
      const started = performance.now();
      if (!Number.isInteger(argv.replicates) || argv.replicates < 1 || argv.replicates > 100000) {
        throw messages.badOption('--replicates', 'a whole number from 1 to 100000', argv.replicates);
      }
      const loaded = loadScenario(argv.scenario, { set: overridesFrom(argv) });
      const { scenario } = loaded;
      const plan = planWorld(scenario);
      const targets = loaded.targetsFile ? loadTargets(loaded.targetsFile, {
        regions: plan.regions.map((r) => r.name),
        countries: plan.countries.map((c) => c.name),
        communities: plan.communities.map((c) => c.name),
      }) : undefined;
      const out = argv.out ?? defaultResultDir('results', argv.scenario, new Date());
      // writeResultFolder refuses too; refusing now saves a wasted run.
      if (existsSync(out)) throw messages.outputExists(out);

      const progress = progressReporter(argv.replicates * 1000, { quiet: argv.quiet });
      const run = runScenario(scenario, {
        replicates: argv.replicates,
        memoryLimitBytes: Math.floor(totalmem() * 0.75),
        scenarioFile: argv.scenario,
        onProgress: (p) => progress.update(p.replicate * 1000 + Math.floor((1000 * p.day) / p.days),
          p.phase === 'build' ? `replicate ${p.replicate + 1}/${p.replicates}: building networks` : `replicate ${p.replicate + 1}/${p.replicates}: day ${p.day}/${p.days}`),
      });
      progress.stop();
      const summary = summarize(run);
      const wallMs = performance.now() - started;
      const manifest = {
        tool: { name: 'hotbed', version: toolVersion(), node: process.version },
        scenario: { file: argv.scenario, extends: loaded.files.slice(1), hash: loaded.hash, overrides: overridesFrom(argv), resolved: scenario },
        seed: run.seed,
        replicates: argv.replicates,
        scale: scenario.scale,
        agents: plan.agentCount,
        targets: loaded.targetsFile ?? null,
        files: { 'series.csv': 'replicate, date, level, place, measure, value: one row each (values in people)', 'summary.json': 'checkpoints by place: median, 5th and 95th percentile over replicates' },
        note: 'series.csv and summary.json are byte-identical for the same scenario and seed; this manifest also records wall times.',
        timing: {
          wallMs: Math.round(wallMs),
          replicates: run.replicates.map((r) => ({ replicate: r.replicate, buildMs: Math.round(r.buildMs), runMs: Math.round(r.runMs), ties: r.ties, events: r.events })),
        },
      };
      writeResultFolder(out, {
        'series.csv': seriesCsv(run),
        'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
        'manifest.json': `${JSON.stringify(manifest, null, 2)}\n`,
      });
      process.stdout.write(`${travellersTable(summary, targets)}\n\nWrote ${out}/ (series.csv, summary.json, manifest.json) in ${(wallMs / 1000).toFixed(1)} s.\n`);
      setExit(0);
    },
  };
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
