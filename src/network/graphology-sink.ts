/**
 * Collects ties into a graphology graph, for statistics, export and small towns
 * where convenience beats speed. A tie's kind, where the generator gives one, is
 * its edge's `tie` attribute. Node keys are String(id); edge keys are
 * "lo-hi" so that the same ties always give the same keys (graphology's own
 * generated keys carry a random per-process prefix, which would make exports
 * differ from run to run).
 */
import { UndirectedGraph } from 'graphology';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { CsrBuilder, type Csr } from './csr.js';
import type { TieKind, TieSink } from './sink.js';

/** Fixed attributes for every node, or a function of the node id. */
export type NodeAttributesFor = Attributes | ((id: number) => Attributes);

export class GraphologySink implements TieSink {
  readonly graph: UndirectedGraph;

  constructor(graph: UndirectedGraph = new UndirectedGraph()) {
    this.graph = graph;
  }

  /**
   * Creates nodes from .. from + count - 1 up front, so that agents without ties
   * still appear; addTie only creates the nodes it names.
   */
  addNodes(from: number, count: number, attributes?: NodeAttributesFor): void {
    for (let id = from; id < from + count; id++) {
      checkId(id, id, id);
      const attrs = typeof attributes === 'function' ? attributes(id) : attributes;
      this.graph.mergeNode(String(id), attrs ? { ...attrs } : undefined);
    }
  }

  addTie(a: number, b: number, kind?: TieKind): void {
    checkId(a, a, b);
    checkId(b, a, b);
    if (a === b) return;
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const key = `${lo}-${hi}`;
    // A repeated tie keeps its first kind (merging would overwrite it with the later one).
    if (this.graph.hasEdge(key)) return;
    // mergeEdgeWithKey creates missing nodes.
    this.graph.mergeEdgeWithKey(key, String(lo), String(hi), kind === undefined ? undefined : { tie: kind });
  }
}

function checkId(id: number, a: number, b: number): void {
  if (!Number.isInteger(id) || id < 0) {
    throw new RangeError(`network/graphology-sink: node ${id} in tie (${a}, ${b}) is not a non-negative integer`);
  }
}

/**
 * CSR of a graph whose node keys are non-negative integers as strings (as the
 * sink makes them). nodeCount defaults to the largest id + 1; ids missing from
 * the graph become isolated nodes. Edge direction is ignored.
 */
export function csrFromGraph(graph: AbstractGraph, nodeCount?: number): Csr {
  let maxId = -1;
  graph.forEachNode((key) => {
    const id = Number(key);
    if (!Number.isInteger(id) || id < 0 || String(id) !== key) {
      throw new RangeError(`network/graphology-sink: node key "${key}" is not an agent id`);
    }
    if (id > maxId) maxId = id;
  });
  const builder = new CsrBuilder(nodeCount ?? maxId + 1, graph.size);
  graph.forEachEdge((_edge, _attributes, source, target) => {
    builder.addTie(Number(source), Number(target));
  });
  return builder.build();
}

/** Graph with every node of the CSR (isolated ones included) and its ties, keyed as the sink keys them. */
export function graphFromCsr(csr: Csr, attributesFor?: (id: number) => Attributes): UndirectedGraph {
  const graph = new UndirectedGraph();
  const { nodeCount, offsets, neighbors } = csr;
  for (let v = 0; v < nodeCount; v++) graph.addNode(String(v), attributesFor?.(v));
  for (let v = 0; v < nodeCount; v++) {
    for (let i = offsets[v]!; i < offsets[v + 1]!; i++) {
      const u = neighbors[i]!;
      if (u > v) graph.addEdgeWithKey(`${v}-${u}`, String(v), String(u));
    }
  }
  return graph;
}
