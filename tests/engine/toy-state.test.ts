/**
 * Extensibility: a toy "hesitant" state added by extending the tables only — no
 * change to the engine loop. It is receptive at half a sympathizer's receptivity,
 * exerts no influence, sits in no media pool and waits for a peer event; its own
 * logic here is entirely its table row. (A real state also gets a constant in
 * model/states.ts, a name in stateNames, and a parameter in the schema if a
 * scenario sets its receptivity: see the comment at the top of model/states.ts.)
 */
import { describe, expect, it } from 'vitest';
import { Channel, channelTable, Due, Influence, Pool, State, stateTable, type StateInfo } from '../../src/model/states.js';
import { simulate } from '../../src/engine/simulation.js';
import { compileChannels } from '../../src/model/channels.js';
import { compileInterventions } from '../../src/model/interventions.js';
import { runTiny, tinyWorld } from './fixture.js';

const Hesitant = stateTable.length;
const hesitant: StateInfo = { name: 'hesitant', influence: Influence.None, receptivity: 0.5, pool: Pool.None, due: Due.Peer };
const tables = { states: [...stateTable, hesitant], channels: channelTable };

describe('engine/simulation: a toy state from the tables alone', () => {
  it('is recruited by peers with its own receptivity, and the tally grows a column for it', () => {
    // Threshold 1: a sympathizer (receptivity 1) with one tie abroad mobilizes; a hesitant one
    // (0.5) needs two.
    const ties: [number, number][] = [[0, 2], [0, 3], [1, 3], [0, 4]];
    const initial = { 0: State.Abroad, 1: State.Abroad, 2: Hesitant, 3: Hesitant, 4: State.Sympathizer };
    const out = runTiny(tinyWorld(5, ties, initial), { peer: { rule: 'threshold', threshold: { ties: 1 } } }, { tables, days: 5 });
    expect(out.state[2]).toBe(Hesitant);
    expect(out.state[3]).toBe(State.Mobilized);
    expect(out.channel[3]).toBe(Channel.Peer);
    expect(out.mobilizedOn[4]).toBe(1);
    expect(out.tally.states.length).toBe(tables.states.length);
    expect(out.tally.states[Hesitant]).toBe(1);
  });

  it('sits in no media pool: media exposure never picks it', () => {
    const initial: Record<number, number> = {};
    for (let a = 0; a < 50; a++) initial[a] = Hesitant;
    const out = runTiny(tinyWorld(100, [], initial), { media: { exposure: 1 } }, { tables, days: 3 });
    expect(out.tally.states[Hesitant]).toBe(50);
    expect(out.tally.states[State.Sympathizer]).toBe(50);
  });

  it('a state table that does not match the compiled channels is refused, naming both', () => {
    const t = tinyWorld(3, []);
    const schedule = compileInterventions(t.scenario, t.world);
    expect(() => simulate(t.world, { channels: compileChannels(t.scenario.channels), tables, days: 3, schedule, seed: 1, replicate: 0 }))
      .toThrow('engine/simulation: channels.peer.receptivity has 7 entries, expected one per state (8)');
  });
});
