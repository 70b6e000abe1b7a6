/**
 * Resuming: an interrupted calibration continued from its last complete generation
 * equals an uninterrupted one; a longer budget extends a finished one; a folder that
 * cannot be resumed from gets one clear message and is left as it was.
 */
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrate } from '../../src/calibration/calibrate.js';
import { loadCalibration } from '../../src/calibration/load.js';
import { messages } from '../../src/messages/scenario.js';
import { snapshot } from '../cli/cli.js';
import { cleanup, tempDir, writeFixture } from '../scenario/fixtures.js';
import { townCalibration, townTargets } from './helpers.js';

afterAll(cleanup);

const dir = tempDir('hotbed-calibration-resume-');
const targets = townTargets(dir, 'targets.yaml', 350, 0.25);
const text = (generations: number, seed = 1) => townCalibration({ targets, returnedShare: 0.1, returnedBand: 0.03, population: 24, generations, seed });
const four = loadCalibration(writeFixture(dir, 'four.yaml', text(4)));
const DETERMINISTIC = ['posterior.csv', 'statistics.csv', 'fit.csv', 'calibrated.yaml'];

describe('resume', () => {
  it('an interrupted calibration, resumed, equals an uninterrupted one', async () => {
    const whole = await calibrate(four, { out: join(dir, 'whole'), workers: 1 });
    expect(whole.result.generations).toHaveLength(4);
    expect(readdirSync(join(dir, 'whole', 'state')).sort()).toEqual(['calibration.json', 'generation-000.json', 'generation-001.json', 'generation-002.json', 'generation-003.json']);
    // An interruption during generation 2: generations 0 and 1 saved, no outputs yet.
    const cut = join(dir, 'cut');
    cpSync(join(dir, 'whole', 'state'), join(cut, 'state'), { recursive: true });
    rmSync(join(cut, 'state', 'generation-002.json'));
    rmSync(join(cut, 'state', 'generation-003.json'));
    const seen: number[] = [];
    const resumed = await calibrate(four, { out: cut, resume: true, workers: 2, onGeneration: (g, _all, saved) => { if (!saved) seen.push(g.generation); } });
    expect(seen).toEqual([2, 3]);
    for (const name of DETERMINISTIC) expect(resumed.files[name], name).toBe(whole.files[name]);
  });

  it('a finished calibration continues with a larger budget', async () => {
    const two = loadCalibration(writeFixture(dir, 'two.yaml', text(2)));
    expect(two.fingerprint).toBe(four.fingerprint);
    const out = join(dir, 'grow');
    const first = await calibrate(two, { out, workers: 1 });
    expect(first.result.generations).toHaveLength(2);
    const more = await calibrate(four, { out, resume: true, workers: 1 });
    const whole = await calibrate(four, { out: join(dir, 'whole-again'), workers: 1 });
    for (const name of DETERMINISTIC) expect(more.files[name], name).toBe(whole.files[name]);
  });

  it('an existing output folder is refused before anything runs', async () => {
    const before = snapshot(dir);
    await expect(calibrate(four, { out: join(dir, 'whole'), workers: 1 })).rejects.toThrow(messages.outputExists(join(dir, 'whole')).message);
    expect(snapshot(dir)).toEqual(before);
  });

  it('folders that cannot be resumed from: one message each, nothing changed', async () => {
    const base = join(dir, 'base');
    await calibrate(loadCalibration(writeFixture(dir, 'one.yaml', text(1))), { out: base, workers: 1 });
    const variant = (name: string, change: (d: string) => void) => {
      const d = join(dir, name);
      cpSync(base, d, { recursive: true });
      change(d);
      return d;
    };
    const cases: [string, string][] = [
      [join(dir, 'nowhere'), messages.resumeUnreadable(join(dir, 'nowhere'), 'the folder does not exist').message],
      [variant('no-state', (d) => rmSync(join(d, 'state'), { recursive: true })), messages.resumeUnreadable(join(dir, 'no-state'), 'it holds no state/calibration.json').message],
      [variant('corrupt', (d) => writeFileSync(join(d, 'state', 'generation-000.json'), '{"generation": 0, "partic')), messages.resumeUnreadable(join(dir, 'corrupt'), 'state/generation-000.json is not valid JSON').message],
      [variant('gap', (d) => cpSync(join(d, 'state', 'generation-000.json'), join(d, 'state', 'generation-002.json'))), messages.resumeUnreadable(join(dir, 'gap'), 'state/generation-001.json is missing').message],
      [variant('short', (d) => writeFileSync(join(d, 'state', 'generation-000.json'), '{"generation": 0, "particles": []}')), messages.resumeUnreadable(join(dir, 'short'), 'state/generation-000.json does not hold 24 particles of 2 parameters').message],
    ];
    for (const [folder, expected] of cases) {
      const before = snapshot(dir);
      await expect(calibrate(four, { out: folder, resume: true, workers: 1 })).rejects.toThrow(expected);
      expect(snapshot(dir)).toEqual(before);
    }
    const reseeded = loadCalibration(writeFixture(dir, 'reseeded.yaml', text(4, 2)));
    await expect(calibrate(reseeded, { out: base, resume: true, workers: 1 })).rejects.toThrow(
      messages.resumeMismatch(base, 'the calibration (scenario, parameters, priors, targets, weights, distance, seed or population)').message);
  });
});
