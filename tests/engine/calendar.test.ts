import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';

describe('engine/calendar', () => {
  it('gives each day the agents scheduled on it, once, and nothing twice', () => {
    const c = new Calendar(5, 10);
    c.schedule(0, 3);
    c.schedule(1, 3);
    c.schedule(2, 7);
    expect(c.take(3)).toEqual([0, 1]);
    expect(c.take(3)).toEqual([]);
    expect(c.due[2]).toBe(7);
  });

  it('keeps one live entry per agent: a rescheduled or cancelled agent leaves a stale entry the caller skips', () => {
    const c = new Calendar(3, 10);
    c.schedule(0, 2);
    c.schedule(0, 5);
    c.schedule(1, 2);
    c.cancel(1);
    // Day 2's bucket still lists both; neither is due on day 2 any more.
    const live = c.take(2).filter((a) => c.due[a] === 2);
    expect(live).toEqual([]);
    expect(c.take(5).filter((a) => c.due[a] === 5)).toEqual([0]);
    expect(c.due[1]).toBe(-1);
  });

  it('treats a day past the run as no day at all', () => {
    const c = new Calendar(2, 4);
    c.schedule(0, 4);
    c.schedule(1, 5);
    expect(c.due[0]).toBe(4);
    expect(c.due[1]).toBe(-1);
    expect(c.lastDay).toBe(4);
  });
});
