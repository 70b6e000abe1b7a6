import { describe, expect, it } from 'vitest';
import { fitSpec, fitTitle } from '../../../src/charts/specs/calibration-fit.js';
import { compileSpec } from '../../../src/charts/compile.js';
import { calibrationFixture } from '../calibration-fixture.js';
import { expectPublishable, titleOf, vegaAxes } from '../helpers.js';

type Panels = { vconcat: { title: { text: string }; data: { values: { place: string; low: number; high: number; median: number }[] } }[] };

describe('calibration chart: fit by region and country', () => {
  it('is a publishable spec: a regions panel (with the world) and a countries panel, in target order', () => {
    const spec = fitSpec(calibrationFixture());
    expectPublishable(spec);
    expect(titleOf(spec).text).toBe(fitTitle);
    expect(vegaAxes(compileSpec(spec).vega).map((a) => a.title)).toContain('Travelled, cumulative (people)');
    const panels = (spec as unknown as Panels).vconcat;
    expect(panels.map((p) => p.title.text)).toEqual(['World and regions', 'Countries']);
    expect(panels[0]!.data.values.map((r) => r.place).slice(0, 3)).toEqual(['World', 'Middle East', 'Maghreb']);
    expect(panels[1]!.data.values[0]).toMatchObject({ place: 'Tunisia', low: 5100, high: 6900 });
  });

  it('points to fit.csv for the targets it does not draw', () => {
    expect(titleOf(fitSpec(calibrationFixture())!).subtitle.join(' ')).toContain('Other targets (returnedShare): see fit.csv.');
  });

  it('draws one panel when there are no countries, none when there is no place target', () => {
    const inputs = calibrationFixture();
    inputs.fit = inputs.fit.filter((f) => f.level !== 'country');
    const spec = fitSpec(inputs);
    expectPublishable(spec);
    expect((spec as unknown as Panels).vconcat).toHaveLength(1);
    inputs.fit = inputs.fit.filter((f) => f.level === 'other');
    expect(fitSpec(inputs)).toBeUndefined();
  });

  it('draws the calibrated point beside the posterior when the fit has one (and says so), only where it has a value', () => {
    const inputs = calibrationFixture();
    expect(titleOf(fitSpec(inputs)!).subtitle.join(' ')).not.toContain('calibrated point');
    inputs.fit = inputs.fit.map((f, i) => (i === 1 ? f : { ...f, point: f.target * 1.01 }));
    const spec = fitSpec(inputs);
    expectPublishable(spec);
    expect(titleOf(spec!).subtitle.join(' ')).toContain('Orange diamond: the calibrated point (calibrated.yaml), median over its own runs.');
    const panels = (spec as unknown as { vconcat: { data: { values: { place: string; point: number | null }[] }; layer: { mark: { shape?: string } }[] }[] }).vconcat;
    expect(panels[0]!.layer.some((l) => l.mark.shape === 'diamond')).toBe(true);
    expect(panels[0]!.data.values.find((v) => v.place === 'World')!.point).toBeCloseTo(29_290);
    expect(panels[0]!.data.values.find((v) => v.place === 'Middle East')!.point).toBeNull();
  });
});
