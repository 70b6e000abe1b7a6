/**
 * Time-varying hazards through hazard-multipliers interventions. Worlds are large
 * and tie-free where a rate is estimated, so each day is a binomial draw whose
 * expectation is known in closed form; bands are 4 binomial standard deviations
 * (or a stated relative tolerance) around it, on fixed seeds.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulation.js';
import { compileChannels } from '../../src/model/channels.js';
import type { Action, InterventionSchedule } from '../../src/model/interventions.js';
import { State, STATE_COUNT } from '../../src/model/states.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { runTiny, tinyWorld, type TinyWorld } from './fixture.js';

type Interventions = NonNullable<ScenarioInput['interventions']>;

/** n agents, the first `abroad` of them abroad, no ties, over `days` days from 2014-06-01. */
function world(n: number, initial: Record<number, number>, interventions: Interventions, end = '2014-08-30'): TinyWorld {
  return tinyWorld(n, [], initial, { dates: { start: '2014-06-01', end }, interventions });
}

function allAbroad(n: number): Record<number, number> {
  const out: Record<number, number> = {};
  for (let a = 0; a < n; a++) out[a] = State.Abroad;
  return out;
}

/** Per-day counts of one state (index = day). */
function series(t: TinyWorld, channels: Parameters<typeof runTiny>[1], state: number, seed = 1): number[] {
  const out: number[] = [];
  runTiny(t, channels, { seed, observer: { recordOn: () => true, record: (_d, tally) => out.push(tally.states[state]!) } });
  return out;
}

/** Within k binomial standard deviations of n trials at probability p. */
function expectBinomial(observed: number, n: number, p: number, k = 4): void {
  const sd = Math.sqrt(n * p * (1 - p));
  expect(Math.abs(observed - n * p)).toBeLessThanOrEqual(k * sd + 1e-9);
}


/** n agents in pairs: agent 2i is abroad at the start, 2i + 1 its only friend. */
function pairs(n: number): { ties: [number, number][]; initial: Record<number, number> } {
  const ties: [number, number][] = [];
  const initial: Record<number, number> = {};
  for (let i = 0; i < n / 2; i++) {
    ties.push([2 * i, 2 * i + 1]);
    initial[2 * i] = State.Abroad;
  }
  return { ties, initial };
}

