/** A run written onto a community's network: node and tie attributes, and the GEXF timeline. */
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { Channel, State } from '../../src/model/states.js';
import { addRun } from '../../src/results/network-run.js';

// Agents 10-14 in the community; 99 is outside it (a tie between places).
const graph = () => {
  const g = new UndirectedGraph();
  for (let a = 10; a <= 14; a++) g.addNode(String(a), { community: 'Town' });
  g.addEdgeWithKey('10-11', '10', '11', { tie: 'friend' });
  g.addEdgeWithKey('11-12', '11', '12', { tie: 'household' });
  g.addEdgeWithKey('12-13', '12', '13', { tie: 'bridge' });
  return g;
};
const n = 100;
const initialState = new Uint8Array(n);
initialState[14] = State.Abroad;
initialState[12] = State.Sympathizer;
const state = new Uint8Array(n);
const channel = new Uint8Array(n);
const recruitedBy = new Int32Array(n).fill(-1);
const mobilizedOn = new Int32Array(n).fill(-1);
// 10 mobilized by media on day 5; 11 by peer influence from 10 on day 9 (abroad at the end); 13 by 99, outside, on day 20.
state[10] = State.Abroad; channel[10] = Channel.Media; mobilizedOn[10] = 5;
state[11] = State.Abroad; channel[11] = Channel.Peer; mobilizedOn[11] = 9; recruitedBy[11] = 10;
state[12] = State.Sympathizer;
state[13] = State.Mobilized; channel[13] = Channel.Group; mobilizedOn[13] = 20; recruitedBy[13] = 99;
state[14] = State.Returned;
const run = { initialState, outcome: { state, channel, recruitedBy, mobilizedOn }, start: '2014-06-01', end: '2014-12-31' };

describe('addRun', () => {
  const g = graph();
  const { timeline, mobilized } = addRun(g, run);

  it('puts each agent\'s start and end state on its node, and for recruits the date, channel and recruiter', () => {
    expect(g.getNodeAttributes('10')).toEqual({ community: 'Town', startState: 'susceptible', state: 'abroad', mobilizedOn: '2014-06-06', channel: 'media' });
    expect(g.getNodeAttributes('11')).toEqual({ community: 'Town', startState: 'susceptible', state: 'abroad', mobilizedOn: '2014-06-10', channel: 'peer', recruiter: '10' });
    expect(g.getNodeAttributes('12')).toEqual({ community: 'Town', startState: 'sympathizer', state: 'sympathizer' });
    expect(g.getNodeAttributes('13')).toMatchObject({ channel: 'group', recruiter: '99' });
    expect(g.getNodeAttributes('14')).toEqual({ community: 'Town', startState: 'abroad', state: 'returned' });
  });

  it('marks the tie that carried a recruitment with its date; a recruiter outside the community has no tie here', () => {
    expect(g.getEdgeAttributes('10-11')).toEqual({ tie: 'friend', recruitedOn: '2014-06-10' });
    expect(g.getEdgeAttributes('12-13')).toEqual({ tie: 'bridge' });
    expect([...timeline.edges.keys()]).toEqual(['10-11']);
    expect(timeline.edges.get('10-11')).toEqual({ recruitment: [{ value: false, start: '2014-06-01', end: '2014-06-09' }, { value: true, start: '2014-06-10', end: '2014-12-31' }] });
  });

  it('gives each node a timeline: "no" until it mobilizes, then its channel; the stock abroad on day 0 "before the start"', () => {
    expect(timeline.nodes.get('10')).toEqual({ mobilized: [{ value: 'no', start: '2014-06-01', end: '2014-06-05' }, { value: 'media', start: '2014-06-06', end: '2014-12-31' }] });
    expect(timeline.nodes.get('12')).toEqual({ mobilized: [{ value: 'no', start: '2014-06-01', end: '2014-12-31' }] });
    expect(timeline.nodes.get('14')).toEqual({ mobilized: [{ value: 'before the start', start: '2014-06-01', end: '2014-12-31' }] });
    expect(timeline.nodes.size).toBe(5);
  });

  it('counts the community\'s recruits by channel', () => {
    expect(mobilized).toEqual({ media: 1, peer: 1, group: 1 });
  });
});
