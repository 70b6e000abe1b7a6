/** The world's published path for the time charts, from targets files and from a calibration's targets. */
import { describe, expect, it } from 'vitest';
import { worldPathOfFiles, worldPathOfStatistics } from '../../src/results/path-targets.js';
import type { Targets } from '../../src/scenario/targets.js';

const period = { start: '2014-06-01', end: '2015-12-01' };
const band = (value: number, low: number, high: number) => ({ value, low, high });

const soufan: Targets = {
  file: 'soufan.yaml', title: 'Soufan', date: '2015-12-01', source: 'The Soufan Group, December 2015',
  world: band(29_000, 27_000, 31_000), regions: new Map(), countries: new Map(), communities: new Map(), dated: [],
};
const path: Targets = {
  file: 'path.yaml', title: 'Path', date: '2015-01-26', source: 'ICSR, January 2015',
  world: band(20_730, 18_000, 22_500), regions: new Map(), countries: new Map(), communities: new Map(),
  dated: [
    { statistic: { name: 'world_2014-10-31', measure: 'travelled', place: 'world', date: '2014-10-31' }, band: band(15_000, 13_000, 17_500), weight: 1, source: 'UN Monitoring Team', index: 0 },
    { statistic: { name: 'flow', measure: 'travelled_per_month', place: 'world', from: '2014-07-01', date: '2015-07-01' }, band: band(1000, 800, 1700), weight: 1, source: 'US officials', index: 1 },
    { statistic: { name: 'ratio', measure: 'flow_ratio', place: 'world', from: '2015-09-01', date: '2015-12-01', baseFrom: '2014-07-01', baseDate: '2015-07-01' }, band: band(0.5, 0.15, 0.9), weight: 2, source: 'DoD', index: 2 },
    { statistic: { name: 'maghreb', measure: 'travelled', place: { region: 'Maghreb' }, date: '2014-10-31' }, band: band(3000, 2000, 4000), weight: 1, source: 'Somebody', index: 3 },
    { statistic: { name: 'late', measure: 'travelled', place: 'world', date: '2016-06-01' }, band: band(40_000, 35_000, 45_000), weight: 1, source: 'After the end', index: 4 },
  ],
};

describe('worldPathOfFiles', () => {
  it('takes every world total on its date and every world flow over its period, by date, with sources and names', () => {
    const { points, flows } = worldPathOfFiles([soufan, path], period);
    expect(points).toEqual([
      { date: '2014-10-31', ...band(15_000, 13_000, 17_500), source: 'UN Monitoring Team', label: 'world_2014-10-31' },
      { date: '2015-01-26', ...band(20_730, 18_000, 22_500), source: 'ICSR, January 2015', label: 'Path' },
      { date: '2015-12-01', ...band(29_000, 27_000, 31_000), source: 'The Soufan Group, December 2015', label: 'Soufan' },
    ]);
    expect(flows).toEqual([{ from: '2014-07-01', date: '2015-07-01', ...band(1000, 800, 1700), source: 'US officials', label: 'flow' }]);
  });

  it('leaves out regions, ratios and figures outside the period; nothing from no files', () => {
    const { points } = worldPathOfFiles([path], period);
    expect(points.map((p) => p.label)).not.toContain('maghreb');
    expect(points.map((p) => p.label)).not.toContain('late');
    expect(points.map((p) => p.label)).not.toContain('ratio');
    expect(worldPathOfFiles([], period)).toEqual({ points: [], flows: [] });
  });
});

describe('worldPathOfStatistics', () => {
  const statistic = (measure: 'travelled' | 'travelled_per_month' | 'returned_share', date: string, from?: string) =>
    ({ name: 'x', measure, level: 'world' as const, place: 'World', date, ...(from ? { from } : {}) });
  it('takes the world totals and flows of a calibration, an unsourced one taking the file\'s title', () => {
    const { points, flows } = worldPathOfStatistics([
      { name: 'world', statistic: statistic('travelled', '2015-12-01'), ...band(29_000, 27_000, 31_000) },
      { name: 'world@2015-01-26', statistic: statistic('travelled', '2015-01-26'), ...band(20_730, 18_000, 22_500), source: 'ICSR' },
      { name: 'flow', statistic: statistic('travelled_per_month', '2015-07-01', '2014-07-01'), ...band(1000, 800, 1700), source: 'US officials' },
      { name: 'returnedShare', statistic: statistic('returned_share', '2015-12-01'), ...band(0.2, 0.1, 0.3) },
      { name: 'countriesRepresented', statistic: statistic('travelled', '2015-12-01'), value: 90, low: 90, high: Infinity },
    ], period, 'Soufan');
    expect(points).toEqual([
      { date: '2015-01-26', ...band(20_730, 18_000, 22_500), source: 'ICSR', label: 'world@2015-01-26' },
      { date: '2015-12-01', ...band(29_000, 27_000, 31_000), source: 'Soufan', label: 'world' },
    ]);
    expect(flows).toEqual([{ from: '2014-07-01', date: '2015-07-01', ...band(1000, 800, 1700), source: 'US officials', label: 'flow' }]);
  });
});
