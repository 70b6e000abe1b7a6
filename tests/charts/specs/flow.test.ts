import { describe, expect, it } from 'vitest';
import { flowKey, flowSpec, interventionMarks, placeLabels } from '../../../src/charts/specs/flow.js';
import { fixtureInputs } from '../fixture.js';
import { expectPublishable, titleOf } from '../helpers.js';

describe('flow chart', () => {
  it('is a publishable spec with the interventions as rules', () => {
    const spec = flowSpec(fixtureInputs());
    expectPublishable(spec);
    const json = JSON.stringify(spec);
    expect(json).toContain('"strokeDash"');
    expect(json).toContain('"domainMin":0');
  });

  it('numbers the rules and keys them under the title when the labels cannot all sit beside them', () => {
    const inputs = fixtureInputs();
    const marks = interventionMarks(inputs);
    expect(marks.map((m) => m.text)).toEqual(['1', '2', '3']);
    const key = flowKey(marks);
    expect(key).toEqual([
      '1: Border controls start (border-controls), 15 January 2015',
      '2: Takedowns start (media-takedowns), 1 March 2015',
      '3: Takedowns end (media-takedowns), 1 September 2015',
    ]);
    expect(titleOf(flowSpec(inputs)!).subtitle).toEqual(expect.arrayContaining(key));
  });

  it('labels the rules directly when they fit, and leaves out dates outside the period', () => {
    const inputs = fixtureInputs();
    inputs.interventions = [
      { scenario: 'border-controls', label: 'Border controls start', date: '2015-01-15' },
      { scenario: 'border-controls', label: 'Outside', date: '2016-03-01' },
    ];
    const marks = interventionMarks(inputs);
    expect(marks).toEqual([{ date: '2015-01-15', scenario: 'border-controls', label: 'Border controls start', text: 'Border controls start', row: 0, align: 'left' }]);
    expect(flowKey(marks)).toEqual([]);
    const spec = flowSpec(inputs);
    expectPublishable(spec);
    expect(JSON.stringify(spec)).not.toContain('Outside');
  });

  it('joins labels at one date', () => {
    const inputs = fixtureInputs();
    inputs.interventions = [
      { scenario: 'media-takedowns', label: 'A', date: '2015-03-01' },
      { scenario: 'media-takedowns', label: 'B', date: '2015-03-01' },
    ];
    expect(interventionMarks(inputs).map((m) => m.label)).toEqual(['A; B']);
  });

  it('places labels so that no two overlap and no rule crosses a lower label', () => {
    const cases = [
      [{ x: 10, width: 100 }, { x: 60, width: 100 }, { x: 300, width: 120 }],
      [{ x: 500, width: 150 }, { x: 520, width: 150 }],
      [{ x: 100, width: 80 }, { x: 150, width: 80 }, { x: 200, width: 80 }, { x: 250, width: 80 }],
    ];
    for (const items of cases) {
      const placed = placeLabels(items, 580, items.length);
      expect(placed).toHaveLength(items.length);
      const labels = items.map((it, i) => {
        const { row, align } = placed![i]!;
        const [left, right] = align === 'left' ? [it.x, it.x + it.width] : [it.x - it.width, it.x];
        return { x: it.x, row, left, right };
      });
      for (const a of labels) {
        for (const b of labels) {
          if (a === b) continue;
          if (a.row === b.row) expect(a.right <= b.left || b.right <= a.left).toBe(true);
          if (b.row < a.row) expect(a.x > b.left && a.x < b.right).toBe(false);
        }
        // labels stay inside the plot (with a little slack)
        expect(a.left).toBeGreaterThanOrEqual(-20);
        expect(a.right).toBeLessThanOrEqual(600);
      }
    }
    expect(placeLabels([{ x: 200, width: 300 }, { x: 290, width: 230 }, { x: 480, width: 220 }], 580, 3)).toBeUndefined();
  });

  it('is skipped without data', () => {
    const inputs = fixtureInputs();
    inputs.flow = [];
    expect(flowSpec(inputs)).toBeUndefined();
  });
});
