/**
 * Calibration files: the shipped ones load; every mistake is one message naming the
 * file, line, path, expected and found (compared with the builders in messages.ts).
 */
import { relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCalibration } from '../../src/calibration/load.js';
import { messages } from '../../src/messages/scenario.js';
import { at, cleanup, tempDir, userError, writeFixture, yaml } from '../scenario/fixtures.js';
import { BASELINE, PEER, RETURN, SOUFAN, TOWN, townCalibration, townTargets } from './helpers.js';

afterAll(cleanup);

/** The scenario as messages name it: relative to the working folder. */
const town = relative(process.cwd(), TOWN);

const dir = tempDir('hotbed-calibration-file-');
const targets = townTargets(dir, 'targets.yaml', 350, 0.25);
const GOOD = townCalibration({ targets, returnedShare: 0.1, returnedBand: 0.03, population: 20, generations: 3 });
let n = 0;
const write = (text: string) => writeFixture(dir, `calibration-${++n}.yaml`, text);
/** The error of a variant of GOOD with `from` replaced by `to`, and where `to` (+ skip) is in the file. */
function fails(from: string, to: string, skip = 0) {
  const text = GOOD.replace(from, to);
  if (text === GOOD) throw new Error(`fixture does not contain ${from}`);
  const file = write(text);
  return { error: userError(() => loadCalibration(file)), where: (needle = to, s = skip) => at(file, text, needle, s), file };
}

