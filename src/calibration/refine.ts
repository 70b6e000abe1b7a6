/**
 * Refining the calibrated point by a compass search under common random numbers.
 *
 * Why: ABC-SMC at an affordable budget ends with a posterior whose particles meet the
 * targets on average (a band distance near 1.4 half-widths) but rarely every target at
 * once; the best accepted particle of the shipped calibration still missed bands on
 * fresh runs. The posterior says how uncertain the parameters are; the scenario that
 * users run needs one point that meets every band. So the point chosen from the
 * posterior (point.ts) is moved, a step at a time, to where the median statistics meet
 * the targets best.
 *
 * How: every point is scored on the same `replicates` simulations (the same stream keys,
 * generation −3: common random numbers), so two points differ by their parameters, not
 * by their luck, and the search compares like with like. Each round tries a step up and
 * down along every parameter (in the working space of its prior, in units of the prior's
 * width there), all at once (they run in parallel), and moves to the best trial if it
 * beats the current point; otherwise the step is halved. It stops when the step falls
 * below `minStep` or the next round would pass `maxEvaluations`.
 *
 * Steps along one parameter at a time are slow when targets pull against each other (the
 * worst miss moves from one target to the next). When the scoring gives each target's
 * residual, the round's steps up and down are also a finite-difference Jacobian of the
 * residuals, and three Levenberg–Marquardt steps (damping 0.01, 0.1 and 1, each move at
 * most `maxJump` of a prior's width) join the round's trials: a move of all parameters
 * at once towards the least-squares fit of every target. The same rule (the best trial,
 * if better than the current point) decides.
 *
 * A point tuned on one set of runs flatters itself on those runs, so the result is scored
 * again on fresh runs (generation −4, `freshReplicates` simulations) together with the
 * starting point, on the same fresh keys; the refined point is kept only if it scores at
 * least as well there. Deterministic: every key derives from the calibration's seed.
 */
import type { Evaluate } from './abc-smc.js';
import { compareCandidates, scoreCandidates, type PointScoring } from './point.js';
import { solveSpd } from '../numeric/linear-algebra.js';
import { fromWorking, priorBounds, toWorking, type Prior } from './priors.js';

export interface RefineOptions {
  /** Simulations per evaluated point, on the same keys for every point. */
  replicates: number;
  /** Points evaluated at most in the search (the start included). */
  maxEvaluations: number;
  /** First step, as a share of each prior's width in its working space. */
  initialStep: number;
  /** The search stops once the step is below this share. */
  minStep: number;
  /** Simulations of the fresh check of the start and the refined point. */
  freshReplicates: number;
  /** Largest move of one parameter in a Levenberg–Marquardt step, as a share of its prior's width. */
  maxJump: number;
}

/** Option defaults (graphology style: calibration/schema.ts's point.refine fields read them). */
export const DEFAULTS: Readonly<RefineOptions> = Object.freeze({ replicates: 5, maxEvaluations: 300, initialStep: 0.2, minStep: 0.01, freshReplicates: 10, maxJump: 0.25 });

/** How points compare, and optionally each target's weighted residual (for Levenberg–Marquardt steps). */
export interface RefineScoring extends PointScoring {
  /** √weight × the miss in band units, per target with a weight (finite when the statistics are). */
  residuals?: (stats: readonly number[]) => number[];
}

const DAMPING = [0.01, 0.1, 1];

export interface RefineRound {
  round: number;
  /** The step tried in this round (share of the prior widths). */
  step: number;
  /** Score of the current point after the round (common runs). */
  score: number;
  moved: boolean;
}

export interface RefineResult {
  /** The point kept: the refined one, or the start when the fresh runs preferred it. */
  params: number[];
  /** Median statistics of the kept point over the fresh runs. */
  statistics: number[];
  /** Score of the kept point on the fresh runs. */
  score: number;
  kept: 'refined' | 'start';
  /** Scores on the common runs, at the start and at the end of the search. */
  searchScores: { start: number; end: number };
  /** Scores on the fresh runs. */
  freshScores: { start: number; refined: number };
  evaluations: number;
  rounds: RefineRound[];
}

