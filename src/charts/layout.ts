/**
 * Positions for the network map. Nodes that come with x and y keep them; otherwise
 * ForceAtlas2 runs for a fixed number of iterations from seeded starting positions
 * (a Hotbed random stream, never Math.random), so the same sample always gives the
 * same picture.
 */
import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { ReportInputs } from './inputs.js';
import { stream } from '../random/streams.js';

type Network = NonNullable<ReportInputs['network']>;

// A CommonJS package: under Node's ESM loader the default import is module.exports,
// which is the layout function itself (its typings describe it as `.default`).
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

export interface Point {
  x: number;
  y: number;
}

export const LAYOUT_ITERATIONS = 400;

const hasPosition = (n: { x?: number; y?: number }): n is { x: number; y: number } => Number.isFinite(n.x) && Number.isFinite(n.y);

/**
 * x and y for every node of the sample, by id. Uses the nodes' own positions when all
 * have them; otherwise lays the sample out (ties and recruitments both pull), starting
 * from the given positions where there are some and from seeded random ones elsewhere.
 */
export function layoutNetwork(network: Pick<Network, 'nodes' | 'ties' | 'recruitments'>, seed: number, iterations = LAYOUT_ITERATIONS): Map<number, Point> {
  const positions = new Map<number, Point>();
  if (network.nodes.every(hasPosition)) {
    for (const n of network.nodes) positions.set(n.id, { x: n.x as number, y: n.y as number });
    return positions;
  }
  const rng = stream({ seed, replicate: 0, purpose: 'charts/network-layout' });
  const graph = new UndirectedGraph();
  const spread = Math.sqrt(network.nodes.length) * 10;
  for (const n of network.nodes) {
    const key = String(n.id);
    if (graph.hasNode(key)) continue;
    // draw for every node, so that one node's given position does not shift the others'
    const x = (rng() - 0.5) * spread;
    const y = (rng() - 0.5) * spread;
    graph.addNode(key, hasPosition(n) ? { x: n.x, y: n.y } : { x, y });
  }
  const link = (a: number, b: number) => {
    const [ka, kb] = [String(a), String(b)];
    if (a === b || !graph.hasNode(ka) || !graph.hasNode(kb)) return;
    graph.mergeEdge(ka, kb);
  };
  for (const t of network.ties) link(t.a, t.b);
  for (const r of network.recruitments) link(r.recruiter, r.recruit);
  if (graph.order > 0 && iterations > 0) {
    forceAtlas2.assign(graph, {
      iterations,
      settings: {
        ...forceAtlas2.inferSettings(graph),
        // exact forces for a few hundred nodes; Barnes–Hut (also deterministic) beyond
        barnesHutOptimize: graph.order > 400,
        gravity: 1.5,
        strongGravityMode: true, // keeps small components and isolates near the rest
        scalingRatio: 4,
        linLogMode: false,
      },
    });
  }
  graph.forEachNode((key, attrs) => {
    positions.set(Number(key), { x: attrs.x as number, y: attrs.y as number });
  });
  return positions;
}
