import { describe, expect, it } from 'vitest';
import { State, Channel, STATE_COUNT } from '../../src/model/states.js';
import { path, runTiny, tinyWorld } from './fixture.js';

describe('engine/simulation: peer rules on hand-checkable graphs', () => {
  it('independent cascade with probability 1 on a path advances one hop a day', () => {
    const t = tinyWorld(6, path(6), { 0: State.Abroad });
    const out = runTiny(t, { peer: { rule: 'cascade', cascade: { probability: 1 } } });
    expect(Array.from(out.mobilizedOn)).toEqual([-1, 1, 2, 3, 4, 5]);
    expect(Array.from(out.channel).slice(1)).toEqual([Channel.Peer, Channel.Peer, Channel.Peer, Channel.Peer, Channel.Peer]);
    expect(Array.from(out.recruitedBy)).toEqual([-1, 0, 1, 2, 3, 4]);
  });

  it('absolute threshold 2 never activates an agent with one influential tie', () => {
    // 0 and 1 abroad; 2 is tied to both; 3 is tied to 0 only.
    const t = tinyWorld(4, [[0, 2], [1, 2], [0, 3]], { 0: State.Abroad, 1: State.Abroad });
    const out = runTiny(t, { peer: { rule: 'threshold', threshold: { ties: 2 } } });
    expect(out.mobilizedOn[2]).toBe(1);
    expect(out.state[3]).toBe(State.Susceptible);
    expect(out.mobilizedOn[3]).toBe(-1);
  });

  it('a neighbour mobilizing during the day does not postpone a success already due that day', () => {
    // 1 and 2 are both tied to 0 (abroad) and to each other: both are due on day 1.
    const t = tinyWorld(3, [[0, 1], [0, 2], [1, 2]], { 0: State.Abroad });
    const out = runTiny(t, { peer: { rule: 'threshold', threshold: { ties: 1 } } });
    expect([out.mobilizedOn[1], out.mobilizedOn[2]]).toEqual([1, 1]);
  });

  it('threshold counts weighted ties: two returnees at weight 0.5 do not reach 2', () => {
    const t = tinyWorld(3, [[0, 2], [1, 2]], { 0: State.Returned, 1: State.Returned });
    const out = runTiny(t, { peer: { rule: 'threshold', threshold: { ties: 2 }, weights: { returned: 0.5 } } });
    expect(out.state[2]).toBe(State.Susceptible);
  });

  it('fractional threshold compares the influential share of ties with the threshold', () => {
    // Agent 4 has degree 4 with one agent abroad: share 0.25.
    const ties: [number, number][] = [[0, 4], [1, 4], [2, 4], [3, 4]];
    const low = runTiny(tinyWorld(5, ties, { 0: State.Abroad }), { peer: { rule: 'fractional', fractional: { share: 0.25 } } });
    const high = runTiny(tinyWorld(5, ties, { 0: State.Abroad }), { peer: { rule: 'fractional', fractional: { share: 0.3 } } });
    expect(low.mobilizedOn[4]).toBe(1);
    expect(high.mobilizedOn[4]).toBe(-1);
  });

  it('susceptibles are less receptive than sympathizers under a threshold rule', () => {
    // Receptivity 0.5: a susceptible with two influential ties has effective influence 1 < 2.
    const t = tinyWorld(4, [[0, 2], [1, 2], [0, 3], [1, 3]], { 0: State.Abroad, 1: State.Abroad, 3: State.Sympathizer });
    const out = runTiny(t, { peer: { rule: 'threshold', threshold: { ties: 2 }, susceptibleReceptivity: 0.5 } });
    expect(out.state[2]).toBe(State.Susceptible);
    expect(out.mobilizedOn[3]).toBe(1);
  });

  it('logistic rule: a huge intercept mobilizes next day, a very negative one never', () => {
    const ties: [number, number][] = [[0, 1]];
    const yes = runTiny(tinyWorld(2, ties, { 0: State.Abroad }), { peer: { rule: 'logistic', logistic: { intercept: 40, slope: 0 } } });
    const no = runTiny(tinyWorld(2, ties, { 0: State.Abroad }), { peer: { rule: 'logistic', logistic: { intercept: -45, slope: 0 } } });
    expect(yes.mobilizedOn[1]).toBe(1);
    expect(no.mobilizedOn[1]).toBe(-1);
  });

  it('independent cascade: the day of first success is geometric with the tie probability', () => {
    // One agent abroad, one susceptible neighbour, p = 0.05: mean waiting time 1/p = 20 days.
    const p = 0.05;
    const waits: number[] = [];
    for (let seed = 1; seed <= 400; seed++) {
      const t = tinyWorld(2, [[0, 1]], { 0: State.Abroad }, { dates: { start: '2014-01-01', end: '2015-01-01' } });
      const out = runTiny(t, { peer: { rule: 'cascade', cascade: { probability: p } } }, { seed });
      waits.push(out.mobilizedOn[1]!);
    }
    expect(waits.every((w) => w >= 1)).toBe(true);
    const mean = waits.reduce((a, b) => a + b, 0) / waits.length;
    // Standard error of the mean of 400 geometric(0.05) waits is sqrt(1-p)/p/20 ≈ 0.97 days: allow 4 SE.
    expect(Math.abs(mean - 1 / p)).toBeLessThan(4 * 0.975);
  });

  it('two influential ties double the number of daily chances (cascade)', () => {
    const p = 0.02;
    let one = 0;
    let two = 0;
    for (let seed = 1; seed <= 300; seed++) {
      one += runTiny(tinyWorld(2, [[0, 1]], { 0: State.Abroad }), { peer: { cascade: { probability: p } } }, { seed, days: 10 }).state[1] === State.Mobilized ? 1 : 0;
      two += runTiny(tinyWorld(3, [[0, 2], [1, 2]], { 0: State.Abroad, 1: State.Abroad }), { peer: { cascade: { probability: p } } }, { seed, days: 10 }).state[2] === State.Mobilized ? 1 : 0;
    }
    // P(by day 10) = 1 − 0.98^10 ≈ 0.183 with one tie, 1 − 0.98^20 ≈ 0.332 with two (binomial SE ≈ 0.022, 0.027).
    expect(one / 300).toBeGreaterThan(0.183 - 0.09);
    expect(one / 300).toBeLessThan(0.183 + 0.09);
    expect(two / 300).toBeGreaterThan(0.332 - 0.1);
    expect(two / 300).toBeLessThan(0.332 + 0.1);
  });
});

