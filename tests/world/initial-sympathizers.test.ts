import { describe, expect, it } from 'vitest';
import { State } from '../../src/model/states.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { buildWorld } from '../../src/world/build.js';

const town = (priorExposure?: { days: number }) => scenarioSchema.parse({
  scale: 1,
  channels: { media: { exposure: 0.001 } },
  places: {
    regions: [{
      name: 'R',
      countries: [{ name: 'A', population: 20000, mediaReach: 2, stock: { abroad: 200 } }],
    }],
  },
  ...(priorExposure ? { priorExposure } : {}),
});

const count = (state: Uint8Array, s: number) => state.reduce((n, x) => n + (x === s ? 1 : 0), 0);

describe('world/initial-sympathizers', () => {
  it('makes each susceptible a sympathizer with the chance that `days` of exposure at the start\'s rate would have', () => {
    const w = buildWorld(town({ days: 100 }), { seed: 1, replicate: 0 });
    // p = 0.001 × reach 2 × susceptibility 1 a day; 1 − (1 − p)^100 ≈ 0.181 of 19,800 susceptibles.
    const expected = 19800 * (1 - (1 - 0.002) ** 100);
    const sd = Math.sqrt(expected * (1 - expected / 19800));
    expect(Math.abs(count(w.initialState, State.Sympathizer) - expected)).toBeLessThan(4 * sd);
  });

  it('leaves the stock where it was, starts no one as a sympathizer without it, and is the same for a seed', () => {
    const plain = buildWorld(town(), { seed: 1, replicate: 0 });
    const warm = buildWorld(town({ days: 100 }), { seed: 1, replicate: 0 });
    expect(count(plain.initialState, State.Sympathizer)).toBe(0);
    for (let a = 0; a < plain.agentCount; a++) {
      if (plain.initialState[a] !== State.Susceptible) expect(warm.initialState[a]).toBe(plain.initialState[a]);
    }
    expect(Buffer.from(buildWorld(town({ days: 100 }), { seed: 1, replicate: 0 }).initialState)).toEqual(Buffer.from(warm.initialState));
    expect(count(buildWorld(town({ days: 0 }), { seed: 1, replicate: 0 }).initialState, State.Sympathizer)).toBe(0);
  });
});
