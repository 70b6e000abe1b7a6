import { describe, expect, it } from 'vitest';
import { predictiveSpec, predictiveTitle } from '../../../src/charts/specs/calibration-predictive.js';
import { compileSpec } from '../../../src/charts/compile.js';
import { calibrationFixture } from '../calibration-fixture.js';
import { expectPublishable, titleOf, vegaAxes } from '../helpers.js';

describe('calibration chart: posterior predictive', () => {
  it('is a publishable spec with the median and the 50 % and 90 % bands', () => {
    const spec = predictiveSpec(calibrationFixture());
    expectPublishable(spec);
    expect(titleOf(spec).text).toBe(predictiveTitle);
    expect(vegaAxes(compileSpec(spec).vega).map((a) => a.title)).toEqual(expect.arrayContaining(['Travelled, cumulative (people)', 'Month']));
    const json = JSON.stringify(spec);
    for (const field of ['"median"', '"p5"', '"p25"', '"p75"', '"p95"']) expect(json).toContain(field);
  });

  it('draws the December 2015 target band and the June 2014 start', () => {
    const json = JSON.stringify(predictiveSpec(calibrationFixture()));
    expect(json).toContain('"Target 27,000–31,000 (Dec 2015)"');
    expect(json).toContain('"Start, Jun 2014: 12,880"');
    const none = calibrationFixture();
    delete none.worldTarget;
    expect(JSON.stringify(predictiveSpec(none))).not.toContain('Target ');
  });

  it('widens the time axis to a target after the last trace date', () => {
    const inputs = calibrationFixture();
    inputs.endDate = '2015-06-01';
    inputs.trace = inputs.trace.filter((r) => r.date <= '2015-06-01');
    expect(JSON.stringify(predictiveSpec(inputs))).toContain(`"domain":[${Date.UTC(2014, 5, 1)},${Date.UTC(2015, 11, 1)}]`);
  });

  it('is skipped without a trace', () => {
    const inputs = calibrationFixture();
    inputs.trace = [];
    expect(predictiveSpec(inputs)).toBeUndefined();
  });
});
