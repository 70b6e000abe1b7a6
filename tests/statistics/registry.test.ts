import { describe, expect, it } from 'vitest';
import { measureIndex, measureNames } from '../../src/statistics/measures.js';
import { DAYS_PER_MONTH, indicatorOf, isIndicator, isShareStatistic, STATISTICS, statisticEntry, statisticNames, type MeasureSource } from '../../src/statistics/registry.js';

/** Measures of a place by day, as agent counts in table order; two countries inside it. */
function source(byDay: Record<number, Partial<Record<string, number>>>, scale = 10): MeasureSource {
  return {
    scale,
    measures: (day, communities) => {
      const out = new Float64Array(measureNames.length);
      const m = byDay[day] ?? {};
      // Community 1 holds a quarter of everything, the rest is community 0's.
      const share = communities.length === 2 ? 1 : communities[0] === 1 ? 0.25 : 0.75;
      for (const [name, v] of Object.entries(m)) out[measureIndex(name as never)] = v! * share;
      return out;
    },
    countriesWithin: () => [[0], [1]],
    // 100 agents: three quarters in community 0, as the measures split.
    agents: (communities) => (communities.length === 2 ? 100 : communities[0] === 1 ? 25 : 75),
  };
}

const at = (day: number, extra: object = {}) => ({ day, communities: [0, 1], ...extra });

