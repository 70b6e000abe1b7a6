import { describe, expect, it } from 'vitest';
import { cumulativeSpec, startLabel, startValue, worldTargetLabel } from '../../../src/charts/specs/cumulative.js';
import { SCENARIO_COLOURS } from '../../../src/charts/specs/common.js';
import { fixtureInputs } from '../fixture.js';
import { expectPublishable } from '../helpers.js';

describe('cumulative chart', () => {
  it('is a publishable spec with the data inlined', () => {
    const spec = cumulativeSpec(fixtureInputs());
    expectPublishable(spec);
    const json = JSON.stringify(spec);
    expect(json).toContain('"median"');
    expect(json).toContain('"p5"');
    expect(json).toContain('"p25"');
  });

  it('gives the reference the first colour and keeps the scenario order', () => {
    const inputs = fixtureInputs();
    // the reference is not listed first: it still comes first
    inputs.meta.scenarios.reverse();
    const json = JSON.stringify(cumulativeSpec(inputs));
    expect(json).toContain(`"domain":["baseline","media-takedowns","border-controls"],"range":["${SCENARIO_COLOURS[0]}","${SCENARIO_COLOURS[1]}","${SCENARIO_COLOURS[2]}"]`);
  });

  it('draws the world target band at its date and the start value', () => {
    const inputs = fixtureInputs();
    const json = JSON.stringify(cumulativeSpec(inputs));
    expect(json).toContain(JSON.stringify(worldTargetLabel({ date: '2015-12-01', low: 27_000, high: 31_000 })));
    expect(worldTargetLabel({ date: '2015-12-01', low: 27_000, high: 31_000 })).toBe('Target 27,000–31,000 (Dec 2015)');
    expect(startValue(inputs)).toEqual({ date: '2014-06-01', value: 12_880 });
    expect(json).toContain(JSON.stringify(startLabel('2014-06-01', 12_880)));
    expect(startLabel('2014-06-01', 12_880)).toBe('Start, Jun 2014: 12,880');
  });

  it('leaves the target out when there is none, and widens the axis for a target after the end', () => {
    const inputs = fixtureInputs();
    delete inputs.worldTarget;
    expect(JSON.stringify(cumulativeSpec(inputs))).not.toContain('Target ');
    const later = fixtureInputs();
    later.worldTarget = { date: '2016-06-01', low: 30_000, high: 34_000, value: 32_000 };
    const spec = cumulativeSpec(later);
    expectPublishable(spec);
    expect(JSON.stringify(spec)).toContain(`"domain":[${Date.UTC(2014, 5, 1)},${Date.UTC(2016, 5, 1)}]`);
  });

  it('is skipped without data', () => {
    const inputs = fixtureInputs();
    inputs.cumulative = [];
    expect(cumulativeSpec(inputs)).toBeUndefined();
  });
});
