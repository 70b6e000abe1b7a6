/**
 * Who had already travelled at the start date: the agents of the initial stock,
 * placed on a built world. How many agents of each kind every community gets is
 * world/stock-counts.ts's (largest remainder down the place tree, the same at every
 * seed); this module chooses which agents, from the 'stock' random stream only, so a
 * seed gives the same world byte for byte.
 *
 * Uniform placement draws each stock agent uniformly within its community. Clusters
 * place a community's stock as groups of friends, as people who travelled together
 * were: a uniformly drawn agent, then agents reached from it over the community's ties.
 * The placements of the classic experiments: one agent's neighbourhood (Centola & Macy
 * 2007 seed a node and its neighbours), and the agents of highest degree. These two draw
 * from streams of their own ('stock/neighbourhood', 'stock/central'), so that choosing one
 * moves no other draw of the world.
 */
import type { Csr } from '../network/csr.js';
import { State } from '../model/states.js';
import { randomInt, stream, type Rng } from '../random/streams.js';
import type { StockPlacement } from '../scenario/schema.js';
import type { PlannedCommunity, WorldPlan } from './plan.js';
import { STOCK_KINDS, stockCounts, type StockAgents, type StockKind } from './stock-counts.js';

export interface StockOptions {
  seed: number;
  replicate: number;
  /** Absent: uniform. */
  placement?: StockPlacement;
}

const STATE_OF: Record<StockKind, State> = { abroad: State.Abroad, returned: State.Returned, dead: State.Dead };

/**
 * The state of every agent at the start date. A community never holds more stock
 * agents than it has agents: what exceeds them is dropped (abroad kept first, then
 * returned, then dead).
 */
export function placeStock(plan: WorldPlan, ties: Csr, { seed, replicate, placement }: StockOptions): Uint8Array {
  const state = new Uint8Array(plan.agentCount); // State.Susceptible is 0
  const purpose = placement?.kind === 'neighbourhood' || placement?.kind === 'central' ? `stock/${placement.kind}` : 'stock';
  const rng = stream({ seed, replicate, purpose });
  const counts = stockCounts(plan);
  for (const c of plan.communities) {
    const wanted = counts.communities[c.index]!;
    switch (placement?.kind) {
      case 'clusters':
        placeInClusters(state, ties, c, wanted, placement.size, rng);
        break;
      case 'neighbourhood':
        if (STOCK_KINDS.some((kind) => wanted[kind] > 0)) placeNeighbourhood(state, ties, c, placement.radius, rng);
        break;
      case 'central':
        placeCentral(state, ties, c, wanted, rng);
        break;
      default:
        for (const kind of STOCK_KINDS) placeUniformly(state, c, wanted[kind], STATE_OF[kind], rng);
    }
  }
  return state;
}

/** A uniformly drawn agent of `c` and every agent within `radius` ties of it (ties inside `c`), all abroad. */
function placeNeighbourhood(state: Uint8Array, ties: Csr, c: PlannedCommunity, radius: number, rng: Rng): void {
  if (c.agents === 0) return;
  let frontier = [c.firstAgent + randomInt(rng, c.agents)];
  state[frontier[0]!] = State.Abroad;
  for (let step = 0; step < radius; step++) {
    const next: number[] = [];
    for (const v of frontier) {
      for (let i = ties.offsets[v]!; i < ties.offsets[v + 1]!; i++) {
        const u = ties.neighbors[i]!;
        if (u < c.firstAgent || u >= c.firstAgent + c.agents || state[u] !== State.Susceptible) continue;
        state[u] = State.Abroad;
        next.push(u);
      }
    }
    frontier = next;
  }
}

/**
 * The stock on the agents of `c` of highest degree (ties inside `c`), kinds in a random order
 * as clusters have them. Equal degrees are ordered by a random key, so that a regular network
 * (a ring, a complete graph) gets uniformly drawn agents rather than the first in the file.
 */
function placeCentral(state: Uint8Array, ties: Csr, c: PlannedCommunity, wanted: StockAgents, rng: Rng): void {
  const kinds: State[] = [];
  for (const kind of STOCK_KINDS) for (let i = 0; i < wanted[kind] && kinds.length < c.agents; i++) kinds.push(STATE_OF[kind]);
  if (kinds.length === 0) return;
  const degree = new Int32Array(c.agents);
  const key = new Float64Array(c.agents);
  for (let a = 0; a < c.agents; a++) {
    const v = c.firstAgent + a;
    for (let i = ties.offsets[v]!; i < ties.offsets[v + 1]!; i++) {
      const u = ties.neighbors[i]!;
      if (u >= c.firstAgent && u < c.firstAgent + c.agents) degree[a]!++;
    }
    key[a] = rng();
  }
  const order = Array.from({ length: c.agents }, (_, a) => a).sort((x, y) => degree[y]! - degree[x]! || key[x]! - key[y]!);
  shuffle(kinds, rng);
  for (let i = 0; i < kinds.length; i++) state[c.firstAgent + order[i]!] = kinds[i]!;
}

