/**
 * The naive reference: W1 and W2 written the straightforward way a user of
 * graphology would first write them. The graph is a graphology UndirectedGraph
 * built edge by edge; each step visits every node with forEachNeighbor and
 * updates synchronously (the state array is copied, the next state is computed
 * from the previous one).
 *
 * - threshold (W1): an inactive node activates when the share of its neighbours
 *   that are active is ≥ share (0.25). Deterministic: it is the oracle for the
 *   engine's 'fractional' rule (tests/reference/oracle.test.ts).
 * - cascade (W2): Hotbed's per-tie-per-day variant, so that the work compared
 *   is the same: every day each active neighbour of an inactive node gets an
 *   independent chance p. (Classic independent cascade gives a newly active
 *   node ONE chance per tie; see tests/bench/README.md.)
 *
 * Active nodes never become inactive. Node keys are the integers 0 .. n − 1
 * (graphology stores them as strings).
 */
import { UndirectedGraph } from 'graphology';
import type { Csr } from '../../src/network/csr.js';
import type { Rng } from '../../src/random/streams.js';

/** The same ties as the CSR, added to a graphology graph one edge at a time. */
export function naiveGraph(csr: Csr): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (let v = 0; v < csr.nodeCount; v++) graph.addNode(v);
  for (let v = 0; v < csr.nodeCount; v++) {
    for (let i = csr.offsets[v]!; i < csr.offsets[v + 1]!; i++) {
      const u = csr.neighbors[i]!;
      if (v < u) graph.addEdge(v, u);
    }
  }
  return graph;
}

export interface NaiveResult {
  /** 1 for active nodes at the end. */
  active: boolean[];
  /** Step at which each node became active (0 for the initial set, -1 never). */
  activatedAt: number[];
  /** Neighbour visits (forEachNeighbor callbacks). */
  tieVisits: number;
}

export interface NaiveOptions {
  rule: 'threshold' | 'cascade';
  steps: number;
  share?: number;
  probability?: number;
  /** Needed for 'cascade'. */
  rng?: Rng;
}

export function naiveRun(graph: UndirectedGraph, initial: ArrayLike<number>, options: NaiveOptions): NaiveResult {
  const n = graph.order;
  let active: boolean[] = new Array<boolean>(n).fill(false);
  const activatedAt: number[] = new Array<number>(n).fill(-1);
  for (let i = 0; i < initial.length; i++) {
    active[initial[i]!] = true;
    activatedAt[initial[i]!] = 0;
  }
  const share = options.share ?? 0.25;
  const p = options.probability ?? 0.1;
  const rng = options.rng ?? Math.random;
  let tieVisits = 0;

  for (let step = 1; step <= options.steps; step++) {
    const next = active.slice();
    graph.forEachNode((node) => {
      const v = Number(node);
      if (active[v]) return;
      if (options.rule === 'threshold') {
        let activeNeighbours = 0;
        graph.forEachNeighbor(node, (neighbour) => {
          tieVisits++;
          if (active[Number(neighbour)]) activeNeighbours++;
        });
        const degree = graph.degree(node);
        if (degree > 0 && activeNeighbours / degree >= share) {
          next[v] = true;
          activatedAt[v] = step;
        }
      } else {
        graph.forEachNeighbor(node, (neighbour) => {
          tieVisits++;
          if (!next[v] && active[Number(neighbour)] && rng() < p) {
            next[v] = true;
            activatedAt[v] = step;
          }
        });
      }
    });
    active = next;
  }
  return { active, activatedAt, tieVisits };
}
