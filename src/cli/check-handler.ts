/** What `hotbed check` does: runs the scenario N times and prints every target against its band. */
import { dirname, resolve } from 'node:path';
import { printOut } from './output.js';
import { installSignalHandlers } from './signals.js';
import { displayPath } from '../scenario/referenced.js';
import { cliMessages } from '../messages/cli.js';
import { targetMessages } from '../messages/targets.js';
import { roundToSignificant } from '../numeric/number-format.js';
import { checkAgainstTargets } from '../calibration/check.js';
import { loadCalibration } from '../calibration/load.js';
import { checkReplicates } from './common-options.js';
import { loadScenario } from '../scenario/load.js';
import { renderTable, thousands } from './format.js';
import { progressReporter } from './progress.js';
import type { CheckArgs } from './check-command.js';

/** Returns the exit code. */
export async function handleCheck(argv: CheckArgs): Promise<number> {
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
  installSignalHandlers();
  const r = await checkAgainstTargets(scenario, c.targets, c.targetDate, {
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
  printOut(`${scenarioFile} against ${argv.calibration} (scale ${scenario.scale}, ${replicates} runs, ${seconds} s)\n\n${table}\n${top}\n`
    + `${targetMessages.checksMet(checks - r.failures.length, checks, replicates)}\n${r.failures.map((f) => `  ${f}\n`).join('')}`);
  return r.passed ? 0 : 1;
}

const value = (x: number) => (!Number.isFinite(x) ? String(x) : Math.abs(x) >= 100 ? thousands(x) : String(roundToSignificant(x, 3)));
