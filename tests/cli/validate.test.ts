/** `hotbed validate`: each kind of file (scenario, calibration, experiment, targets) checked by its own loader. */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/cli/validate-command.js';
import { loadCalibration } from '../../src/calibration/load.js';
import { cleanup, tempDir, writeFixture } from '../scenario/fixtures.js';
import { runInProcess } from './in-process.js';

afterAll(cleanup);

const validate = (...files: string[]) => runInProcess(validateCommand, ['validate', ...files]);

describe('hotbed validate', { timeout: 60_000 }, () => {
  it('says what the shipped calibration and experiment files describe, not that they are bad scenarios', async () => {
    const r = await validate('scenarios/calibration.yaml', 'scenarios/experiments/morris-baseline.yaml');
    expect(r.code, r.stderr).toBe(0);
    const c = loadCalibration('scenarios/calibration.yaml');
    expect(r.stdout).toContain(`ok  scenarios/calibration.yaml: calibration of scenarios/world.yaml at 1 agent = 10 people: ${c.parameters.length} free parameters, ${c.targets.length} targets, ${c.budget.population} particles`);
    expect(r.stdout).toMatch(/ok {2}scenarios\/experiments\/morris-baseline\.yaml: experiment \(morris\) on scenarios\/baseline\.yaml at 1 agent = 10 people: \d+ factors, \d+ points × \d+ replicates = [\d,]+ runs\n/);
  });

  it('knows targets files: says what they hold, and names a misspelled key as the targets loader does', async () => {
    const ok = await validate('scenarios/targets/soufan-2015.yaml');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^ok {2}scenarios\/targets\/soufan-2015\.yaml: targets for 2015-12-01: \d+ bands \(world, 7 regions, \d+ countries, 0 communities\)\n$/);
    const dir = tempDir('hotbed-validate-');
    const bad = writeFixture(dir, 'targets.yaml', "date: '2015-12-01'\nworld: { value: 1 }\ndates: x\n");
    const r = await validate(bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`hotbed: ${bad}:3:1: dates: unknown key "dates"; did you mean "date"?\n`);
  });

  it('lists every mistake the schema finds in a file, in file order, one line each', async () => {
    const dir = tempDir('hotbed-validate-');
    copyFileSync(join('scenarios', 'single-town.yaml'), join(dir, 'single-town.yaml'));
    const file = writeFixture(dir, 'broken.yaml', 'extends: single-town.yaml\ntitel: x\nscale: -3\nseed: 1.5\n');
    const r = await validate(file);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').map((l) => l.replace(`${file}:`, ''))).toEqual([
      'hotbed: 2:1: titel: unknown key "titel"; did you mean "title"?',
      'hotbed: 3:8: scale: wrong value (expected a number ≥ 1, found -3)',
      'hotbed: 4:7: seed: wrong value (expected a whole number, found 1.5)',
    ]);
  });

  it('reports a broken calibration with the calibration loader\'s message (the same as `hotbed calibrate` gives)', async () => {
    const dir = tempDir('hotbed-validate-');
    for (const f of ['world.yaml', 'scenario.schema.json']) copyFileSync(join('scenarios', f), join(dir, f));
    writeFixture(dir, 'soufan.yaml', readFileSync('scenarios/targets/soufan-2015.yaml', 'utf8'));
    const file = writeFixture(dir, 'cal.yaml', [
      'scenario: world.yaml',
      'targets: soufan.yaml',
      'parameters:',
      '  - path: channels.abroad.returnRate',
      '    prior: { kind: uniform, low: 0.002, high: 0.001 }',
      'budget: { population: 10, generations: 2 }',
      '',
    ].join('\n'));
    const r = await validate(file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^hotbed: .*cal\.yaml:5:\d+: parameters\.0\.prior.*\n$/);
    let calibrateMessage = '';
    try { loadCalibration(file); } catch (e) { calibrateMessage = (e as Error).message; }
    expect(r.stderr).toBe(`hotbed: ${calibrateMessage}\n`);
  });
});
