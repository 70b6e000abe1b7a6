/** The calibrated parameter file: values at their paths, merged back into the calibrated scenario by `extends`. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { calibratedYaml, fitRows } from '../../src/calibration/outputs.js';
import { loadScenario } from '../../src/scenario/load.js';
import { tempDir, writeFixture, yaml } from '../scenario/fixtures.js';
import { TOWN } from './helpers.js';

const dir = tempDir('hotbed-calibration-outputs-');

describe('calibratedYaml', () => {
  it('writes list items by name and interventions by label, so that extends merges them', () => {
    writeFixture(dir, 'parent.yaml', yaml(
      `extends: ${JSON.stringify(TOWN)}`,
      'interventions:',
      '  - kind: prevention',
      '    label: Town programme',
      "    start: '2014-09-01'",
      '    influenceReduction: 0.2',
      '  - kind: media-takedown',
      "    start: '2014-10-01'",
      '    reduction: 0.5',
    ));
    const text = calibratedYaml({
      header: ['test'],
      extendsPath: 'parent.yaml',
      values: [
        { path: 'channels.peer.cascade.probability', value: 0.0031234567 },
        { path: 'places.regions.Region.countries.Country.susceptibility', value: 1.5 },
        { path: 'interventions.Town programme.influenceReduction', value: 0.65 },
      ],
    });
    expect(parse(text)).toEqual({
      extends: 'parent.yaml',
      channels: { peer: { cascade: { probability: 0.003123 } } },
      places: { regions: [{ name: 'Region', countries: [{ name: 'Country', susceptibility: 1.5 }] }] },
      interventions: [{ label: 'Town programme', influenceReduction: 0.65 }],
    });
    const { scenario } = loadScenario(writeFixture(dir, 'calibrated.yaml', text));
    expect(scenario.channels.peer.cascade.probability).toBe(0.003123);
    expect(scenario.places.regions[0]!.countries[0]!.susceptibility).toBe(1.5);
    expect(scenario.interventions).toMatchObject([
      { kind: 'prevention', label: 'Town programme', start: '2014-09-01', influenceReduction: 0.65 },
      { kind: 'media-takedown', reduction: 0.5 },
    ]);
  });
});

describe('fitRows', () => {
  const generation = (values: number[]) => ({ stats: values.map((v) => [v]), weights: values.map(() => 1) }) as unknown as Parameters<typeof fitRows>[0];
  const spread = Array.from({ length: 101 }, (_, i) => 70 + i * 0.2); // 70 … 90

  it('a two-sided target is forecast when its value lies inside the predictive 5–95 %', () => {
    const row = (value: number) => fitRows(generation(spread), [{ name: 'x', value, low: value - 5, high: value + 5, weight: 0, heldOut: true }], 'band')[0]!;
    expect(row(80).valueInPredictive).toBe(true);
    expect(row(95).valueInPredictive).toBe(false);
    expect(row(65).valueInPredictive).toBe(false);
  });

  it('a one-sided target ("at least") is forecast when the predictive 5–95 % reaches its range', () => {
    const row = (low: number) => fitRows(generation(spread), [{ name: 'x', value: low, low, high: Infinity, weight: 0, heldOut: true }], 'band')[0]!;
    expect(row(60).valueInPredictive).toBe(true);   // every forecast meets the bound
    expect(row(86).valueInPredictive).toBe(true);   // the upper part of the interval meets it
    expect(row(95).valueInPredictive).toBe(false);  // no forecast in the interval reaches it
  });
});
