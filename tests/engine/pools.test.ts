import { describe, expect, it } from 'vitest';
import { Pools } from '../../src/engine/pools.js';
import { Calendar } from '../../src/engine/calendar.js';

describe('engine/pools', () => {
  it('keeps each community\'s members in its own slice and removes in O(1) by swapping', () => {
    const pools = new Pools(6, Int32Array.from([0, 3]));
    [0, 1, 2].forEach((a) => pools.add(0, a));
    [3, 4, 5].forEach((a) => pools.add(1, a));
    pools.remove(0, 0);
    expect(pools.size[0]).toBe(2);
    expect(new Set([pools.member(0, 0), pools.member(0, 1)])).toEqual(new Set([1, 2]));
    pools.remove(0, 0); // removing twice is harmless
    expect(pools.size[0]).toBe(2);
    pools.remove(1, 5);
    pools.remove(1, 3);
    expect(pools.size[1]).toBe(1);
    expect(pools.member(1, 0)).toBe(4);
  });
});

describe('engine/calendar', () => {
  it('keeps only the latest day for an agent and cancels past the last day', () => {
    const cal = new Calendar(3, 10);
    cal.schedule(0, 5);
    cal.schedule(0, 7);
    cal.schedule(1, 5);
    cal.schedule(2, 11);
    expect(cal.due[2]).toBe(-1);
    const five = cal.take(5).filter((a) => cal.due[a] === 5);
    expect(five).toEqual([1]);
    expect(cal.take(7).filter((a) => cal.due[a] === 7)).toEqual([0]);
  });
});

describe('engine/pools untracked', () => {
  it('adds and removes nothing and holds no memory when the run never picks from it', () => {
    const pools = new Pools(6, Int32Array.from([0, 3]), false);
    pools.add(0, 1);
    pools.remove(0, 1);
    expect(pools.size[0]).toBe(0);
    expect(pools.items.length).toBe(0);
  });
});
