import { describe, expect, it } from 'vitest';
import { compileChannels } from '../../src/model/channels.js';
import { changedCommunities, hazardInputs, hazards, type FactorName } from '../../src/model/hazards.js';
import { compileInterventions } from '../../src/model/interventions.js';
import { peerHazard, type PeerRule } from '../../src/model/peer-rules.js';
import {
  CHANNEL_COUNT, Channel, channelNames, channelTable, Due, INFLUENCE_CLASS_COUNT, influenceClasses, Pool,
  State, STATE_COUNT, stateNames, stateTable,
} from '../../src/model/states.js';
import { scenarioSchema, type Intervention, type Scenario } from '../../src/scenario/schema.js';
import { planWorld } from '../../src/world/plan.js';

describe('model/states: tables', () => {
  it('one row per state and per channel, in the order of the names results/ reads', () => {
    expect(stateTable.length).toBe(STATE_COUNT);
    expect(stateTable.map((s) => s.name)).toEqual([...stateNames]);
    expect(Object.values(State)).toEqual(stateNames.map((_, i) => i));
    expect(channelTable.length).toBe(CHANNEL_COUNT);
    expect(channelTable.map((c) => c.name)).toEqual([...channelNames]);
    expect(Object.values(Channel)).toEqual(channelNames.map((_, i) => i));
    expect(influenceClasses.length).toBe(INFLUENCE_CLASS_COUNT);
  });

  it('influence classes, receptivity, pools and due events are those the engine used to hard-code', () => {
    expect(stateTable.map((s) => s.influence)).toEqual([-1, -1, 0, 1, 2, -1, -1]);
    expect(stateTable.map((s) => s.receptivity)).toEqual(['susceptible', 1, 0, 0, 0, 0, 0]);
    expect(stateTable.map((s) => s.pool)).toEqual([Pool.Susceptibles, Pool.Sympathizers, 0, 0, 0, 0, 0]);
    expect(stateTable.map((s) => s.due)).toEqual([Due.Peer, Due.Peer, Due.Departure, Due.Exit, Due.None, Due.None, Due.None]);
    expect(channelTable.filter((c) => c.gathersParty).map((c) => c.name)).toEqual(['media', 'peer']);
  });

  it('every influence class a state exerts exists; receptive states wait for a peer event', () => {
    for (const s of stateTable) {
      expect(s.influence).toBeGreaterThanOrEqual(-1);
      expect(s.influence).toBeLessThan(INFLUENCE_CLASS_COUNT);
      if (s.receptivity !== 0) expect(s.due).toBe(Due.Peer);
    }
  });

  it('every channel has a description for result columns', () => {
    for (const c of channelTable) expect(c.description.length).toBeGreaterThan(10);
  });
});

const channelsOf = (over: object) => scenarioSchema.shape.channels.parse(over);