describe('engine/simulation: travel, group, media, abroad', () => {
  it('mobilized agents attempt the trip after the planning delay, then are abroad', () => {
    const t = tinyWorld(2, [[0, 1]], { 0: State.Abroad });
    const out = runTiny(t, { peer: { cascade: { probability: 1 } }, travel: { minPlanningDays: 5, meanPlanningDays: 5 } });
    expect(out.mobilizedOn[1]).toBe(1);
    expect(out.state[1]).toBe(State.Abroad);
  });

  it('route success 0 intercepts every attempt', () => {
    const t = tinyWorld(4, [[0, 1], [0, 2], [0, 3]], { 0: State.Abroad }, {
      places: { regions: [{ name: 'R', countries: [{ name: 'C', population: 4, route: { success: 0 } }] }] },
    });
    const out = runTiny(t, { peer: { cascade: { probability: 1 } }, travel: { minPlanningDays: 1, meanPlanningDays: 2 } });
    expect([1, 2, 3].map((a) => out.state[a])).toEqual([State.Intercepted, State.Intercepted, State.Intercepted]);
  });

  it('border controls with interception 1 leave nobody new abroad', () => {
    const n = 50;
    const ties = Array.from({ length: n - 1 }, (_, i) => [0, i + 1] as [number, number]);
    const t = tinyWorld(n, ties, { 0: State.Abroad }, {
      interventions: [{ kind: 'border-control', start: '2014-06-01', interception: 1 }],
    });
    const out = runTiny(t, { peer: { cascade: { probability: 0.5 } }, travel: { minPlanningDays: 1, meanPlanningDays: 3 } });
    const abroad = Array.from(out.state).filter((s) => s === State.Abroad).length;
    expect(abroad).toBe(1);
    expect(Array.from(out.state).filter((s) => s === State.Intercepted).length).toBeGreaterThan(0);
  });

  it('a border control only acts from its start date', () => {
    const t = tinyWorld(2, [[0, 1]], { 0: State.Abroad }, {
      interventions: [{ kind: 'border-control', start: '2014-06-20', interception: 1 }],
    });
    const out = runTiny(t, { peer: { cascade: { probability: 1 } }, travel: { minPlanningDays: 3, meanPlanningDays: 3 } });
    expect(out.state[1]).toBe(State.Abroad); // left on day 4, before the controls
  });

  it('group travel: with probability 1 every receptive friend joins and leaves the same day', () => {
    // 1 is recruited by 0 (abroad); 2, 3 are friends of 1 only.
    const t = tinyWorld(4, [[0, 1], [1, 2], [1, 3]], { 0: State.Abroad });
    const out = runTiny(t, { peer: { cascade: { probability: 1 } }, group: { probability: 1 }, travel: { minPlanningDays: 10, meanPlanningDays: 10 } }, { days: 12 });
    expect(out.channel[1]).toBe(Channel.Peer);
    expect(out.channel[2]).toBe(Channel.Group);
    expect(out.channel[3]).toBe(Channel.Group);
    expect(out.recruitedBy[2]).toBe(1);
    expect(out.mobilizedOn[2]).toBe(1);
    expect([1, 2, 3].map((a) => out.state[a])).toEqual([State.Abroad, State.Abroad, State.Abroad]);
  });

  it('media exposure 1 makes every susceptible a sympathizer on day 1; media mobilization 1 mobilizes them on day 2', () => {
    const t = tinyWorld(10, []);
    const out = runTiny(t, { media: { exposure: 1, mobilization: 1 } }, { days: 2 });
    expect(Array.from(out.channel)).toEqual(Array(10).fill(Channel.Media));
    expect(Array.from(out.mobilizedOn)).toEqual(Array(10).fill(2));
  });

  it('a sympathizer drawn into a media recruit\'s party is not mobilized again by media that day', () => {
    // 0 and 1 are sympathizers, both picked by media (mobilization 1); 0 goes first and its party
    // (group probability 1) takes its friends 1 and 2 along.
    const t = tinyWorld(3, [[0, 1], [0, 2]], { 0: State.Sympathizer, 1: State.Sympathizer });
    const out = runTiny(t, { media: { exposure: 0, mobilization: 1 }, group: { probability: 1 } }, { days: 1 });
    expect(Array.from(out.channel)).toEqual([Channel.Media, Channel.Group, Channel.Group]);
    expect(Array.from(out.recruitedBy)).toEqual([-1, 0, 0]);
    expect(Array.from(out.tally.recruits)).toEqual([0, 1, 0, 2]);
  });

  it('counts a recruit as prepared by media when it was a sympathizer as it mobilized', () => {
    // 0 is abroad; its friends 1 (a sympathizer) and 2 (susceptible) both mobilize through the tie
    // on day 1 (threshold one tie, susceptibles fully receptive).
    const t = tinyWorld(4, [[0, 1], [0, 2]], { 0: State.Abroad, 1: State.Sympathizer });
    const out = runTiny(t, { peer: { rule: 'threshold', threshold: { ties: 1 } } }, { days: 3 });
    expect([out.channel[1], out.channel[2], out.channel[3]]).toEqual([Channel.Peer, Channel.Peer, Channel.None]);
    // Two peer recruits; media had prepared one of them (1), a tie alone the other (2).
    expect(out.tally.recruits[Channel.Peer]).toBe(2);
    expect(Array.from(out.tally.preparedByMedia)).toEqual([1]);
  });

  it('every media recruit was prepared by media; a party recruit by media only if it was a sympathizer', () => {
    // Media mobilizes 0 on day 1; its party (group probability 1) takes 1 (a sympathizer) and 2 (susceptible).
    const t = tinyWorld(3, [[0, 1], [0, 2]], { 0: State.Sympathizer, 1: State.Sympathizer });
    const out = runTiny(t, { media: { exposure: 0, mobilization: 1 }, group: { probability: 1 } }, { days: 1 });
    expect(Array.from(out.channel)).toEqual([Channel.Media, Channel.Group, Channel.Group]);
    expect(Array.from(out.tally.preparedByMedia)).toEqual([2]);
  });

  it('counts media-prepared recruits per community', () => {
    // Two communities (agents 0–1 and 2–3), one sympathizer in each: media mobilizes both on day 1.
    const t = tinyWorld(4, [], { 0: State.Sympathizer, 3: State.Sympathizer });
    t.world.communityOf.set([0, 0, 1, 1]);
    const world = { ...t.world, communities: [{ ...t.world.communities[0]!, agents: 2 }, { ...t.world.communities[0]!, firstAgent: 2, agents: 2, index: 1 }] };
    const out = runTiny({ ...t, world }, { media: { exposure: 0, mobilization: 1 } }, { days: 1 });
    expect(Array.from(out.tally.preparedByMedia)).toEqual([1, 1]);
  });

  it('media takedown 1 leaves no media recruits', () => {
    const t = tinyWorld(200, [], {}, { interventions: [{ kind: 'media-takedown', start: '2014-06-01', reduction: 1 }] });
    const out = runTiny(t, { media: { exposure: 0.5, mobilization: 0.5 } });
    expect(out.tally.recruits[Channel.Media]).toBe(0);
    expect(Array.from(out.state).every((s) => s === State.Susceptible)).toBe(true);
  });

  it('media rate 0 and no initial stock: nobody moves and no work is done', () => {
    const t = tinyWorld(5000, path(5000));
    const out = runTiny(t, { media: { exposure: 0, mobilization: 0 }, peer: { cascade: { probability: 1 } }, group: { probability: 1 } });
    expect(Array.from(out.state).every((s) => s === State.Susceptible)).toBe(true);
    expect(out.events).toBe(0);
    expect(out.tieVisits).toBe(0);
  });

  it('return rate 1: everyone abroad comes home the next day; death rate 1: dies', () => {
    const back = runTiny(tinyWorld(3, [], { 0: State.Abroad, 1: State.Abroad }), { abroad: { returnRate: 1, deathRate: 0 } }, { days: 1 });
    expect([back.state[0], back.state[1]]).toEqual([State.Returned, State.Returned]);
    const dead = runTiny(tinyWorld(3, [], { 0: State.Abroad }), { abroad: { returnRate: 0, deathRate: 1 } }, { days: 1 });
    expect(dead.state[0]).toBe(State.Dead);
  });

  it('the state counts always sum to the population, every day', () => {
    const n = 3000;
    const ties: [number, number][] = [];
    for (let i = 0; i < n; i++) for (const d of [1, 7, 31]) ties.push([i, (i + d) % n]);
    const initial: Record<number, number> = {};
    for (let i = 0; i < n; i += 97) initial[i] = State.Abroad;
    const t = tinyWorld(n, ties, initial, {
      dates: { start: '2014-06-01', end: '2015-06-01' },
      places: { regions: [{ name: 'R', countries: [{ name: 'C', population: n, route: { success: 0.7 } }] }] },
    });
    const sums: number[] = [];
    const out = runTiny(t, {
      media: { exposure: 0.01, mobilization: 0.001 },
      peer: { cascade: { probability: 0.01 }, susceptibleReceptivity: 0.3 },
      group: { probability: 0.2 },
      travel: { minPlanningDays: 3, meanPlanningDays: 20 },
      abroad: { returnRate: 0.01, deathRate: 0.005 },
    }, { observer: { recordOn: () => true, record: (_d, tally) => sums.push(tally.states.reduce((a, b) => a + b, 0)) } });
    expect(sums.length).toBe(366);
    expect(new Set(sums)).toEqual(new Set([n]));
    // And the run did something in every state.
    for (let s = 0; s < STATE_COUNT; s++) expect(out.tally.states[s]).toBeGreaterThan(0);
  });
});

