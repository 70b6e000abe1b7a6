/**
 * The calibrated point: one parameter vector to write into the calibrated scenario.
 *
 * The vector of marginal posterior medians is the obvious choice but often a poor one:
 * the model's output grows faster than linearly in its rates (recruitment compounds),
 * and the posterior is correlated (more media exposure, less peer influence), so the
 * medians taken one by one can land off the posterior's ridge; on the baseline they
 * gave a world total 11 % below the target although the posterior's simulations were
 * centred on it. So the point is chosen by checking: the medians and the `candidates`
 * accepted particles of the last generation closest to the targets are each run
 * `replicates` times, and the candidate whose median statistics score best wins: by
 * the calibration's distance, or by the worst miss of any target (then the distance)
 * when every target must be met; remaining ties go to the earlier candidate. Their streams
 * derive from (seed, generation −1, slot, replicate), so the choice is as deterministic as
 * the posterior. A candidate's slot follows what it is, not how many came before it: the
 * medians 0, each further kind of candidate its own slot whether it was made or not, then
 * the particles by closeness; so a candidate that is not made (a regression adjustment
 * that refused itself) leaves every other candidate's runs as they were.
 *
 * Choosing the best of many noisy scores favours the candidate whose runs were lucky
 * (the winner's curse): on the baseline, a point chosen from 101 candidates on 5 runs
 * each missed bands on other seeds that it met on its own. With `finalists` > 0 the best
 * `finalists` of the screening are run again `finalReplicates` times on fresh streams
 * (generation −2) and the winner is chosen on those runs alone, so the score reported
 * for it is not the one it was selected on.
 */
import { medianOfMiddles as median } from '../numeric/quantiles.js';
import type { Evaluate, Generation, Proposal, ProposalKey } from './abc-smc.js';

/** Option defaults (graphology style: calibration/schema.ts's point fields read them); finalReplicates defaults to replicates. */
export const DEFAULTS = Object.freeze({
  candidates: 16,
  replicates: 8,
  finalists: 0,
});

export interface PointOptions {
  /** Accepted particles checked besides the medians (the closest to the targets first). */
  candidates?: number;
  /** Runs per candidate. */
  replicates?: number;
  /** The best this many of the screening are run again on fresh streams and chosen among on those runs (0: no second round). */
  finalists?: number;
  /** Runs per finalist (default: `replicates`). */
  finalReplicates?: number;
}

/** How two candidates compare: by `score` first, then by `tieBreak` (both of their median statistics). */
export interface PointScoring {
  score: (stats: readonly number[]) => number;
  tieBreak?: (stats: readonly number[]) => number;
}

export interface PointCandidate {
  /** `median` or `particle N` (its slot in the last generation). */
  source: string;
  params: number[];
  /** Distance of the median statistics over the replicate runs. */
  score: number;
  /** Median of each statistic over the replicate runs. */
  statistics: number[];
}

export interface PointChoice extends PointCandidate {
  /** Runs behind the chosen candidate's statistics and score (the finalists' runs when there is a second round). */
  replicates: number;
  /** Every candidate's screening score. */
  candidates: { source: string; score: number }[];
  /** The second round's candidates and their fresh scores (empty without one). */
  finalists: { source: string; score: number }[];
}

/** A candidate's source in words: "the posterior medians", "the regression-adjusted posterior medians", "posterior particle 12". */
export function describePointSource(source: string): string {
  if (source === 'median') return 'the posterior medians';
  if (source === 'adjusted median') return 'the regression-adjusted posterior medians';
  return `posterior ${source}`;
}

export async function choosePoint(
  last: Generation,
  medians: readonly number[],
  seed: number,
  options: PointOptions,
  evaluate: Evaluate,
  scoring: PointScoring,
  /**
   * Further kinds of candidate after the medians (e.g. the medians of the regression-adjusted
   * posterior), each with its slot; `params` undefined: not made this time (its slot stays taken).
   */
  more: readonly { source: string; params?: readonly number[] }[] = [],
): Promise<PointChoice> {
  const closest = last.distances.map((_, i) => i).sort((a, b) => last.distances[a]! - last.distances[b]! || a - b);
  const pool = [
    { source: 'median', params: [...medians], slot: 0 },
    ...more.flatMap((m, k) => (m.params ? [{ source: m.source, params: [...m.params], slot: 1 + k }] : [])),
    ...closest.slice(0, Math.max(0, options.candidates ?? DEFAULTS.candidates))
      .map((i, rank) => ({ source: `particle ${i}`, params: [...last.particles[i]!], slot: 1 + more.length + rank })),
  ];
  const replicates = Math.max(1, options.replicates ?? DEFAULTS.replicates);
  const keys = (generation: number) => (j: number, r: number) => ({ seed, generation, particle: j, attempt: r });
  const screened = await scoreCandidates(pool, (j, r) => keys(-1)(pool[j]!.slot, r), replicates, evaluate, scoring);
  const candidates = screened.map(({ source, score }) => ({ source, score }));
  const finalists = Math.min(Math.max(0, Math.floor(options.finalists ?? DEFAULTS.finalists)), screened.length);
  if (finalists === 0) return { ...screened[best(screened, scoring)]!, replicates, candidates, finalists: [] };

  const ranked = screened.map((_, j) => j).sort((a, b) => compareCandidates(screened[a]!, screened[b]!, scoring) || a - b);
  // Finalists' fresh streams follow their rank in the screening.
  const finalPool = ranked.slice(0, finalists).map((j) => pool[j]!);
  const finalReplicates = Math.max(1, options.finalReplicates ?? replicates);
  const rescored = await scoreCandidates(finalPool, keys(-2), finalReplicates, evaluate, scoring);
  return {
    ...rescored[best(rescored, scoring)]!,
    replicates: finalReplicates,
    candidates,
    finalists: rescored.map(({ source, score }) => ({ source, score })),
  };
}

/**
 * Each candidate's median statistics over `replicates` simulations and their score; the
 * key of candidate j's run r is `keyOf(j, r)`.
 */
export async function scoreCandidates<C extends { params: number[] }>(
  pool: readonly C[],
  keyOf: (candidate: number, replicate: number) => ProposalKey,
  replicates: number,
  evaluate: Evaluate,
  scoring: PointScoring,
): Promise<(C & { statistics: number[]; score: number })[]> {
  const proposals: Proposal[] = pool.flatMap((c, j) => Array.from({ length: replicates }, (_, r) => ({
    key: keyOf(j, r),
    params: [...c.params],
  })));
  const results = await evaluate(proposals);
  return pool.map((c, j) => {
    const runs = results.slice(j * replicates, (j + 1) * replicates);
    const statistics = runs[0]!.map((_, k) => median(runs.map((s) => s[k]!)));
    return { ...c, statistics, score: scoring.score(statistics) };
  });
}

/** Negative when `a` is the better candidate: lower score, then lower tie-break. */
export function compareCandidates(a: Pick<PointCandidate, 'score' | 'statistics'>, b: Pick<PointCandidate, 'score' | 'statistics'>, scoring: PointScoring): number {
  const tie = scoring.tieBreak ?? (() => 0);
  return order(a.score, b.score) || order(tie(a.statistics), tie(b.statistics));
}

/** The best candidate's index; ties go to the earlier one. */
function best(scored: readonly PointCandidate[], scoring: PointScoring): number {
  let b = 0;
  for (let j = 1; j < scored.length; j++) if (compareCandidates(scored[j]!, scored[b]!, scoring) < 0) b = j;
  return b;
}

/** −1, 0 or 1; Infinity equals Infinity (two candidates with a missing statistic tie). */
function order(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

