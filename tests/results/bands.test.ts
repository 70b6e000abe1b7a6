/** Bands, paired differences and monthly flows on numbers small enough to check by hand. */
import { describe, expect, it } from 'vitest';
import type { Comparison, ComparedScenario } from '../../src/experiments/compare.js';
import { band, bandsCsv, differenceOn, differencesCsv, growth, monthlyBands, pairedDifferences } from '../../src/results/bands.js';
import { ReplicateCube } from '../../src/results/cube.js';
import { measureNames } from '../../src/statistics/measures.js';
import { monthSegments, monthStartDays } from '../../src/results/months.js';

describe('band', () => {
  it('gives type-7 quantiles (as R and numpy) of known values', () => {
    // Sorted 1..5: position h = 4q; p5 → 0.2 → 1.2, p95 → 3.8 → 4.8.
    expect(band([5, 3, 1, 4, 2])).toEqual({ median: 3, p5: 1.2, p25: 2, p75: 4, p95: 4.8 });
    expect(band([5, 3, 1, 4, 2], 10)).toEqual({ median: 30, p5: 12, p25: 20, p75: 40, p95: 48 });
    expect(band([7])).toEqual({ median: 7, p5: 7, p25: 7, p75: 7, p95: 7 });
    // Even count: the median interpolates.
    expect(band([0, 3, 4, 5])).toEqual({ median: 3.5, p5: 0.45, p25: 2.25, p75: 4.25, p95: 4.85 });
  });
});

describe('paired differences', () => {
  it('are taken replicate by replicate (reference − scenario) before the quantiles', () => {
    const reference = [10, 20, 30];
    const scenario = [5, 25, 10];
    expect(pairedDifferences(reference, scenario)).toEqual([5, -5, 20]);
    // Median of the differences is 5; the difference of the medians would be 20 − 10 = 10.
    expect(band(pairedDifferences(reference, scenario))).toEqual({ median: 5, p5: -4, p25: 0, p75: 12.5, p95: 18.5 });
  });

  it('refuses replicates that do not pair', () => {
    expect(() => pairedDifferences([1, 2], [1])).toThrow(/replicates/);
  });

  it('growth is later − earlier', () => {
    expect(growth([3, 4], [10, 4])).toEqual([7, 0]);
  });
});

describe('months', () => {
  it('are split at the first of each month, from the start to the end', () => {
    // 2014-06-01 + 30 = 07-01, + 61 = 08-01, + 92 = 09-01; the end 10-01 is day 122.
    expect(monthStartDays('2014-06-01', 122)).toEqual([30, 61, 92]);
    expect(monthSegments('2014-06-01', 122)).toEqual([
      { month: '2014-06', from: 0, to: 30 },
      { month: '2014-07', from: 30, to: 61 },
      { month: '2014-08', from: 61, to: 92 },
      { month: '2014-09', from: 92, to: 122 },
    ]);
  });

  it('keep partial months at either end', () => {
    // 2014-06-15 → 07-01 is day 16, 08-01 day 47; the end 08-10 is day 56.
    expect(monthSegments('2014-06-15', 56)).toEqual([
      { month: '2014-06', from: 0, to: 16 },
      { month: '2014-07', from: 16, to: 47 },
      { month: '2014-08', from: 47, to: 56 },
    ]);
    expect(monthSegments('2014-06-01', 1)).toEqual([{ month: '2014-06', from: 0, to: 1 }]);
  });
});

/**
 * A comparison made by hand: two scenarios, three replicates, one place (the
 * world), days 0, 30 (July 1) and 45 (the end), scale 10. Only `travelled` is set.
 */
function handMade(): Comparison {
  const days = [0, 30, 45];
  const places = [{ level: 'world' as const, name: 'World' }];
  const travelled = measureNames.indexOf('travelled');
  const cube = (values: number[][]) => {
    const c = new ReplicateCube(days, places, 3);
    values.forEach((perReplicate, d) => c.cell(d, 0, travelled).set(perReplicate));
    return c;
  };
  const scenario = (name: string, c: ReplicateCube) => ({ name, file: `${name}.yaml`, cube: c } as unknown as ComparedScenario);
  return {
    scenarios: [
      // day × replicate, cumulative agents
      scenario('ref', cube([[10, 10, 12], [16, 20, 30], [20, 25, 31]])),
      scenario('alt', cube([[10, 10, 12], [13, 20, 22], [14, 21, 22]])),
    ],
    seed: 1,
    replicates: 3,
    start: '2014-06-01',
    end: '2014-07-16',
    days: 45,
    scale: 10,
    recordDays: days,
    // Day 30, the first of July, is in the cube for monthly flows only.
    tableDays: [0, 45],
    checkpointDays: [45],
    levels: ['world'],
    places,
    notes: [],
    differences: 'averted',
  };
}

describe('bands of a comparison', () => {
  it('gives the paired difference at the end, in people', () => {
    const c = handMade();
    // ref − alt at day 45: [6, 4, 9] agents → sorted [4, 6, 9] × 10 people.
    expect(differenceOn(c, c.scenarios[1]!, 45, 0, 'travelled')).toEqual({ median: 60, p5: 42, p25: 50, p75: 75, p95: 87 });
  });

  it('gives monthly flows as the growth of the cumulative count, per replicate', () => {
    const c = handMade();
    // June: day 0 → 30: ref [6, 10, 18]; July (partial): 30 → 45: ref [4, 5, 1]; × 10 people.
    expect(monthlyBands(c, c.scenarios[0]!, 0, 'travelled')).toEqual([
      { month: '2014-06', ...band([60, 100, 180]) },
      { month: '2014-07', ...band([40, 50, 10]) },
    ]);
    expect(monthlyBands(c, c.scenarios[0]!, 0, 'travelled')[0]!.median).toBe(100);
  });

  it('writes tidy bands.csv and differences.csv, on the table days only', () => {
    const c = handMade();
    const bands = bandsCsv(c).split('\n');
    expect(bands[0]).toBe('scenario,date,level,place,measure,median,p5,p25,p75,p95');
    expect(bands).toContain('ref,2014-07-16,world,World,travelled,250,205,225,280,304');
    expect(bands).toHaveLength(1 + 2 * 2 * measureNames.length + 1);
    expect(bands.filter((l) => l.includes(',2014-07-01,'))).toEqual([]);
    const diffs = differencesCsv(c).split('\n');
    expect(diffs[0]).toBe('scenario,reference,date,level,place,measure,median,p5,p25,p75,p95');
    expect(diffs).toContain('alt,ref,2014-07-16,world,World,travelled,60,42,50,75,87');
    expect(diffs).toContain('alt,ref,2014-06-01,world,World,travelled,0,0,0,0,0');
    expect(diffs).toHaveLength(1 + 2 * measureNames.length + 1);
  });
});