/** Puts up to `count` susceptible agents of `c` in `target`, each drawn uniformly; returns how many it placed. */
function placeUniformly(state: Uint8Array, c: PlannedCommunity, count: number, target: State, rng: Rng): number {
  let free = 0;
  for (let a = c.firstAgent; a < c.firstAgent + c.agents; a++) if (state[a] === State.Susceptible) free++;
  const wanted = Math.min(count, free);
  let left = wanted;
  // Stocks are a small share of a community: rejection sampling wastes few draws.
  // Past half, selection sampling (one pass, each agent kept with probability left/free) is exact and bounded.
  while (left > 0 && left <= free / 2) {
    const a = c.firstAgent + randomInt(rng, c.agents);
    if (state[a] === State.Susceptible) {
      state[a] = target;
      left--;
      free--;
    }
  }
  for (let a = c.firstAgent; left > 0 && a < c.firstAgent + c.agents; a++) {
    if (state[a] !== State.Susceptible) continue;
    if (rng() * free < left) {
      state[a] = target;
      left--;
    }
    free--;
  }
  return wanted - left;
}

/**
 * The community's stock agents as clusters of up to `size` friends, then their kinds
 * in a random order, so that one cluster may hold agents abroad, returned and dead.
 */
function placeInClusters(state: Uint8Array, ties: Csr, c: PlannedCommunity, wanted: StockAgents, size: number, rng: Rng): void {
  // Capped at the community's agents as uniform placement is: abroad first, then returned, then dead.
  const kinds: State[] = [];
  for (const kind of STOCK_KINDS) for (let i = 0; i < wanted[kind] && kinds.length < c.agents; i++) kinds.push(STATE_OF[kind]);
  if (kinds.length === 0) return;
  const chosen = clusteredAgents(ties, c, kinds.length, size, rng);
  shuffle(kinds, rng);
  for (let i = 0; i < chosen.length; i++) state[chosen[i]!] = kinds[i]!;
}

/**
 * `count` distinct agents of `c` (at most its agent count), in clusters: each starts
 * at an agent drawn uniformly among those not yet taken and grows breadth first over
 * ties within the community, a node's neighbours in a random order, until it holds
 * `size` agents or its untaken component is exhausted.
 */
function clusteredAgents(ties: Csr, c: PlannedCommunity, count: number, size: number, rng: Rng): Int32Array {
  const taken = new Uint8Array(c.agents); // by agent - c.firstAgent
  const chosen = new Int32Array(count);
  const scratch: number[] = [];
  let placed = 0;
  while (placed < count) {
    const start = untakenAgent(taken, c.agents - placed, rng);
    taken[start] = 1;
    chosen[placed++] = c.firstAgent + start;
    // The cluster so far doubles as the breadth-first queue: chosen[head .. placed).
    const clusterEnd = Math.min(count, placed - 1 + size);
    for (let head = placed - 1; head < placed && placed < clusterEnd; head++) {
      const v = chosen[head]!;
      scratch.length = 0;
      for (let i = ties.offsets[v]!; i < ties.offsets[v + 1]!; i++) {
        const u = ties.neighbors[i]! - c.firstAgent;
        if (u >= 0 && u < c.agents && taken[u] === 0) scratch.push(u);
      }
      // Neighbours in a random order, drawn one at a time: only those the cluster takes cost a draw.
      for (let left = scratch.length; left > 0 && placed < clusterEnd; left--) {
        const k = randomInt(rng, left);
        const u = scratch[k]!;
        scratch[k] = scratch[left - 1]!;
        taken[u] = 1;
        chosen[placed++] = c.firstAgent + u;
      }
    }
  }
  return chosen;
}

/** An index with taken[i] === 0, drawn uniformly; `free` is how many there are (at least one). */
function untakenAgent(taken: Uint8Array, free: number, rng: Rng): number {
  // Mostly untaken (stocks are a small share of a community): rejection sampling wastes few draws.
  if (free * 2 >= taken.length) {
    for (;;) {
      const i = randomInt(rng, taken.length);
      if (taken[i] === 0) return i;
    }
  }
  let k = randomInt(rng, free);
  for (let i = 0; i < taken.length; i++) if (taken[i] === 0 && k-- === 0) return i;
  throw new Error('world/place-stock: no untaken agent left (free count out of step)');
}

/** Fisher–Yates, in place. */
function shuffle<T>(xs: T[], rng: Rng): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}
