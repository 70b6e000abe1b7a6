/**
 * Network export for outside tools: GEXF for Gephi, graphology JSON for
 * anything built on graphology (sigma.js, notebooks). The graph's own
 * attributes (graph, nodes, edges) go to both; the GEXF timeline only to GEXF.
 */
import type { AbstractGraph, Attributes, SerializedEdge, SerializedGraph, SerializedNode } from 'graphology-types';
import type { UndirectedGraph } from 'graphology';
import type { Csr } from './csr.js';
import { writeGexf, type GexfOptions } from './gexf.js';
import { graphFromCsr } from './graphology-sink.js';

type PerAgent<T> = ArrayLike<T> | ((id: number) => T);

/** What is known about each agent; undefined values are left off the node. */
export interface AgentAttributes {
  community?: PerAgent<string | number | undefined>;
  state?: PerAgent<string | number | undefined>;
}

/** Node attributes for agent `id`: only those given and defined. */
export function agentAttributes(agents: AgentAttributes): (id: number) => Attributes {
  const entries = (['community', 'state'] as const)
    .filter((name) => agents[name] !== undefined)
    .map((name) => [name, agents[name]!] as const);
  return (id) => {
    const attributes: Attributes = {};
    for (const [name, source] of entries) {
      const value = typeof source === 'function' ? source(id) : source[id];
      if (value !== undefined) attributes[name] = value;
    }
    return attributes;
  };
}

/** The graph to export: every agent of the CSR as a node, with its attributes. */
export function exportGraph(csr: Csr, agents: AgentAttributes = {}): UndirectedGraph {
  return graphFromCsr(csr, agentAttributes(agents));
}

/** GEXF 1.3 for Gephi (gexf.ts), with a timeline of dynamic attributes if given. */
export function toGexf(graph: AbstractGraph, options: GexfOptions = {}): string {
  return writeGexf(graph, options);
}

/**
 * graph.export() as JSON that depends only on the network, not on the order it
 * was built in: nodes sorted by id, undirected edges written low end first and
 * sorted, attribute keys sorted. Edge keys are left out of simple graphs, where
 * the two ends already name an edge and generated keys would carry
 * graphology's random per-process prefix; graph.import() regenerates them.
 */
export function toGraphologyJson(graph: AbstractGraph): string {
  const serialized = graph.export();
  const keepKeys = graph.multi;
  const nodes: SerializedNode[] = serialized.nodes
    .map((node) => withSortedAttributes(node))
    .sort((x, y) => compareKeys(x.key, y.key));
  const edges: SerializedEdge[] = serialized.edges
    .map((edge) => {
      const undirected = graph.type === 'undirected' || edge.undirected === true;
      const flip = undirected && compareKeys(edge.source, edge.target) > 0;
      const out: SerializedEdge = {
        source: flip ? edge.target : edge.source,
        target: flip ? edge.source : edge.target,
      };
      if (keepKeys && edge.key !== undefined) out.key = edge.key;
      if (edge.attributes) out.attributes = sortedObject(edge.attributes);
      if (edge.undirected) out.undirected = true;
      return out;
    })
    .sort((x, y) => compareKeys(x.source, y.source) || compareKeys(x.target, y.target)
      || compareKeys(x.key ?? '', y.key ?? ''));
  const stable: SerializedGraph = {
    options: serialized.options,
    attributes: sortedObject(serialized.attributes),
    nodes,
    edges,
  };
  return JSON.stringify(stable);
}

function withSortedAttributes(node: SerializedNode): SerializedNode {
  return node.attributes ? { key: node.key, attributes: sortedObject(node.attributes) } : { key: node.key };
}

function sortedObject(attributes: Attributes): Attributes {
  const sorted: Attributes = {};
  for (const key of Object.keys(attributes).sort()) sorted[key] = attributes[key];
  return sorted;
}

/** Agent ids compare as numbers; any other keys as strings after them. */
function compareKeys(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  const xNumeric = a !== '' && Number.isFinite(x);
  const yNumeric = b !== '' && Number.isFinite(y);
  if (xNumeric && yNumeric) return x - y;
  if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
