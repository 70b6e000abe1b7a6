/**
 * Who had already travelled at the start date: the agents of the initial stock,
 * placed on a built world. How many agents of each kind every community gets is
 * world/stock-counts.ts's (largest remainder down the place tree, the same at every
 * seed); this module chooses which agents, from the 'stock' random stream only, so a
 * seed gives the same world byte for byte.
 *
 * Each stock agent is drawn uniformly within its community.
 */
import { State } from '../model/states.js';
import { randomInt, stream, type Rng } from '../random/streams.js';
import type { PlannedCommunity, WorldPlan } from './plan.js';
import { STOCK_KINDS, stockCounts, type StockKind } from './stock-counts.js';

export interface StockOptions {
  seed: number;
  replicate: number;
}

const STATE_OF: Record<StockKind, State> = { abroad: State.Abroad, returned: State.Returned, dead: State.Dead };

/**
 * The state of every agent at the start date. A community never holds more stock
 * agents than it has agents: what exceeds them is dropped (abroad kept first, then
 * returned, then dead).
 */
export function placeStock(plan: WorldPlan, { seed, replicate }: StockOptions): Uint8Array {
  const state = new Uint8Array(plan.agentCount); // State.Susceptible is 0
  const rng = stream({ seed, replicate, purpose: 'stock' });
  const counts = stockCounts(plan);
  for (const c of plan.communities) {
    const wanted = counts.communities[c.index]!;
    for (const kind of STOCK_KINDS) placeUniformly(state, c, wanted[kind], STATE_OF[kind], rng);
  }
  return state;
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
