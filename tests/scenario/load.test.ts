import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMemory } from '../../src/experiments/run.js';
import { hashScenario, loadScenario } from '../../src/scenario/load.js';
import { messages } from '../../src/messages/scenario.js';
import { interventionSchema } from '../../src/scenario/schema.js';
import { planWorld } from '../../src/world/plan.js';
import { at, cleanup, FULL, MINIMAL, tempDir, userError, writeFixture, yaml } from './fixtures.js';

afterAll(cleanup);

const dir = tempDir();
/** Writes `text` under a fresh name, so no test depends on another's file. */
let counter = 0;
const fixture = (text: string, ext = 'yaml') => writeFixture(dir, `case-${++counter}.${ext}`, text);

/** MINIMAL with `line` inserted after line `after` (1-based; 0 = first). */
const minimalWith = (after: number, ...inserted: string[]) => {
  const lines = MINIMAL.trimEnd().split('\n');
  lines.splice(after, 0, ...inserted);
  return yaml(...lines);
};

const TUNISIA = 'places.regions.Maghreb.countries.Tunisia';
const BIZERTE = `${TUNISIA}.communities.Bizerte`;

describe('a valid scenario', () => {
  it('loads with the defaults filled in', () => {
    const file = fixture(MINIMAL);
    const { scenario, files, hash, targetsFile } = loadScenario(file);
    expect(files).toEqual([file]);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(targetsFile).toBeUndefined();
    expect(scenario.title).toBe('Minimal');
    expect(scenario.seed).toBe(1);
    expect(scenario.scale).toBe(1);
    expect(scenario.dates).toEqual({ start: '2014-06-01', end: '2014-09-01', checkpoints: [] });
    expect(scenario.output).toEqual({ everyDays: 7, levels: ['world', 'region', 'country'] });
    expect(scenario.networks).toEqual({ default: { kind: 'watts-strogatz', meanDegree: 10, rewiring: 0.1 } });
    expect(scenario.channels.peer.rule).toBe('cascade');
    expect(scenario.channels.media).toEqual({ exposure: 0.0003, mobilization: 0.000002 });
    expect(scenario.links).toEqual([]);
    expect(scenario.interventions).toEqual([]);
    const region = scenario.places.regions[0]!;
    expect(region.susceptibility).toBe(1);
    const country = region.countries[0]!;
    expect(country).toMatchObject({ name: 'Tunisia', population: 2000, route: { success: 0.9 }, stock: { abroad: 0, returned: 0, dead: 0 } });
    expect(country.communities[0]).toEqual({ name: 'Bizerte', population: 500, hotbed: false, susceptibility: 1, mediaReach: 1 });
  });

  it('loads a scenario that uses most of the schema, keeping what it sets', () => {
    const { scenario } = loadScenario(fixture(FULL));
    expect(scenario.seed).toBe(7);
    expect(scenario.networks.town).toMatchObject({ kind: 'town', householdSize: 3, friendGroupSize: 6 });
    expect(scenario.channels.peer).toMatchObject({ rule: 'threshold', threshold: { ties: 3 } });
    expect(scenario.interventions.map((i) => i.kind)).toEqual(['border-control', 'media-takedown']);
    expect(scenario.interventions[0]!.target).toEqual({ country: 'Tunisia' });
    expect(scenario.interventions[1]!.target).toBe('world');
  });

  it('accepts JSON, with the same result as the same scenario in YAML', () => {
    const fromYaml = loadScenario(fixture(MINIMAL));
    const fromJson = loadScenario(fixture(JSON.stringify(parseYaml(MINIMAL), null, 2), 'json'));
    expect(fromJson.scenario).toEqual(fromYaml.scenario);
    expect(fromJson.hash).toBe(fromYaml.hash);
  });

  it('accepts the $schema and extends keys, and leaves extends out of the result', () => {
    const parent = writeFixture(dir, 'schema-parent.yaml', MINIMAL);
    const child = fixture(yaml('$schema: ./scenario.schema.json', `extends: ${parent}`, 'title: Child'));
    const { scenario, files } = loadScenario(child);
    expect(scenario.$schema).toBe('./scenario.schema.json');
    expect(scenario.title).toBe('Child');
    expect('extends' in scenario).toBe(false);
    expect(files).toEqual([child, parent]);
  });
});

