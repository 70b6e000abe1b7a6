import { describe, expect, it } from 'vitest';
import { Channel, State, STATE_COUNT, channelNames, stateNames } from '../../src/model/states.js';
import { MEASURES, measureAgents, measureDescriptions, measureIndex, measureNames } from '../../src/statistics/measures.js';

/** A tally of two communities with a distinct count in every cell, so that any mix-up shows. */
function tally() {
  const states = new Int32Array(2 * STATE_COUNT).map((_, i) => 10 + i);
  const recruits = new Int32Array(2 * channelNames.length).map((_, i) => 100 + i);
  const removed = Int32Array.of(7, 9);
  const preparedByMedia = Int32Array.of(3, 5);
  return { states, recruits, removed, preparedByMedia };
}

describe('statistics/measures', () => {
  it('is a table of named, described measures; the names files use are kept, in order', () => {
    expect(measureNames).toEqual(['travelled', 'abroad', 'returned', 'dead', 'intercepted', 'mobilized', 'sympathizers',
      'recruited_media', 'recruited_peer', 'recruited_group', 'recruited_after_media', 'removed']);
    for (const m of MEASURES) expect(measureDescriptions[m.name]).toMatch(/^[A-Z].+\.$/);
    expect(measureIndex('removed')).toBe(11);
  });

  it('sums each measure\'s states, channel, media-prepared recruits or removals over the communities given', () => {
    const t = tally();
    const at = (c: number, s: number) => t.states[c * STATE_COUNT + s]!;
    const rec = (c: number, ch: number) => t.recruits[c * channelNames.length + ch]!;
    const both = measureAgents(t, [0, 1]);
    const expected = (c: number) => [
      at(c, State.Abroad) + at(c, State.Returned) + at(c, State.Dead), at(c, State.Abroad), at(c, State.Returned), at(c, State.Dead),
      at(c, State.Intercepted), at(c, State.Mobilized), at(c, State.Sympathizer),
      rec(c, Channel.Media), rec(c, Channel.Peer), rec(c, Channel.Group), t.preparedByMedia[c]!, t.removed[c]!,
    ];
    expect(Array.from(measureAgents(t, [1]))).toEqual(expected(1));
    expect(Array.from(both)).toEqual(expected(0).map((x, i) => x + expected(1)[i]!));
    expect(Array.from(measureAgents(t, []))).toEqual(new Array(measureNames.length).fill(0));
  });

  it('counts no removals or media-prepared recruits when the tally has none, and every state name is a known state', () => {
    const { states, recruits } = tally();
    expect(measureAgents({ states, recruits }, [0])[measureIndex('removed')]).toBe(0);
    expect(measureAgents({ states, recruits }, [0])[measureIndex('recruited_after_media')]).toBe(0);
    for (const m of MEASURES) if ('states' in m.count) for (const s of m.count.states) expect(stateNames[s]).toBeDefined();
  });
});