describe('engine/simulation: determinism', () => {
  const build = () => {
    const n = 2000;
    const ties: [number, number][] = [];
    for (let i = 0; i < n; i++) for (const d of [1, 2, 17]) ties.push([i, (i + d) % n]);
    return tinyWorld(n, ties, { 0: State.Abroad, 500: State.Abroad, 1000: State.Returned }, { dates: { start: '2014-06-01', end: '2015-06-01' } });
  };
  const channels = {
    media: { exposure: 0.005, mobilization: 0.0005 },
    peer: { cascade: { probability: 0.02 } },
    group: { probability: 0.1 },
    travel: { minPlanningDays: 3, meanPlanningDays: 15 },
    abroad: { returnRate: 0.005, deathRate: 0.002 },
  };

  it('the same seed gives the same run, agent by agent', () => {
    const a = runTiny(build(), channels, { seed: 7 });
    const b = runTiny(build(), channels, { seed: 7 });
    expect(Buffer.from(a.state.buffer)).toEqual(Buffer.from(b.state.buffer));
    expect(Buffer.from(a.mobilizedOn.buffer)).toEqual(Buffer.from(b.mobilizedOn.buffer));
    expect(Buffer.from(a.recruitedBy.buffer)).toEqual(Buffer.from(b.recruitedBy.buffer));
  });

  it('different seeds give different runs', () => {
    const a = runTiny(build(), channels, { seed: 7 });
    const b = runTiny(build(), channels, { seed: 8 });
    expect(Buffer.from(a.mobilizedOn.buffer)).not.toEqual(Buffer.from(b.mobilizedOn.buffer));
  });
});
