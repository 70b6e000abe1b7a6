/** The scenario's history for the time charts: labelled interventions at their start dates. */
import { describe, expect, it } from 'vitest';
import { historyEvents } from '../../src/results/history-events.js';
import type { Intervention } from '../../src/scenario/schema.js';

const period = { start: '2014-06-01', end: '2015-12-01' };
const pull = (label: string | undefined, start: string): Intervention => ({ kind: 'pull', start, ramp: 0, strength: 1.5, target: 'world', ...(label ? { label } : {}) }) as Intervention;

describe('historyEvents', () => {
  it('keeps the labelled interventions inside the period, by date', () => {
    const events = historyEvents([{ name: 'a', interventions: [pull('Later', '2015-01-26'), pull(undefined, '2014-07-01'), pull('First', '2014-06-29'), pull('After', '2016-01-01')] }], period);
    expect(events).toEqual([
      { label: 'First', date: '2014-06-29', kind: 'pull' },
      { label: 'Later', date: '2015-01-26', kind: 'pull' },
    ]);
  });

  it('merges an event several scenarios share, and names the scenarios of one that not all have', () => {
    const shared = pull('Shared', '2014-06-29');
    const events = historyEvents([{ name: 'a', interventions: [shared] }, { name: 'b', interventions: [shared, pull('Own', '2014-09-01')] }], period);
    expect(events).toEqual([
      { label: 'Shared', date: '2014-06-29', kind: 'pull' },
      { label: 'Own', date: '2014-09-01', kind: 'pull', scenarios: ['b'] },
    ]);
  });

  it('is empty without interventions', () => {
    expect(historyEvents([{ name: 'a', interventions: [] }], period)).toEqual([]);
  });
});