describe('calibration files that load', () => {
  it('the shipped calibration of the baseline and its CI variant', () => {
    for (const name of ['calibration.yaml', 'calibration-ci.yaml']) {
      const c = loadCalibration(BASELINE.replace('baseline.yaml', name));
      expect(c.parameters.map((p) => p.name)).toEqual(['media_exposure', 'peer_probability', 'group_probability', 'return_rate',
        'susceptibility_middle_east', 'susceptibility_maghreb', 'susceptibility_western_europe', 'susceptibility_former_soviet',
        'susceptibility_balkans', 'susceptibility_southeast_asia', 'susceptibility_north_america', 'susceptibility_tunisia', 'susceptibility_germany', 'susceptibility_belgium',
        'us_enforcement', 'caliphate_pull', 'national_laws', 'losing_ground_pull', 'turkey_interception', 'tal_abyad_travel']);
      // December 2015: world, 7 regions, 11 countries, returned share, countries represented, US attempts and attempts a month,
      // Tunisia's share from two towns; then the path: the ICSR's world and Western Europe, October 2014, the flow and its slowing.
      expect(c.targets).toHaveLength(29);
      expect(c.targets.slice(24).map((t) => [t.name, t.statistic.date])).toEqual([
        ['world@2015-01-26', '2015-01-26'], ['region:Western Europe@2015-01-26', '2015-01-26'], ['world_2014-10-31', '2014-10-31'],
        ['flow_2014-07_2015-06', '2015-07-01'], ['slowing_2015-09_2015-11', '2015-12-01'],
      ]);
      expect(c.targets.find((t) => t.name === 'slowing_2015-09_2015-11')!.source).toContain('Gersten');
      expect(c.targets[0]).toMatchObject({ name: 'world', value: 29000, low: 27000, high: 31000, weight: 4 });
      expect(c.targets.find((t) => t.name === 'country:Morocco')).toMatchObject({ weight: 0.5, low: 840, high: 1560 });
      expect(c.targets.find((t) => t.name === 'countriesRepresented')).toMatchObject({ value: 86, high: Infinity });
      expect(c.targets.find((t) => t.name === 'attempted:United States')).toMatchObject({ value: 250, low: 175, high: 325, weight: 0.5 });
      expect(c.targets.find((t) => t.name === 'attemptsPerMonth:United States')).toMatchObject({ low: 0, high: 5, statistic: { from: '2015-08-01' } });
      expect(c.targets.find((t) => t.name === 'shareFrom:Tunisia')).toMatchObject({ low: 0.2, high: 0.5, statistic: { communities: ['Bizerte', 'Ben Gardane'] } });
      expect(c.targetDate).toBe('2015-12-01');
      expect(c.loaded.scenario.scale).toBe(name === 'calibration.yaml' ? 10 : 25);
    }
  });

  it('a test file: paths, priors, defaults and a fingerprint that ignores the stopping budget only', () => {
    const c = loadCalibration(write(GOOD));
    expect(c.parameters).toEqual([
      { name: 'peer', path: PEER, prior: { kind: 'log-uniform', low: 0.001, high: 0.01 }, note: undefined },
      { name: 'return', path: RETURN, prior: { kind: 'log-uniform', low: 0.0002, high: 0.005 }, note: undefined },
    ]);
    expect(c.distance).toBe('band');
    expect(c.budget).toEqual({ population: 20, generations: 3, minTolerance: 0, quantile: 0.5, minAcceptanceRate: 0.01 });
    expect(c.targets.map((t) => t.name)).toEqual(['world', 'returnedShare']);
    const longer = loadCalibration(write(GOOD.replace('generations: 3', 'generations: 9')));
    expect(longer.fingerprint).toBe(c.fingerprint);
    const reseeded = loadCalibration(write(GOOD.replace('seed: 1', 'seed: 2')));
    expect(reseeded.fingerprint).not.toBe(c.fingerprint);
  });

  it('names default to paths; normal priors; weights by place; a targets path as plain text', () => {
    const file = write(yaml(
      `scenario: ${JSON.stringify(BASELINE)}`,
      'scale: 50',
      'parameters:',
      '  - path: places.regions.Maghreb.countries.Tunisia.susceptibility',
      '    prior: { kind: normal, mean: 1.3, sd: 0.3, low: 0.5, high: 3 }',
      '  - path: channels.group.probability',
      '    prior: { kind: uniform, low: 0, high: 0.06 }',
      'targets:',
      `  file: ${JSON.stringify(SOUFAN)}`,
      '  weights: { countries: { Morocco: 0.25, "*": 0.5 } }',
      'budget: { population: 10, generations: 2 }',
    ));
    const c = loadCalibration(file);
    expect(c.parameters[0]!.name).toBe('places.regions.Maghreb.countries.Tunisia.susceptibility');
    expect(c.targets.find((t) => t.name === 'country:Morocco')!.weight).toBe(0.25);
    expect(c.targets.find((t) => t.name === 'country:Tunisia')!.weight).toBe(0.5);
    expect(c.targets.find((t) => t.name === 'region:Maghreb')!.weight).toBe(1);
    const plain = loadCalibration(write(yaml(`scenario: ${JSON.stringify(TOWN)}`, 'parameters:', `  - { path: ${PEER}, prior: { kind: uniform, low: 0.001, high: 0.01 } }`,
      `targets: ${JSON.stringify(targets)}`, 'budget: { population: 5, generations: 1 }')));
    expect(plain.targets.map((t) => t.name)).toEqual(['world']);
  });
});

