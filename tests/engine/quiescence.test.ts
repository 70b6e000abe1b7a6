/**
 * Stopping at quiescence (dates.stopAtQuiescence): a run that ends once nothing can change
 * gives the same records as one simulated to its end date, says from which day it was quiet,
 * and says when the end date cut it short of quiescence.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiments/run.js';
import { warnings } from '../../src/messages/warnings.js';
import { loadScenario } from '../../src/scenario/load.js';
import { cleanup, tempDir, writeFixture, yaml } from '../scenario/fixtures.js';

afterAll(cleanup);

/** A threshold cascade in one town, every other mechanism off: it ends within weeks. */
const TOWN = (end: string, rule: string) => yaml(
  'title: Quiet town',
  `dates: { start: "2014-06-01", end: "${end}" }`,
  'output: { everyDays: 1 }',
  'networks: { default: { kind: erdos-renyi, meanDegree: 4 } }',
  'channels:',
  '  media: { exposure: 0, mobilization: 0 }',
  '  group: { probability: 0 }',
  '  abroad: { returnRate: 0, deathRate: 0 }',
  `  peer: { ${rule}, susceptibleReceptivity: 1 }`,
  'places:',
  '  regions:',
  '    - name: R',
  '      countries:',
  '        - name: C',
  '          population: 2000',
  '          stock: { abroad: 20 }',
);

const dir = tempDir();
const load = (text: string, stop: boolean, name: string) => {
  const file = writeFixture(dir, `${name}.yaml`, stop ? text.replace('dates: { start', 'dates: { stopAtQuiescence: true, start') : text);
  return loadScenario(file).scenario;
};

describe('engine/simulation: stop at quiescence', () => {
  it('stops once nothing can change, with the same records (later days repeat the last state) and the same day of the last change', () => {
    const text = TOWN('2015-06-01', 'rule: fractional, fractional: { share: 0.2 }');
    const full = runScenario(load(text, false, 'full'), { seed: 5, replicates: 2 });
    const quiet = runScenario(load(text, true, 'quiet'), { seed: 5, replicates: 2 });
    for (let r = 0; r < 2; r++) {
      const a = full.replicates[r]!;
      const b = quiet.replicates[r]!;
      expect(b.snapshots.map((s) => s.day)).toEqual(a.snapshots.map((s) => s.day));
      expect(b.snapshots).toEqual(a.snapshots);
      expect(b.lastChangeDay).toBe(a.lastChangeDay);
      expect(b.lastChangeDay).toBeGreaterThan(0);
      // Quiet from the first day without a change after the last one; nothing was active at the end.
      expect(b.quiescentFrom).toBe(b.lastChangeDay + 1);
      expect(b.quiescentFrom).toBeLessThan(full.days);
      expect(b.activeAtEnd).toBe(false);
      expect(a.quiescentFrom).toBeUndefined();
      expect(a.activeAtEnd).toBeUndefined();
    }
  });

  it('says when the end date came before quiescence, and the warning names it', () => {
    // A slow independent cascade (daily 1 % a tie) is still going after a week.
    const text = TOWN('2014-06-08', 'rule: cascade, cascade: { probability: 0.01 }');
    const run = runScenario(load(text, true, 'short'), { seed: 5, replicates: 1 });
    const rep = run.replicates[0]!;
    expect(rep.activeAtEnd).toBe(true);
    expect(rep.quiescentFrom).toBeUndefined();
    expect(rep.snapshots.at(-1)!.day).toBe(7);
    const line = warnings.stillActiveAtEnd(1, 1, '2014-06-08', [rep.lastChangeDay]);
    expect(line).toContain('the run was still active at the end date, 2014-06-08');
    expect(warnings.stillActiveAtEnd(0, 3, '2014-06-08', [1, 2, 3])).toBeUndefined();
  });
});
