import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { messages } from '../../src/messages/scenario.js';
import { loadTargets, type KnownPlaces } from '../../src/scenario/targets.js';
import { at, cleanup, MINIMAL, tempDir, userError, writeFixture, yaml } from './fixtures.js';

afterAll(cleanup);

const dir = tempDir();
let counter = 0;
const fixture = (text: string) => writeFixture(dir, `targets-${++counter}.yaml`, text);

const places: KnownPlaces = { regions: ['Maghreb', 'Western Europe'], countries: ['Tunisia', 'Belgium'], communities: ['Bizerte', 'Molenbeek'] };

const TARGETS = yaml(
  'title: Test targets',
  "date: '2015-12-01'",
  'source: Somewhere',
  'defaultTolerance: 0.2',
  'world: { value: 1000 }',
  'regions:',
  '  Maghreb: { value: 600, low: 500, high: 700, note: assumption }',
  'countries:',
  '  Tunisia: { value: 400, tolerance: 0.1 }',
  'communities:',
  '  Bizerte: { value: 100 }',
);

describe('a targets file', () => {
  it('loads, with bands from low/high, a tolerance, or the default tolerance', () => {
    const t = loadTargets(fixture(TARGETS), places);
    expect(t.title).toBe('Test targets');
    expect(t.date).toBe('2015-12-01');
    expect(t.source).toBe('Somewhere');
    expect(t.world).toMatchObject({ value: 1000 });
    expect(t.world!.low).toBeCloseTo(800);
    expect(t.world!.high).toBeCloseTo(1200);
    expect(t.regions.get('Maghreb')).toEqual({ value: 600, low: 500, high: 700, note: 'assumption' });
    expect(t.countries.get('Tunisia')!.low).toBeCloseTo(360);
    expect(t.countries.get('Tunisia')!.high).toBeCloseTo(440);
    expect(t.communities.get('Bizerte')!.low).toBeCloseTo(80);
    expect([...t.regions.keys()]).toEqual(['Maghreb']);
  });

  it('accepts any names when no places are given', () => {
    expect(loadTargets(fixture(TARGETS.replace('Maghreb', 'Atlantis'))).regions.has('Atlantis')).toBe(true);
  });

  it('names an unknown region, with "did you mean", at its key', () => {
    const text = TARGETS.replace('Maghreb:', 'Magreb:');
    const file = fixture(text);
    const e = userError(() => loadTargets(file, places));
    expect(e.message).toBe(messages.unknownPlace(at(file, text, 'Magreb'), 'regions.Magreb', 'region', 'Magreb', 'did you mean "Maghreb"?').message);
    expect(e.details).toMatchObject({ file, line: 7, column: 3 });
  });

  it('names an unknown community without a suggestion when nothing is close', () => {
    const text = TARGETS.replace('Bizerte:', 'Zzyzx:');
    const file = fixture(text);
    expect(() => loadTargets(file, places)).toThrow(messages.unknownPlace(at(file, text, 'Zzyzx'), 'communities.Zzyzx', 'community', 'Zzyzx').message);
  });

  it('refuses a value of the wrong type', () => {
    const text = TARGETS.replace('Tunisia: { value: 400', 'Tunisia: { value: lots');
    const file = fixture(text);
    expect(() => loadTargets(file, places)).toThrow(messages.wrongValue(at(file, text, 'lots'), 'countries.Tunisia.value', 'a number', 'lots').message);
  });

  it('refuses a tolerance above 1 and a negative value', () => {
    const text = TARGETS.replace('tolerance: 0.1', 'tolerance: 1.5');
    const file = fixture(text);
    expect(() => loadTargets(file, places)).toThrow(messages.wrongValue(at(file, text, '1.5'), 'countries.Tunisia.tolerance', 'a number ≤ 1', 1.5).message);
    const text2 = TARGETS.replace('world: { value: 1000 }', 'world: { value: -1 }');
    const file2 = fixture(text2);
    expect(() => loadTargets(file2, places)).toThrow(messages.wrongValue(at(file2, text2, 'value: -1', 'value: '.length), 'world.value', 'a number ≥ 0', -1).message);
  });

  it('refuses an unknown key, with "did you mean"', () => {
    const text = TARGETS.replace('{ value: 100 }', '{ valeu: 100 }');
    const file = fixture(text);
    expect(() => loadTargets(file, places)).toThrow(messages.unknownKey(at(file, text, 'valeu'), 'communities.Bizerte.valeu', 'valeu', 'did you mean "value"?').message);
  });

  it('refuses a file without a date', () => {
    const text = TARGETS.replace("date: '2015-12-01'\n", '');
    const file = fixture(text);
    expect(() => loadTargets(file, places)).toThrow(messages.missing({ file, line: 1, column: 1 }, 'date', 'a string').message);
  });

  it('refuses a __proto__ region', () => {
    const text = TARGETS.replace('Maghreb:', '__proto__:');
    const file = fixture(text);
    expect(() => loadTargets(file, places)).toThrow(messages.reservedKey(at(file, text, '__proto__'), 'regions.__proto__', '__proto__').message);
  });
});

describe('the targets file of a scenario', () => {
  it('is found relative to the file that names it, also through extends', () => {
    mkdirSync(join(dir, 'targets'));
    mkdirSync(join(dir, 'variants'));
    const targets = writeFixture(dir, 'targets/t.yaml', TARGETS);
    const parent = writeFixture(dir, 'with-targets.yaml', yaml(MINIMAL.trimEnd(), 'targets: targets/t.yaml'));
    const child = writeFixture(dir, 'variants/child.yaml', yaml('extends: ../with-targets.yaml', 'seed: 4'));
    expect(loadScenario(parent).targetsFile).toBe(targets);
    expect(loadScenario(child).targetsFile).toBe(targets);
    expect(loadScenario(child).targetsFiles).toEqual([targets]);
  });

  it('may be a list of files, each found relative to the file that names them; the first is targetsFile', () => {
    mkdirSync(join(dir, 'list'));
    mkdirSync(join(dir, 'list/variants'));
    const first = writeFixture(dir, 'list/a.yaml', TARGETS);
    const second = writeFixture(dir, 'list/b.yaml', TARGETS);
    const parent = writeFixture(dir, 'list/with-two.yaml', yaml(MINIMAL.trimEnd(), 'targets: [a.yaml, b.yaml]'));
    const child = writeFixture(dir, 'list/variants/child.yaml', yaml('extends: ../with-two.yaml', 'seed: 4'));
    for (const file of [parent, child]) {
      const loaded = loadScenario(file);
      expect(loaded.targetsFiles).toEqual([first, second]);
      expect(loaded.targetsFile).toBe(first);
    }
    expect(loadScenario(writeFixture(dir, 'list/none.yaml', MINIMAL)).targetsFiles).toEqual([]);
  });
});
