/**
 * `hotbed calibrate` as a command module (the lead registers it in cli/main.ts): what
 * it prints and writes, and its refusals. Run in this process through yargs, with
 * user errors handled as main() does.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrateCommand } from '../../src/cli/calibrate-command.js';
import { loadScenario } from '../../src/scenario/load.js';
import { messages } from '../../src/messages/scenario.js';
import { snapshot } from '../cli/cli.js';
import { runInProcess } from '../cli/in-process.js';
import { cleanup, tempDir, writeFixture } from '../scenario/fixtures.js';
import { townCalibration, townTargets } from './helpers.js';

afterAll(cleanup);

const hotbedCalibrate = (args: string[]) => runInProcess(calibrateCommand, ['calibrate', ...args]);

const dir = tempDir('hotbed-calibrate-cli-');
const targets = townTargets(dir, 'targets.yaml', 350, 0.25);
const file = writeFixture(dir, 'calibration.yaml', townCalibration({ targets, returnedShare: 0.1, returnedBand: 0.03, population: 12, generations: 3 }));

describe('hotbed calibrate', () => {
  it('prints progress on stderr, the posterior and the fit on stdout, and writes the folder', async () => {
    const out = join(dir, 'out');
    const ran = await hotbedCalibrate([file, '--workers', '1', '--out', out]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toMatch(/^hotbed: calibrating 2 parameters of .*town\.yaml against 2 targets/);
    expect(ran.stderr).toMatch(/hotbed: generation 0\/2: tolerance ∞, acceptance 100% \(12 simulations\), ESS 12/);
    expect(ran.stderr).toMatch(/hotbed: generation 2\/2: tolerance \d/);
    expect(ran.stderr).toMatch(/hotbed: choosing the calibrated point: 6 candidates × 3 simulations\n/);
    expect(ran.stdout).toMatch(/^parameter +median +90% interval +prior 90% +calibrated\n/);
    expect(ran.stdout).toMatch(/\npeer +0\.00\d+ +0\.00\d+–0\.00\d+ +0\.00112–0\.00891 +0\.00\d+\n/);
    expect(ran.stdout).toMatch(/\n\(calibrated: (the posterior medians|the regression-adjusted posterior medians|posterior particle \d+), the best of 6 candidates; the last column is its median over 3 simulations\)\n/);
    expect(ran.stdout).toMatch(/\nworld +\d{4}-\d\d-\d\d +350 +263–438 +[\d,]+ +[\d,]+–[\d,]+ +[\d,]+/);
    expect(ran.stdout).toMatch(/Wrote .*out\/ \(posterior\.csv/);
    for (const name of ['posterior.csv', 'posterior-adjusted.csv', 'statistics.csv', 'fit.csv', 'summary.json', 'calibrated.yaml', 'manifest.json', 'state/calibration.json']) {
      expect(existsSync(join(out, name)), name).toBe(true);
    }
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.parameters.map((p: { name: string }) => p.name)).toEqual(['peer', 'return']);
    expect(summary.generations).toHaveLength(3);
    expect(readFileSync(join(out, 'posterior.csv'), 'utf8').split('\n')[0]).toBe('generation,particle,weight,distance,peer,return');
    // The calibrated file is a scenario: it extends the town and sets the calibrated point (4 significant digits).
    const calibrated = loadScenario(join(out, 'calibrated.yaml')).scenario;
    expect(calibrated.channels.peer.cascade.probability).toBe(Number(summary.point.values.peer.toPrecision(4)));
    expect(calibrated.channels.abroad.returnRate).toBe(Number(summary.point.values.return.toPrecision(4)));
    expect(summary.point.candidates.map((c: { source: string }) => c.source).slice(0, 2)).toEqual(['median', 'adjusted median']);
    expect(summary.point.candidates).toHaveLength(6);
    expect(calibrated.places.regions[0]!.countries[0]!.communities[0]!.name).toBe('Town');
    // It ends by saying how many bands the calibrated point meets, and lists those it misses, as fit.csv has them.
    const fit = summary.fit as { statistic: string; heldOut: boolean; point: number; low: number; high: number; pointInBand: boolean }[];
    const missed = fit.filter((f) => !f.heldOut && !f.pointInBand);
    const list = missed.map((f) => `\n  ${f.statistic} \\(\\d{4}-\\d\\d-\\d\\d\\): [\\d.,]+, band [\\d.,]+–[\\d.,]+, (\\d+|<1)% (above|below)`).join('');
    expect(ran.stdout).toMatch(new RegExp(`\\nThe calibrated point \\(median of 3 simulations\\) meets ${2 - missed.length} of 2 fitted target bands${missed.length ? `; it misses ${missed.length}:${list}` : '\\.'}\\n$`));
  });

  it('--install writes the calibrated file where the scenarios live, extends relative to it, byte-equal to the folder\'s but for that line', async () => {
    const out = join(dir, 'out-install');
    const install = join(dir, 'scenarios', 'calibrated.yaml');
    mkdirSync(join(dir, 'scenarios'), { recursive: true });
    writeFileSync(install, '# an older calibration\n');
    const ran = await hotbedCalibrate([file, '--workers', '1', '--out', out, '--install', install, '--quiet']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain(`Wrote the calibrated parameters to ${install}.`);
    const installed = readFileSync(install, 'utf8');
    const inFolder = readFileSync(join(out, 'calibrated.yaml'), 'utf8');
    expect(installed.replace(/^extends: .*$/m, '')).toBe(inFolder.replace(/^extends: .*$/m, ''));
    expect(installed).toMatch(/^extends: \.\.\/.*town\.yaml$/m);
    expect(loadScenario(install).scenario.channels.peer.cascade.probability).toBe(loadScenario(join(out, 'calibrated.yaml')).scenario.channels.peer.cascade.probability);
  });

  it('refuses bad options and an unreadable resume folder with one line, exit 2, nothing written', async () => {
    const before = snapshot(dir);
    const bad = await hotbedCalibrate([file, '--workers', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`hotbed: ${messages.badOption('--workers', 'a whole number from 1 to 1024', 0).message}\n`);
    const both = await hotbedCalibrate([file, '--out', join(dir, 'x'), '--resume', join(dir, 'y')]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^hotbed: command line: give either --out or --resume, not both/);
    const resume = await hotbedCalibrate([file, '--resume', join(dir, 'nowhere'), '--workers', '1']);
    expect(resume.stderr).toBe(`hotbed: ${messages.resumeUnreadable(join(dir, 'nowhere'), 'the folder does not exist').message}\n`);
    const exists = await hotbedCalibrate([file, '--out', join(dir, 'out'), '--workers', '1']);
    expect(exists.stderr).toBe(`hotbed: ${messages.outputExists(join(dir, 'out')).message}\n`);
    expect(snapshot(dir)).toEqual(before);
  });
});
