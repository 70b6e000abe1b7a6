import { describe, expect, it } from 'vitest';
import { avertedSpec } from '../../../src/charts/specs/averted.js';
import { fixtureInputs, singleScenarioInputs } from '../fixture.js';
import { expectPublishable } from '../helpers.js';

describe('averted chart', () => {
  it('is a publishable spec: world first, then the regions, each on its own scale', () => {
    const spec = avertedSpec(fixtureInputs());
    expectPublishable(spec);
    const panels = (spec as { vconcat: { data: { values: { place: string }[] } }[] }).vconcat;
    expect(panels).toHaveLength(2);
    expect(new Set(panels[0]!.data.values.map((v) => v.place))).toEqual(new Set(['World']));
    expect(panels[1]!.data.values[0]?.place).toBe('Middle East');
    expect(JSON.stringify(spec)).toContain('"resolve":{"scale":{"x":"independent"');
  });

  it('draws median points, 50% and 90% intervals, a zero rule, and dodges the scenarios', () => {
    const json = JSON.stringify(avertedSpec(fixtureInputs()));
    for (const field of ['"p5"', '"p95"', '"p25"', '"p75"', '"median"', '"zero"', '"yOffset"']) expect(json).toContain(field);
    // the reference is the baseline of the differences, not a series
    expect(json).toContain('"domain":["border-controls","media-takedowns"]');
  });

  it('does not dodge a single scenario', () => {
    const inputs = fixtureInputs();
    inputs.averted = inputs.averted.filter((r) => r.scenario === 'border-controls');
    const spec = avertedSpec(inputs);
    expectPublishable(spec);
    expect(JSON.stringify(spec)).not.toContain('yOffset');
  });

  it('is skipped when only one scenario was run or only the reference is listed', () => {
    expect(avertedSpec(singleScenarioInputs())).toBeUndefined();
    const inputs = fixtureInputs();
    inputs.averted = inputs.averted.map((r) => ({ ...r, scenario: 'baseline' }));
    expect(avertedSpec(inputs)).toBeUndefined();
  });
});
