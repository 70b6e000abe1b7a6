/**
 * When an agent's daily peer hazard changes from h₀ to h₁, its pending success
 * day must follow a daily Bernoulli(h₁) process from now on. Redrawing it in
 * full is exact (the process has no memory), but most of the work can be
 * skipped:
 *
 * - h₁ = h₀: the pending day already has the right law; keep it.
 * - h₁ > h₀: the new process is the old one OR an independent extra one with
 *   survival (1 − h₁)/(1 − h₀) a day: the new day is the earlier of the pending
 *   day and one draw of the extra process. A pending day of tomorrow cannot be
 *   beaten, so nothing is drawn.
 * - h₁ < h₀: no such decomposition; draw afresh.
 *
 * Hazards are carried as log-survival λ = log(1 − h) ≤ 0 (−∞ when h = 1), so
 * the extra process's survival is just λ₁ − λ₀.
 */
import type { Rng } from '../random/streams.js';

/** "No pending day within the run": no success drawn, or one drawn past the last day. */
export const NONE = -1;

/** Log-survival of a daily hazard h in [0, 1]. */
export function logSurvival(h: number): number {
  return h >= 1 ? -Infinity : h <= 0 ? 0 : Math.log1p(-h);
}

/** Days to the first success (1 = tomorrow) of a daily process with log-survival λ < 0. */
export function waitDays(rng: Rng, lambda: number): number {
  if (lambda === -Infinity) return 1;
  return 1 + Math.floor(Math.log(1 - rng()) / lambda);
}

/**
 * The pending day after a hazard change on `day` (changes count from tomorrow).
 * `due` is the current pending day (NONE if none, or beyond `lastDay`); the
 * result is a day in day+1..lastDay or NONE. Draws at most one number.
 */
export function nextDue(due: number, day: number, lastDay: number, before: number, after: number, rng: Rng): number {
  if (after === before) return due;
  if (after > before) {
    // Lower hazard: a fresh draw.
    if (after === 0) return NONE;
    const d = day + waitDays(rng, after);
    return d > lastDay ? NONE : d;
  }
  // Higher hazard: min(pending, extra draw).
  if (due !== NONE && due <= day + 1) return due;
  const d = day + waitDays(rng, after - before);
  if (d > lastDay) return due;
  return due === NONE || d < due ? d : due;
}
