/** reportInputs: the shape the charts are drawn from (src/charts/inputs.ts). */
import { afterAll, describe, expect, it } from 'vitest';
import { compareScenarios, comparisonOfRun } from '../../src/experiments/compare.js';
import { runScenario } from '../../src/experiments/run.js';
import { daysBetween } from '../../src/model/dates.js';
import { placeRow } from '../../src/results/bands.js';
import { monthStartDays } from '../../src/results/months.js';
import { reportInputs } from '../../src/results/report-inputs.js';
import type { Targets } from '../../src/scenario/targets.js';
import { cleanup } from '../scenario/fixtures.js';
import { CLOSED, loadTexts, TINY } from '../experiments/tiny.js';

afterAll(cleanup);

const loaded = loadTexts({ 'ref.yaml': TINY, 'closed.yaml': CLOSED, 'media.yaml': TINY.replace('exposure: 0.002', 'exposure: 0.0005') });
const comparison = await compareScenarios(loaded, { replicates: 5 });
const targets: Targets = {
  file: 'targets.yaml',
  title: 'Test targets',
  date: '2014-10-01',
  world: { value: 200, low: 150, high: 250 },
  regions: new Map([['Maghreb', { value: 150, low: 100, high: 200 }]]),
  countries: new Map([['Belgium', { value: 20, low: 10, high: 30 }]]),
  communities: new Map(),
  dated: [],
};
const inputs = reportInputs(comparison, targets, { version: '9.9.9', createdWith: 'hotbed compare ...' });
const names = ['ref', 'closed', 'media'];

const isSorted = <T>(xs: T[], key: (x: T) => string) => xs.every((x, i) => i === 0 || key(xs[i - 1]!) <= key(x));
const rank = (s: string) => names.indexOf(s);

