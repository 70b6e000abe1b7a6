import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiments/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { measureAgents, measureIndex } from '../../src/statistics/measures.js';
import { statisticOf } from '../../src/statistics/registry.js';
import { definedOn, scenarioStatistics, StatisticReader, statisticDays } from '../../src/results/statistics.js';
import { seriesCsv, summarize } from '../../src/results/tables.js';
import { planWorld } from '../../src/world/plan.js';
import { placeIndex } from '../../src/world/places.js';
import { messages } from '../../src/messages/scenario.js';
import { statisticMessages } from '../../src/messages/statistics.js';
import { at, cleanup, MINIMAL, tempDir, userError, writeFixture, yaml } from '../scenario/fixtures.js';

afterAll(cleanup);

const WITH_OUTPUTS = MINIMAL + yaml(
  'channels: { media: { exposure: 0.01, mobilization: 0.001 } }',
  'outputs:',
  '  - { measure: peer_share }',
  '  - { measure: attempts_per_month, place: { country: Tunisia }, from: "2014-07-01" }',
  '  - { measure: share_from, place: { country: Tunisia }, communities: [Bizerte] }',
  '  - { measure: travelled, above: 5, name: over_five }',
);

describe('results/statistics', () => {
  const dir = tempDir();
  const file = writeFixture(dir, 'outputs.yaml', WITH_OUTPUTS);

  it('reads a statistic on its date and on any recorded day, as the measures of its place give', () => {
    const { scenario } = loadScenario(file);
    const run = runScenario(scenario, { seed: 3, replicates: 1 });
    const snaps = run.replicates[0]!.snapshots;
    const read = new StatisticReader(run.plan, snaps, scenario.dates.start);
    const last = snaps.at(-1)!;
    const tunisia = placeIndex(run.plan).find('country', 'Tunisia')!;
    const m = measureAgents(last, tunisia.communities);
    expect(read.value(statisticOf('travelled', 'country', 'Tunisia', scenario.dates.end))).toBe(m[measureIndex('travelled')]! * run.plan.scale);
    expect(read.value(statisticOf('travelled', 'country', 'Nowhere', scenario.dates.end))).toBeNaN();
    expect(() => read.valueOn(statisticOf('travelled', 'world', 'World', scenario.dates.end), 5)).toThrow(/no snapshot on day 5/);
  });

  it('resolves a scenario\'s outputs, records the days they need, and writes them to series.csv and summary.json', () => {
    const { scenario } = loadScenario(file);
    const stats = scenarioStatistics(scenario, planWorld(scenario));
    expect(stats.map((s) => s.name)).toEqual(['peer_share', 'attempts_per_month_Tunisia', 'share_from_Tunisia', 'over_five']);
    expect(statisticDays(stats, scenario.dates.start)).toEqual([30, 92]);
    const run = runScenario(scenario, { seed: 3, replicates: 2 });
    expect(run.replicates[0]!.snapshots.some((s) => s.day === 30)).toBe(true);
    const csv = seriesCsv(run);
    // Day 30 is recorded for the rate's period but is not one of the scenario's own days: no row.
    expect(csv).not.toContain('2014-07-01');
    const rows = csv.trim().split('\n').filter((l) => l.includes(',attempts_per_month_Tunisia,'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((l) => l.split(',')[1]! > '2014-07-01')).toBe(true);
    expect(csv).toMatch(/^1,2014-09-01,world,World,over_five,[01]$/m);
    const summary = summarize(run);
    expect(summary.statistics!.map((s) => s.name)).toEqual(stats.map((s) => s.name));
    expect(summary.statistics![0]!.checkpoints.at(-1)!.date).toBe('2014-09-01');
    expect(definedOn(stats[1]!, 30, scenario.dates.start)).toBe(false);
    expect(definedOn(stats[1]!, 31, scenario.dates.start)).toBe(true);
  });

  it('leaves series.csv and summary.json as they were for a scenario without outputs', () => {
    const plain = writeFixture(dir, 'plain.yaml', MINIMAL);
    const run = runScenario(loadScenario(plain).scenario, { seed: 3 });
    expect(summarize(run)).not.toHaveProperty('statistics');
    expect(seriesCsv(run).split('\n')[1]).toBe('0,2014-06-01,world,World,travelled,0');
  });

  it('refuses outputs that name an unknown place, a date outside the run, a rate without its period, or a community elsewhere', () => {
    const cases: [string, string, (f: string, text: string) => unknown][] = [
      ['  - { measure: travelled, place: { country: Tunisa } }', 'place', (f, t) => messages.unknownPlace(at(f, t, 'Tunisa'), 'outputs.0.place.country', 'country', 'Tunisa', 'did you mean "Tunisia"?')],
      ['  - { measure: travelled, date: "2015-01-01" }', 'date', (f, t) => statisticMessages.dateOutsideRun(at(f, t, '"2015'), 'outputs.0.date', '2015-01-01', '2014-06-01', '2014-09-01')],
      ['  - { measure: attempts_per_month }', 'from', (f, t) => statisticMessages.needsFrom(at(f, t, '{ measure'), 'outputs.0.from', 'attempts_per_month')],
      ['  - { measure: share_from, place: { country: Tunisia }, communities: [Molenbeek] }', 'community', (f, t) => statisticMessages.communityOutsidePlace(at(f, t, 'Molenbeek'), 'outputs.0.communities.0', 'Molenbeek', 'Tunisia', undefined)],
      ['  - { measure: flow_ratio, from: "2014-08-01" }', 'base', (f, t) => statisticMessages.needsBase(at(f, t, '{ measure'), 'outputs.0.baseFrom', 'flow_ratio')],
      ['  - { measure: travelled, baseDate: "2014-08-01" }', 'nobase', (f, t) => statisticMessages.takesNoBase(at(f, t, '"2014-08'), 'outputs.0.baseDate', 'travelled')],
      ['  - { measure: flow_ratio, from: "2014-08-01", baseFrom: "2014-07-01", baseDate: "2014-06-15" }', 'basereversed', (f, t) => statisticMessages.periodReversed(at(f, t, '"2014-07'), 'outputs.0.baseFrom', '2014-07-01', '2014-06-15', '2014-06-01')],
      ['  - { measure: adopted_share, atLeast: 1.5 }', 'sharelevel', (f, t) => statisticMessages.levelOutsideShare(at(f, t, '1.5'), 'outputs.0.atLeast', 'adopted_share', 1.5)],
      ['  - { measure: adopted_share, above: 0.1, atLeast: 0.5 }', 'twolevels', (f, t) => statisticMessages.twoLevels(at(f, t, '0.5'), 'outputs.0.atLeast')],
      ['  - { measure: days_to_share }', 'noshare', (f, t) => statisticMessages.needsShare(at(f, t, '{ measure'), 'outputs.0.share', 'days_to_share')],
      ['  - { measure: adopted, share: 0.5 }', 'takesnoshare', (f, t) => statisticMessages.takesNoShare(at(f, t, '0.5'), 'outputs.0.share', 'adopted')],
      ['  - { measure: adopted, given: global }', 'nocondition', (f, t) => statisticMessages.unknownCondition(at(f, t, 'global'), 'outputs.0.given', 'global', undefined)],
      ['  - { measure: adopted, name: big }\n  - { measure: adopted, given:  big }', 'notindicator', (f, t) => statisticMessages.conditionNotIndicator(at(f, t, ':  big }', 3), 'outputs.1.given', 'big')],
      ['  - { measure: countries_represented, place: { country: Tunisia } }', 'level', (f, t) => statisticMessages.wrongLevel(at(f, t, '{ country'), 'outputs.0.place', 'countries_represented', 'country', ['world', 'region'])],
    ];
    for (const [line, name, expected] of cases) {
      const text = MINIMAL + yaml('outputs:', line);
      const f = writeFixture(dir, `${name}.yaml`, text);
      expect(userError(() => loadScenario(f)).message, name).toBe((expected(f, text) as Error).message);
    }
  });

  it('reads an indicator at or above a level, and a statistic only where its condition holds', () => {
    const text = MINIMAL + yaml(
      'channels: { media: { exposure: 0.01, mobilization: 0.001 } }',
      'outputs:',
      '  - { measure: adopted_share, name: final }',
      '  - { measure: adopted_share, atLeast: 0.0001, name: some }',
      '  - { measure: adopted_share, atLeast: 2e-9, name: any }',
      '  - { measure: adopted_share, atLeast: 1, name: all }',
      '  - { measure: adopted_share, given: some, name: final_if_some }',
      '  - { measure: adopted_share, given: all, name: final_if_all }',
      '  - { measure: days_to_share, share: 0.0001, name: days }',
      '  - { measure: last_adoption_day, name: last }',
    );
    const f = writeFixture(dir, 'conditional.yaml', text);
    const { scenario } = loadScenario(f);
    const stats = scenarioStatistics(scenario, planWorld(scenario));
    expect(stats[4]!.given?.name).toBe('some');
    const run = runScenario(scenario, { seed: 3, replicates: 1 });
    // The daily statistics asked for every day up to the end: all recorded.
    const days = statisticDays(stats, scenario.dates.start);
    expect(days.length).toBe(run.days + 1);
    const read = new StatisticReader(run.plan, run.replicates[0]!.snapshots, scenario.dates.start);
    const [final, some, , all, ifSome, ifAll, daysTo, last] = stats.map((s) => read.value(s));
    expect(final).toBeGreaterThan(0.0001);
    expect(final).toBeLessThan(1);
    expect([some, all]).toEqual([1, 0]);
    expect(ifSome).toBe(final);
    expect(ifAll).toBeNaN();
    expect(daysTo).toBeGreaterThan(0);
    expect(last).toBeGreaterThanOrEqual(daysTo!);
    expect(last).toBeLessThanOrEqual(run.days);
  });

  it('refuses a date that does not exist, in an output as anywhere in a scenario', () => {
    const text = MINIMAL + yaml('outputs:', '  - { measure: travelled, date: "2014-06-31" }');
    const f = writeFixture(dir, 'unreal.yaml', text);
    expect(userError(() => loadScenario(f)).message).toContain('expected a real calendar date, found "2014-06-31"');
  });
});