describe('extends', () => {
  const base = writeFixture(dir, 'base.yaml', FULL);
  const childText = yaml(
    'extends: base.yaml',
    'seed: 9',
    'channels:',
    '  peer: { rule: cascade }',
    'output: { levels: [world] }',
    'places:',
    '  regions:',
    '    - name: Maghreb',
    '      countries:',
    '        - name: Tunisia',
    '          population: 4000',
    '          communities:',
    '            - name: Bizerte',
    '              population: 1000',
    '    - name: Sahel',
    '      countries:',
    '        - name: Mali',
    '          population: 100',
    'interventions:',
    '  - kind: media-takedown',
    "    start: '2014-07-01'",
    '    reduction: 0.2',
  );
  const child = writeFixture(dir, 'child.yaml', childText);

  it('merges mappings key by key, the child overriding the parent', () => {
    const { scenario, files } = loadScenario(child);
    expect(files).toEqual([child, base]);
    expect(scenario.seed).toBe(9);
    expect(scenario.title).toBe('Full');
    expect(scenario.scale).toBe(2);
    expect(scenario.channels.peer.rule).toBe('cascade');
    expect(scenario.channels.peer.threshold.ties).toBe(3);
    expect(scenario.channels.media.exposure).toBe(0.001);
  });

  it('merges named lists by name: changed items keep what the child leaves out, new items are added', () => {
    const { scenario } = loadScenario(child);
    expect(scenario.places.regions.map((r) => r.name)).toEqual(['Maghreb', 'Western Europe', 'Sahel']);
    const maghreb = scenario.places.regions[0]!;
    expect(maghreb.susceptibility).toBe(1.5);
    expect(maghreb.countries.map((c) => c.name)).toEqual(['Tunisia', 'Morocco']);
    const tunisia = maghreb.countries[0]!;
    expect(tunisia.population).toBe(4000);
    expect(tunisia.route.success).toBe(0.8);
    expect(tunisia.communities.map((c) => [c.name, c.population, c.hotbed])).toEqual([['Bizerte', 1000, true], ['Ben Gardane', 600, false]]);
    expect(tunisia.communities[0]!.network).toBe('town');
  });

  it('replaces other lists whole', () => {
    const { scenario } = loadScenario(child);
    expect(scenario.output.levels).toEqual(['world']);
    expect(scenario.dates.checkpoints).toEqual(['2014-09-01']);
    expect(scenario.links).toHaveLength(1);
  });

  it('adds the child\'s interventions after the parent\'s', () => {
    const { scenario } = loadScenario(child);
    expect(scenario.interventions.map((iv) => [iv.kind, iv.start])).toEqual([
      ['border-control', '2014-08-01'], ['media-takedown', '2014-10-01'], ['media-takedown', '2014-07-01'],
    ]);
  });

  it('changes a parent\'s intervention of the same label key by key, and clears them all with an empty list', () => {
    const relabel = writeFixture(dir, 'relabel.yaml', yaml(
      'extends: base.yaml',
      'interventions:',
      '  - label: Tighter border',
      '    interception: 0.6',
    ));
    expect(loadScenario(relabel).scenario.interventions).toEqual([
      { kind: 'border-control', label: 'Tighter border', start: '2014-08-01', ramp: 0, interception: 0.6, target: { country: 'Tunisia' } },
      { kind: 'media-takedown', start: '2014-10-01', end: '2014-11-01', ramp: 0, reduction: 0.5, target: 'world' },
    ]);
    const cleared = writeFixture(dir, 'cleared.yaml', yaml('extends: base.yaml', 'interventions: []'));
    expect(loadScenario(cleared).scenario.interventions).toEqual([]);
  });

  it('points at the child\'s own intervention when it is wrong', () => {
    const text = yaml(
      'extends: base.yaml',
      'interventions:',
      '  - kind: border-control',
      '    label: Later border',
      "    start: '2014-08-01'",
      '    interception: 3',
    );
    const file = writeFixture(dir, 'bad-child.yaml', text);
    expect(() => loadScenario(file)).toThrow(`${file}:6:19: interventions.2.interception`);
  });

  it('refuses a cycle, pointing at the extends that closes it', () => {
    const aText = yaml('extends: cycle-b.yaml', 'title: A');
    const bText = yaml('title: B', 'extends: cycle-a.yaml');
    const a = writeFixture(dir, 'cycle-a.yaml', aText);
    const b = writeFixture(dir, 'cycle-b.yaml', bText);
    expect(() => loadScenario(a)).toThrow(messages.extendsCycle(at(b, bText, 'cycle-a.yaml'), [a, b, a]).message);
  });

  it('refuses a file that extends itself', () => {
    const text = yaml('extends: self.yaml', 'title: Self');
    const self = writeFixture(dir, 'self.yaml', text);
    expect(() => loadScenario(self)).toThrow(messages.extendsCycle(at(self, text, 'self.yaml'), [self, self]).message);
  });

  it('blames a missing parent on the child\'s extends line', () => {
    const text = yaml('title: Orphan', 'extends: nothere.yaml');
    const orphan = fixture(text);
    const e = userError(() => loadScenario(orphan));
    expect(e.message).toBe(messages.wrongValue(at(orphan, text, 'nothere.yaml'), 'extends', 'the path of an existing scenario file', 'nothere.yaml').message);
    expect(e.details).toMatchObject({ file: orphan, line: 2, column: 10, path: 'extends' });
  });

  it('refuses, without reading it, a parent that is a FIFO, a device or too large', () => {
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]); // reading it would wait for a writer forever
    symlinkSync('/dev/zero', join(dir, 'zero.yaml')); // reading it would never end
    const large = join(dir, 'large.yaml');
    writeFileSync(large, '# a comment\n');
    truncateSync(large, 60 * 2 ** 20);
    for (const [parent, reason] of [['pipe.yaml', /named pipe/], ['zero.yaml', /device/], ['large.yaml', /60 MiB, more than the 1 MiB/]] as const) {
      const child = writeFixture(dir, `child-of-${parent}`, yaml(`extends: ${parent}`, 'title: Child'));
      const e = userError(() => loadScenario(child));
      expect(e.details.file).toBe(join(dir, parent));
      expect(e.message).toMatch(reason);
    }
  });

  it('refuses an extends that is not a path', () => {
    const text = minimalWith(0, 'extends: 5');
    const file = fixture(text);
    expect(() => loadScenario(file)).toThrow(messages.wrongValue(at(file, text, 'extends: 5', 9), 'extends', 'the path of another scenario file', 5).message);
  });

  it('names the parent file when the mistake is in the parent', () => {
    const parentText = minimalWith(1, 'seed: abc');
    const parent = writeFixture(dir, 'bad-parent.yaml', parentText);
    const kid = fixture(yaml('extends: bad-parent.yaml', 'title: Kid'));
    const e = userError(() => loadScenario(kid));
    expect(e.message).toBe(messages.wrongValue(at(parent, parentText, 'abc'), 'seed', 'a number', 'abc').message);
    expect(e.details.file).toBe(parent);
  });

  it('names the parent file for a mistake inside a list item the child also changes', () => {
    const parentText = yaml(
      'places:',
      '  regions:',
      '    - name: Maghreb',
      '      countries:',
      '        - name: Tunisia',
      '          population: 2000',
      '          route: { success: 1.5 }',
    );
    const parent = writeFixture(dir, 'bad-route-parent.yaml', parentText);
    const kidText = yaml(
      'extends: bad-route-parent.yaml',
      'places:',
      '  regions:',
      '    - name: Maghreb',
      '      countries:',
      '        - name: Tunisia',
      '          population: 3000',
    );
    const kid = fixture(kidText);
    expect(() => loadScenario(kid))
      .toThrow(messages.wrongValue(at(parent, parentText, '1.5'), `${TUNISIA}.route.success`, 'a number ≤ 1', 1.5).message);
  });

  it('names the child file when the child\'s own value is wrong', () => {
    writeFixture(dir, 'good-parent.yaml', MINIMAL);
    const kidText = yaml('extends: good-parent.yaml', 'scale: 0');
    const kid = fixture(kidText);
    expect(() => loadScenario(kid)).toThrow(messages.wrongValue(at(kid, kidText, '0'), 'scale', 'a number ≥ 1', 0).message);
  });
});

