/**
 * Whether the sensitivity indices of a Morris or Sobol sweep have settled enough to be read.
 * Small samples give indices that contradict what they are: a first-order index above its
 * factor's total index (which contains it), a share of variance below zero with its whole
 * interval, an interval wider than the index itself. Beyond a tolerance (SOBOL_TOLERANCE), since
 * indices that are equal or 0 in truth have estimates on either side at any sample size. Each is reported, with the sample that would halve
 * every interval (bootstrap intervals shrink as 1/√N for Sobol's base samples and 1/√r for
 * Morris's trajectories, so 4× the size halves them).
 *
 * An interval wider than its index is reported only if it is also wide in absolute terms: the
 * first-order index of a factor without effect stays near 0 at every N, its interval always
 * wider than itself, and an interval under a tenth of the variance (Sobol) or of the largest μ*
 * (Morris) already says what matters: the factor explains little.
 */
import type { IndexProblem, UnstableIndices } from '../messages/warnings.js';
import type { MorrisIndex } from './design/morris.js';
import type { SobolIndex } from './design/saltelli.js';
import type { SweepAnalysis } from './analysis.js';
import type { SweepPlan } from './file.js';

/** Below this width a Sobol interval is narrow enough, whatever its index: a tenth of the output's variance. */
export const SOBOL_RESOLVED_WIDTH = 0.1;
/**
 * Shares of variance closer than this are not told apart: a first-order index this much above its
 * total, or this much below 0 with its whole interval, is not the noise of a settled estimate (a
 * factor without interactions has first = total, a factor without effect first = 0, and their
 * estimates fall on either side).
 */
export const SOBOL_TOLERANCE = 0.02;
/** Below this share of the output's largest μ* a Morris interval is narrow enough, whatever its μ*. */
export const MORRIS_RESOLVED_SHARE = 0.1;

/** The outputs whose indices have not settled; none for other designs. */
export function unstableIndices(plan: SweepPlan, analysis: SweepAnalysis): UnstableIndices[] {
  const k = plan.factors.length;
  const found: UnstableIndices[] = [];
  for (const a of analysis.outputs) {
    if ('skipped' in a) continue;
    if (a.method === 'sobol' && plan.design.kind === 'sobol') {
      const problems = sobolProblems(a.indices as SobolIndex[]);
      const n = plan.design.samples;
      if (problems.length) found.push({ output: a.output, method: 'sobol', size: n, problems, halved: halved(4 * n, k + 2, plan.replicates) });
    } else if (a.method === 'morris' && plan.design.kind === 'morris') {
      const problems = morrisProblems(a.indices as MorrisIndex[]);
      const r = plan.design.trajectories;
      if (problems.length) found.push({ output: a.output, method: 'morris', size: r, problems, halved: halved(4 * r, k + 1, plan.replicates) });
    }
  }
  return found;
}

const halved = (size: number, pointsPerUnit: number, replicates: number) => ({ size, points: size * pointsPerUnit, runs: size * pointsPerUnit * replicates });

/** An interval wider than its index and than `floor`. NaN (an undefined index) is no problem here: the analysis says why. */
const tooWide = (value: number, low: number, high: number, floor: number) =>
  Number.isFinite(value) && high - low > Math.abs(value) && high - low > floor;

export function sobolProblems(indices: readonly SobolIndex[]): IndexProblem[] {
  const problems: IndexProblem[] = [];
  for (const i of indices) {
    if (i.first > i.total + SOBOL_TOLERANCE) problems.push({ kind: 'first-above-total', factor: i.factor, first: i.first, total: i.total });
    if (i.firstHigh < 0 && i.first < -SOBOL_TOLERANCE) problems.push({ kind: 'negative', factor: i.factor, index: 'first-order', value: i.first, low: i.firstLow, high: i.firstHigh });
    if (i.totalHigh < 0 && i.total < -SOBOL_TOLERANCE) problems.push({ kind: 'negative', factor: i.factor, index: 'total', value: i.total, low: i.totalLow, high: i.totalHigh });
    if (tooWide(i.first, i.firstLow, i.firstHigh, SOBOL_RESOLVED_WIDTH)) problems.push({ kind: 'wide', factor: i.factor, index: 'first-order', value: i.first, low: i.firstLow, high: i.firstHigh });
    if (tooWide(i.total, i.totalLow, i.totalHigh, SOBOL_RESOLVED_WIDTH)) problems.push({ kind: 'wide', factor: i.factor, index: 'total', value: i.total, low: i.totalLow, high: i.totalHigh });
  }
  return problems;
}

export function morrisProblems(indices: readonly MorrisIndex[]): IndexProblem[] {
  let largest = 0;
  for (const i of indices) if (Number.isFinite(i.muStar) && i.muStar > largest) largest = i.muStar;
  const floor = MORRIS_RESOLVED_SHARE * largest;
  const problems: IndexProblem[] = [];
  for (const i of indices) {
    if (tooWide(i.muStar, i.muStarLow, i.muStarHigh, floor)) problems.push({ kind: 'wide', factor: i.factor, index: 'μ*', value: i.muStar, low: i.muStarLow, high: i.muStarHigh });
  }
  return problems;
}
