/**
 * A date that does not exist is refused alike in every kind of file: scenarios, targets,
 * experiments and calibrations share one date field (scenario/fields.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadCalibration } from '../../src/calibration/load.js';
import { loadScenario } from '../../src/scenario/load.js';
import { loadTargets } from '../../src/scenario/targets.js';
import { loadExperiment } from '../../src/sweep/file.js';
import { townCalibration, townTargets } from '../calibration/helpers.js';
import { at, cleanup, MINIMAL, tempDir, userError, writeFixture, yaml } from '../scenario/fixtures.js';
import { townExperiment } from '../sweep/helpers.js';

afterAll(cleanup);

const UNREAL = '2015-02-30';
/** What the message says about the value, whatever file and path it names. */
const about = (e: { details: { problem: string; expected?: string; found?: string } }) => ({ problem: e.details.problem, expected: e.details.expected, found: e.details.found });

describe('one date field for every file', () => {
  const dir = tempDir();
  const scenario = userError(() => loadScenario(writeFixture(dir, 's.yaml', MINIMAL.replace('end: "2014-09-01"', `end: "${UNREAL}"`))));

  it('a scenario refuses it', () => {
    expect(about(scenario)).toEqual({ problem: 'wrong value', expected: 'a real calendar date', found: `"${UNREAL}"` });
  });

  it('an experiment refuses it in an output\'s date, with the same message and its own place', () => {
    const text = townExperiment({ outputs: [`  - { measure: travelled, date: "${UNREAL}" }`] });
    const file = writeFixture(dir, 'e.yaml', text);
    const e = userError(() => loadExperiment(file, { toolVersion: 'test' }));
    expect(about(e)).toEqual(about(scenario));
    expect(e.details).toMatchObject({ ...at(file, text, `"${UNREAL}"`), path: 'outputs.0.date' });
  });

  it('a calibration refuses it in a period\'s start, and a targets file in its date', () => {
    const targets = townTargets(dir, 't.yaml', 100, 0.2);
    const text = townCalibration({ targets, returnedShare: 0.2, returnedBand: 0.1, population: 10, generations: 1 })
      .replace('targets:\n', `targets:\n  attemptsPerMonth: { Country: { value: 5, from: "${UNREAL}" } }\n`);
    const file = writeFixture(dir, 'c.yaml', text);
    const e = userError(() => loadCalibration(file));
    expect(about(e)).toEqual(about(scenario));
    expect(e.details.path).toBe('targets.attemptsPerMonth.Country.from');

    const bad = writeFixture(dir, 'bad-targets.yaml', yaml('title: t', `date: '${UNREAL}'`, 'world: { value: 1 }'));
    expect(about(userError(() => loadTargets(bad)))).toEqual(about(scenario));
  });
});
