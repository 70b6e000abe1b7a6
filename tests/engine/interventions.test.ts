import { describe, expect, it } from 'vitest';
import { Channel, State } from '../../src/model/states.js';
import { runTiny, tinyWorld } from './fixture.js';

const star = (leaves: number, hub = 0): [number, number][] => Array.from({ length: leaves }, (_, i) => [hub, hub + 1 + i] as [number, number]);

describe('engine/simulation: interventions', () => {
  it('prevention with influence reduction 1 stops peer and group recruitment', () => {
    const ties = star(8);
    const base = runTiny(tinyWorld(9, ties, { 0: State.Abroad }), { peer: { cascade: { probability: 1 } }, group: { probability: 1 } });
    expect(base.tally.recruits[Channel.Peer]! + base.tally.recruits[Channel.Group]!).toBe(8);
    const prevented = runTiny(tinyWorld(9, ties, { 0: State.Abroad }, {
      interventions: [{ kind: 'prevention', start: '2014-06-01', influenceReduction: 1, target: { community: 'C' } }],
    }), { peer: { cascade: { probability: 1 } }, group: { probability: 1 } });
    expect(prevented.tally.recruits[Channel.Peer]! + prevented.tally.recruits[Channel.Group]!).toBe(0);
  });

  it('prevention can win sympathizers back on its start date', () => {
    const t = tinyWorld(50, [], {}, {
      interventions: [
        { kind: 'media-takedown', start: '2014-06-05', reduction: 1 },
        { kind: 'prevention', start: '2014-06-05', influenceReduction: 0, sympathizersBack: 1 },
      ],
    });
    const sympathizers: number[] = [];
    runTiny(t, { media: { exposure: 1 } }, { observer: { recordOn: () => true, record: (_d, tally) => sympathizers.push(tally.states[State.Sympathizer]!) } });
    expect(sympathizers.slice(0, 6)).toEqual([0, 50, 50, 50, 0, 0]);
  });

  it('a travel ban of 1 stops every departure; those stopped are intercepted', () => {
    const t = tinyWorld(21, star(20), { 0: State.Abroad }, { interventions: [{ kind: 'travel-ban', start: '2014-06-01', share: 1 }] });
    const out = runTiny(t, { peer: { cascade: { probability: 1 } }, travel: { minPlanningDays: 2, meanPlanningDays: 2 } });
    const states = Array.from(out.state);
    expect(states.filter((s) => s === State.Abroad).length).toBe(1);
    expect(states.filter((s) => s === State.Intercepted).length).toBe(20);
  });

  it('returnee policy: deterring returnees keep an agent below its threshold, recruiting ones push it over', () => {
    // Agent 3 has two ties abroad (0, 1) and one to a returnee (2); threshold 2.5.
    const ties: [number, number][] = [[0, 3], [1, 3], [2, 3]];
    const initial = { 0: State.Abroad, 1: State.Abroad, 2: State.Returned };
    const channels = { peer: { rule: 'threshold' as const, threshold: { ties: 2.5 } } };
    const deter = runTiny(tinyWorld(4, ties, initial, { interventions: [{ kind: 'returnee-policy', start: '2014-06-01', policy: 'deter' }] }), channels);
    const recruit = runTiny(tinyWorld(4, ties, initial, { interventions: [{ kind: 'returnee-policy', start: '2014-06-01', policy: 'recruit', weight: 1 }] }), channels);
    expect(deter.state[3]).toBe(State.Susceptible);
    expect(recruit.mobilizedOn[3]).toBe(1);
  });

  it('returnee policy changes hazards from its start date, not before', () => {
    const ties: [number, number][] = [[0, 1]];
    const t = tinyWorld(2, ties, { 0: State.Returned }, { interventions: [{ kind: 'returnee-policy', start: '2014-06-10', policy: 'recruit', weight: 1 }] });
    const out = runTiny(t, { peer: { cascade: { probability: 1 }, weights: { returned: 0 } } });
    // 2014-06-10 is day 9: the weight applies to that day's draw, so the success falls on the start date itself.
    expect(out.mobilizedOn[1]).toBe(9);
  });

  it('prosecution removes returnees already back and those who return later; they influence no one', () => {
    const ties: [number, number][] = [[0, 2], [1, 3]];
    const t = tinyWorld(4, ties, { 0: State.Returned, 1: State.Abroad }, { interventions: [{ kind: 'returnee-policy', start: '2014-06-01', policy: 'prosecute' }] });
    const out = runTiny(t, { peer: { cascade: { probability: 1 }, weights: { mobilized: 1, abroad: 0, returned: 1 } }, abroad: { returnRate: 1 } });
    expect(out.state[0]).toBe(State.Returned);
    expect(out.state[1]).toBe(State.Returned); // came back on day 1
    expect([out.removed[0], out.removed[1]]).toEqual([1, 1]);
    expect(out.tally.removed[0]).toBe(2);
    expect([out.state[2], out.state[3]]).toEqual([State.Susceptible, State.Susceptible]);
  });

  it('network targeting by degree removes the hub and cuts the cascade', () => {
    // Hub 0 with leaves 1..5; agent 6 (abroad) is tied to the hub only.
    const ties: [number, number][] = [...star(5), [0, 6]];
    const open = runTiny(tinyWorld(7, ties, { 6: State.Abroad }), { peer: { cascade: { probability: 1 } } });
    expect(open.tally.recruits[Channel.Peer]).toBe(6);
    const targeted = runTiny(tinyWorld(7, ties, { 6: State.Abroad }, {
      interventions: [{ kind: 'network-targeting', start: '2014-06-01', count: 1, centrality: 'degree', target: { community: 'C' } }],
    }), { peer: { cascade: { probability: 1 } } });
    expect(targeted.removed[0]).toBe(1);
    expect(targeted.tally.recruits[Channel.Peer]).toBe(0);
  });

  it('network targeting by betweenness picks the bridge between two clusters', () => {
    // Two triangles joined through agent 6; 6 has the lowest degree among the bridge ends but the highest betweenness.
    const ties: [number, number][] = [[0, 1], [1, 2], [0, 2], [3, 4], [4, 5], [3, 5], [2, 6], [6, 3], [7, 0], [8, 0], [9, 5], [10, 5]];
    const out = runTiny(tinyWorld(11, ties, {}, {
      interventions: [{ kind: 'network-targeting', start: '2014-06-01', count: 1, centrality: 'betweenness' }],
    }), {});
    expect(Array.from(out.removed).indexOf(1)).toBe(6);
  });

  it('a targeted agent who is planning the trip is stopped', () => {
    const t = tinyWorld(3, [[0, 1], [1, 2]], { 0: State.Abroad }, {
      interventions: [{ kind: 'network-targeting', start: '2014-06-05', count: 1, centrality: 'degree' }],
    });
    const out = runTiny(t, { peer: { cascade: { probability: 1 } }, travel: { minPlanningDays: 20, meanPlanningDays: 20 } });
    // 1 (degree 2) mobilized on day 1, removed on day 5 before its trip; 2 mobilized on day 2 and travels.
    expect(out.state[1]).toBe(State.Intercepted);
    expect(out.removed[1]).toBe(1);
    expect(out.state[2]).toBe(State.Abroad);
  });
});