describe('mistakes in a scenario file', () => {
  it('a missing file', () => {
    const missing = join(dir, 'nope.yaml');
    expect(() => loadScenario(missing)).toThrow(messages.fileNotFound(missing).message);
  });

  it('a file that is not YAML or JSON', () => {
    const file = fixture(MINIMAL, 'txt');
    expect(() => loadScenario(file)).toThrow(messages.notAScenarioFile(file).message);
  });

  it('a folder', () => {
    const folder = join(tempDir('hotbed-folder-'), 'folder.yaml');
    mkdirSync(folder);
    expect(() => loadScenario(folder)).toThrow(messages.fileUnreadable(folder, 'it is a folder').message);
  });

  it('a YAML syntax error, with line and column', () => {
    const text = yaml('title: Broken', 'places:', '  regions: [', '    a: b', 'seed: 1');
    const file = fixture(text);
    const e = userError(() => loadScenario(file));
    expect(e.details.file).toBe(file);
    expect(e.details.line).toBeGreaterThanOrEqual(3);
    expect(e.details.column).toBeGreaterThanOrEqual(1);
    expect(e.message).toMatch(new RegExp(`^${escape(file)}:\\d+:\\d+: syntax error: \\S`));
    expect(e.message).not.toContain('\n');
  });

  it('tabs used as indentation (wording pinned)', () => {
    const text = yaml('title: Tabs', '\tseed: 1');
    const file = fixture(text);
    const e = userError(() => loadScenario(file));
    expect(e.message).toBe(messages.syntax({ file, line: 2, column: 1 }, 'Tabs are not allowed as indentation').message);
    expect(e.message).toBe(`${file}:2:1: syntax error: Tabs are not allowed as indentation`);
  });

  it('an alias to no anchor, located at the alias', () => {
    const text = minimalWith(1, 'description: *nowhere');
    const file = fixture(text);
    const e = userError(() => loadScenario(file));
    expect(e.details).toMatchObject(at(file, text, '*nowhere'));
    expect(e.message).toContain('syntax error: Unresolved alias');
  });

  it('two YAML documents in one file', () => {
    const text = yaml('title: One', '---', 'title: Two');
    const file = fixture(text);
    const e = userError(() => loadScenario(file));
    expect(e.details).toMatchObject({ file, line: 2, column: 1 });
  });

  it('a duplicate key (wording pinned)', () => {
    const text = yaml('title: One', 'seed: 1', 'title: Two');
    const file = fixture(text);
    expect(() => loadScenario(file)).toThrow(`${file}:3:1: syntax error: Map keys must be unique`);
  });

  it('a JSON syntax error, with line and column', () => {
    const text = '{\n  "title": "x",\n  "seed": 1,,\n  "places": {}\n}\n';
    const file = fixture(text, 'json');
    const e = userError(() => loadScenario(file));
    expect(e.details).toMatchObject({ file, line: 3 });
    expect(e.message).toMatch(/syntax error/);
  });

  it('a file that holds a list, not a mapping', () => {
    const file = fixture(yaml('- a', '- b'));
    expect(() => loadScenario(file)).toThrow(messages.notAMapping({ file, line: 1, column: 1 }, ['a', 'b']).message);
  });

  it('an empty file', () => {
    const file = fixture('');
    expect(() => loadScenario(file)).toThrow(messages.missing({ file }, 'places', 'a mapping').message);
  });

  it('an unknown key, with "did you mean" (wording pinned)', () => {
    const text = minimalWith(1, 'sede: 3');
    const file = fixture(text);
    const e = userError(() => loadScenario(file));
    expect(e.message).toBe(messages.unknownKey(at(file, text, 'sede'), 'sede', 'sede', 'did you mean "seed"?').message);
    expect(e.message).toBe(`${file}:2:1: sede: unknown key "sede"; did you mean "seed"?`);
  });

  it('an unknown key deep inside a named list, located at the key', () => {
    const text = minimalWith(11, '              hotbad: true');
    const file = fixture(text);
    expect(() => loadScenario(file))
      .toThrow(messages.unknownKey(at(file, text, 'hotbad'), `${BIZERTE}.hotbad`, 'hotbad', 'did you mean "hotbed"?').message);
  });

  it('a misspelt required key is reported as unknown, not as missing', () => {
    const text = MINIMAL.replace('places:', 'place:');
    const file = fixture(text);
    expect(() => loadScenario(file)).toThrow(messages.unknownKey(at(file, text, 'place:'), 'place', 'place', 'did you mean "places"?').message);
  });

  it('an unknown key with nothing close lists the known keys', () => {
    const text = minimalWith(1, 'zzzzzz: 1');
    const file = fixture(text);
    const e = userError(() => loadScenario(file));
    expect(e.details.hint).toMatch(/^known keys: \$schema, extends, title, /);
  });

  it('a wrong type (wording pinned)', () => {
    const text = minimalWith(1, 'seed: abc');
    const file = fixture(text);
    const e = userError(() => loadScenario(file));
    expect(e.message).toBe(messages.wrongValue(at(file, text, 'abc'), 'seed', 'a number', 'abc').message);
    expect(e.message).toBe(`${file}:2:7: seed: wrong value (expected a number, found "abc")`);
  });

  it('a list where a mapping belongs', () => {
    const text = minimalWith(1, 'dates: [2014]').replace('dates: { start: "2014-06-01", end: "2014-09-01" }\n', '');
    const file = fixture(text);
    expect(() => loadScenario(file)).toThrow(messages.wrongValue(at(file, text, '[2014]'), 'dates', 'a mapping', [2014]).message);
  });

  it('a probability above 1 (wording pinned)', () => {
    const text = minimalWith(8, '          route: { success: 1.5 }');
    const file = fixture(text);
    const e = userError(() => loadScenario(file));
    expect(e.message).toBe(messages.wrongValue(at(file, text, '1.5'), `${TUNISIA}.route.success`, 'a number ≤ 1', 1.5).message);
    expect(e.message).toBe(`${file}:9:29: ${TUNISIA}.route.success: wrong value (expected a number ≤ 1, found 1.5)`);
  });

  it('a probability below 0', () => {
    const text = minimalWith(1, 'channels: { media: { exposure: -0.1 } }');
    const file = fixture(text);
    expect(() => loadScenario(file)).toThrow(messages.wrongValue(at(file, text, '-0.1'), 'channels.media.exposure', 'a number ≥ 0', -0.1).message);
  });

  it('a negative population', () => {
    const text = MINIMAL.replace('population: 500', 'population: -5');
    const file = fixture(text);
    const e = userError(() => loadScenario(file));
    expect(e.message).toBe(messages.wrongValue(at(file, text, '-5'), `${BIZERTE}.population`, 'a number ≥ 0', -5).message);
    expect(e.details).toMatchObject({ file, line: 11, column: 27 });
  });

  it('a population that is not a whole number', () => {
    const text = MINIMAL.replace('population: 2000', 'population: 20.5');
    const file = fixture(text);
    expect(() => loadScenario(file)).toThrow(messages.wrongValue(at(file, text, '20.5'), `${TUNISIA}.population`, 'a whole number', 20.5).message);
  });

  it('an end date before the start date (wording pinned)', () => {
    const text = MINIMAL.replace('end: "2014-09-01"', 'end: "2014-05-01"');
    const file = fixture(text);
    const e = userError(() => loadScenario(file));
    expect(e.message).toBe(messages.endBeforeStart(at(file, text, '"2014-05-01"'), '2014-06-01', '2014-05-01').message);
    expect(e.message).toBe(`${file}:2:36: dates.end: the end date is not after the start date (expected a date after 2014-06-01, found 2014-05-01)`);
  });

  it('a date that does not exist', () => {
    const text = MINIMAL.replace('start: "2014-06-01"', 'start: "2014-02-30"');
    const file = fixture(text);
    expect(() => loadScenario(file)).toThrow(messages.wrongValue(at(file, text, '"2014-02-30"'), 'dates.start', 'a real calendar date', '2014-02-30').message);
  });

  it('a checkpoint outside the run', () => {
    const text = MINIMAL.replace('end: "2014-09-01" }', 'end: "2014-09-01", checkpoints: ["2015-01-01"] }');
    const file = fixture(text);
    expect(() => loadScenario(file))
      .toThrow(messages.dateOutsideRun(at(file, text, '"2015-01-01"'), 'dates.checkpoints.0', '2015-01-01', '2014-06-01', '2014-09-01').message);
  });

  it('an intervention naming an unknown place (wording pinned)', () => {
    const text = yaml(
      MINIMAL.trimEnd(),
      'interventions:',
      '  - kind: border-control',
      "    start: '2014-07-01'",
      '    interception: 0.5',
      '    target: { country: Tunisa }',
    );
    const file = fixture(text);
    const e = userError(() => loadScenario(file));
    expect(e.message).toBe(messages.unknownPlace(at(file, text, 'Tunisa '), 'interventions.0.target.country', 'country', 'Tunisa', 'did you mean "Tunisia"?').message);
    expect(e.message).toBe(`${file}:16:24: interventions.0.target.country: no country named "Tunisa"; did you mean "Tunisia"?`);
  });

  it('an intervention of an unknown kind', () => {
    const text = yaml(MINIMAL.trimEnd(), 'interventions:', '  - kind: border-contrl', "    start: '2014-07-01'", '    interception: 0.5');
    const file = fixture(text);
    const kinds = interventionSchema.options.map((o) => JSON.stringify(o.shape.kind.value)).join(', ');
    expect(kinds.startsWith('"border-control", "media-takedown", "prevention"')).toBe(true);
    expect(() => loadScenario(file)).toThrow(messages.wrongValue(at(file, text, 'border-contrl'), 'interventions.0.kind',
      `one of ${kinds}`, 'border-contrl', 'did you mean "border-control"?').message);
  });

  it('an intervention target with a misspelt level', () => {
    const text = yaml(MINIMAL.trimEnd(), 'interventions:', '  - kind: border-control', "    start: '2014-07-01'", '    interception: 0.5', '    target: { contry: Tunisia }');
    const file = fixture(text);
    expect(() => loadScenario(file)).toThrow(messages.unknownKey(at(file, text, 'contry'), 'interventions.0.target.contry', 'contry', 'did you mean "country"?').message);
  });

  it('an intervention that ends before it starts', () => {
    const text = yaml(MINIMAL.trimEnd(), 'interventions:', '  - kind: media-takedown', "    start: '2014-08-01'", "    end: '2014-07-01'", '    reduction: 0.5');
    const file = fixture(text);
    expect(() => loadScenario(file))
      .toThrow(messages.interventionEndsBeforeStart(at(file, text, "'2014-07-01'"), 'interventions.0.end', '2014-08-01', '2014-07-01').message);
  });

  it('a link naming an unknown community', () => {
    const text = yaml(MINIMAL.trimEnd(), 'links:', '  - from: { community: Bizerta }', '    to: world', '    ties: 10');
    const file = fixture(text);
    expect(() => loadScenario(file))
      .toThrow(messages.unknownPlace(at(file, text, 'Bizerta'), 'links.0.from.community', 'community', 'Bizerta', 'did you mean "Bizerte"?').message);
  });

  it('a community naming an unknown network recipe', () => {
    const text = minimalWith(11, '              network: twon');
    const file = fixture(text);
    expect(() => loadScenario(file)).toThrow(messages.unknownNetwork(at(file, text, 'twon'), `${BIZERTE}.network`, 'twon').message);
  });

  it('two countries with the same name', () => {
    const text = yaml(MINIMAL.trimEnd(), '        - name: Tunisia', '          population: 5');
    const file = fixture(text);
    expect(() => loadScenario(file)).toThrow(messages.duplicateName(at(file, text, 'name: Tunisia\n          population: 5', 'name: '.length),
      `${TUNISIA}.name`, 'country', 'Tunisia').message);
  });

  it('a country with neither population nor communities', () => {
    const text = yaml(MINIMAL.trimEnd(), '        - name: Algeria');
    const file = fixture(text);
    expect(() => loadScenario(file))
      .toThrow(messages.countryWithoutPeople(at(file, text, 'name: Algeria'), 'places.regions.Maghreb.countries.Algeria', 'Algeria').message);
  });

  it('an initial stock larger than the population', () => {
    const text = minimalWith(11, '              stock: { abroad: 600 }');
    const file = fixture(text);
    expect(() => loadScenario(file))
      .toThrow(messages.stockOverPopulation(at(file, text, '{ abroad: 600 }'), `${BIZERTE}.stock`, 'Bizerte', 600, 500).message);
  });

  it('a population so large it cannot fit in memory is refused from the plan, before any allocation', () => {
    const text = MINIMAL.replace('population: 2000', 'population: 900000000');
    const file = fixture(text);
    const { scenario } = loadScenario(file);
    const plan = planWorld(scenario);
    const limit = 8 * 2 ** 30;
    const e = userError(() => checkMemory(plan, limit, file));
    expect(e.message).toMatch(/GiB/);
    expect(e.details.file).toBe(file);
    expect(e.details.path).toBe('scale');
    expect(plan.agentCount).toBe(900_000_500);
  });
});

