import { describe, expect, it } from 'vitest';
import { cumulativeSpec, startLabel, startValue, worldTargetLabel } from '../../../src/charts/specs/cumulative.js';
import { SCENARIO_COLOURS } from '../../../src/charts/specs/common.js';
import { fixtureInputs, singleScenarioInputs } from '../fixture.js';
import { expectPublishable } from '../helpers.js';
import { sceneItems, textCollisions } from '../scene.js';

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

  it('puts the start label above its dot when the start is near the bottom, clear of the time axis', async () => {
    // a town: 20 travellers at the start, about 470 by the end, no target and no events
    const inputs = singleScenarioInputs();
    delete inputs.worldTarget;
    delete inputs.pathTargets;
    delete inputs.events;
    const n = inputs.cumulative.length;
    inputs.cumulative = inputs.cumulative.map((r, i) => {
      const median = 20 + 450 * (i / (n - 1)) ** 3;
      return { ...r, median, p5: median * 0.6, p25: median * 0.8, p75: median * 1.15, p95: median * 1.3 };
    });
    const items = await sceneItems(cumulativeSpec(inputs)!);
    expect(textCollisions(items)).toEqual([]);
    const label = items.find((i) => i.marktype === 'text' && i.text === startLabel(inputs.startDate, 20))!;
    const dot = items.find((i) => i.marktype === 'symbol' && i.role === 'mark')!;
    expect(label.y2).toBeLessThan(dot.y1);
    // with a start well up the axis (the baseline's 12,900 of 31,000), the label stays below its dot
    const baseline = await sceneItems(cumulativeSpec(singleScenarioInputs())!);
    const below = baseline.find((i) => i.marktype === 'text' && i.text?.startsWith('Start,'))!;
    expect(below.y1).toBeGreaterThan(baseline.find((i) => i.marktype === 'symbol' && i.role === 'mark' && i.x1 < below.x1)!.y2);
  });

  it('is skipped without data', () => {
    const inputs = fixtureInputs();
    inputs.cumulative = [];
    expect(cumulativeSpec(inputs)).toBeUndefined();
  });
});
