import { describe, expect, it } from 'vitest';
import { people, percent, range } from '../../src/charts/format.js';
import { avertedTable, byPlaceTable, cumulativeTable, keyDates } from '../../src/charts/tables.js';
import { fixtureInputs, singleScenarioInputs } from './fixture.js';

describe('key-number tables', () => {
  it('formats people without a locale', () => {
    expect(people(12_880.4)).toBe('12,880');
    expect(people(-1_234.5)).toBe('-1,235');
    expect(people(999)).toBe('999');
    expect(people(Number.NaN)).toBe('–');
    expect(range(27_000, 31_000)).toBe('27,000–31,000');
    expect(range(-150, 600)).toBe('-150 to 600');
    expect(percent(0.423)).toBe('42%');
  });

  it('picks the start, every six months and the end', () => {
    expect(keyDates('2014-06-01', '2015-12-01')).toEqual(['2014-06-01', '2014-12-01', '2015-06-01', '2015-12-01']);
    expect(keyDates('2014-06-01', '2014-09-01')).toEqual(['2014-06-01', '2014-09-01']);
  });

  it('cumulative: one row per key date at the nearest recorded date, one column per scenario; the target in the caption', () => {
    const t = cumulativeTable(fixtureInputs())!;
    expect(t.columns).toEqual(['Date', 'baseline', 'border-controls', 'media-takedowns']);
    const rows = t.groups[0]!.rows;
    expect(rows.map((r) => r[0])).toEqual(['1 Jun 2014', '30 Nov 2014', '31 May 2015', '1 Dec 2015']);
    expect(rows[0]?.[1]).toBe('12,880 (12,831–12,929)');
    expect(t.caption).toContain('Target for 1 December 2015: 29,000 (27,000–31,000).');
  });

  it('averted: the world, then the regions; none for a single scenario', () => {
    const t = avertedTable(fixtureInputs())!;
    expect(t.columns).toEqual(['Place', 'border-controls', 'media-takedowns']);
    expect(t.groups.map((g) => g.label)).toEqual([undefined, 'Regions']);
    expect(t.groups[0]?.rows).toEqual([['World', '4,217 (3,065–5,368)', expect.stringMatching(/^1,\d{3} \(/)]]);
    expect(t.groups[1]?.rows).toHaveLength(8);
    expect(t.groups[1]?.rows[4]?.[1]).toMatch(/^240 \(-\d+ to 635\)$/);
    expect(avertedTable(singleScenarioInputs())).toBeUndefined();
  });

  it('by place: regions and countries with their targets', () => {
    const t = byPlaceTable(fixtureInputs())!;
    expect(t.columns).toEqual(['Place', 'baseline', 'border-controls', 'media-takedowns', 'Target (range)']);
    expect(t.groups.map((g) => g.label)).toEqual(['Regions', 'Countries']);
    expect(t.groups[1]?.rows.find((r) => r[0] === 'Tunisia')?.[4]).toBe('6,000 (5,100–6,900)');
    expect(t.groups[0]?.rows.find((r) => r[0] === 'Rest of world')?.[4]).toBe('–');
  });
});