describe('engine/simulation: hazards that change over time', () => {
  it('doubling the return multiplier from day D doubles returns per day after D (±10 %)', () => {
    const n = 40_000;
    // 2014-07-01 is day 30.
    const t = world(n, allAbroad(n), [{ kind: 'hazard-multipliers', start: '2014-07-01', return: 2 }], '2014-07-31');
    const abroad = series(t, { abroad: { returnRate: 0.005, deathRate: 0 } }, State.Abroad);
    const rate = (from: number, to: number) => {
      let exits = 0;
      let exposed = 0;
      for (let d = from; d <= to; d++) {
        exits += abroad[d - 1]! - abroad[d]!;
        exposed += abroad[d - 1]!;
      }
      return exits / exposed;
    };
    const before = rate(1, 29);
    const after = rate(30, 60);
    expect(before).toBeGreaterThan(0.005 * 0.95);
    expect(before).toBeLessThan(0.005 * 1.05);
    expect(after / before).toBeGreaterThan(1.8);
    expect(after / before).toBeLessThan(2.2);
  });

  it('pending exits follow a step hazard exactly: expected counts from the per-day Bernoulli law (4 sd a day)', () => {
    // Up, down, off, and back: each change redraws with nextDue's rise or fall branch.
    const n = 20_000;
    const h = 0.01;
    const t = world(n, allAbroad(n), [
      { kind: 'hazard-multipliers', start: '2014-06-11', end: '2014-06-20', return: 3 },
      { kind: 'hazard-multipliers', start: '2014-06-21', end: '2014-06-30', return: 0.5 },
      { kind: 'hazard-multipliers', start: '2014-07-01', end: '2014-07-10', return: 0 },
    ], '2014-07-31');
    const multiplier = (d: number) => (d >= 10 && d <= 19 ? 3 : d >= 20 && d <= 29 ? 0.5 : d >= 30 && d <= 39 ? 0 : 1);
    for (const seed of [1, 2, 3]) {
      const abroad = series(t, { abroad: { returnRate: h, deathRate: 0 } }, State.Abroad, seed);
      let survival = 1;
      for (let d = 1; d < abroad.length; d++) {
        survival *= 1 - h * multiplier(d);
        expectBinomial(n - abroad[d]!, n, 1 - survival);
        if (d >= 30 && d <= 39) expect(abroad[d]).toBe(abroad[29]); // multiplier 0: nobody leaves
      }
    }
  });

  it('a death multiplier of 0 from day D stops deaths; returns go on; the split follows the rates of the day', () => {
    const n = 10_000;
    const t = world(n, allAbroad(n), [{ kind: 'hazard-multipliers', start: '2014-06-21', death: 0 }]);
    const out: number[][] = [];
    runTiny(t, { abroad: { returnRate: 0.004, deathRate: 0.004 } }, { observer: { recordOn: () => true, record: (_d, tally) => out.push(Array.from(tally.states.slice(0, STATE_COUNT))) } });
    const dead = out.map((s) => s[State.Dead]!);
    const returned = out.map((s) => s[State.Returned]!);
    expect(dead[19]).toBeGreaterThan(0);
    for (let d = 20; d < dead.length; d++) expect(dead[d]).toBe(dead[19]);
    // Returns keep their own rate: about 0.004 × abroad a day after the change.
    const exposed = out.slice(19, -1).reduce((sum, s) => sum + s[State.Abroad]!, 0);
    const returns = returned[returned.length - 1]! - returned[19]!;
    expect(returns / exposed).toBeGreaterThan(0.004 * 0.9);
    expect(returns / exposed).toBeLessThan(0.004 * 1.1);
  });

  it('a travel multiplier of 0 from day D stops departures: from D every attempt is intercepted', () => {
    const n = 4000;
    // Pairs: 2i abroad, 2i+1 its friend, mobilized on day 1 by a cascade of probability 1.
    const { ties, initial } = pairs(n);
    const t = tinyWorld(n, ties, initial, {
      dates: { start: '2014-06-01', end: '2014-07-31' },
      interventions: [{ kind: 'hazard-multipliers', start: '2014-06-11', travel: 0 }],
    });
    const days: number[][] = [];
    runTiny(t, { peer: { cascade: { probability: 1 } }, travel: { minPlanningDays: 1, meanPlanningDays: 10 } }, {
      observer: { recordOn: () => true, record: (_d, tally) => days.push(Array.from(tally.states.slice(0, STATE_COUNT))) },
    });
    const abroad = days.map((s) => s[State.Abroad]!);
    expect(abroad[9]).toBeGreaterThan(n / 2 + 100); // some left before day 10
    for (let d = 10; d < abroad.length; d++) expect(abroad[d]).toBe(abroad[9]);
    expect(days[days.length - 1]![State.Intercepted]).toBeGreaterThan(500);
  });

  it('a planning multiplier of 0 holds everyone; back to 1, departures resume at the old daily rate (±10 %)', () => {
    const n = 20_000;
    const { ties, initial } = pairs(n);
    const t = tinyWorld(n, ties, initial, {
      dates: { start: '2014-06-01', end: '2014-07-31' },
      interventions: [{ kind: 'hazard-multipliers', start: '2014-06-11', end: '2014-06-30', planning: 0 }],
    });
    const mobilized: number[] = [];
    runTiny(t, { peer: { cascade: { probability: 1 } }, travel: { minPlanningDays: 1, meanPlanningDays: 20 } }, {
      observer: { recordOn: () => true, record: (_d, tally) => mobilized.push(tally.states[State.Mobilized]!) },
    });
    for (let d = 10; d <= 29; d++) expect(mobilized[d]).toBe(mobilized[9]);
    let left = 0;
    let exposed = 0;
    for (let d = 30; d < mobilized.length; d++) {
      left += mobilized[d - 1]! - mobilized[d]!;
      exposed += mobilized[d - 1]!;
    }
    expect(left / exposed).toBeGreaterThan(0.05 * 0.9);
    expect(left / exposed).toBeLessThan(0.05 * 1.1);
  });

  it('a planning change during the minimum wait: nobody leaves before the minimum, then the new daily chance (4 sd a day)', () => {
    const n = 20_000;
    const { ties, initial } = pairs(n);
    // Mobilized on day 1, minimum 10 days: the ready day is 10, the first departure day 11.
    // The multiplier 3 starts on day 5, inside the minimum, and applies to the whole daily process.
    const t = tinyWorld(n, ties, initial, {
      dates: { start: '2014-06-01', end: '2014-07-15' },
      interventions: [{ kind: 'hazard-multipliers', start: '2014-06-06', planning: 3 }],
    });
    const mobilized: number[] = [];
    runTiny(t, { peer: { cascade: { probability: 1 } }, travel: { minPlanningDays: 10, meanPlanningDays: 30 } }, {
      observer: { recordOn: () => true, record: (_d, tally) => mobilized.push(tally.states[State.Mobilized]!) },
    });
    const m = n / 2;
    for (let d = 1; d <= 10; d++) expect(mobilized[d]).toBe(m);
    const p = 3 / 21;
    let survival = 1;
    for (let d = 11; d < mobilized.length; d++) {
      survival *= 1 - p;
      expectBinomial(m - mobilized[d]!, m, 1 - survival);
    }
  });

  it('a party keeps leaving together when its leader\'s departure is redrawn', () => {
    // 0 abroad recruits 1 (peer); 1's friends 2..20 join its party (group probability 1).
    const ties: [number, number][] = [[0, 1]];
    for (let u = 2; u <= 20; u++) ties.push([1, u]);
    const t = tinyWorld(21, ties, { 0: State.Abroad }, {
      dates: { start: '2014-06-01', end: '2014-12-01' },
      interventions: [{ kind: 'hazard-multipliers', start: '2014-06-04', planning: 0.2 }],
    });
    for (let seed = 1; seed <= 20; seed++) {
      const mobilized: number[] = [];
      const out = runTiny(t, { peer: { cascade: { probability: 1 } }, group: { probability: 1 }, travel: { minPlanningDays: 2, meanPlanningDays: 12 } }, {
        seed,
        observer: { recordOn: () => true, record: (_d, tally) => mobilized.push(tally.states[State.Mobilized]!) },
      });
      expect(out.channel[2]).toBe(3);
      expect(mobilized.every((m) => m === 0 || m === 20)).toBe(true);
    }
  });

  it('media exposure multiplier 0 from day D: no new sympathizers from D', () => {
    const n = 5000;
    const t = world(n, {}, [{ kind: 'hazard-multipliers', start: '2014-06-11', mediaExposure: 0 }], '2014-07-01');
    const symp = series(t, { media: { exposure: 0.01, mobilization: 0 } }, State.Sympathizer);
    expect(symp[9]).toBeGreaterThan(0);
    for (let d = 10; d < symp.length; d++) expect(symp[d]).toBe(symp[9]);
  });

  it('media mobilization multiplier 2 doubles media mobilizations (±15 %)', () => {
    const n = 20_000;
    const run = (mult: number) => {
      const t = world(n, {}, mult === 1 ? [] : [{ kind: 'hazard-multipliers', start: '2014-06-01', mediaMobilization: mult }], '2014-07-01');
      const initial = t.world.initialState;
      initial.fill(State.Sympathizer);
      const mob = series(t, { media: { exposure: 0, mobilization: 0.002 } }, State.Mobilized);
      return mob[mob.length - 1]!;
    };
    const ratio = run(2) / run(1);
    expect(ratio).toBeGreaterThan(2 * 0.85);
    expect(ratio).toBeLessThan(2 * 1.15);
  });

  it('multipliers of exactly 1 change nothing and draw nothing extra', () => {
    const n = 3000;
    const ties: [number, number][] = [];
    for (let i = 0; i < n; i++) for (const d of [1, 7, 31]) ties.push([i, (i + d) % n]);
    const initial: Record<number, number> = {};
    for (let i = 0; i < n; i += 97) initial[i] = State.Abroad;
    const channels = {
      media: { exposure: 0.01, mobilization: 0.001 },
      peer: { cascade: { probability: 0.01 }, susceptibleReceptivity: 0.3 },
      group: { probability: 0.2 },
      travel: { minPlanningDays: 3, meanPlanningDays: 20 },
      abroad: { returnRate: 0.01, deathRate: 0.005 },
    };
    const ones = { mediaExposure: 1, mediaMobilization: 1, peer: 1, planning: 1, travel: 1, return: 1, death: 1 };
    const plain = runTiny(tinyWorld(n, ties, initial, { dates: { start: '2014-06-01', end: '2015-01-01' } }), channels);
    const withOnes = runTiny(tinyWorld(n, ties, initial, {
      dates: { start: '2014-06-01', end: '2015-01-01' },
      interventions: [{ kind: 'hazard-multipliers', start: '2014-07-01', end: '2014-09-01', ...ones }],
    }), channels);
    expect(Array.from(withOnes.state)).toEqual(Array.from(plain.state));
    expect(Array.from(withOnes.mobilizedOn)).toEqual(Array.from(plain.mobilizedOn));
    expect(Array.from(withOnes.recruitedBy)).toEqual(Array.from(plain.recruitedBy));
  });

  it('an unknown action kind throws, naming the engine', () => {
    const t = tinyWorld(3, []);
    const base = t.scenario.channels;
    const schedule: InterventionSchedule = {
      changeDays: [0],
      factorsOn: () => ({
        media: new Float64Array(1).fill(1), passage: new Float64Array(1).fill(1), departure: new Float64Array(1).fill(1),
        peer: new Float64Array(1).fill(1), returnedWeight: new Float64Array(1).fill(NaN), prosecute: new Uint8Array(1),
        mediaExposure: new Float64Array(1).fill(1), mediaMobilization: new Float64Array(1).fill(1), planning: new Float64Array(1).fill(1),
        travel: new Float64Array(1).fill(1), return: new Float64Array(1).fill(1), death: new Float64Array(1).fill(1),
      }),
      actionsOn: () => [{ kind: 'bogus' } as unknown as Action],
    };
    expect(() => simulate(t.world, { channels: compileChannels(base), days: 3, schedule, seed: 1, replicate: 0 })).toThrow(/engine\/simulation: unknown kind/);
  });
});
