import { UndirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { tieCount } from '../../src/network/csr.js';
import { agentAttributes, exportGraph, toGexf, toGraphologyJson } from '../../src/network/export.js';
import { GraphologySink, csrFromGraph, graphFromCsr } from '../../src/network/graphology-sink.js';
import { generateNetwork } from '../../src/network/generate.js';
import { buildCsr, recipe, rngFor } from './helpers.js';

const csr = buildCsr(recipe({ kind: 'town' }), 300, 1);
const community = Int32Array.from({ length: 300 }, (_, id) => (id < 150 ? 0 : 1));
const state = (id: number) => (id % 3 === 0 ? 'susceptible' : id % 3 === 1 ? 'considering' : undefined);

describe('agent attributes', () => {
  it('puts community and state on nodes, leaving out what is not given', () => {
    const graph = exportGraph(csr, { community, state });
    expect(graph.getNodeAttributes('0')).toEqual({ community: 0, state: 'susceptible' });
    expect(graph.getNodeAttributes('151')).toEqual({ community: 1, state: 'considering' });
    expect(graph.getNodeAttributes('2')).toEqual({ community: 0 });
    expect(agentAttributes({})(5)).toEqual({});
    expect(exportGraph(csr).getNodeAttributes('7')).toEqual({});
  });
});

describe('toGexf', () => {
  it('parses back to the same nodes, ties and attributes', () => {
    const graph = exportGraph(csr, { community, state });
    const gexf = toGexf(graph);
    const back = parse(UndirectedGraph, gexf);
    expect(back.order).toBe(300);
    expect(back.size).toBe(tieCount(csr));
    expect(back.getNodeAttribute('151', 'community')).toBe(1);
    expect(back.getNodeAttribute('3', 'state')).toBe('susceptible');
    const again = csrFromGraph(back);
    expect(again.neighbors).toEqual(csr.neighbors);
  });

  it('is the same text every time for the same network', () => {
    expect(toGexf(exportGraph(csr, { community }))).toBe(toGexf(exportGraph(csr, { community })));
  });
});

describe('toGraphologyJson', () => {
  it('round-trips through graph.import', () => {
    const graph = exportGraph(csr, { community, state });
    const json = toGraphologyJson(graph);
    const back = new UndirectedGraph();
    back.import(JSON.parse(json));
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    graph.forEachEdge((_e, _a, s, t) => expect(back.hasEdge(s, t)).toBe(true));
    graph.forEachNode((node, attributes) => expect(back.getNodeAttributes(node)).toEqual(attributes));
    expect(toGraphologyJson(back)).toBe(json);
  });

  it('depends on the network, not on the order it was built in', () => {
    // The sink creates nodes and edges in generator order; graphFromCsr in id order.
    const r = recipe({ kind: 'barabasi-albert', attach: 3 });
    const sink = new GraphologySink();
    generateNetwork(r, 200, 0, rngFor(4), sink);
    const fromCsr = graphFromCsr(buildCsr(r, 200, 4));
    expect(sink.graph.edges()).not.toEqual(fromCsr.edges());
    expect(toGraphologyJson(sink.graph)).toBe(toGraphologyJson(fromCsr));
  });
});
