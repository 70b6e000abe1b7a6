/**
 * A Latin hypercube sweep of the test town, end to end through `hotbed sweep`:
 * analysis.json and analysis.csv hold the PRCC of every factor for every output,
 * the PRCC chart is drawn beside the scatter chart, and the printed summary ranks
 * the factors by |PRCC|. (Same bytes whatever the workers: tests/sweep/cli.test.ts
 * for the folder, tests/sweep/analysis.test.ts and design/prcc.test.ts for the
 * analysis, which draws from the experiment's own stream.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, tempDir } from '../scenario/fixtures.js';
import { hotbedHere, identical, writeExperiment } from './helpers.js';

afterAll(cleanup);

const dir = tempDir('hotbed-sweep-lhs-');
// 16 points × 2 replicates = 32 runs of the town (milliseconds each).
const exp = writeExperiment(dir, 'lhs.yaml', {
  design: '{ kind: latin-hypercube, samples: 16 }',
  outputs: ['  - { measure: travelled }', '  - { measure: returned_share, name: returned }'],
});
const out = join(dir, 'one');
let stdout = '';

beforeAll(async () => {
  const ran = await hotbedHere(['sweep', exp, '--workers', '1', '--out', out, '--progress', 'none']);
  expect(ran.code, ran.stderr).toBe(0);
  stdout = ran.stdout;
});

describe('hotbed sweep with a Latin hypercube', () => {
  it('writes the PRCC analysis (JSON and CSV), the PRCC charts, and prints the ranking', () => {
    const files = Object.keys(identical(out)).sort();
    expect(files).toEqual(expect.arrayContaining(['analysis.csv', 'analysis.json', 'charts/prcc-travelled.png', 'charts/prcc-travelled.svg', 'charts/prcc-travelled.vl.json',
      'charts/prcc-returned.png', 'charts/scatter-travelled.png', 'charts/scatter-returned.png']));
    const analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8'));
    expect(analysis.method).toBe('prcc');
    expect(analysis.outputs.map((o: { output: string; method: string }) => [o.output, o.method])).toEqual([['travelled', 'prcc'], ['returned', 'prcc']]);
    const travelled = analysis.outputs[0];
    expect(travelled.points + travelled.dropped).toBe(16);
    expect(travelled.indices.map((i: { factor: string }) => i.factor)).toEqual(['peer', 'return', 'group']);
    for (const i of travelled.indices) {
      expect(Object.keys(i)).toEqual(['factor', 'prcc', 'prccLow', 'prccHigh', 'pValue', 'spearman']);
      expect(Math.abs(i.prcc)).toBeLessThanOrEqual(1);
      expect(i.prccLow).toBeLessThanOrEqual(i.prccHigh);
      expect(i.pValue).toBeGreaterThanOrEqual(0);
      expect(i.pValue).toBeLessThanOrEqual(1);
    }
    // The peer cascade drives the town's travellers.
    expect(travelled.indices[0].prcc).toBeGreaterThan(0.8);
    const csv = readFileSync(join(out, 'analysis.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('output,factor,prcc,prcc_low,prcc_high,p_value,spearman,points');
    expect(csv).toHaveLength(1 + 2 * 3);
    expect(csv[1]).toMatch(/^travelled,peer,0\.\d+,/);
    const spec = JSON.parse(readFileSync(join(out, 'charts', 'prcc-travelled.vl.json'), 'utf8'));
    expect(spec.title.text).toBe('Partial rank correlation per factor: Travelled (people, cumulative), World, 1 Jun 2015');
    expect(readFileSync(join(out, 'charts', 'prcc-travelled.svg'), 'utf8')).toContain('<svg');
    expect(stdout).toMatch(/^travelled \(travelled, World, 2015-06-01\)\nfactor +PRCC +90% interval +p +Spearman\n-+ .*\npeer /);
  });
});