interface Scored {
  params: number[];
  statistics: number[];
  score: number;
}

export async function refinePoint(
  start: readonly number[],
  priors: readonly Prior[],
  seed: number,
  options: Partial<RefineOptions>,
  evaluate: Evaluate,
  scoring: RefineScoring,
  onRound?: (r: RefineRound, evaluations: number) => void,
): Promise<RefineResult> {
  const o = { ...DEFAULTS, ...options };
  check(o, start, priors);
  const k = priors.length;
  const span = priors.map(workingSpan);
  const lows = priors.map((p) => toWorkingBound(p, 'low'));
  const highs = priors.map((p) => toWorkingBound(p, 'high'));

  const score = async (points: readonly (readonly number[])[], generation: number, replicates: number): Promise<Scored[]> =>
    // The same keys for every point: the runs differ only by the parameters.
    scoreCandidates(points.map((p) => ({ params: [...p] })), (_, r) => ({ seed, generation, particle: 0, attempt: r }), replicates, evaluate, scoring);

  let current = (await score([start], -3, o.replicates))[0]!;
  const startScore = current.score;
  let evaluations = 1;
  let step = o.initialStep;
  const rounds: RefineRound[] = [];
  while (step >= o.minStep) {
    const x = current.params.map((v, i) => toWorking(priors[i]!, v));
    const trials: number[][] = [];
    /** For each parameter, the trials' indices and working values above and below x (−1: none). */
    const sides = x.map(() => ({ up: -1, down: -1, uUp: NaN, uDown: NaN }));
    for (let i = 0; i < k; i++) {
      for (const sign of [1, -1]) {
        const u = Math.min(highs[i]!, Math.max(lows[i]!, x[i]! + sign * step * span[i]!));
        if (u === x[i]) continue;
        const y = [...current.params];
        y[i] = fromWorking(priors[i]!, u);
        if (sign > 0) Object.assign(sides[i]!, { up: trials.length, uUp: u });
        else Object.assign(sides[i]!, { down: trials.length, uDown: u });
        trials.push(y);
      }
    }
    const jumps = scoring.residuals ? DAMPING.length : 0;
    if (trials.length === 0 || evaluations + trials.length + jumps > o.maxEvaluations) break;
    const scored = await score(trials, -3, o.replicates);
    evaluations += trials.length;
    if (scoring.residuals) {
      const jumpsTo = marquardtPoints(x, current, scored, sides, span, lows, highs, scoring.residuals, o.maxJump)
        .map((u) => u.map((v, i) => fromWorking(priors[i]!, v)));
      if (jumpsTo.length > 0) {
        scored.push(...await score(jumpsTo, -3, o.replicates));
        evaluations += jumpsTo.length;
      }
    }
    let best = -1;
    for (let j = 0; j < scored.length; j++) {
      if (beats(scored[j]!, best < 0 ? current : scored[best]!, scoring)) best = j;
    }
    const moved = best >= 0;
    if (moved) current = scored[best]!;
    else step /= 2;
    const round = { round: rounds.length + 1, step: moved ? step : step * 2, score: current.score, moved };
    rounds.push(round);
    onRound?.(round, evaluations);
  }

  const [freshStart, freshRefined] = await score([start, current.params], -4, o.freshReplicates);
  const keepRefined = !beats(freshStart!, freshRefined!, scoring);
  const kept = keepRefined ? freshRefined! : freshStart!;
  return {
    params: kept.params,
    statistics: kept.statistics,
    score: kept.score,
    kept: keepRefined ? 'refined' : 'start',
    searchScores: { start: startScore, end: current.score },
    freshScores: { start: freshStart!.score, refined: freshRefined!.score },
    evaluations,
    rounds,
  };
}

/**
 * Levenberg–Marquardt steps from x, one per damping, in working values: the Jacobian of the
 * residuals from the round's trials (central differences where both sides exist), in units
 * of the prior widths; each step solves (JᵀJ + λ diag(JᵀJ)) δ = −Jᵀr. None when a residual is
 * not finite.
 */
