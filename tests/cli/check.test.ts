/**
 * `hotbed check`: a scenario against a calibration's targets over many seeds, through
 * the real command line (in process). Exit 0 when every median is inside its band,
 * 1 when one is not, 2 for a user mistake; nothing is written.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/check-command.js';
import { messages } from '../../src/messages/scenario.js';
import { runInProcess } from './in-process.js';
import { cleanup, tempDir, writeFixture } from '../scenario/fixtures.js';
import { TOWN, townCalibration, townData, townTargets } from '../calibration/helpers.js';

afterAll(cleanup);

const hotbedCheck = (args: string[]) => runInProcess(checkCommand, ['check', ...args]);

const dir = tempDir('hotbed-check-');
// Targets from the town's own runs: the town meets them; a town with weaker peer influence does not.
const runs = [1, 2, 3, 4, 5].map((seed) => townData([], seed));
const travelled = runs.map((r) => r.travelled).sort((a, b) => a - b)[2]!;
const share = runs.map((r) => r.returnedShare).sort((a, b) => a - b)[2]!;
const targets = townTargets(dir, 'targets.yaml', travelled, 0.2);
const calibration = writeFixture(dir, 'calibration.yaml', townCalibration({ targets, returnedShare: share, returnedBand: 0.05, population: 10, generations: 1 }));

describe('hotbed check', () => {
  it('passes (exit 0) a scenario whose medians are inside the bands, and prints them', async () => {
    const r = await hotbedCheck([calibration, '--scenario', TOWN, '--replicates', '9', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('median of 9');
    // Each target's median against its band: inside it, whatever its distance from the band's centre.
    expect(r.stdout).toMatch(/\nworld +\d{4}-\d\d-\d\d .* in band\n/);
    expect(r.stdout).not.toMatch(/[+-]\d+%/);
    expect(r.stdout).toMatch(/\n(\d+) of \1 checks met in the median of 9 runs\.\n$/);
  });

  it('fails (exit 1) one whose world total is far off, naming the target', async () => {
    const r = await hotbedCheck([calibration, '--scenario', TOWN, '--replicates', '9', '--quiet', '--set', 'channels.peer.cascade.probability=0.0005']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\nworld +\d{4}-\d\d-\d\d .* \d+% below\n/);
    expect(r.stdout).toMatch(/\n(\d+) of (\d+) checks met in the median of 9 runs; missed:\n(  .*\n)*  world: median \d+ outside/);
  });

  it('checks the baseline.yaml beside the calibration file by default, from any working folder', async () => {
    const beside = tempDir('hotbed-check-beside-');
    writeFixture(beside, 'baseline.yaml', `extends: ${JSON.stringify(TOWN)}\n`);
    const file = writeFixture(beside, 'calibration.yaml', townCalibration({ targets, returnedShare: share, returnedBand: 0.05, population: 10, generations: 1 }));
    const r = await hotbedCheck([file, '--replicates', '3', '--quiet']);
    expect(r.code, r.stderr).not.toBe(2);
    expect(r.stdout.split('\n')[0]).toMatch(/baseline\.yaml against /);
    const none = await hotbedCheck([calibration, '--replicates', '3', '--quiet']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('baseline.yaml');
  });

  it('refuses a bad --replicates with one message (exit 2)', async () => {
    const r = await hotbedCheck([calibration, '--scenario', TOWN, '--replicates', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`hotbed: ${messages.badOption('--replicates', 'a whole number from 1 to 100000', 0).message}\n`);
  });

  it('refuses, before any run, a scenario that ends before a target\'s date or lacks its place (exit 2)', async () => {
    const early = await hotbedCheck([calibration, '--scenario', TOWN, '--replicates', '3', '--quiet', '--set', 'dates.end=2014-09-01']);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/^hotbed: .*town\.yaml: cannot be checked against target world: it needs \d{4}-\d\d-\d\d, and the scenario runs from 2014-06-01 to 2014-09-01; check a scenario whose dates cover the calibration's targets\n$/);
    // The town's targets with one for its region; a copy of the town whose region has another name.
    const withRegion = writeFixture(dir, 'targets-region.yaml', `${readFileSync(targets, 'utf8')}regions: { Region: { value: ${travelled} } }\n`);
    const regional = writeFixture(dir, 'calibration-region.yaml', townCalibration({ targets: withRegion, returnedShare: share, returnedBand: 0.05, population: 10, generations: 1 }));
    const renamed = writeFixture(dir, 'renamed.yaml', readFileSync(TOWN, 'utf8').replace('- name: Region', '- name: Other region'));
    const lacking = await hotbedCheck([regional, '--scenario', renamed, '--replicates', '3', '--quiet']);
    expect(lacking.code).toBe(2);
    expect(lacking.stderr).toMatch(/renamed\.yaml: cannot be checked against target region:Region: the scenario has no region named "Region"; check the scenario the calibration was made for\n$/);
  });
});
