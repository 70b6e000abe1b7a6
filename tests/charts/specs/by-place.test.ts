import { describe, expect, it } from 'vitest';
import { byPlaceSpec } from '../../../src/charts/specs/by-place.js';
import { fixtureInputs } from '../fixture.js';
import { expectPublishable, titleOf } from '../helpers.js';

describe('by-place chart', () => {
  it('is a publishable spec: regions, then top countries, scenarios side by side', () => {
    const spec = byPlaceSpec(fixtureInputs());
    expectPublishable(spec);
    const panels = (spec as { vconcat: { data: { values: { place: string; scenario: string }[] } }[] }).vconcat;
    expect(panels).toHaveLength(2);
    expect(panels[0]!.data.values[0]?.place).toBe('Middle East');
    expect(panels[1]!.data.values.some((v) => v.place === 'Tunisia')).toBe(true);
    expect(new Set(panels[0]!.data.values.map((v) => v.scenario)).size).toBe(3);
    expect(JSON.stringify(spec)).toContain('"yOffset"');
  });

  it('marks each target once per place, and only where there is one', () => {
    const json = JSON.stringify(byPlaceSpec(fixtureInputs()));
    // Middle East's target (8,240 ±15%) appears once, not once per scenario
    expect(json.match(/"place":"Middle East","low":7004/g)).toHaveLength(1);
    expect(json).not.toMatch(/"place":"Rest of world","low"/);
  });

  it('says nothing of targets when there are none', () => {
    const inputs = fixtureInputs();
    inputs.byPlace = inputs.byPlace.map(({ target: _, ...r }) => r);
    const spec = byPlaceSpec(inputs);
    expectPublishable(spec);
    expect(titleOf(spec).subtitle.join(' ')).not.toContain('target');
    expect(JSON.stringify(spec)).not.toContain('"low"');
  });

  it('draws a country-only input as one panel, and is skipped without data', () => {
    const inputs = fixtureInputs();
    inputs.byPlace = inputs.byPlace.filter((r) => r.level === 'country');
    const spec = byPlaceSpec(inputs);
    expectPublishable(spec);
    expect((spec as { vconcat: unknown[] }).vconcat).toHaveLength(1);
    inputs.byPlace = [];
    expect(byPlaceSpec(inputs)).toBeUndefined();
  });
});
