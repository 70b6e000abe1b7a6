import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { overridesFrom } from '../../src/cli/common-options.js';
import { loadScenario } from '../../src/scenario/load.js';
import { messages } from '../../src/messages/scenario.js';
import { parseOverride } from '../../src/scenario/overrides.js';
import { cleanup, FULL, MINIMAL, tempDir, userError, writeFixture } from './fixtures.js';

afterAll(cleanup);

const dir = tempDir();
const full = writeFixture(dir, 'full.yaml', FULL);
const minimal = writeFixture(dir, 'minimal.yaml', MINIMAL);
const load = (...set: string[]) => loadScenario(full, { set }).scenario;
const fail = (...set: string[]) => userError(() => loadScenario(full, { set }));

const TUNISIA = 'places.regions.Maghreb.countries.Tunisia';

describe('--set changes one parameter', () => {
  it('a number', () => {
    expect(load('seed=42').seed).toBe(42);
    expect(load('scale=0x10').scale).toBe(16);
    expect(load('channels.media.exposure=1e-4').channels.media.exposure).toBe(0.0001);
  });

  it('a string, kept as text even when it reads as a number or null', () => {
    expect(load('title=Hello: world').title).toBe('Hello: world');
    expect(load('title=42').title).toBe('42');
    expect(load('title=null').title).toBe('null');
    expect(load('title=').title).toBe('');
  });

  it('an enum', () => {
    expect(load('channels.peer.rule=logistic').channels.peer.rule).toBe('logistic');
  });

  it('a boolean', () => {
    const s = load(`${TUNISIA}.communities.Bizerte.hotbed=false`);
    expect(s.places.regions[0]!.countries[0]!.communities[0]!.hotbed).toBe(false);
  });

  it('a list item by name', () => {
    const s = load(`${TUNISIA}.route.success=0.5`);
    expect(s.places.regions[0]!.countries[0]!.route.success).toBe(0.5);
    expect(s.places.regions[0]!.countries[1]!.route.success).toBe(0.9);
  });

  it('a list item by index', () => {
    const s = load('interventions.0.interception=0.75', 'places.regions.1.susceptibility=2');
    expect(s.interventions[0]).toMatchObject({ kind: 'border-control', interception: 0.75 });
    expect(s.places.regions[1]!.susceptibility).toBe(2);
  });

  it('a whole list or mapping, written as YAML', () => {
    expect(load('output.levels=[world, country]').output.levels).toEqual(['world', 'country']);
    expect(load(`${TUNISIA}.stock={abroad: 50}`).places.regions[0]!.countries[0]!.stock).toEqual({ abroad: 50, returned: 0, dead: 0 });
  });

  it('a parameter the file leaves out, starting from its default', () => {
    const s = loadScenario(minimal, { set: ['networks.dense.kind=erdos-renyi', `${TUNISIA}.network=dense`] }).scenario;
    expect(Object.keys(s.networks)).toEqual(['default', 'dense']);
    expect(s.places.regions[0]!.countries[0]!.network).toBe('dense');
    expect(loadScenario(minimal, { set: ['channels.peer.threshold.ties=4'] }).scenario.channels.peer.threshold.ties).toBe(4);
  });

  it('in order, the last one winning', () => {
    expect(load('seed=2', 'seed=3').seed).toBe(3);
  });

  it('changing the hash, and leaving the file as it was', () => {
    const before = loadScenario(full);
    const changed = loadScenario(full, { set: ['seed=8'] });
    expect(changed.hash).not.toBe(before.hash);
    expect(loadScenario(full).hash).toBe(before.hash);
  });

  it('resolving a targets path against the working folder rather than the file', () => {
    expect(loadScenario(full, { set: ['targets=t/other.yaml'] }).targetsFile).toBe(resolve('t/other.yaml'));
  });

  it('--seed and --scale are overrides too', () => {
    expect(overridesFrom({ set: ['title=x'], seed: 5, scale: 10 })).toEqual(['title=x', 'scale=10', 'seed=5']);
    expect(() => overridesFrom({ seed: -1 })).toThrow(messages.badOption('--seed', 'a whole number ≥ 0', -1).message);
    expect(() => overridesFrom({ scale: Number.NaN })).toThrow(messages.badOption('--scale', 'a number ≥ 1', Number.NaN).message);
  });
});

