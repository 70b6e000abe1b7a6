/**
 * Descriptive statistics of a network, computed on CSR so they stay cheap for a
 * million agents: degree summary, clustering, connected components.
 */
import type { Rng } from '../random/streams.js';
import type { Csr } from './csr.js';

export interface NetworkStats {
  nodes: number;
  ties: number;
  meanDegree: number;
  maxDegree: number;
  clustering: {
    /** Mean local clustering over all nodes; nodes of degree < 2 count as 0 (as in networkx). */
    average: number;
    /** Transitivity: 3 · triangles / connected triples. */
    global: number;
    /** Number of nodes the clustering was estimated on, or null when computed exactly. */
    sampled: number | null;
  };
  components: {
    /** Isolated nodes count as components of one. */
    count: number;
    /** Nodes in the largest component. */
    largest: number;
    /** Nodes with no tie. */
    isolated: number;
  };
  /** Degrees that occur, ascending. */
  degreeHistogram: Array<{ degree: number; count: number }>;
}

export interface NetworkStatsOptions {
  /**
   * Estimate clustering on `size` nodes drawn uniformly (with replacement) with
   * `rng`, instead of counting every triangle. Ignored when size ≥ nodes.
   */
  clusteringSample?: { size: number; rng: Rng };
}

export function networkStats(csr: Csr, options: NetworkStatsOptions = {}): NetworkStats {
  const n = csr.nodeCount;
  const { offsets } = csr;
  const ties = offsets[n]! / 2;

  let maxDegree = 0;
  for (let v = 0; v < n; v++) {
    const d = offsets[v + 1]! - offsets[v]!;
    if (d > maxDegree) maxDegree = d;
  }
  const counts = new Float64Array(maxDegree + 1);
  for (let v = 0; v < n; v++) counts[offsets[v + 1]! - offsets[v]!]!++;
  const degreeHistogram: Array<{ degree: number; count: number }> = [];
  for (let d = 0; d <= maxDegree; d++) {
    if (counts[d]! > 0) degreeHistogram.push({ degree: d, count: counts[d]! });
  }

  const sample = options.clusteringSample;
  const clustering = sample && sample.size < n
    ? sampledClustering(csr, sample.size, sample.rng)
    : exactClustering(csr);

  return {
    nodes: n,
    ties,
    meanDegree: n > 0 ? (2 * ties) / n : 0,
    maxDegree,
    clustering,
    components: components(csr, n > 0 ? counts[0]! : 0),
    degreeHistogram,
  };
}

/**
 * Every triangle counted once by orienting each tie towards the endpoint of
 * higher (degree, id) rank and intersecting out-lists: out-degrees are then at
 * most about √(2 · ties), so hubs do not make the count quadratic. Out-lists are
 * filtered from sorted lists and stay sorted, so intersection is a merge.
 */
function exactClustering(csr: Csr): NetworkStats['clustering'] {
  const { nodeCount: n, offsets, neighbors } = csr;
  const outOffsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    const dv = offsets[v + 1]! - offsets[v]!;
    let out = 0;
    for (let i = offsets[v]!; i < offsets[v + 1]!; i++) {
      const u = neighbors[i]!;
      const du = offsets[u + 1]! - offsets[u]!;
      if (du > dv || (du === dv && u > v)) out++;
    }
    outOffsets[v + 1] = outOffsets[v]! + out;
  }
  const outs = new Int32Array(outOffsets[n]!);
  for (let v = 0; v < n; v++) {
    const dv = offsets[v + 1]! - offsets[v]!;
    let w = outOffsets[v]!;
    for (let i = offsets[v]!; i < offsets[v + 1]!; i++) {
      const u = neighbors[i]!;
      const du = offsets[u + 1]! - offsets[u]!;
      if (du > dv || (du === dv && u > v)) outs[w++] = u;
    }
  }

  // Float64: a hub's triangle count can pass 2^31.
  const triangles = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const vStart = outOffsets[v]!;
    const vEnd = outOffsets[v + 1]!;
    for (let k = vStart; k < vEnd; k++) {
      const u = outs[k]!;
      let i = vStart;
      let j = outOffsets[u]!;
      const uEnd = outOffsets[u + 1]!;
      while (i < vEnd && j < uEnd) {
        const x = outs[i]!;
        const y = outs[j]!;
        if (x < y) i++;
        else if (x > y) j++;
        else {
          triangles[v]!++;
          triangles[u]!++;
          triangles[x]!++;
          i++;
          j++;
        }
      }
    }
  }

  let localSum = 0;
  let closed = 0;
  let triples = 0;
  for (let v = 0; v < n; v++) {
    const d = offsets[v + 1]! - offsets[v]!;
    if (d < 2) continue;
    const pairs = (d * (d - 1)) / 2;
    localSum += triangles[v]! / pairs;
    closed += triangles[v]!;
    triples += pairs;
  }
  return {
    average: n > 0 ? localSum / n : 0,
    global: triples > 0 ? closed / triples : 0,
    sampled: null,
  };
}

/**
 * Triangles at each sampled node v by marking v's neighbours and walking their
 * lists: cost Σ degree of v's neighbours, with no quadratic blow-up when v is a
 * hub. The global value is the ratio of the sample's sums, a consistent
 * estimate of transitivity.
 */
function sampledClustering(csr: Csr, size: number, rng: Rng): NetworkStats['clustering'] {
  const { nodeCount: n, offsets, neighbors } = csr;
  const markedBy = new Int32Array(n).fill(-1);
  let localSum = 0;
  let closed = 0;
  let triples = 0;
  for (let s = 0; s < size; s++) {
    const v = Math.floor(rng() * n);
    const d = offsets[v + 1]! - offsets[v]!;
    if (d < 2) continue;
    for (let i = offsets[v]!; i < offsets[v + 1]!; i++) markedBy[neighbors[i]!] = s;
    let links = 0; // each tie among v's neighbours is seen from both ends
    for (let i = offsets[v]!; i < offsets[v + 1]!; i++) {
      const u = neighbors[i]!;
      for (let j = offsets[u]!; j < offsets[u + 1]!; j++) {
        if (markedBy[neighbors[j]!] === s) links++;
      }
    }
    const t = links / 2;
    const pairs = (d * (d - 1)) / 2;
    localSum += t / pairs;
    closed += t;
    triples += pairs;
  }
  return {
    average: size > 0 ? localSum / size : 0,
    global: triples > 0 ? closed / triples : 0,
    sampled: size,
  };
}

/** Breadth-first search with a typed-array queue; each node is queued once. */
function components(csr: Csr, isolated: number): NetworkStats['components'] {
  const { nodeCount: n, offsets, neighbors } = csr;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let count = 0;
  let largest = 0;
  for (let root = 0; root < n; root++) {
    if (seen[root]) continue;
    count++;
    seen[root] = 1;
    queue[0] = root;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (let i = offsets[v]!; i < offsets[v + 1]!; i++) {
        const u = neighbors[i]!;
        if (!seen[u]) {
          seen[u] = 1;
          queue[tail++] = u;
        }
      }
    }
    if (tail > largest) largest = tail;
  }
  return { count, largest, isolated };
}
