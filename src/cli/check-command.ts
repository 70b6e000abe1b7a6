/**
 * `hotbed check CALIBRATION [--scenario FILE] [--replicates N]`: does a scenario
 * (by default the calibrated baseline) meet the calibration's targets in the median
 * over N seeds? The same check CI runs on the shipped baseline; exit code 1 when a
 * target is missed, so that scripts can use it after changing a scenario.
 */
import { dirname, resolve } from 'node:path';
import { displayPath } from '../scenario/referenced.js';
import { cliMessages } from '../messages/cli.js';
import { targetMessages } from '../messages/targets.js';
import { roundToSignificant } from '../numeric/number-format.js';
import type { CommandModule } from 'yargs';
import { checkAgainstTargets } from '../calibration/check.js';
import { loadCalibration } from '../calibration/load.js';
import { checkReplicates } from './common-options.js';
import { loadScenario } from '../scenario/load.js';
import { renderTable, thousands } from './format.js';
import { progressReporter } from './progress.js';

interface CheckArgs {
  calibration: string;
  scenario?: string;
  replicates: number;
  seed?: number;
  set?: string[];
  quiet: boolean;
}

export function checkCommand(setExit: (code: number) => void): CommandModule<object, CheckArgs> {
  return {
    command: 'check <calibration>',
    describe: 'Check that a scenario meets a calibration\'s targets in the median over many seeds (exit 1 if not)',
    builder: (y) => y
      .positional('calibration', { type: 'string', demandOption: true, description: 'Calibration file whose targets are checked, e.g. scenarios/calibration.yaml' })
      .option('scenario', { type: 'string', description: 'Scenario to check, at its own scale (default: baseline.yaml beside the calibration file)' })
      .option('replicates', { type: 'number', default: 100, description: 'Runs (seeds) whose medians are compared with the bands (the median of 20 runs of a small region moves by as much as its band)' })
      .option('seed', { type: 'number', description: 'Seed of the first run (default: the scenario\'s)' })
      .option('set', { type: 'string', array: true, description: 'Override a scenario value, e.g. --set channels.peer.cascade.probability=0.0002' })
      .option('quiet', { type: 'boolean', default: false, description: 'No progress output' }) as never,
    handler: (argv) => {
      checkReplicates(argv.replicates);
      const replicates = argv.replicates;
      if (argv.seed !== undefined && (!Number.isInteger(argv.seed) || argv.seed < 0 || argv.seed > 4294967295)) {
        throw cliMessages.seed32(argv.seed);
      }
      const c = loadCalibration(argv.calibration);
      // Relative to the calibration file, not to the working folder: the same from anywhere, installed or not.
      const scenarioFile = argv.scenario ?? displayPath(resolve(dirname(argv.calibration), 'baseline.yaml'));
      const { scenario } = loadScenario(scenarioFile, { set: argv.set ?? [] });
      const bar = progressReporter(replicates, { quiet: argv.quiet });
      const started = performance.now();
      const r = checkAgainstTargets(scenario, c.targets, c.targetDate, {
        replicates,
        seed: argv.seed,
        scenarioFile,
        onReplicate: (done, total) => bar.update(done, `run ${done}/${total}`),
      });
      bar.stop();
      const table = renderTable(['target', 'date', 'target', 'band', `median of ${replicates}`, '5–95%', 'vs band'], r.targets.map((t) => [
        t.name, t.date, value(t.value), Number.isFinite(t.high) ? `${value(t.low)}–${value(t.high)}` : `≥ ${value(t.value)}`,
        value(t.median), `${value(t.p5)}–${value(t.p95)}`, targetMessages.bandPosition(t.median, t.low, t.high),
      ]), (col) => col > 1);
      const top = !r.top.applicable ? '' : `top ${r.top.expected.length} countries (median): ${r.top.found.join(', ')}${r.top.matches ? ' (as targeted)' : `; targeted: ${r.top.expected.join(', ')}`}\n`;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const checks = r.targets.length + (r.top.applicable ? 1 : 0);
      process.stdout.write(`${scenarioFile} against ${argv.calibration} (scale ${scenario.scale}, ${replicates} runs, ${seconds} s)\n\n${table}\n${top}\n`
        + `${targetMessages.checksMet(checks - r.failures.length, checks, replicates)}\n${r.failures.map((f) => `  ${f}\n`).join('')}`);
      setExit(r.passed ? 0 : 1);
    },
  };
}

const value = (x: number) => (!Number.isFinite(x) ? String(x) : Math.abs(x) >= 100 ? thousands(x) : String(roundToSignificant(x, 3)));