describe('the scenario hash', () => {
  it('does not depend on the order of keys', () => {
    const reordered = yaml(
      'places:',
      '  regions:',
      '    - countries:',
      '        - communities:',
      '            - population: 500',
      '              name: Bizerte',
      '          population: 2000',
      '          name: Tunisia',
      '      name: Maghreb',
      'dates: { end: "2014-09-01", start: "2014-06-01" }',
      'title: Minimal',
    );
    expect(loadScenario(fixture(reordered)).hash).toBe(loadScenario(fixture(MINIMAL)).hash);
  });

  it('is that of the resolved scenario: writing out a default does not change it', () => {
    expect(loadScenario(fixture(minimalWith(1, 'seed: 1', 'scale: 1'))).hash).toBe(loadScenario(fixture(MINIMAL)).hash);
  });

  it('changes when a parameter changes', () => {
    const a = loadScenario(fixture(MINIMAL));
    const b = loadScenario(fixture(MINIMAL.replace('population: 2000', 'population: 2001')));
    const c = loadScenario(fixture(minimalWith(1, 'channels: { peer: { cascade: { probability: 0.003 } } }')));
    expect(new Set([a.hash, b.hash, c.hash]).size).toBe(3);
    expect(hashScenario(a.scenario)).toBe(a.hash);
  });

  it('is the same for a file and its JSON translation with keys in another order', () => {
    const value = parseYaml(MINIMAL) as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(value).reverse());
    expect(loadScenario(fixture(JSON.stringify(reversed), 'json')).hash).toBe(loadScenario(fixture(stringify(value))).hash);
  });
});