function marquardtPoints(
  x: readonly number[],
  current: Scored,
  scored: readonly Scored[],
  sides: readonly { up: number; down: number; uUp: number; uDown: number }[],
  span: readonly number[],
  lows: readonly number[],
  highs: readonly number[],
  residuals: (stats: readonly number[]) => number[],
  maxJump: number,
): number[][] {
  const r0 = residuals(current.statistics);
  if (!r0.every(Number.isFinite)) return [];
  const k = x.length;
  const columns: number[][] = [];
  for (let i = 0; i < k; i++) {
    const s = sides[i]!;
    const rUp = s.up >= 0 ? residuals(scored[s.up]!.statistics) : r0;
    const rDown = s.down >= 0 ? residuals(scored[s.down]!.statistics) : r0;
    if (![...rUp, ...rDown].every(Number.isFinite)) return [];
    const width = ((s.up >= 0 ? s.uUp : x[i]!) - (s.down >= 0 ? s.uDown : x[i]!)) / span[i]!;
    columns.push(rUp.map((v, t) => (v - rDown[t]!) / width));
  }
  const jtj = columns.map((a) => columns.map((b) => a.reduce((sum, v, t) => sum + v * b[t]!, 0)));
  const jtr = columns.map((a) => a.reduce((sum, v, t) => sum + v * r0[t]!, 0));
  const points: number[][] = [];
  for (const lambda of DAMPING) {
    const a = jtj.map((row, i) => row.map((v, j) => (i === j ? v * (1 + lambda) + 1e-9 : v)));
    const delta = solveSpd(a, jtr.map((v) => -v));
    if (!delta || !delta.every(Number.isFinite)) continue;
    points.push(x.map((u, i) => Math.min(highs[i]!, Math.max(lows[i]!, u + Math.max(-maxJump, Math.min(maxJump, delta[i]!)) * span[i]!))));
  }
  return points;
}

/** Whether `a` beats `b` (point.ts's order: the lower score, then the lower tie-break). */
const beats = (a: Scored, b: Scored, scoring: PointScoring) => compareCandidates(a, b, scoring) < 0;

/** The prior's width in its working space; for an unbounded normal, four standard deviations. */
function workingSpan(p: Prior): number {
  const { low, high } = priorBounds(p);
  if (Number.isFinite(low) && Number.isFinite(high)) return toWorking(p, high) - toWorking(p, low);
  return p.kind === 'normal' ? 4 * p.sd : 1;
}

function toWorkingBound(p: Prior, side: 'low' | 'high'): number {
  const b = priorBounds(p)[side];
  return Number.isFinite(b) ? toWorking(p, b) : b;
}

function check(o: RefineOptions, start: readonly number[], priors: readonly Prior[]): void {
  const fail = (what: string, found: unknown) => {
    throw new Error(`calibration/refine: ${what}, found ${String(found)}`);
  };
  if (start.length !== priors.length) fail(`start must have one value per prior (${priors.length})`, start.length);
  if (!Number.isInteger(o.replicates) || o.replicates < 1) fail('options.replicates must be a whole number ≥ 1', o.replicates);
  if (!Number.isInteger(o.freshReplicates) || o.freshReplicates < 1) fail('options.freshReplicates must be a whole number ≥ 1', o.freshReplicates);
  if (!Number.isInteger(o.maxEvaluations) || o.maxEvaluations < 1) fail('options.maxEvaluations must be a whole number ≥ 1', o.maxEvaluations);
  if (!(o.initialStep > 0 && o.initialStep <= 1)) fail('options.initialStep must be in (0, 1]', o.initialStep);
  if (!(o.minStep > 0 && o.minStep <= o.initialStep)) fail('options.minStep must be in (0, initialStep]', o.minStep);
  if (!(o.maxJump > 0 && o.maxJump <= 1)) fail('options.maxJump must be in (0, 1]', o.maxJump);
}
