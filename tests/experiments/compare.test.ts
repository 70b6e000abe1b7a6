/** compareScenarios: alignment checks, common random numbers, paired differences. */
import { afterAll, describe, expect, it } from 'vitest';
import { compareScenarios, scenarioNames } from '../../src/experiments/compare.js';
import { resultMessages } from '../../src/messages/results.js';
import { runScenario } from '../../src/experiments/run.js';
import { bandsCsv, differenceOn, differencesCsv, placeRow } from '../../src/results/bands.js';
import { addDays } from '../../src/model/dates.js';
import { measureNames } from '../../src/statistics/measures.js';
import { monthStartDays } from '../../src/results/months.js';
import { messages } from '../../src/messages/scenario.js';
import { cleanup, userError, yaml } from '../scenario/fixtures.js';
import { CLOSED, loadTexts, TINY } from './tiny.js';

afterAll(cleanup);

describe('compareScenarios: alignment', () => {
  const refused = async (other: string) => {
    const [a, b] = loadTexts({ 'a.yaml': TINY, 'b.yaml': other });
    const e = await compareScenarios([a!, b!], { replicates: 1 }).then(
      () => userError(() => undefined),
      (err: unknown) => userError(() => { throw err; }),
    );
    return { e, a: a!.files[0]!, b: b!.files[0]! };
  };

  it('refuses different dates, naming both files and the first difference', async () => {
    const { e, a, b } = await refused(TINY.replace('end: "2014-10-01"', 'end: "2014-11-01"'));
    expect(e.message).toBe(messages.scenariosDiffer(a, b, { kind: 'value', what: 'the end date', a: '2014-10-01', b: '2014-11-01' }).message);
    expect(e.message).toMatch(/^scenarios differ: the end date is 2014-10-01 in .*a\.yaml but 2014-11-01 in .*b\.yaml; /);
    const start = await refused(TINY.replace('start: "2014-06-01"', 'start: "2014-05-01"'));
    expect(start.e.message).toBe(messages.scenariosDiffer(start.a, start.b, { kind: 'value', what: 'the start date', a: '2014-06-01', b: '2014-05-01' }).message);
  });

  it('refuses a different scale', async () => {
    const { e, a, b } = await refused(TINY.replace('scale: 2', 'scale: 4'));
    expect(e.message).toBe(messages.scenariosDiffer(a, b, { kind: 'value', what: 'scale', a: 2, b: 4 }).message);
  });

  it('refuses a place missing from either file', async () => {
    const noMorocco = TINY.replace('        - name: Morocco\n          population: 2000\n          stock: { abroad: 20 }\n', '');
    const gone = await refused(noMorocco);
    expect(gone.e.message).toBe(messages.scenariosDiffer(gone.a, gone.b, { kind: 'missing', level: 'country', name: 'Morocco', in: 'a' }).message);
    expect(gone.e.message).toContain(`country "Morocco" is in ${gone.a} but not in ${gone.b}`);

    const extra = await refused(TINY.replace('              hotbed: true\n        - name: Morocco', '              hotbed: true\n            - name: Ben Gardane\n              population: 500\n        - name: Morocco'));
    expect(extra.e.message).toContain(`community "Ben Gardane" is in ${extra.b} but not in ${extra.a}`);
  });

  it('refuses a place under another parent, and a country without its own population', async () => {
    const morocco = '        - name: Morocco\n          population: 2000\n          stock: { abroad: 20 }\n';
    const moved = await refused(TINY.replace(morocco, '') + morocco);
    expect(moved.e.message).toBe(messages.scenariosDiffer(moved.a, moved.b,
      { kind: 'parent', level: 'country', name: 'Morocco', parentLevel: 'region', a: 'Maghreb', b: 'Western Europe' }).message);
    expect(moved.e.message).toContain('country "Morocco" is in region "Maghreb" in');

    const rest = await refused(TINY.replace('          population: 2000\n', '          communities: [{ name: Rabat, population: 2000 }]\n'));
    // Morocco's own population (the community named after it) comes before Rabat in a.yaml's order.
    expect(rest.e.message).toContain(`country "Morocco" has a population outside its named communities in ${rest.a} but not in ${rest.b}`);
    const restOnly = await refused(TINY.replace('        - name: Tunisia\n          population: 3000\n', '        - name: Tunisia\n'));
    expect(restOnly.e.message).toBe(messages.scenariosDiffer(restOnly.a, restOnly.b, { kind: 'rest', country: 'Tunisia', in: 'a' }).message);
  });

  it('accepts scenarios that differ in parameters and interventions only', async () => {
    const [a, b] = loadTexts({ 'a.yaml': TINY, 'b.yaml': CLOSED.replace('population: 3000', 'population: 2500') });
    await expect(compareScenarios([a!, b!], { replicates: 1 })).resolves.toBeDefined();
  });
});

