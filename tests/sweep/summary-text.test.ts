/**
 * What a sweep prints: an indicator of a small grid by point, its probability with the Wilson
 * 95 % interval and the runs it counts, with the outputs conditional on it beside it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/numeric/wilson.js';
import { loadExperiment } from '../../src/sweep/file.js';
import { sweepSummaryText } from '../../src/sweep/summary-text.js';
import { pointSummaries } from '../../src/sweep/tables.js';
import { cleanup, tempDir } from '../scenario/fixtures.js';
import { writeExperiment } from './helpers.js';

afterAll(cleanup);

describe('the sweep summary', () => {
  const dir = tempDir('hotbed-sweep-summary-');
  const plan = (points: number[]) => loadExperiment(writeExperiment(dir, `grid-${points.length}.yaml`, {
    design: '{ kind: grid }',
    replicates: 4,
    factors: [`  - { name: group, path: channels.group.probability, values: [${points.join(', ')}] }`],
    outputs: ['  - { measure: travelled, name: many, atLeast: 100 }', '  - { measure: travelled, name: how_many, given: many }', '  - { measure: abroad }'],
  }), { toolVersion: 'test' }).plan;

  // At point p, p + 1 of the 4 runs are "many" (travelled 100 + 10·r), the others travel 50; abroad 7.
  const results = (points: number) => Array.from({ length: points * 4 }, (_, run) => {
    const [p, r] = [Math.floor(run / 4), run % 4];
    const hit = r <= p;
    return [hit ? 1 : 0, hit ? 100 + 10 * r : NaN, 7];
  });

  it('lists an indicator of a grid by point: P, its Wilson interval, k/n, and the conditional mean', () => {
    const p = plan([0, 0.02, 0.04]);
    const summaries = pointSummaries(p, results(3));
    const text = sweepSummaryText(p, { files: {}, charts: {}, summaries, warnings: [] });
    const lines = text.split('\n');
    expect(lines[0]).toBe('many: P(travelled at least 100, World, 2015-06-01), with its Wilson 95% interval and the runs it counts; how_many: the mean of travelled in those runs');
    expect(lines[1]!.split(/\s+/)).toEqual(['group', 'P(many)', '95%', 'interval', 'runs', 'how_many']);
    const w = wilsonInterval(2, 4);
    const row = lines[4]!.trim().split(/\s+/);
    expect(row).toEqual(['0.02', '0.5', `${Number(w.low.toPrecision(3))}–${Number(w.high.toPrecision(3))}`, '2/4', '105']);
    expect(lines[5]!.trim().split(/\s+/).slice(-2)).toEqual(['3/4', '110']);
    // the conditional output has no section of its own; a plain output keeps its range line
    expect(text).not.toContain('how_many (');
    expect(text).toContain('abroad (abroad, World, 2015-06-01): point means from 7 to 7 over 3 points');
  });

  it('keeps the one range line for a grid too long to list', () => {
    const values = Array.from({ length: 41 }, (_, i) => i * 0.001);
    const p = plan(values);
    const summaries = pointSummaries(p, results(41).map((r) => [r[0]! > 0 ? 1 : 0, r[1]!, r[2]!]));
    const text = sweepSummaryText(p, { files: {}, charts: {}, summaries, warnings: [] });
    expect(text).toMatch(/^many \(travelled, World, 2015-06-01\): point means from 0\.25 to 1 over 41 points/);
    expect(text).toContain('how_many (travelled, World, 2015-06-01): point means from');
  });
});
