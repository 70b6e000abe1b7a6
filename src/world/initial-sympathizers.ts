/**
 * Sympathizers at the start date: the people media had already won over before it. The
 * run starts in June 2014, two years into the mobilization for Syria, and a world that
 * starts with no sympathizer has media recruits appear only as exposure piles them up, so
 * media's share of recruits could only grow. Each susceptible agent starts as a
 * sympathizer with the probability that `days` of media exposure at the start's rate
 * would have made it one: 1 − (1 − p)^days, p = exposure × media reach × susceptibility
 * (the engine's daily rate, with no intervention in force). Exposure only: before the
 * start no one is mobilized by it here (the stock stands for those who left).
 */
import { State } from '../model/states.js';
import { stream } from '../random/streams.js';
import type { WorldPlan } from './plan.js';

export interface PriorExposure {
  /** Days of media exposure before the start date. */
  days: number;
  /** The media channel's daily exposure probability (scenario channels.media.exposure). */
  exposure: number;
}

/** Turns susceptible agents of `state` into sympathizers, in place; the stream is its own, so the stock does not move. */
export function placeInitialSympathizers(plan: WorldPlan, state: Uint8Array, prior: PriorExposure, seed: number, replicate: number): void {
  if (prior.days <= 0 || prior.exposure <= 0) return;
  const rng = stream({ seed, replicate, purpose: 'initial-sympathizers' });
  for (const c of plan.communities) {
    const p = Math.min(1, prior.exposure * c.mediaReach * c.susceptibility);
    const q = 1 - (1 - p) ** prior.days;
    if (q <= 0) continue;
    for (let a = c.firstAgent; a < c.firstAgent + c.agents; a++) {
      if (state[a] === State.Susceptible && rng() < q) state[a] = State.Sympathizer;
    }
  }
}
