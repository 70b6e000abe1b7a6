/** `--variant name:path=value,path=value`: splitting the argument, and loading a variant through the --set parser. */
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { parseVariant } from '../../src/scenario/variants.js';
import { messages } from '../../src/messages/scenario.js';
import { cleanup, FULL, tempDir, userError, writeFixture } from './fixtures.js';

afterAll(cleanup);

const full = writeFixture(tempDir(), 'full.yaml', FULL);

describe('parseVariant', () => {
  it('splits the name from its changes at the first colon, and the changes at commas', () => {
    expect(parseVariant('threshold2:channels.peer.rule=threshold,channels.peer.threshold.ties=2'))
      .toEqual({ name: 'threshold2', changes: ['channels.peer.rule=threshold', 'channels.peer.threshold.ties=2'] });
  });

  it('keeps commas inside brackets, braces and quoted values in their value', () => {
    expect(parseVariant('v:output.levels=[world,region],seed=2').changes).toEqual(['output.levels=[world,region]', 'seed=2']);
    expect(parseVariant('v:outputs=[{measure: peer_share, place: {country: A}}, {measure: returned_share}],seed=2').changes)
      .toEqual(['outputs=[{measure: peer_share, place: {country: A}}, {measure: returned_share}]', 'seed=2']);
    expect(parseVariant('v:title="a, b",seed=2').changes).toEqual(['title="a, b"', 'seed=2']);
  });

  it('keeps a comma followed by no "=" in the value before it; an apostrophe inside a word quotes nothing', () => {
    expect(parseVariant("v:title=Town, threshold rule,seed=2").changes).toEqual(['title=Town, threshold rule', 'seed=2']);
    expect(parseVariant("v:title=Turkey's border,seed=2").changes).toEqual(["title=Turkey's border", 'seed=2']);
  });

  it('refuses a missing name, a bad name and an empty change', () => {
    expect(userError(() => parseVariant('channels.peer.rule=threshold')).message).toBe(messages.variantSyntax('channels.peer.rule=threshold').message);
    expect(userError(() => parseVariant('outputs=[{measure: x}]')).message).toBe(messages.variantSyntax('outputs=[{measure: x}]').message);
    expect(userError(() => parseVariant(':seed=2')).message).toBe(messages.variantBadName(':seed=2', '').message);
    expect(userError(() => parseVariant('a/b:seed=2')).message).toBe(messages.variantBadName('a/b:seed=2', 'a/b').message);
    expect(userError(() => parseVariant('v:seed=2,,scale=3')).message).toBe(messages.variantEmptyChange('v', 'v:seed=2,,scale=3').message);
    expect(userError(() => parseVariant('v:')).message).toBe(messages.variantEmptyChange('v', 'v:').message);
  });
});

describe('loading a variant', () => {
  const variant = (text: string) => loadScenario(full, { set: ['seed=3'], variant: parseVariant(text) });

  it('applies the --set changes, then the variant\'s, and records the variant', () => {
    const v = variant('rule:channels.peer.rule=threshold,seed=4');
    expect(v.scenario.channels.peer.rule).toBe('threshold');
    expect(v.scenario.seed).toBe(4);
    expect(v.variant).toEqual({ name: 'rule', changes: ['channels.peer.rule=threshold', 'seed=4'] });
    expect(loadScenario(full).variant).toBeUndefined();
  });

  it('names the variant and the path in every refusal: unknown path, wrong value, schema, semantics', () => {
    const src = messages.variantSource('v');
    expect(userError(() => variant('v:channels.peer.rul=threshold')).message)
      .toBe(messages.setUnknownPath('channels.peer.rul=threshold', 'channels.peer.rul', 'rul', 'did you mean "rule"?', src).message);
    expect(userError(() => variant('v:seed=abc')).message).toBe(messages.setWrongType('seed=abc', 'seed', 'a number', 'abc', src).message);
    const schema = userError(() => variant('v:channels.peer.rule=thresh'));
    expect(schema.details).toMatchObject({ file: src, path: 'channels.peer.rule' });
    const semantic = userError(() => variant('v:dates.end=2013-01-01'));
    expect(semantic.details).toMatchObject({ file: src, path: 'dates.end' });
  });
});
