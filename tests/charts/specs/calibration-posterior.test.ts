import { describe, expect, it } from 'vitest';
import { panelData, posteriorSpec, posteriorTitle } from '../../../src/charts/specs/calibration-posterior.js';
import { compileSpec } from '../../../src/charts/compile.js';
import { calibrationFixture } from '../calibration-fixture.js';
import { expectPublishable, titleOf, vegaAxes } from '../helpers.js';

describe('calibration chart: posterior against prior', () => {
  it('is a publishable spec: one titled panel per parameter, axes with units', () => {
    const spec = posteriorSpec(calibrationFixture());
    expectPublishable(spec);
    expect(titleOf(spec).text).toBe(posteriorTitle);
    const json = JSON.stringify(spec);
    for (const name of ['peer', 'group', 'susceptibility']) expect(json).toContain(`"text":"${name}"`);
    const titles = vegaAxes(compileSpec(spec).vega).map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['Value (log scale)', 'Value (linear scale)', 'Density (per decade)', 'Density (per unit)']));
  });

  it('draws log-uniform priors on a log axis, the others on a linear one', () => {
    const types = vegaAxes(compileSpec(posteriorSpec(calibrationFixture())!).vega).filter((a) => a.title?.startsWith('Value')).map((a) => a.scaleType);
    expect(types).toEqual(['log', 'linear', 'linear']);
  });

  it('normalizes the histogram and the prior to the same unit (a log-uniform prior is flat per decade)', () => {
    const [peer, group] = calibrationFixture().parameters;
    const d = panelData(peer!);
    const mass = d.bins.reduce((s, b) => s + b.density * (Math.log10(b.x1) - Math.log10(b.x0)), 0);
    expect(mass).toBeCloseTo(1, 9);
    for (const c of d.curve) expect(c.density).toBeCloseTo(1, 9); // one decade, 0.001–0.01
    const g = panelData(group!);
    expect(g.bins.reduce((s, b) => s + b.density * (b.x1 - b.x0), 0)).toBeCloseTo(1, 9);
    expect(g.curve[0]!.density).toBeCloseTo(10, 9);
  });

  it('is skipped without parameters', () => {
    const inputs = calibrationFixture();
    inputs.parameters = [];
    expect(posteriorSpec(inputs)).toBeUndefined();
  });
});