describe('model/channels: compileChannels', () => {
  it('gives plain parameters: receptivity by state, weights by class, the planning hazard', () => {
    const p = compileChannels(channelsOf({
      peer: { susceptibleReceptivity: 0.3, weights: { mobilized: 2, abroad: 3, returned: -0.5 } },
      travel: { minPlanningDays: 7, meanPlanningDays: 27 },
      abroad: { returnRate: 0.01, deathRate: 0.002 },
    }));
    expect(Array.from(p.peer.receptivity)).toEqual([0.3, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(p.peer.weights)).toEqual([2, 3, -0.5]);
    expect(p.travel).toEqual({ minPlanningDays: 7, planningHazard: 1 / 21 });
    expect(p.abroad).toEqual({ returnRate: 0.01, deathRate: 0.002 });
    expect(p.peer.rule).toEqual({ rule: 'cascade', probability: 0.002 });
  });

  it('a mean at or below the minimum leaves on the minimum (planning hazard 1)', () => {
    expect(compileChannels(channelsOf({ travel: { minPlanningDays: 7, meanPlanningDays: 7 } })).travel.planningHazard).toBe(1);
    expect(compileChannels(channelsOf({ travel: { minPlanningDays: 9, meanPlanningDays: 3 } })).travel.planningHazard).toBe(1);
  });

  it('each rule keeps only its own parameters', () => {
    const rule = (over: object) => compileChannels(channelsOf({ peer: over })).peer.rule;
    expect(rule({ rule: 'threshold', threshold: { ties: 3 } })).toEqual({ rule: 'threshold', ties: 3 });
    expect(rule({ rule: 'fractional', fractional: { share: 0.4 } })).toEqual({ rule: 'fractional', share: 0.4 });
    expect(rule({ rule: 'logistic', logistic: { intercept: -2, slope: 0.5 } })).toEqual({ rule: 'logistic', intercept: -2, slope: 0.5 });
  });

  it('receptivity follows the state table it is given (an extended table compiles one more entry)', () => {
    const states = [...stateTable, { ...stateTable[State.Sympathizer]!, name: 'toy', receptivity: 0.5 }];
    expect(Array.from(compileChannels(channelsOf({}), states).peer.receptivity)).toEqual([0.25, 1, 0, 0, 0, 0, 0, 0.5]);
  });
});

describe('exhaustive switches name their module', () => {
  it('an unknown peer rule', () => {
    expect(() => peerHazard({ rule: 'bogus' } as unknown as PeerRule)).toThrow(/model\/peer-rules: unknown peer rule/);
    const channels = channelsOf({});
    expect(() => compileChannels({ ...channels, peer: { ...channels.peer, rule: 'bogus' as 'cascade' } })).toThrow(/model\/channels: unknown channels\.peer\.rule/);
  });

  it('an unknown intervention kind', () => {
    const s = scenario([{ kind: 'bogus', start: '2014-06-01', target: 'world' } as unknown as Intervention]);
    const schedule = compileInterventions(s, planWorld(s));
    expect(() => schedule.factorsOn(0)).toThrow(/model\/interventions: unknown intervention/);
    expect(() => schedule.actionsOn(0)).toThrow(/model\/interventions: unknown intervention/);
  });
});

function scenario(interventions: Intervention[] | object[]): Scenario {
  const s = scenarioSchema.parse({
    dates: { start: '2014-06-01', end: '2014-08-01' },
    places: { regions: [{ name: 'R', countries: [{ name: 'A', population: 10 }, { name: 'B', population: 10 }] }] },
  });
  return { ...s, interventions: interventions as Intervention[] };
}

describe('model/hazards: which factors feed which hazard', () => {
  it('every rate factor feeds some hazard', () => {
    const s = scenario([]);
    const f = compileInterventions(s, planWorld(s)).factorsOn(0);
    const fed = new Set(Object.values(hazardInputs).flat());
    for (const name of Object.keys(f)) if (name !== 'prosecute') expect(fed.has(name as FactorName)).toBe(true);
    expect(hazards).toEqual(['mediaExposure', 'mediaMobilization', 'peer', 'planning', 'travel', 'exit']);
  });

  it('hazard multipliers multiply the factor of the same name, in their targets and dates; several multiply', () => {
    const s = scenarioSchema.parse({
      dates: { start: '2014-06-01', end: '2014-08-01' },
      places: { regions: [{ name: 'R', countries: [{ name: 'A', population: 10 }, { name: 'B', population: 10 }] }] },
      interventions: [
        { kind: 'hazard-multipliers', start: '2014-06-11', end: '2014-06-30', target: { country: 'B' }, return: 2, planning: 0, mediaExposure: 3 },
        { kind: 'hazard-multipliers', start: '2014-06-21', return: 1.5, death: 0.5, travel: 0.25, peer: 0.5, mediaMobilization: 4 },
      ],
    });
    const schedule = compileInterventions(s, planWorld(s));
    expect(schedule.changeDays).toEqual([0, 10, 20, 30]);
    const day = (d: number) => schedule.factorsOn(d);
    expect(Array.from(day(0).return)).toEqual([1, 1]);
    expect(Array.from(day(10).return)).toEqual([1, 2]);
    expect(Array.from(day(10).planning)).toEqual([1, 0]);
    expect(Array.from(day(10).mediaExposure)).toEqual([1, 3]);
    expect(Array.from(day(20).return)).toEqual([1.5, 3]);
    expect(Array.from(day(20).death)).toEqual([0.5, 0.5]);
    expect(Array.from(day(20).travel)).toEqual([0.25, 0.25]);
    expect(Array.from(day(20).peer)).toEqual([0.5, 0.5]);
    expect(Array.from(day(20).mediaMobilization)).toEqual([4, 4]);
    expect(Array.from(day(30).return)).toEqual([1.5, 1.5]);
    expect(schedule.actionsOn(10)).toEqual([]);

    const exit = changedCommunities('exit', day(0), day(10));
    expect(Array.from(exit!)).toEqual([0, 1]);
    expect(changedCommunities('peer', day(0), day(10))).toBeUndefined();
    expect(Array.from(changedCommunities('travel', day(10), day(20))!)).toEqual([1, 1]);
    expect(Array.from(changedCommunities('mediaMobilization', day(10), day(20))!)).toEqual([1, 1]);
  });
});
