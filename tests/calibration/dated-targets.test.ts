/**
 * Targets on their own dates: a further targets file (`targets.also`) with figures on its
 * own date and dated targets (a point on the path, a flow, a ratio of flows), fitted
 * together with the main file's; `until` holds out the later ones, which the posterior
 * then forecasts (a hindcast).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrate } from '../../src/calibration/calibrate.js';
import { loadCalibration } from '../../src/calibration/load.js';
import { messages } from '../../src/messages/scenario.js';
import { statisticMessages } from '../../src/messages/statistics.js';
import { cleanup, tempDir, userError, writeFixture, yaml } from '../scenario/fixtures.js';
import { townCalibration, townData, townTargets } from './helpers.js';

afterAll(cleanup);

const dir = tempDir('hotbed-dated-');
const data = townData([], 1);
const main = townTargets(dir, 'main.yaml', data.travelled, 0.25);
const path = (...dated: string[]) => yaml(
  'title: The path',
  "date: '2014-12-01'",
  "source: 'A test source, December 2014'",
  'world: { value: 150, low: 60, high: 400 }',
  'dated:',
  ...dated,
);
const FLOW = "  - { name: flow_late, measure: travelled_per_month, from: '2015-03-01', date: '2015-06-01', value: 20, low: 5, high: 60, source: 'Test flow' }";
const RATIO = "  - { name: slowing, measure: flow_ratio, from: '2015-03-01', date: '2015-06-01', baseFrom: '2014-07-01', baseDate: '2015-01-01', value: 0.8, low: 0.2, high: 3, weight: 0.5, source: 'Test ratio' }";

function calibrationWith(name: string, pathText: string, extra: string[] = []): string {
  writeFixture(dir, `${name}-path.yaml`, pathText);
  const text = townCalibration({ targets: main, returnedShare: Number(data.returnedShare.toFixed(4)), returnedBand: 0.05, population: 40, generations: 2 })
    .replace(/\ntargets:\n/, `\ntargets:\n  also: [${name}-path.yaml]\n`);
  return writeFixture(dir, `${name}.yaml`, [text.trimEnd(), ...extra].join('\n') + '\n');
}

describe('calibration: dated targets', () => {
  it('reads a further file\'s figures on its date (NAME@DATE) and every dated target with its source and weight', () => {
    const c = loadCalibration(calibrationWith('all', path(FLOW, RATIO)));
    const byName = Object.fromEntries(c.targets.map((t) => [t.name, t]));
    expect(c.targets.map((t) => t.name)).toEqual(['world', 'returnedShare', 'world@2014-12-01', 'flow_late', 'slowing']);
    expect(byName['world@2014-12-01']!.statistic).toMatchObject({ measure: 'travelled', date: '2014-12-01' });
    expect(byName['world@2014-12-01']!.source).toBe('A test source, December 2014');
    expect(byName.flow_late!.statistic).toMatchObject({ measure: 'travelled_per_month', from: '2015-03-01', date: '2015-06-01' });
    expect(byName.slowing).toMatchObject({ weight: 0.5, source: 'Test ratio', value: 0.8, low: 0.2, high: 3 });
    expect(byName.slowing!.statistic).toMatchObject({ baseFrom: '2014-07-01', baseDate: '2015-01-01' });
    expect(c.targets.some((t) => t.heldOut)).toBe(false);
  });

  it('holds out the targets dated after `until` (weight 0), from the file or the command line', () => {
    const file = calibrationWith('until', path(FLOW, RATIO), ["until: '2015-01-01'"]);
    const held = (c: ReturnType<typeof loadCalibration>) => c.targets.filter((t) => t.heldOut).map((t) => t.name);
    const c = loadCalibration(file);
    expect(held(c)).toEqual(['world', 'returnedShare', 'flow_late', 'slowing']);
    expect(c.targets.filter((t) => t.heldOut).every((t) => t.weight === 0)).toBe(true);
    expect(held(loadCalibration(file, { until: '2015-06-01' }))).toEqual([]);
    // A different `until` is a different calibration: it cannot resume another's folder.
    expect(loadCalibration(file, { until: '2015-06-01' }).fingerprint).not.toBe(c.fingerprint);
  });

  it('refuses an `until` that leaves nothing to fit, a dated target the scenario cannot read, and a missing further file', () => {
    const early = calibrationWith('early', path(FLOW), ["until: '2014-07-01'"]);
    const line = readFileSync(early, 'utf8').split('\n').findIndex((l) => l.startsWith('until:')) + 1;
    expect(userError(() => loadCalibration(early)).message).toBe(messages.wrongValue({ file: early, line, column: 8 }, 'until', 'a date on or after the first target\'s', '2014-07-01').message);
    const noBase = calibrationWith('nobase', path("  - { name: r, measure: flow_ratio, from: '2015-03-01', date: '2015-06-01', value: 1, source: 'x' }"));
    expect(userError(() => loadCalibration(noBase)).message).toBe(statisticMessages.needsBase({ file: `${dir}/nobase-path.yaml`, line: 6, column: 5 }, 'dated.0.baseFrom', 'flow_ratio').message);
    const late = calibrationWith('late', path("  - { name: x, measure: travelled, date: '2016-01-01', value: 1, source: 'x' }"));
    expect(userError(() => loadCalibration(late)).message).toContain('2016-01-01');
    const missing = writeFixture(dir, 'missing.yaml', townCalibration({ targets: main, returnedShare: 0.1, returnedBand: 0.05, population: 40, generations: 2 })
      .replace(/\ntargets:\n/, '\ntargets:\n  also: [nowhere.yaml]\n'));
    expect(userError(() => loadCalibration(missing)).message).toContain('the path of an existing targets file');
  });

  it('a hindcast reports, for each held-out target, whether its value lies in the posterior predictive 5–95 %', async () => {
    const c = loadCalibration(calibrationWith('hindcast', path(FLOW, RATIO), ["until: '2015-01-01'"]));
    const { summary } = await calibrate(c, { out: `${dir}/hindcast-out`, workers: 1, charts: false });
    expect(summary.until).toBe('2015-01-01');
    const rows = Object.fromEntries(summary.fit.map((f) => [f.statistic, f]));
    expect(rows['world@2014-12-01']).toMatchObject({ heldOut: false, date: '2014-12-01' });
    expect(rows.world).toMatchObject({ heldOut: true, date: '2015-06-01', weight: 0 });
    for (const f of summary.fit) expect(f.valueInPredictive).toBe(Number.isFinite(f.high) ? f.target >= f.p5 && f.target <= f.p95 : f.p95 >= f.low);
  });
});
