import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/model/dates.js';

describe('model/dates', () => {
  it('counts calendar days in UTC, across month ends, leap days and years', () => {
    expect(daysBetween('2014-06-01', '2015-12-01')).toBe(548);
    expect(daysBetween('2016-02-28', '2016-03-01')).toBe(2);
    expect(daysBetween('2015-02-28', '2015-03-01')).toBe(1);
    expect(daysBetween('2015-12-01', '2014-06-01')).toBe(-548);
  });

  it('adds days back to a date, the inverse of daysBetween', () => {
    expect(addDays('2014-06-01', 548)).toBe('2015-12-01');
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    for (const d of [0, 1, 29, 30, 31, 365, 366, 1000]) expect(daysBetween('2014-06-01', addDays('2014-06-01', d))).toBe(d);
  });
});