describe('--set mistakes', () => {
  it('an unknown path, with "did you mean" (wording pinned)', () => {
    const e = fail('channels.peer.rul=threshold');
    expect(e.message).toBe(messages.setUnknownPath('channels.peer.rul=threshold', 'channels.peer.rul', 'rul', 'did you mean "rule"?').message);
    expect(e.message).toBe('--set: channels.peer.rul: unknown parameter "rul" in "channels.peer.rul=threshold"; did you mean "rule"?');
  });

  it('an unknown path under a list item', () => {
    const arg = `${TUNISIA}.rout.success=0.5`;
    expect(() => load(arg)).toThrow(messages.setUnknownPath(arg, `${TUNISIA}.rout`, 'rout', 'did you mean "route"?').message);
  });

  it('a path that goes on past a value', () => {
    expect(() => load('seed.x=1')).toThrow(messages.setUnknownPath('seed.x=1', 'seed.x', 'x').message);
  });

  it('an unknown item name, with "did you mean"', () => {
    const arg = 'places.regions.Magreb.susceptibility=2';
    expect(() => load(arg)).toThrow(messages.setUnknownName(arg, 'places.regions.Magreb', 'Magreb', 'did you mean "Maghreb"?').message);
  });

  it('addresses an intervention by its label, and suggests labels', () => {
    expect(load('interventions.Tighter border.interception=0.75').interventions[0]).toMatchObject({ label: 'Tighter border', interception: 0.75 });
    const arg = 'interventions.Tigher border.interception=0.75';
    expect(() => load(arg)).toThrow(messages.setUnknownName(arg, 'interventions.Tigher border', 'Tigher border', 'did you mean "Tighter border"?').message);
  });

  it('an index past the end of a list', () => {
    expect(() => load('interventions.5.interception=0.1')).toThrow(messages.setUnknownName('interventions.5.interception=0.1', 'interventions.5', '5').message);
  });

  it('a key that the item\'s kind does not have', () => {
    expect(() => load('interventions.1.interception=0.1'))
      .toThrow(messages.setUnknownPath('interventions.1.interception=0.1', 'interventions.1.interception', 'interception').message);
  });

  it('a wrong type (wording pinned)', () => {
    const e = fail('seed=abc');
    expect(e.message).toBe(messages.setWrongType('seed=abc', 'seed', 'a number', 'abc').message);
    expect(e.message).toBe('--set: seed: wrong value (expected a number, found "abc")');
    const arg = `${TUNISIA}.communities.Bizerte.hotbed=maybe`;
    expect(() => load(arg)).toThrow(messages.setWrongType(arg, `${TUNISIA}.communities.Bizerte.hotbed`, 'true or false', 'maybe').message);
  });

  it('a value out of range, checked by the schema like a value in the file', () => {
    expect(() => load(`${TUNISIA}.route.success=1.5`)).toThrow(messages.wrongValue({ file: '--set' }, `${TUNISIA}.route.success`, 'a number ≤ 1', 1.5).message);
    expect(() => load('scale=0')).toThrow(messages.wrongValue({ file: '--set' }, 'scale', 'a number ≥ 1', 0).message);
  });

  it('an enum value that is not one of its values, with "did you mean"', () => {
    expect(() => load('channels.peer.rule=threshld')).toThrow(messages.wrongValue({ file: '--set' }, 'channels.peer.rule',
      'one of "cascade", "threshold", "fractional", "logistic"', 'threshld', 'did you mean "threshold"?').message);
  });

  it('a value that breaks a rule between fields', () => {
    expect(() => load('dates.end=2014-05-01')).toThrow(messages.endBeforeStart({ file: '--set' }, '2014-06-01', '2014-05-01').message);
  });

  it.each(['seed', '=1', 'a..b=1', '.seed=1', ''])('a malformed argument %j', (arg) => {
    expect(() => load(arg)).toThrow(messages.setSyntax(arg).message);
    expect(() => parseOverride(arg)).toThrow(messages.setSyntax(arg).message);
  });

  it('is reported as coming from --set, not from the file', () => {
    for (const arg of ['channels.peer.rul=1', 'seed=abc', 'scale=0', 'seed', 'places.regions.X.susceptibility=1']) {
      const e = fail(arg);
      expect(e.details.file).toBe('--set');
      expect(e.details.line).toBeUndefined();
      expect(e.message.startsWith('--set: ')).toBe(true);
    }
  });

  it('cannot reach Object.prototype', () => {
    const keys = Object.getOwnPropertyNames(Object.prototype).sort();
    expect(() => load('networks.__proto__.kind=town')).toThrow(messages.setUnknownPath('networks.__proto__.kind=town', 'networks.__proto__', '__proto__').message);
    expect(() => load('__proto__.polluted=1')).toThrow(messages.setUnknownPath('__proto__.polluted=1', '__proto__', '__proto__').message);
    expect(() => load('places.regions.Maghreb.constructor.polluted=1')).toThrow(UserErrorLike);
    // `constructor` is an ordinary name for a recipe.
    expect(load('networks.constructor.kind=erdos-renyi').networks.constructor).toEqual({ kind: 'erdos-renyi', meanDegree: 8 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(keys);
  });
});

/** Matches any message that names --set. */
const UserErrorLike = /^--set: /;
