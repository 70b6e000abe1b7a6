/**
 * Experiment files: every shipped one loads; mistakes get one message naming the
 * file, line, column, path, expected and found (with "did you mean"), before
 * anything runs.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/sweep/file.js';
import { statisticMessages } from '../../src/messages/statistics.js';
import { sweepMessages } from '../../src/messages/sweep.js';
import { TABLE_LIMIT_BYTES, estimateTableBytes } from '../../src/sweep/size.js';
import { messages } from '../../src/messages/scenario.js';
import { at, cleanup, tempDir, userError, writeFixture } from '../scenario/fixtures.js';
import { townExperiment, TOWN } from './helpers.js';

afterAll(cleanup);

const dir = tempDir('hotbed-sweep-file-');
const load = (file: string) => loadExperiment(file, { toolVersion: 'test' });
const shipped = readdirSync('scenarios/experiments').filter((f) => f.endsWith('.yaml'));

describe('shipped experiments', () => {
  it('include the Morris screening of the baseline, a grid, a Sobol and a Latin hypercube example', () => {
    expect(shipped).toEqual(expect.arrayContaining(['morris-baseline.yaml', 'grid-single-town.yaml', 'sobol-single-town.yaml', 'lhs-single-town.yaml']));
  });

  it.each(shipped)('%s loads', (file) => {
    const { plan } = load(join('scenarios/experiments', file));
    expect(plan.runs).toBe(plan.points * plan.replicates);
    expect(plan.runs).toBeLessThanOrEqual(1000); // each runs in minutes on 2 cores
  });

  it('the Latin hypercube example: 4 factors, 100 points × 2 replicates (about 10 s on 2 cores), PRCC-ready', () => {
    const { plan } = load('scenarios/experiments/lhs-single-town.yaml');
    expect(plan.design).toEqual({ kind: 'latin-hypercube', samples: 100, bootstrap: 1000 });
    expect(plan.factors).toHaveLength(4);
    expect(plan.runs).toBe(200);
    // 10 points per factor, far above the factors + 3 PRCC needs.
    expect(plan.points).toBeGreaterThanOrEqual(10 * plan.factors.length);
  });

  it('the Morris screening of the baseline records the December 2015 world total', () => {
    const { plan } = load('scenarios/experiments/morris-baseline.yaml');
    expect(plan.design.kind).toBe('morris');
    expect(plan.outputs[0]).toEqual({ name: 'world_dec2015', measure: 'travelled', level: 'world', place: 'World', date: '2015-12-01' });
  });
});

describe('a loaded experiment', () => {
  it('names outputs by measure, place and date by default, and hashes what fixes the runs', () => {
    const file = writeFixture(dir, 'ok.yaml', townExperiment({ outputs: ['  - { measure: travelled }', '  - { measure: abroad, place: { country: Country }, date: "2015-01-01" }'] }));
    const { plan } = load(file);
    expect(plan.outputs.map((o) => o.name)).toEqual(['travelled', 'abroad_Country_2015-01-01']);
    expect(plan.points).toBe(16);
    expect(plan.runs).toBe(32);
    const again = load(writeFixture(dir, 'again.yaml', `# a comment changes nothing\n${townExperiment({ outputs: ['  - { measure: travelled }', '  - { measure: abroad, place: { country: Country }, date: "2015-01-01" }'] })}`));
    expect(again.plan.hash).toBe(plan.hash);
    expect(loadExperiment(file, { toolVersion: 'other' }).plan.hash).not.toBe(plan.hash);
    expect(loadExperiment(file, { toolVersion: 'other' }).plan.experimentHash).toBe(plan.experimentHash);
    expect(load(writeFixture(dir, 'seed.yaml', townExperiment({ seed: 8 }))).plan.experimentHash).not.toBe(plan.experimentHash);
  });

  it('carries reference ranges (one point a line, one reaching past the range swept) without hashing them: they change the charts only', () => {
    const plain = load(writeFixture(dir, 'plain.yaml', townExperiment())).plan;
    const refs = ['references:', '  - { factor: group, from: 0.02, to: 0.1, label: "Published range" }', '  - { factor: return, from: 0.001, to: 0.001, label: Estimate }'];
    const { plan } = load(writeFixture(dir, 'refs.yaml', townExperiment({ extra: refs })));
    expect(plan.references).toEqual([{ factor: 'group', from: 0.02, to: 0.1, label: 'Published range' }, { factor: 'return', from: 0.001, to: 0.001, label: 'Estimate' }]);
    expect(plain.references).toBeUndefined();
    expect([plan.hash, plan.experimentHash]).toEqual([plain.hash, plain.experimentHash]);
  });
});

describe('mistakes', () => {
  const check = (name: string, text: string, expected: (file: string) => Error) => {
    const file = writeFixture(dir, name, text);
    expect(userError(() => load(file)).message).toBe(expected(file).message);
  };

  it('an unknown key, with "did you mean"', () => {
    const text = townExperiment().replace('replicates:', 'replicate:');
    check('key.yaml', text, (f) => messages.unknownKey(at(f, text, 'replicate:'), 'replicate', 'replicate', 'did you mean "replicates"?'));
  });

  it('an unknown design kind, with "did you mean"', () => {
    const text = townExperiment({ design: '{ kind: moris, trajectories: 4 }' });
    check('kind.yaml', text, (f) => messages.wrongValue(at(f, text, 'moris'), 'design.kind', 'one of "grid", "latin-hypercube", "morris", "sobol"', 'moris', 'did you mean "morris"?'));
  });

  it('a factor path the scenario does not have, with "did you mean"', () => {
    const text = townExperiment({ factors: ['  - { name: peer, path: channels.peer.cascade.probabilty, low: 0.001, high: 0.01 }'] });
    check('path.yaml', text, (f) => sweepMessages.unknownFactorPath(at(f, text, 'channels.peer.cascade.probabilty'), 'factors.peer.path', 'channels.peer.cascade.probabilty', relative(process.cwd(), TOWN),
      'unknown parameter "probabilty"', 'did you mean "probability"?'));
  });

  it('a factor that is not a number', () => {
    const text = townExperiment({ factors: ['  - { name: rule, path: channels.peer.rule, low: 1, high: 2 }'] });
    check('nan.yaml', text, (f) => sweepMessages.factorNotANumber(at(f, text, 'channels.peer.rule'), 'factors.rule.path', 'channels.peer.rule', 'cascade'));
  });

  it('a range reaching values the scenario refuses', () => {
    const text = townExperiment({ factors: ['  - { name: peer, path: channels.peer.cascade.probability, low: 0.5, high: 1.5 }'] });
    check('range.yaml', text, (f) => sweepMessages.factorValueRefused(at(f, text, '0.5'), 'factors.peer.low', 'channels.peer.cascade.probability', 1.5, 'a number ≤ 1'));
  });

  it('a grid without values, and a range design given values', () => {
    const grid = townExperiment({ design: '{ kind: grid }' });
    check('grid.yaml', grid, (f) => sweepMessages.gridNeedsValues(at(f, grid, '{ name: peer'), 'factors.peer.values'));
    const lhs = townExperiment({ design: '{ kind: latin-hypercube, samples: 10 }', factors: ['  - { name: peer, path: channels.peer.cascade.probability, values: [0.001, 0.002] }'] });
    check('lhs.yaml', lhs, (f) => sweepMessages.rangeNeedsBounds(at(f, lhs, '[0.001'), 'factors.peer.values', 'latin-hypercube'));
  });

  it('reversed bounds and a log scale through zero', () => {
    const reversed = townExperiment({ factors: ['  - { name: peer, path: channels.peer.cascade.probability, low: 0.01, high: 0.001 }'] });
    check('reversed.yaml', reversed, (f) => sweepMessages.boundsReversed(at(f, reversed, '0.01,'), 'factors.peer', 0.01, 0.001));
    const log = townExperiment({ factors: ['  - { name: group, path: channels.group.probability, low: 0, high: 0.1, scale: log }'] });
    check('log.yaml', log, (f) => sweepMessages.logScaleNotPositive(at(f, log, '0,'), 'factors.group.low', 0));
  });

  it('an unknown place, with "did you mean", and a date outside the run', () => {
    const place = townExperiment({ outputs: ['  - { measure: travelled, place: { country: Contry } }'] });
    check('place.yaml', place, (f) => messages.unknownPlace(at(f, place, 'Contry'), 'outputs.0.place.country', 'country', 'Contry', 'did you mean "Country"?'));
    const date = townExperiment({ outputs: ['  - { measure: travelled, date: "2016-01-01" }'] });
    check('date.yaml', date, (f) => statisticMessages.dateOutsideRun(at(f, date, '"2016'), 'outputs.0.date', '2016-01-01', '2014-06-01', '2015-06-01'));
  });

  it('a column name used twice', () => {
    const text = townExperiment({ outputs: ['  - { measure: travelled, name: peer }'] });
    check('twice.yaml', text, (f) => sweepMessages.duplicateName(at(f, text, 'peer }'), 'outputs.peer.name', 'peer'));
  });

  it('a missing scenario file', () => {
    const text = townExperiment().replace(JSON.stringify(TOWN), 'nowhere.yaml');
    check('missing.yaml', text, (f) => messages.wrongValue(at(f, text, 'nowhere.yaml'), 'scenario', 'the path of an existing scenario file', 'nowhere.yaml'));
  });

  it('a reference range on a factor the file does not have (with "did you mean"), running backwards, or wholly outside the range swept', () => {
    const refs = (line: string) => townExperiment({ extra: ['references:', `  - ${line}`] });
    const unknown = refs('{ factor: peeer, from: 0.003, to: 0.004, label: Window }');
    check('ref-factor.yaml', unknown, (f) => sweepMessages.referenceUnknownFactor(at(f, unknown, 'peeer'), 'references.0.factor', 'peeer', ['peer', 'return', 'group'], 'did you mean "peer"?'));
    const reversed = refs('{ factor: group, from: 0.05, to: 0.01, label: Window }');
    check('ref-reversed.yaml', reversed, (f) => sweepMessages.referenceReversed(at(f, reversed, '0.05'), 'references.0.from', 0.05, 0.01));
    const outside = refs('{ factor: group, from: 0.2, to: 0.3, label: Window }');
    check('ref-outside.yaml', outside, (f) => sweepMessages.referenceOutsideRange(at(f, outside, '0.2'), 'references.0.from', 0.2, 0.3, 'group', 0, 0.08));
  });

  it('a sweep whose table would be too large, before anything runs', () => {
    const text = townExperiment({ design: '{ kind: latin-hypercube, samples: 9000000 }' });
    const bytes = estimateTableBytes(9_000_000 * 2, 3, 3);
    expect(bytes).toBeGreaterThan(TABLE_LIMIT_BYTES);
    check('large.yaml', text, (f) => sweepMessages.tooLarge(at(f, text, '{ kind: latin'), 9_000_000 * 2, 9_000_000, 2, bytes, TABLE_LIMIT_BYTES));
  });
});