describe('calibration files with mistakes: one message each', () => {
  it('targets beyond the published counts naming an unknown country or community, or a period outside the run', () => {
    const base = GOOD.replace('  returnedShare:', '  EXTRA\n  returnedShare:');
    const variant = (extra: string) => {
      const text = base.replace('  EXTRA', extra);
      const file = write(text);
      return { error: userError(() => loadCalibration(file)), file, text };
    };
    const country = variant('  attempted: { Contry: { value: 100 } }');
    expect(country.error.message).toBe(messages.calibrationUnknownTarget(at(country.file, country.text, 'Contry'), 'targets.attempted.Contry', 'country', 'Contry', 'did you mean "Country"?').message);
    const town = variant('  shareFrom: { Country: { communities: [Twn], value: 0.3, low: 0.2, high: 0.5 } }');
    expect(town.error.message).toBe(messages.calibrationUnknownTarget(at(town.file, town.text, 'Twn'), 'targets.shareFrom.Country.communities', 'community of Country', 'Twn', 'did you mean "Town"?').message);
    const period = variant("  attemptsPerMonth: { Country: { from: '2016-01-01', value: 2, low: 0, high: 5 } }");
    expect(period.error.message).toBe(messages.wrongValue(at(period.file, period.text, "'2016-01-01'"), 'targets.attemptsPerMonth.Country.from', 'a date from 2014-06-01 to before 2015-06-01', '2016-01-01').message);
    const band = variant('  attempted: { Country: { value: 100, low: 120, high: 150 } }');
    expect(band.error.message).toBe(messages.wrongValue(at(band.file, band.text, '{ value: 100, low: 120, high: 150 }'), 'targets.attempted.Country', 'low ≤ value ≤ high', 'low 120, value 100, high 150').message);
  });

  it('a parameter of an intervention without a label (calibrated.yaml finds interventions by label)', () => {
    const scenario = writeFixture(dir, 'with-intervention.yaml', yaml(
      `extends: ${JSON.stringify(TOWN)}`,
      'interventions:',
      "  - { kind: prevention, start: '2014-09-01' }",
    ));
    const text = GOOD.replace(`scenario: ${JSON.stringify(TOWN)}`, `scenario: ${JSON.stringify(scenario)}`)
      .replace(`path: ${RETURN}`, 'path: interventions.0.influenceReduction');
    const file = write(text);
    const error = userError(() => loadCalibration(file));
    expect(error.message).toBe(messages.wrongValue(at(file, text, 'interventions.0.influenceReduction'), 'parameters.return.path',
      'a parameter of an intervention that has a label (calibrated.yaml finds interventions by label)', 'interventions.0.influenceReduction (no label)').message);
  });

  it('an unknown parameter (not in the scenario\'s schema), with a did-you-mean', () => {
    const { error, where } = fails(`path: ${PEER}`, 'path: channels.peer.cascade.probabilty', 'path: '.length);
    expect(error.message).toBe(messages.calibrationUnknownParameter(where(), 'parameters.peer.path', 'channels.peer.cascade.probabilty', town,
      'unknown parameter "probabilty"', 'did you mean "probability"?').message);
    expect(error.message).toMatch(/calibration-\d+\.yaml:\d+:\d+: parameters\.peer\.path: "channels\.peer\.cascade\.probabilty" is not a parameter of .*town\.yaml: unknown parameter "probabilty"; did you mean "probability"\?$/);
  });

  it('an unknown place in a parameter path', () => {
    const { error, where } = fails(`path: ${PEER}`, 'path: places.regions.Region.countries.Contry.susceptibility', 'path: '.length);
    expect(error.message).toBe(messages.calibrationUnknownParameter(where(), 'parameters.peer.path', 'places.regions.Region.countries.Contry.susceptibility', town,
      'nothing named "Contry"', 'did you mean "Country"?').message);
  });

  it('a parameter that is not a number', () => {
    const { error, where } = fails(`path: ${PEER}`, 'path: channels.peer.rule', 'path: '.length);
    expect(error.message).toBe(messages.calibrationNotANumber(where(), 'parameters.peer.path', 'channels.peer.rule', 'cascade').message);
  });

  it('a prior whose lower bound is above its upper bound', () => {
    const { error, where } = fails('low: 0.001, high: 0.01', 'low: 0.01, high: 0.001');
    expect(error.message).toBe(messages.priorBoundsReversed(where('{ kind: log-uniform, low: 0.01'), 'parameters.peer.prior', 0.01, 0.001).message);
  });

  it('a prior reaching values the scenario refuses', () => {
    const { error, where } = fails('low: 0.001, high: 0.01', 'low: 0.001, high: 2');
    expect(error.message).toBe(messages.priorOutsideScenario(where('{ kind: log-uniform, low: 0.001, high: 2'), 'parameters.peer.prior', PEER, 2, 'a number ≤ 1').message);
  });

  it('a misspelt prior kind, with a did-you-mean', () => {
    const { error, where } = fails('kind: log-uniform, low: 0.001', 'kind: log-unifrom, low: 0.001', 'kind: '.length);
    expect(error.message).toBe(messages.wrongValue(where(), 'parameters.peer.prior.kind', 'one of "uniform", "log-uniform", "normal"', 'log-unifrom', 'did you mean "log-uniform"?').message);
  });

  it('the same parameter twice', () => {
    const { error, where } = fails(`path: ${RETURN}`, `path: ${PEER}`, 'path: '.length);
    expect(error.message).toBe(messages.calibrationDuplicateParameter(where(`path: ${PEER}, name: return`, 'path: '.length), 'parameters.return.path', PEER).message);
  });

  it('a target for a place the scenario does not have (in the targets file)', () => {
    const text = yaml('title: Bad', "date: '2015-06-01'", 'world: { value: 100 }', 'countries:', '  Contry: { value: 50 }');
    const bad = writeFixture(dir, 'bad-targets.yaml', text);
    const { error } = fails(JSON.stringify(targets), JSON.stringify(bad));
    expect(error.message).toBe(messages.unknownPlace(at(bad, text, 'Contry'), 'countries.Contry', 'country', 'Contry', 'did you mean "Country"?').message);
  });

  it('a weight for a target that does not exist', () => {
    const { error, where } = fails('  returnedShare:', '  weights: { regions: { Regoin: 2 } }\n  returnedShare:', '  weights: { regions: { '.length);
    expect(error.message).toBe(messages.calibrationUnknownTarget(where(), 'targets.weights.regions.Regoin', 'region', 'Regoin').message);
  });

  it('targets dated outside the scenario\'s run', () => {
    const text = yaml('title: Late', "date: '2016-06-01'", 'world: { value: 100 }');
    const late = writeFixture(dir, 'late-targets.yaml', text);
    const { error } = fails(JSON.stringify(targets), JSON.stringify(late));
    expect(error.message).toBe(messages.calibrationTargetDate(at(late, text, "'2016-06-01'"), '2016-06-01', '2014-06-01', '2015-06-01').message);
  });

  it('a zero budget', () => {
    for (const [from, to, path] of [
      ['population: 20', 'population: 0', 'budget.population'],
      ['generations: 3', 'generations: 0', 'budget.generations'],
    ] as const) {
      const { error, where } = fails(from, to, to.indexOf('0'));
      expect(error.message).toBe(messages.wrongValue(where(), path, 'a number ≥ 1', 0).message);
    }
    const { error, where } = fails('minTolerance: 0 }', 'minTolerance: 0, maxSimulations: 10 }', 'minTolerance: 0, maxSimulations: '.length);
    expect(error.message).toBe(messages.calibrationBudgetBelowPopulation(where(), 10, 20).message);
  });

  it('a scenario that does not exist, and an unknown key', () => {
    const missing = fails(`scenario: ${JSON.stringify(TOWN)}`, 'scenario: nowhere.yaml', 'scenario: '.length);
    expect(missing.error.message).toBe(messages.wrongValue(missing.where(), 'scenario', 'the path of an existing scenario file', 'nowhere.yaml').message);
    const key = fails('budget: {', 'budgte: {');
    expect(key.error.message).toBe(messages.unknownKey(key.where(), 'budgte', 'budgte', 'did you mean "budget"?').message);
  });

  it('messages are one line without a stack', () => {
    const { error } = fails('population: 20', 'population: -3');
    expect(error.message).not.toMatch(/\n/);
    expect(error.message).toMatch(/^.*calibration-\d+\.yaml:\d+:\d+: budget\.population: wrong value \(expected a number ≥ 1, found -3\)$/);
  });
});