describe('statistics/registry', () => {
  it('holds every measure as people (agents × scale) and the derived statistics, each described with a unit', () => {
    expect(statisticNames.slice(0, measureNames.length)).toEqual(measureNames);
    expect(statisticNames).toEqual(expect.arrayContaining(['attempted', 'attempts_per_month', 'returned_share', 'peer_share', 'countries_represented', 'share_from']));
    for (const n of statisticNames) expect(STATISTICS[n].description.length).toBeGreaterThan(10);
    expect(statisticEntry('abroad').value(source({ 5: { abroad: 40 } }), at(5))).toBe(400);
  });

  it('derives attempts, shares and rates per 30.44-day month', () => {
    const s = source({
      0: { travelled: 100, intercepted: 0 },
      61: { travelled: 160, intercepted: 20, returned: 40, recruited_media: 10, recruited_peer: 30, recruited_group: 10 },
    });
    expect(statisticEntry('attempted').value(s, at(61))).toBe(1800);
    expect(statisticEntry('attempts_per_month').value(s, at(61, { fromDay: 0 }))).toBeCloseTo((80 * 10) / (61 / DAYS_PER_MONTH), 10);
    expect(statisticEntry('travelled_per_month').value(s, at(61, { fromDay: 0 }))).toBeCloseTo((60 * 10) / (61 / DAYS_PER_MONTH), 10);
    expect(statisticEntry('returned_share').value(s, at(61))).toBe(0.25);
    expect(statisticEntry('peer_share').value(s, at(61))).toBe(0.6);
    expect(statisticEntry('media_share').value(s, at(61))).toBe(0.2);
    expect(statisticEntry('group_share').value(s, at(61))).toBe(0.2);
  });

  it('reads shares of recruits over a period when given one, and compares the flows of two periods', () => {
    const s = source({
      0: { travelled: 100, recruited_media: 0, recruited_peer: 0, recruited_group: 0 },
      30: { travelled: 160, recruited_media: 20, recruited_peer: 20, recruited_group: 0 },
      90: { travelled: 190, recruited_media: 25, recruited_peer: 45, recruited_group: 10 },
    });
    // Since the start 25 of 80 recruits came through media; from day 30, 5 of 40.
    expect(statisticEntry('media_share').value(s, at(90))).toBeCloseTo(25 / 80, 12);
    expect(statisticEntry('media_share').value(s, at(90, { fromDay: 30 }))).toBeCloseTo(5 / 40, 12);
    expect(statisticEntry('media_share').period).toBe('optional');
    // 60 travellers in 30 days, then 30 in 60: a quarter of the base period's flow.
    expect(statisticEntry('flow_ratio').value(s, at(90, { fromDay: 30, baseFromDay: 0, baseDay: 30 }))).toBeCloseTo(0.25, 12);
    expect(statisticEntry('flow_ratio').value(source({ 0: { travelled: 5 }, 30: { travelled: 5 }, 90: { travelled: 9 } }), at(90, { fromDay: 30, baseFromDay: 0, baseDay: 30 }))).toBeNaN();
  });

  it('reads the share of recruits media prepared, since the start or over a period', () => {
    const s = source({
      0: { recruited_media: 0, recruited_peer: 0, recruited_group: 0, recruited_after_media: 0 },
      30: { recruited_media: 10, recruited_peer: 20, recruited_group: 10, recruited_after_media: 30 },
      90: { recruited_media: 12, recruited_peer: 50, recruited_group: 18, recruited_after_media: 40 },
    });
    // 40 of 80 recruits since the start had been made sympathizers by media; from day 30, 10 of 40.
    expect(statisticEntry('media_prepared_share').value(s, at(90))).toBeCloseTo(40 / 80, 12);
    expect(statisticEntry('media_prepared_share').value(s, at(90, { fromDay: 30 }))).toBeCloseTo(10 / 40, 12);
    expect(statisticEntry('media_prepared_share').value(s, at(0))).toBeNaN();
    expect(statisticEntry('media_prepared_share').period).toBe('optional');
    expect(isShareStatistic({ measure: 'media_prepared_share' })).toBe(true);
  });

  it('gives NaN where a share has nothing to divide, and counts countries with a traveller', () => {
    const s = source({ 3: { travelled: 0 } });
    expect(statisticEntry('returned_share').value(s, at(3))).toBeNaN();
    expect(statisticEntry('peer_share').value(s, at(3))).toBeNaN();
    expect(statisticEntry('share_from').value(s, at(3, { named: [1] }))).toBeNaN();
    expect(statisticEntry('countries_represented').value(s, at(3))).toBe(0);
    const t = source({ 3: { travelled: 8 } });
    expect(statisticEntry('countries_represented').value(t, at(3))).toBe(2);
    expect(statisticEntry('share_from').value(t, at(3, { named: [1] }))).toBe(0.25);
  });

  it('counts adopters (mobilized, travelled, intercepted) as people and as a share of the place\'s agents', () => {
    const src = source({ 4: { mobilized: 6, travelled: 10, intercepted: 4, sympathizers: 30 } });
    expect(statisticEntry('adopted').value(src, at(4))).toBe(200);
    expect(statisticEntry('adopted_share').value(src, at(4))).toBe(0.2);
    expect(statisticEntry('adopted_share').value(src, { day: 4, communities: [1] })).toBe(0.2);
    expect(statisticEntry('adopted_share').lowerBound!(src, at(9), 4)).toBe(0.2);
  });

  it('reads the day of the last adoption and the days to reach a share from the daily path', () => {
    // Adopters: 1 on days 0–1, 30 on day 2, 60 on days 3–5: the last adoption is on day 3.
    const path = { 0: { travelled: 1 }, 1: { travelled: 1 }, 2: { mobilized: 29, travelled: 1 }, 3: { travelled: 60 }, 4: { travelled: 60 }, 5: { travelled: 60 } };
    const src = source(path);
    expect(statisticEntry('last_adoption_day').value(src, at(5))).toBe(3);
    expect(statisticEntry('last_adoption_day').value(src, at(2))).toBe(2);
    expect(statisticEntry('last_adoption_day').value(src, at(1))).toBe(0);
    expect(statisticEntry('days_to_share').value(src, at(5, { share: 0.3 }))).toBe(2);
    expect(statisticEntry('days_to_share').value(src, at(5, { share: 0.31 }))).toBe(3);
    expect(statisticEntry('days_to_share').value(src, at(5, { share: 0.01 }))).toBe(0);
    expect(statisticEntry('days_to_share').value(src, at(5, { share: 0.61 }))).toBeNaN();
    expect(statisticEntry('days_to_share').daily && statisticEntry('last_adoption_day').daily).toBe(true);
  });

  it('makes a statistic an indicator strictly above a level or at or above it', () => {
    expect(indicatorOf({ atLeast: 0.5 }, 0.5)).toBe(1);
    expect(indicatorOf({ above: 0.5 }, 0.5)).toBe(0);
    expect(indicatorOf({ atLeast: 0.5 }, 0.49)).toBe(0);
    expect(indicatorOf({ atLeast: 0.5 }, NaN)).toBeNaN();
    expect(indicatorOf({}, 0.3)).toBe(0.3);
    expect(isIndicator({ atLeast: 0 })).toBe(true);
    expect(isIndicator({})).toBe(false);
  });

  it('says which statistics are shares, and declares what each needs', () => {
    expect(isShareStatistic({ measure: 'peer_share' })).toBe(true);
    expect(isShareStatistic({ measure: 'travelled' })).toBe(false);
    expect(isShareStatistic({ measure: 'travelled', above: 100 })).toBe(true);
    expect(isShareStatistic({ measure: 'travelled', atLeast: 100 })).toBe(true);
    expect(statisticEntry('days_to_share').share).toBe(true);
    expect(statisticEntry('attempts_per_month').period).toBe(true);
    expect(statisticEntry('share_from').communities).toBe(true);
    expect(statisticEntry('countries_represented').levels).toEqual(['world', 'region']);
  });
});