describe('reportInputs', () => {
  it('says what was run, the reference first', async () => {
    expect(inputs.meta).toMatchObject({ tool: 'hotbed', version: '9.9.9', seed: 1, replicates: 5, scale: 2, agents: comparison.scenarios[0]!.plan.agentCount, reference: 'ref', createdWith: 'hotbed compare ...' });
    expect(inputs.meta.scenarios.map((s) => s.name)).toEqual(names);
    expect(inputs.meta.scenarios[1]).toMatchObject({ title: 'Tiny, borders closed', hash: loaded[1]!.hash, file: loaded[1]!.files[0] });
    expect(inputs.startDate).toBe('2014-06-01');
    expect(inputs.endDate).toBe('2014-10-01');
  });

  it('has time series sorted by date (then scenario order), with dates YYYY-MM-DD and months YYYY-MM', async () => {
    for (const rows of [inputs.cumulative, inputs.interventions] as { scenario: string; date: string }[][]) {
      expect(isSorted(rows, (r) => `${r.date}/${rank(r.scenario)}`)).toBe(true);
      for (const r of rows) expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const rows of [inputs.flow, inputs.byChannel]) {
      expect(isSorted(rows as { month: string; scenario: string }[], (r) => `${r.month}/${rank(r.scenario)}`)).toBe(true);
      for (const r of rows) expect(r.month).toMatch(/^\d{4}-\d{2}$/);
    }
    expect([...new Set(inputs.flow.map((f) => f.month))]).toEqual(['2014-06', '2014-07', '2014-08', '2014-09']);
    expect(inputs.cumulative.filter((c) => c.scenario === 'ref').map((c) => c.date)).toContain('2014-07-01');
  });

  it('counts people, not agents (scale 2)', async () => {
    const world = placeRow(comparison, 'world', 'World');
    const ref = comparison.scenarios[0]!;
    const agentsAtStart = Array.from(ref.cube.cell(0, world, 0)).sort((a, b) => a - b)[2]!;
    const start = inputs.cumulative.find((c) => c.scenario === 'ref' && c.date === '2014-06-01')!;
    expect(start.median).toBe(agentsAtStart * 2);
    expect(start.p5).toBeLessThanOrEqual(start.p25);
    expect(start.p25).toBeLessThanOrEqual(start.median);
    expect(start.median).toBeLessThanOrEqual(start.p75);
    expect(start.p75).toBeLessThanOrEqual(start.p95);
  });

  it('gives travellers averted against the reference, reference excluded, world and regions', async () => {
    expect(inputs.averted.map((a) => `${a.scenario}:${a.level}:${a.place}`)).toEqual([
      'closed:world:World', 'closed:region:Maghreb', 'closed:region:Western Europe',
      'media:world:World', 'media:region:Maghreb', 'media:region:Western Europe',
    ]);
    // media.yaml changes a parameter, so the comparison speaks of the change versus ref (scenario − ref):
    // closed borders give fewer travellers, below zero
    expect(inputs.differences).toBe('change');
    expect(inputs.averted[0]!.median).toBeLessThan(0);
  });

  it('speaks of travellers averted (reference − scenario, above zero for closed borders) when every scenario adds counter-measures', async () => {
    const [ref, closed] = loaded;
    const both = reportInputs(await compareScenarios([ref!, closed!], { replicates: 5, networkSample: false }));
    expect(both.differences).toBeUndefined();
    expect(both.averted[0]!.median).toBeGreaterThan(0);
    const world = inputs.averted.find((a) => a.scenario === 'closed' && a.place === 'World')!;
    // the same pairs the other way round: the band mirrored (to the rounding of an interpolated quantile)
    const b = both.averted[0]!;
    for (const [x, y] of [[world.median, b.median], [world.p5, b.p95], [world.p95, b.p5]] as const) expect(Math.abs(x + y)).toBeLessThanOrEqual(1);
  });

  it('gives travelled by place with targets where known, reference first', async () => {
    expect(inputs.byPlace.map((p) => p.scenario)).toEqual(names.flatMap((n) => Array(5).fill(n)));
    const ref = inputs.byPlace.filter((p) => p.scenario === 'ref');
    expect(ref.filter((p) => p.level === 'region').map((p) => p.place).sort()).toEqual(['Maghreb', 'Western Europe']);
    expect(ref.filter((p) => p.level === 'country').map((p) => p.place).sort()).toEqual(['Belgium', 'Morocco', 'Tunisia']);
    expect(ref.find((p) => p.place === 'Belgium')!.target).toEqual({ low: 10, high: 30, value: 20 });
    expect(ref.find((p) => p.place === 'Maghreb')!.target).toEqual({ low: 100, high: 200, value: 150 });
    expect(ref.find((p) => p.place === 'Tunisia')!.target).toBeUndefined();
    expect(inputs.worldTarget).toEqual({ date: '2014-10-01', low: 150, high: 250, value: 200 });
  });

  it('keeps at most the given number of countries, those with targets first', async () => {
    const two = reportInputs(comparison, targets, { topCountries: 2 });
    const countries = two.byPlace.filter((p) => p.scenario === 'ref' && p.level === 'country').map((p) => p.place);
    expect(countries).toHaveLength(2);
    expect(countries).toContain('Belgium');
    const none = reportInputs(comparison, undefined, { topCountries: 1 });
    expect(none.byPlace.filter((p) => p.scenario === 'ref' && p.level === 'country').map((p) => p.place)).toEqual(['Tunisia']);
    expect(none.worldTarget).toBeUndefined();
    expect(none.byPlace.every((p) => p.target === undefined)).toBe(true);
  });

  it('gives monthly recruits by channel and monthly flows', async () => {
    const channels = new Set(inputs.byChannel.map((c) => c.channel));
    expect([...channels].sort()).toEqual(['group', 'media', 'peer']);
    expect(inputs.byChannel.filter((c) => c.scenario === 'ref' && c.month === '2014-06')).toHaveLength(3);
    // Closed borders: no flow at all.
    expect(inputs.flow.filter((f) => f.scenario === 'closed').every((f) => f.median === 0 && f.p95 === 0)).toBe(true);
    expect(inputs.flow.filter((f) => f.scenario === 'ref').some((f) => f.median > 0)).toBe(true);
  });

  it('lists intervention dates', async () => {
    expect(inputs.interventions).toEqual([{ scenario: 'closed', label: 'Borders closed', date: '2014-06-01' }]);
  });

  it('includes the network sample', async () => {
    expect(inputs.network?.community).toBe('Bizerte');
    expect(inputs.network?.scenario).toBe('ref');
  });

  it('with one replicate, monthly flows add up to the growth over the run', async () => {
    const one = reportInputs(await compareScenarios([loaded[0]!], { replicates: 1 }));
    const total = one.flow.reduce((s, f) => s + f.median, 0);
    const cum = one.cumulative;
    expect(total).toBe(cum.at(-1)!.median - cum[0]!.median);
    expect(one.averted).toEqual([]);
  });

  it('works from a run that kept its snapshots (hotbed run --replicates)', async () => {
    const s = loaded[0]!.scenario;
    const run = runScenario(s, { replicates: 3, extraRecordDays: monthStartDays(s.dates.start, daysBetween(s.dates.start, s.dates.end)) });
    const fromRun = reportInputs(comparisonOfRun(loaded[0]!, run));
    const fromCompare = reportInputs(await compareScenarios([loaded[0]!], { replicates: 3, networkSample: false }));
    expect(fromRun.cumulative).toEqual(fromCompare.cumulative);
    expect(fromRun.flow).toEqual(fromCompare.flow);
    expect(fromRun.byChannel).toEqual(fromCompare.byChannel);
    expect(fromRun.averted).toEqual([]);
  });

  describe('the published path and the events', () => {
    const path: Targets = {
      file: 'path.yaml', title: 'Path', date: '2014-08-01', source: 'Someone, August 2014',
      world: { value: 120, low: 100, high: 140 }, regions: new Map(), countries: new Map(), communities: new Map(),
      dated: [
        { statistic: { name: 'early', measure: 'travelled', place: 'world', date: '2014-07-01' }, band: { value: 80, low: 60, high: 100 }, weight: 1, source: 'Early source', index: 0 },
        { statistic: { name: 'flow', measure: 'travelled_per_month', place: 'world', from: '2014-06-01', date: '2014-09-01' }, band: { value: 30, low: 20, high: 40 }, weight: 1, source: 'Flow source', index: 1 },
      ],
    };
    const withPath = reportInputs(comparison, [targets, path]);

    it('holds every world total of every file on its date, with its source, and the world flows over their periods', async () => {
      expect(withPath.pathTargets).toEqual([
        { date: '2014-07-01', value: 80, low: 60, high: 100, source: 'Early source', label: 'early' },
        { date: '2014-08-01', value: 120, low: 100, high: 140, source: 'Someone, August 2014', label: 'Path' },
        { date: '2014-10-01', value: 200, low: 150, high: 250, source: 'Test targets', label: 'Test targets' },
      ]);
      expect(withPath.flowTargets).toEqual([{ from: '2014-06-01', date: '2014-09-01', value: 30, low: 20, high: 40, source: 'Flow source', label: 'flow' }]);
    });

    it('takes the end-date targets from the first file, as with one file', async () => {
      expect(withPath.worldTarget).toEqual(inputs.worldTarget);
      expect(withPath.byPlace).toEqual(inputs.byPlace);
    });

    it('holds the labelled interventions as events, naming the scenarios of one that not all have', async () => {
      expect(withPath.events).toEqual([{ label: 'Borders closed', date: '2014-06-01', kind: 'border-control', scenarios: ['closed'] }]);
    });

    it('has no path and no events without dated targets or labelled interventions', async () => {
      const alone = reportInputs(await compareScenarios([loaded[0]!], { replicates: 2 }));
      expect(alone.pathTargets).toBeUndefined();
      expect(alone.flowTargets).toBeUndefined();
      expect(alone.events).toBeUndefined();
    });
  });
});