describe('scenario files are data only', () => {
  const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
  const before = prototypeKeys();

  it.each([
    ['at the top', minimalWith(1, '__proto__: { polluted: true }'), '__proto__'],
    ['in a mapping of names', minimalWith(1, 'networks:', '  default: { kind: town }', '  __proto__: { polluted: true }'), 'networks.__proto__'],
    ['in a list item', minimalWith(5, '      __proto__: { polluted: true }'), 'places.regions.Maghreb.__proto__'],
  ])('a __proto__ key %s is refused and pollutes nothing', (_where, text, path) => {
    const file = fixture(text);
    expect(() => loadScenario(file)).toThrow(messages.reservedKey(at(file, text, '__proto__'), path, '__proto__').message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeKeys()).toEqual(before);
  });

  it('a place named __proto__ is refused', () => {
    const text = MINIMAL.replace('name: Bizerte', 'name: __proto__');
    const file = fixture(text);
    expect(() => loadScenario(file)).toThrow(messages.wrongValue(at(file, text, '__proto__'),
      `${TUNISIA}.communities.__proto__.name`, 'a name other than "__proto__"', '__proto__').message);
  });

  it('keys such as constructor or toString are unknown keys, and recipe names are looked up as own keys only', () => {
    const text = minimalWith(1, 'constructor: 1');
    const file = fixture(text);
    expect(() => loadScenario(file)).toThrow(messages.unknownKey(at(file, text, 'constructor'), 'constructor', 'constructor',
      `known keys: ${['$schema', 'extends', 'title', 'description', 'seed', 'scale', 'replicates', 'dates', 'output', 'targets', 'networks', 'channels', 'stockPlacement', 'priorExposure', 'places', 'links', 'interventions'].join(', ')}`).message);
    const byName = minimalWith(11, '              network: constructor');
    const file2 = fixture(byName);
    expect(() => loadScenario(file2)).toThrow(messages.unknownNetwork(at(file2, byName, 'constructor'), `${BIZERTE}.network`, 'constructor').message);
    expect(prototypeKeys()).toEqual(before);
  });

  it('YAML tags do not construct objects, and aliases cannot blow up', () => {
    const tagged = fixture(minimalWith(1, "description: !!js/function 'function () { globalThis.ran = true }'"));
    expect(loadScenario(tagged).scenario.description).toBe('function () { globalThis.ran = true }');
    expect((globalThis as Record<string, unknown>).ran).toBeUndefined();
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) bomb.push(`${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10).fill(`*${'abcdefgh'[i - 1]}`).join(', ')}]`);
    const bombFile = fixture(yaml(...bomb));
    const e = userError(() => loadScenario(bombFile));
    expect(e.message).toMatch(/^.*: syntax error: /);
  });

  it('deep nesting is a clean error, not a stack overflow', () => {
    const file = fixture(`title: ${'['.repeat(20000)}${']'.repeat(20000)}\n`);
    const e = userError(() => loadScenario(file));
    expect(e.details.line).toBe(1);
    expect(e.message).toBe(messages.syntax({ file, line: 1, column: e.details.column }, 'nested too deeply').message);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