describe('compareScenarios: common random numbers', () => {
  it('gives exactly zero differences for identical scenarios, everywhere and always', async () => {
    const [a, b] = loadTexts({ 'a.yaml': TINY, 'b.yaml': TINY.replace('title: Tiny', 'title: Same world, other title') });
    const c = await compareScenarios([a!, b!], { replicates: 4 });
    expect(Array.from(c.scenarios[1]!.cube.data)).toEqual(Array.from(c.scenarios[0]!.cube.data));
    const rows = differencesCsv(c).trim().split('\n').slice(1);
    // The tables hold world, region and country (the default levels); the cube also the named hotbeds.
    const written = c.places.filter((p) => c.levels.includes(p.level));
    expect(written.length).toBe(c.places.length - 2);
    expect(rows.length).toBe(c.tableDays.length * written.length * measureNames.length);
    for (const row of rows) expect(row.split(',').slice(-5)).toEqual(['0', '0', '0', '0', '0']);
    // and the replicates themselves differ, so the zeros are not for want of randomness
    const world = placeRow(c, 'world', 'World');
    const travelled = c.scenarios[0]!.cube.cell(c.recordDays.length - 1, world, 0);
    expect(new Set(travelled).size).toBeGreaterThan(1);
  });

  it('starts every scenario of a replicate from the same initial stock and pairs the differences', async () => {
    const [a, b] = loadTexts({ 'a.yaml': TINY, 'b.yaml': CLOSED });
    const c = await compareScenarios([a!, b!], { replicates: 6 });
    const [ref, closed] = c.scenarios;
    const world = placeRow(c, 'world', 'World');
    for (let m = 0; m < measureNames.length; m++) expect(Array.from(closed!.cube.cell(0, world, m))).toEqual(Array.from(ref!.cube.cell(0, world, m)));
    // Borders closed from the first day: nobody new travels, so the world stays at its stock in every replicate.
    const last = c.recordDays.length - 1;
    expect(Array.from(closed!.cube.cell(last, world, 0))).toEqual(Array.from(closed!.cube.cell(0, world, 0)));
    const averted = differenceOn(c, closed!, c.days, world, 'travelled');
    expect(averted.median).toBeGreaterThan(0);
    expect(averted.p5).toBeGreaterThanOrEqual(0);
  });

  it('matches runScenario replicate by replicate (same seed, same replicate, same numbers)', async () => {
    const [a, b] = loadTexts({ 'a.yaml': TINY, 'b.yaml': CLOSED });
    const c = await compareScenarios([a!, b!], { replicates: 3 });
    const run = runScenario(b!.scenario, { replicates: 3 });
    const world = placeRow(c, 'world', 'World');
    const end = c.recordDays.length - 1;
    const fromRun = run.replicates.map((r) => {
      const s = r.snapshots.find((x) => x.day === c.days)!;
      let sum = 0;
      for (let k = 0; k < s.states.length; k += 7) sum += s.states[k + 3]! + s.states[k + 4]! + s.states[k + 5]!;
      return sum;
    });
    expect(Array.from(c.scenarios[1]!.cube.cell(end, world, 0))).toEqual(fromRun);
  });

  it('uses the first scenario\'s seed for all, says so, and --seed for all when given', async () => {
    const [a, b] = loadTexts({ 'a.yaml': TINY, 'b.yaml': TINY.replace('seed: 1', 'seed: 9') });
    const c = await compareScenarios([a!, b!], { replicates: 2 });
    expect(c.seed).toBe(1);
    expect(c.notes).toEqual([
      `${b!.files[0]} sets seed 9; every scenario was run with seed 1 (common random numbers)`,
      // the same world with another seed adds no counter-measure
      resultMessages.changeVersusReference('a', ['b'], []),
    ]);
    expect(Array.from(c.scenarios[1]!.cube.data)).toEqual(Array.from(c.scenarios[0]!.cube.data));
    expect((await compareScenarios([a!, b!], { replicates: 1, seed: 5 })).seed).toBe(5);
  });

  it('records the first of each month, the checkpoints of every scenario and the end', async () => {
    const [a, b] = loadTexts({ 'a.yaml': TINY, 'b.yaml': CLOSED.replace('checkpoints: ["2014-08-01"]', 'checkpoints: ["2014-09-10"]') });
    const c = await compareScenarios([a!, b!], { replicates: 1 });
    for (const d of monthStartDays(c.start, c.days)) expect(c.recordDays).toContain(d);
    expect(c.checkpointDays).toEqual([61, 101, 122]);
    expect(c.recordDays).toContain(101);
    expect(c.recordDays.at(-1)).toBe(122);
    expect([...c.recordDays].sort((x, y) => x - y)).toEqual(c.recordDays);
  });

  it('writes the tables on the regular grid, every checkpoint and the end, as series.csv.gz, not on the first of each month', async () => {
    const [a, b] = loadTexts({ 'a.yaml': TINY, 'b.yaml': CLOSED.replace('checkpoints: ["2014-08-01"]', 'checkpoints: ["2014-09-10"]') });
    const c = await compareScenarios([a!, b!], { replicates: 1 });
    // Weekly from day 0 (TINY's default everyDays), then the checkpoints 61 and 101 and the end 122.
    const weekly = Array.from({ length: 18 }, (_, i) => 7 * i);
    expect(c.tableDays).toEqual([...weekly, 61, 101, 122].sort((x, y) => x - y));
    const dates = new Set(bandsCsv(c).trim().split('\n').slice(1).map((l) => l.split(',')[1]));
    expect([...dates]).toEqual(c.tableDays.map((d) => addDays(c.start, d)));
    expect(dates.has('2014-07-01')).toBe(false);
    expect(c.recordDays).toContain(30);
  });

  it('reports progress over scenarios × replicates', async () => {
    const [a, b] = loadTexts({ 'a.yaml': TINY, 'b.yaml': CLOSED });
    const seen = new Set<string>();
    await compareScenarios([a!, b!], { replicates: 2, onProgress: (p) => seen.add(`${p.name}/${p.scenario}/${p.scenarios}/${p.replicate}/${p.replicates}`) });
    expect([...seen].sort()).toEqual(['a/0/2/0/2', 'a/0/2/1/2', 'b/1/2/0/2', 'b/1/2/1/2']);
  });

  it('keeps a network sample from replicate 0 of the reference', async () => {
    const [a, b] = loadTexts({ 'a.yaml': TINY, 'b.yaml': CLOSED });
    const c = await compareScenarios([a!, b!], { replicates: 2 });
    const n = c.network!;
    expect(n.scenario).toBe('a');
    expect(n.community).toBe('Bizerte');
    expect(n.nodes.length).toBeGreaterThan(10);
    expect(n.nodes.length).toBeLessThanOrEqual(200);
    expect(n.degreeHistogram.reduce((s, h) => s + h.count, 0)).toBe(800);
    expect((await compareScenarios([a!, b!], { replicates: 1, networkSample: false })).network).toBeUndefined();
  });

  it('keeps the same sampled people in every other scenario: their end states there, over the same ties', async () => {
    const [a, b, c2] = loadTexts({ 'a.yaml': TINY, 'b.yaml': CLOSED, 'c.yaml': TINY.replace('title: Tiny', 'title: Tiny again') });
    const n = (await compareScenarios([a!, b!, c2!], { replicates: 2 })).network!;
    expect(n.otherScenarios!.map((o) => o.scenario)).toEqual(['b', 'c']);
    const [closed, same] = n.otherScenarios!;
    expect(closed!.nodes.map((x) => x.id)).toEqual(n.nodes.map((x) => x.id));
    // borders closed from the first day: nobody sampled leaves, though some did in the reference
    expect(n.nodes.some((x) => x.state === 'abroad' && x.channel !== 'none')).toBe(true);
    expect(closed!.nodes.filter((x) => x.state === 'abroad' && x.channel !== 'none')).toEqual([]);
    expect(closed!.nodes.some((x) => x.state === 'intercepted')).toBe(true);
    // the same scenario under another name: the same people end the same way
    expect(same!.nodes).toEqual(n.nodes);
    expect(same!.recruitments).toEqual(n.recruitments);
  });

  it('leaves out a scenario whose networks differ from the reference\'s', async () => {
    const denser = TINY + yaml('networks:', '  default: { kind: watts-strogatz, meanDegree: 14, rewiring: 0.1 }');
    const [a, b] = loadTexts({ 'a.yaml': TINY, 'b.yaml': denser });
    expect((await compareScenarios([a!, b!], { replicates: 1 })).network!.otherScenarios).toBeUndefined();
  });
});

describe('scenarioNames', () => {
  it('uses file stems, made unique', async () => {
    expect(scenarioNames(['scenarios/baseline.yaml', '/tmp/border-controls.yml', 'x/baseline.json'])).toEqual(['baseline', 'border-controls', 'baseline (2)']);
  });
});
