import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { tieCount } from '../../src/network/csr.js';
import { GraphologySink, csrFromGraph, graphFromCsr } from '../../src/network/graphology-sink.js';
import { buildCsr, csrOf, recipe, tieList } from './helpers.js';

describe('GraphologySink', () => {
  it('creates nodes on demand, merges repeats and skips self-loops', () => {
    const sink = new GraphologySink();
    sink.addTie(2, 0);
    sink.addTie(0, 2);
    sink.addTie(2, 2);
    sink.addTie(1, 2);
    const { graph } = sink;
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(2);
    expect(graph.hasEdge('0', '2')).toBe(true);
    expect(graph.hasEdge('2', '2')).toBe(false);
    expect(graph.edges().sort()).toEqual(['0-2', '1-2']);
  });

  it('adds nodes up front with fixed or per-id attributes', () => {
    const sink = new GraphologySink();
    sink.addNodes(0, 3, { community: 'a' });
    sink.addNodes(3, 2, (id) => ({ community: 'b', parity: id % 2 }));
    sink.addTie(0, 4);
    expect(sink.graph.order).toBe(5);
    expect(sink.graph.getNodeAttributes('1')).toEqual({ community: 'a' });
    expect(sink.graph.getNodeAttributes('4')).toEqual({ community: 'b', parity: 0 });
    // Attribute objects are copied, not shared between nodes.
    sink.graph.setNodeAttribute('0', 'community', 'z');
    expect(sink.graph.getNodeAttribute('1', 'community')).toBe('a');
  });

  it('keeps a tie\'s kind as its edge\'s `tie` attribute, the first kind when a tie comes twice', () => {
    const sink = new GraphologySink();
    sink.addTie(0, 1, 'household');
    sink.addTie(1, 0, 'friend');
    sink.addTie(1, 2, 'bridge');
    sink.addTie(2, 3);
    expect(sink.graph.getEdgeAttributes('0-1')).toEqual({ tie: 'household' });
    expect(sink.graph.getEdgeAttributes('1-2')).toEqual({ tie: 'bridge' });
    expect(sink.graph.getEdgeAttributes('2-3')).toEqual({});
  });

  it('writes into a graph it is given', () => {
    const graph = new UndirectedGraph();
    new GraphologySink(graph).addTie(5, 6);
    expect(graph.hasEdge('5', '6')).toBe(true);
  });

  it('rejects ids that are not agent ids', () => {
    const sink = new GraphologySink();
    expect(() => sink.addTie(-1, 2)).toThrow(/network\/graphology-sink: node -1/);
    expect(() => sink.addTie(0, 0.5)).toThrow(RangeError);
  });
});

describe('csrFromGraph / graphFromCsr', () => {
  it('round-trips a network, isolated nodes included', () => {
    const csr = buildCsr(recipe({ kind: 'town' }), 500, 4, 10, 520);
    const graph = graphFromCsr(csr, (id) => ({ community: id < 260 ? 0 : 1 }));
    expect(graph.order).toBe(520);
    expect(graph.size).toBe(tieCount(csr));
    expect(graph.getNodeAttribute('300', 'community')).toBe(1);
    const back = csrFromGraph(graph);
    expect(back.offsets).toEqual(csr.offsets);
    expect(back.neighbors).toEqual(csr.neighbors);
  });

  it('sizes the CSR from the largest id unless told otherwise', () => {
    const graph = new UndirectedGraph();
    graph.mergeEdge('3', '1');
    expect(csrFromGraph(graph).nodeCount).toBe(4);
    expect(csrFromGraph(graph, 10).nodeCount).toBe(10);
    expect(tieList(csrFromGraph(graph))).toEqual([[1, 3]]);
    expect(csrFromGraph(new UndirectedGraph()).nodeCount).toBe(0);
  });

  it('refuses node keys that are not agent ids', () => {
    for (const key of ['x', '-1', '01', '1.5']) {
      const graph = new UndirectedGraph();
      graph.addNode(key);
      expect(() => csrFromGraph(graph)).toThrow(/network\/graphology-sink: node key/);
    }
  });

  it('graphFromCsr keys edges as the sink does', () => {
    const csr = csrOf(3, [[2, 0], [1, 2]]);
    expect(graphFromCsr(csr).edges().sort()).toEqual(['0-2', '1-2']);
  });
});
