import { describe, expect, it } from 'vitest';
import { fitSpec, fitTitle } from '../../../src/charts/specs/calibration-fit.js';
import { compileSpec } from '../../../src/charts/compile.js';
import { calibrationFixture } from '../calibration-fixture.js';
import { expectPublishable, titleOf, vegaAxes } from '../helpers.js';
import { sceneItems, textCollisions } from '../scene.js';

type Panels = { vconcat: { title: { text: string }; data: { values: { place: string; low: number; high: number; median: number }[] } }[] };

describe('calibration chart: fit by region and country', () => {
  it('is a publishable spec: a regions panel (with the world) and a countries panel, in target order', () => {
    const spec = fitSpec(calibrationFixture());
    expectPublishable(spec);
    expect(titleOf(spec).text).toBe(fitTitle);
    expect(vegaAxes(compileSpec(spec).vega).map((a) => a.title)).toContain('Simulated against the target value (%)');
    const panels = (spec as unknown as Panels).vconcat;
    expect(panels.map((p) => p.title.text)).toEqual(['World and regions', 'Countries']);
    expect(panels[0]!.data.values.map((r) => r.place).slice(0, 3)).toEqual(['World', 'Middle East', 'Maghreb']);
    expect(panels[1]!.data.values[0]).toMatchObject({ place: 'Tunisia', low: 5100, high: 6900 });
  });

  it('points to fit.csv for the targets it does not draw', () => {
    expect(titleOf(fitSpec(calibrationFixture())!).subtitle).toContain('Other targets, in fit.csv: returnedShare.');
  });

  it('draws each place against its own target value, so that a small region is as readable as the world', async () => {
    const inputs = calibrationFixture();
    const spec = fitSpec(inputs)!;
    const rows = (spec as unknown as { vconcat: { data: { values: { place: string; bandLow: number; bandHigh: number; relMedian: number; numbers: string }[] } }[] }).vconcat.flatMap((p) => p.data.values);
    const america = rows.find((r) => r.place === 'North America')!;
    const world = rows.find((r) => r.place === 'World')!;
    // North America's band is 246–332 around 289: −15 % to +15 %, as wide as any other ±15 % band
    expect(america.bandLow).toBeCloseTo(246 / 289 - 1, 6);
    expect(america.bandHigh).toBeCloseTo(332 / 289 - 1, 6);
    expect(world.relMedian).toBeCloseTo(0.98 - 1, 6);
    expect(america.numbers).toBe('289 / 289');
    // drawn: the small region's interval spans tens of pixels (it was a dot at zero on the world's axis in people)
    const items = await sceneItems(spec);
    expect(textCollisions(items)).toEqual([]);
    const intervals = items.filter((i) => i.marktype === 'rule' && i.role === 'mark' && i.y2 - i.y1 < 3).map((i) => i.x2 - i.x1);
    expect(intervals).toHaveLength(inputs.fit.filter((f) => f.level !== 'other').length);
    expect(Math.min(...intervals)).toBeGreaterThan(0.5 * Math.max(...intervals));
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
