import { describe, expect, it } from 'vitest';
import { compileInterventions, rampDays, rampStrength } from '../../src/model/interventions.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { planWorld } from '../../src/world/plan.js';
import { buildWorld } from '../../src/world/build.js';

const scenario = (interventions: object[]) => scenarioSchema.parse({
  places: {
    regions: [
      { name: 'North', countries: [{ name: 'A', population: 100, communities: [{ name: 'Town', population: 50 }] }] },
      { name: 'South', countries: [{ name: 'B', population: 100 }] },
    ],
  },
  interventions,
});

describe('model/interventions', () => {
  it('applies factors only to the targeted communities and only while in force', () => {
    const s = scenario([
      { kind: 'border-control', start: '2014-07-01', end: '2014-07-31', interception: 0.5, target: { country: 'A' } },
      { kind: 'border-control', start: '2014-07-15', interception: 0.5, target: { community: 'Town' } },
      { kind: 'media-takedown', start: '2014-06-01', reduction: 0.25, target: { region: 'South' } },
      { kind: 'travel-ban', start: '2014-06-01', share: 0.1 },
      { kind: 'prevention', start: '2014-06-01', influenceReduction: 0.4, target: { community: 'Town' } },
    ]);
    const plan = planWorld(s);
    const schedule = compileInterventions(s, plan);
    // Communities: Town (0), A's rest (1), B (2). July 1 is day 30, July 15 day 44, August 1 day 61.
    expect(schedule.changeDays).toEqual([0, 30, 44, 61]);
    const july20 = schedule.factorsOn(49);
    expect(Array.from(july20.passage)).toEqual([0.25, 0.5, 1]);
    expect(Array.from(july20.media)).toEqual([1, 1, 0.75]);
    expect(Array.from(july20.departure)).toEqual([0.9, 0.9, 0.9]);
    expect(Array.from(july20.peer)).toEqual([0.6, 1, 1]);
    expect(Array.from(schedule.factorsOn(70).passage)).toEqual([0.5, 1, 1]);
    expect(Array.from(schedule.factorsOn(0).passage)).toEqual([1, 1, 1]);
  });

  it('ramps grow shares linearly and multipliers geometrically to full strength, changing the factors every day until full', () => {
    const s = scenario([
      { kind: 'border-control', start: '2014-06-11', ramp: 4, interception: 0.8 },
      { kind: 'hazard-multipliers', start: '2014-06-11', ramp: 4, peer: 16, travel: 0 },
    ]);
    const schedule = compileInterventions(s, planWorld(s));
    // Day 10 is June 11: strength 1/4, 2/4, 3/4, then full from day 13 on.
    expect(schedule.changeDays).toEqual([0, 10, 11, 12, 13]);
    const at = (day: number) => schedule.factorsOn(day);
    expect(Array.from(at(9).passage)).toEqual([1, 1, 1]);
    expect(at(10).passage[0]).toBeCloseTo(0.8, 12);
    expect(at(11).passage[0]).toBeCloseTo(0.6, 12);
    expect(at(13).passage[0]).toBeCloseTo(0.2, 12);
    expect(at(200).passage[0]).toBeCloseTo(0.2, 12);
    expect([10, 11, 12, 13].map((d) => at(d).peer[2])).toEqual([2, 4, 8, 16]);
    expect([10, 11, 12, 13].map((d) => at(d).travel[1])).toEqual([0.75, 0.5, 0.25, 0]);
  });

  it('a pull multiplies media exposure, media mobilization and peer influence alike; a surge and a later decline compose', () => {
    const s = scenario([
      { kind: 'pull', start: '2014-06-11', ramp: 2, strength: 4 },
      { kind: 'pull', start: '2014-07-01', strength: 0.5, target: { region: 'South' } },
    ]);
    const schedule = compileInterventions(s, planWorld(s));
    expect(schedule.changeDays).toEqual([0, 10, 11, 30]);
    const at = (day: number) => schedule.factorsOn(day);
    expect(Array.from(at(10).peer)).toEqual([2, 2, 2]);
    expect(Array.from(at(40).mediaExposure)).toEqual([4, 4, 2]);
    expect(Array.from(at(40).mediaMobilization)).toEqual([4, 4, 2]);
    expect(Array.from(at(40).peer)).toEqual([4, 4, 2]);
    expect(Array.from(at(40).passage)).toEqual([1, 1, 1]);
  });

  it('a long ramp grows in steps on the run\'s fortnightly grid (shared by every ramp), each reading (d − start + 1) / ramp', () => {
    const s = scenario([
      { kind: 'travel-ban', start: '2014-06-11', ramp: 56, share: 0.8 },
      { kind: 'border-control', start: '2014-06-13', ramp: 30, interception: 0.5 },
    ]);
    const schedule = compileInterventions(s, planWorld(s));
    // Days 10 and 12 start them; 14, 28, 42 and 56 are the grid; 41 and 65 the days each is full.
    expect(schedule.changeDays).toEqual([0, 10, 12, 14, 28, 41, 42, 56, 65]);
    const ban = (d: number) => 1 - schedule.factorsOn(d).departure[0]!;
    expect([10, 13, 14, 27, 28, 42, 55, 56, 64, 65, 90].map((d) => (ban(d) / 0.8 * 56).toFixed(6))).toEqual(
      ['1.000000', '1.000000', '5.000000', '5.000000', '19.000000', '33.000000', '33.000000', '47.000000', '47.000000', '56.000000', '56.000000']);
    expect(rampStrength(12, 30, 12)).toBeCloseTo(1 / 30, 12);
    expect(rampStrength(12, 30, 41)).toBe(1);
    expect(rampDays(12, 30)).toEqual([12, 14, 28, 41]);
    expect(rampDays(12, 27)).toHaveLength(27);
    expect(rampDays(12, 5)).toEqual([12, 13, 14, 15, 16]);
  });

  it('a ramp cut short by the end of the intervention stops changing there', () => {
    const s = scenario([{ kind: 'travel-ban', start: '2014-06-11', end: '2014-06-12', ramp: 10, share: 0.5 }]);
    const schedule = compileInterventions(s, planWorld(s));
    expect(schedule.changeDays).toEqual([0, 10, 11, 12]);
    expect(schedule.factorsOn(11).departure[0]).toBeCloseTo(0.9, 12);
    expect(schedule.factorsOn(12).departure[0]).toBe(1);
  });

  it('returnee policies set a weight where they apply; NaN elsewhere means the channel weight', () => {
    const s = scenario([
      { kind: 'returnee-policy', start: '2014-06-01', policy: 'deter', target: { country: 'B' } },
      { kind: 'returnee-policy', start: '2014-06-01', policy: 'prosecute', target: { community: 'Town' } },
    ]);
    const f = compileInterventions(s, planWorld(s)).factorsOn(0);
    expect(Array.from(f.returnedWeight)).toEqual([0, NaN, -0.5]);
    expect(Array.from(f.prosecute)).toEqual([1, 0, 0]);
    expect(compileInterventions(s, planWorld(s)).actionsOn(0)).toEqual([{ kind: 'prosecute-returned', communities: [0] }]);
  });

  it('network targeting picks agents inside each targeted community, from the replicate\'s own network', () => {
    const s = scenario([{ kind: 'network-targeting', start: '2014-06-02', count: 3, target: { country: 'A' } }]);
    const plan = planWorld(s);
    const world = buildWorld(s, { seed: 1, replicate: 0 });
    const [action] = compileInterventions(s, plan, { ties: world.ties, seed: 1, replicate: 0 }).actionsOn(1);
    expect(action?.kind).toBe('remove-agents');
    const agents = Array.from((action as { agents: Int32Array }).agents);
    expect(agents.length).toBe(6);
    expect(agents.slice(0, 3).every((a) => a < 50)).toBe(true);
    expect(agents.slice(3).every((a) => a >= 50 && a < 150)).toBe(true);
    expect(() => compileInterventions(s, plan)).toThrow('model/interventions: network targeting needs the drawn network');
  });
});
