import { describe, expect, it } from 'vitest';
import { toleranceSpec, toleranceTitle } from '../../../src/charts/specs/calibration-tolerance.js';
import { compileSpec } from '../../../src/charts/compile.js';
import { calibrationFixture } from '../calibration-fixture.js';
import { expectPublishable, titleOf, vegaAxes } from '../helpers.js';

describe('calibration chart: tolerance by generation', () => {
  it('is a publishable spec with tolerance (log), acceptance rate and ESS panels', () => {
    const spec = toleranceSpec(calibrationFixture());
    expectPublishable(spec);
    expect(titleOf(spec).text).toBe(toleranceTitle);
    const axes = vegaAxes(compileSpec(spec).vega);
    expect(axes.map((a) => a.title)).toEqual(expect.arrayContaining(['Tolerance (distance)', 'Acceptance rate (%)', 'Effective sample size (particles)', 'Generation']));
    expect(axes.find((a) => a.title === 'Tolerance (distance)')!.scaleType).toBe('log');
  });

  it('leaves generation 0 (no tolerance) out of the tolerance panel only', () => {
    const spec = toleranceSpec(calibrationFixture()) as unknown as { hconcat: { data: { values: { generation: number }[] } }[] };
    expect(spec.hconcat.map((v) => v.data.values.map((r) => r.generation))).toEqual([[1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4]]);
    const only0 = calibrationFixture();
    only0.generations = only0.generations.slice(0, 1);
    const one = toleranceSpec(only0);
    expectPublishable(one);
    expect(JSON.stringify(one)).not.toContain('Tolerance (distance)');
  });

  it('is skipped without generations', () => {
    const inputs = calibrationFixture();
    inputs.generations = [];
    expect(toleranceSpec(inputs)).toBeUndefined();
  });
});
