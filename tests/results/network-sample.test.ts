/** The network sample for the report, on a world small enough to follow by hand. */
import { describe, expect, it } from 'vitest';
import { Channel, State } from '../../src/model/states.js';
import { CsrBuilder } from '../../src/network/csr.js';
import { networkSample, sampleCommunity } from '../../src/results/network-sample.js';
import type { World } from '../../src/world/build.js';
import type { WorldPlan } from '../../src/world/plan.js';

/** Town: agents 0–9; Other: agents 10–11. */
function world(): World {
  const b = new CsrBuilder(12);
  for (const [x, y] of [[0, 1], [1, 2], [2, 3], [3, 4], [0, 5], [5, 6], [6, 7], [7, 8], [8, 9], [0, 10], [2, 5], [10, 11]] as const) b.addTie(x, y);
  return {
    communities: [
      { index: 0, name: 'Town', firstAgent: 0, agents: 10, hotbed: false },
      { index: 1, name: 'Other', firstAgent: 10, agents: 2, hotbed: false },
    ],
    ties: b.build(),
  } as unknown as World;
}

function outcome() {
  const n = 12;
  const state = new Uint8Array(n);
  const channel = new Uint8Array(n);
  const recruitedBy = new Int32Array(n).fill(-1);
  const mobilizedOn = new Int32Array(n).fill(-1);
  state[0] = State.Abroad;
  state[1] = State.Abroad;
  state[2] = State.Mobilized;
  state[5] = State.Intercepted;
  const recruit = (a: number, by: number, ch: Channel, day: number) => {
    recruitedBy[a] = by;
    channel[a] = ch;
    mobilizedOn[a] = day;
  };
  recruit(1, 0, Channel.Peer, 5);
  recruit(2, 1, Channel.Group, 5);
  recruit(5, 0, Channel.Peer, 9);
  recruit(3, 10, Channel.Peer, 12); // recruiter in another community: not a chain inside Town
  recruit(11, 10, Channel.Peer, 3);
  return { state, channel, recruitedBy, mobilizedOn };
}

describe('networkSample', () => {
  it('takes recruitment chains first, then neighbours, with ties and recruitments in local ids', () => {
    const s = networkSample(world(), outcome(), 0, 'ref', { size: 6, chains: 4, neighboursPerAgent: 1 });
    // Chain from 0: 0 → 1 → 2 and 0 → 5; then one new neighbour each: 3 (of 2) and 6 (of 5).
    // Local ids follow agent order: 0,1,2,3,5,6 → 0..5.
    expect(s.scenario).toBe('ref');
    expect(s.community).toBe('Town');
    expect(s.nodes).toEqual([
      { id: 0, state: 'abroad', channel: 'none' },
      { id: 1, state: 'abroad', channel: 'peer' },
      { id: 2, state: 'mobilized', channel: 'group' },
      { id: 3, state: 'susceptible', channel: 'peer' },
      { id: 4, state: 'intercepted', channel: 'peer' },
      { id: 5, state: 'susceptible', channel: 'none' },
    ]);
    expect(s.ties).toEqual([{ a: 0, b: 1 }, { a: 0, b: 4 }, { a: 1, b: 2 }, { a: 2, b: 3 }, { a: 2, b: 4 }, { a: 4, b: 5 }]);
    expect(s.recruitments).toEqual([{ recruiter: 0, recruit: 1, day: 5 }, { recruiter: 1, recruit: 2, day: 5 }, { recruiter: 0, recruit: 4, day: 9 }]);
  });

  it('gives the degree distribution within the community (ties to other places left out)', () => {
    const s = networkSample(world(), outcome(), 0, 'ref');
    expect(s.degreeHistogram).toEqual([{ degree: 1, count: 2 }, { degree: 2, count: 6 }, { degree: 3, count: 2 }]);
    // The default sample is larger than the town: everyone reachable is in it.
    expect(s.nodes).toHaveLength(10);
  });

  it('starts from the best-connected agent when nothing happened', () => {
    const quiet = { state: new Uint8Array(12), channel: new Uint8Array(12), recruitedBy: new Int32Array(12).fill(-1), mobilizedOn: new Int32Array(12).fill(-1) };
    const s = networkSample(world(), quiet, 0, 'ref', { size: 3, neighboursPerAgent: 5 });
    expect(s.nodes).toHaveLength(3);
    expect(s.recruitments).toEqual([]);
    expect(s.ties.length).toBeGreaterThanOrEqual(2);
  });

  it('picks the first hotbed community, or else the largest', () => {
    const plan = (hotbeds: boolean[], agents: number[]) => ({ communities: agents.map((a, i) => ({ index: i, agents: a, hotbed: hotbeds[i] })) }) as unknown as WorldPlan;
    expect(sampleCommunity(plan([false, true, true], [10, 5, 50]))).toBe(1);
    expect(sampleCommunity(plan([false, false, false], [10, 50, 20]))).toBe(1);
    expect(sampleCommunity(plan([true, false], [0, 20]))).toBe(1);
  });
});
