/** What `hotbed run` does: runs the scenario, writes its folder, prints travellers against the targets. */
import { memoryLimitBytes } from '../batch/memory.js';
import { printErr, printOut } from './output.js';
import { outputFolder } from './outputs.js';
import { installSignalHandlers } from './signals.js';
import { writeRunFolder } from '../experiments/run-folder.js';
import { loadScenario } from '../scenario/load.js';
import { cliMessages } from '../messages/cli.js';
import { targetMessages } from '../messages/targets.js';
import { warnings } from '../messages/warnings.js';
import { planWorld } from '../world/plan.js';
import { smallStocks } from '../world/stock-counts.js';
import type { Targets } from '../scenario/targets.js';
import type { Summary } from '../results/tables.js';
import { versusTargets } from '../results/versus-targets.js';
import { chartTitlesFlag, checkReplicates, overridesFrom } from './common-options.js';
import { renderTable, thousands } from './format.js';
import { progressReporter } from './progress.js';
import type { RunArgs } from './run-command.js';
import { toolVersion } from './version.js';

/** Returns the exit code. */
export async function handleRun(argv: RunArgs): Promise<number> {
  if (argv.replicates !== undefined) checkReplicates(argv.replicates);
  const overrides = overridesFrom(argv);
  const loaded = loadScenario(argv.scenario, { set: overrides });
  const { scenario } = loaded;
  const out = outputFolder(argv.out, argv.scenario, { whole: true });
  // The runs give the event loop a turn between replicates, so Ctrl-C is heard: nothing is kept (the folder appears only when complete).
  installSignalHandlers();
  const replicates = argv.replicates ?? scenario.replicates ?? 1;
  const smallStockWarning = warnings.smallStocks(smallStocks(planWorld(scenario)), scenario.scale);
  if (smallStockWarning !== undefined) printErr(`hotbed: warning: ${smallStockWarning}\n`);
  const progress = progressReporter(replicates * 1000, { quiet: argv.quiet });
  let progressShown = true;
  const stopProgress = () => {
    if (progressShown) progress.stop();
    progressShown = false;
  };
  let folder;
  try {
    folder = await writeRunFolder(out, {
      loaded,
      scenarioFile: argv.scenario,
      overrides,
      replicates,
      report: argv.report,
      toolVersion: toolVersion(),
      createdWith: ['hotbed run', argv.scenario, `--replicates ${replicates}`, `--seed ${scenario.seed}`,
        ...(argv.scale !== undefined ? [`--scale ${argv.scale}`] : []), ...(argv.levels !== undefined ? [`--levels ${argv.levels}`] : []), ...argv.set.map((s) => `--set ${s}`), ...chartTitlesFlag(argv.chartTitles)].join(' '),
      memoryLimitBytes: memoryLimitBytes(),
      onProgress: (p) => progress.update(p.replicate * 1000 + Math.floor((1000 * p.day) / p.days),
        p.phase === 'build' ? `replicate ${p.replicate + 1}/${p.replicates}: building networks` : `replicate ${p.replicate + 1}/${p.replicates}: day ${p.day}/${p.days}`),
      // the results are printed as soon as they are known: the report and the tables take a while longer to write
      onResults: (summary, targets) => {
        stopProgress();
        printOut(`${travellersTable(summary, targets)}\n`);
        const world = versusTargets(summary, targets, ['world'])[0];
        const far = world?.value !== undefined && world.target && targets
          ? warnings.farFromTargets(world.value, world.target.value, targets.date, targets.title) : undefined;
        if (far !== undefined) printErr(`hotbed: warning: ${far}\n`);
      },
    });
  } finally {
    stopProgress();
  }
  const reps = folder.run.replicates;
  const active = warnings.stillActiveAtEnd(reps.filter((r) => r.activeAtEnd).length, reps.length, scenario.dates.end, reps.map((r) => r.lastChangeDay));
  if (active !== undefined) printErr(`hotbed: warning: ${active}\n`);
  const reportLine = folder.written.includes('report.html') ? `\nReport: ${out}/report.html` : '';
  // performance.now() counts from the process's start: the whole command, start-up and writing included.
  const wrote = cliMessages.wroteRunFolder(out, folder.bytes, folder.written, performance.now() / 1000,
    { replicates, report: folder.written.includes('report.html'), wallSeconds: folder.wallMs / 1000 });
  printOut(`${reportLine}\n${wrote}\n`);
  return 0;
}

export function travellersTable(summary: Summary, targets: Targets | undefined): string {
  const rows = versusTargets(summary, targets, ['world', 'region']);
  const dates = summary.checkpoints.map((c) => c.date);
  const targetHeader = targets ? `target ${targets.date}` : 'target';
  const header = ['travelled (people)', ...dates, targetHeader, 'vs band'];
  const body = rows.map((r) => [
    r.level === 'world' ? 'World' : `  ${r.place}`,
    ...r.travelled.map(thousands),
    r.target ? (r.target.low === r.target.high ? thousands(r.target.value) : `${thousands(r.target.low)}–${thousands(r.target.high)}`) : '',
    r.target && r.value !== undefined ? targetMessages.bandPosition(r.value, r.target.low, r.target.high) : '',
  ]);
  const note = summary.replicates > 1 ? `medians of ${summary.replicates} replicates; ` : '';
  return `${renderTable(header, body)}\n(${note}1 agent = ${summary.scale === 1 ? '1 person' : `${summary.scale} people`}, ${thousands(summary.agents)} agents${targets ? `; targets: ${targets.title}` : ''})`;
}
