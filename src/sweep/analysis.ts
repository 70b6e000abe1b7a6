/**
 * The sensitivity analysis of a Morris, Sobol or Latin hypercube sweep, per
 * output: the design module's estimators (src/sweep/design/) applied to one value
 * per design point, the mean over the point's replicates. Bootstrap intervals
 * draw from a stream of the experiment's seed and the output's name, so the
 * analysis is reproducible and one output's intervals do not shift when another
 * output is added.
 *
 * An output that has no value at some point (a share of nothing) is not analysed
 * by Morris or Sobol, whose estimators need every point of their structured
 * designs; the analysis says so rather than inventing a value. A Latin hypercube's
 * points are exchangeable, so PRCC leaves those points out and says how many.
 */
import { csvField } from '../numeric/escape.js';
import { roundToSignificant } from '../numeric/number-format.js';
import { stream } from '../random/streams.js';
import { DEFAULTS as BOOTSTRAP_DEFAULTS } from './design/bootstrap.js';
import { morrisIndices, type MorrisIndex } from './design/morris.js';
import { prcc, type PrccIndex } from './design/prcc.js';
import { sobolIndices, type SobolIndex } from './design/saltelli.js';
import type { SweepPlan } from './file.js';
import { designFactors, type SweepDesign } from './points.js';
import type { PointSummary } from './tables.js';

export type AnalysisMethod = 'morris' | 'sobol' | 'prcc';

export type OutputAnalysis =
  | { output: string; method: 'morris'; indices: MorrisIndex[] }
  | { output: string; method: 'sobol'; indices: SobolIndex[] }
  | {
    output: string;
    method: 'prcc';
    /** Points analysed, and points left out for want of a value. */
    points: number;
    dropped: number;
    indices: PrccIndex[];
    /** Why points were left out or an index is missing (NaN, written null). */
    note?: string;
  }
  | { output: string; method: AnalysisMethod; skipped: string };

export interface SweepAnalysis {
  method: AnalysisMethod;
  note: string;
  outputs: OutputAnalysis[];
}

const roundAll = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? roundToSignificant(v, 6) : v])) as T;

export function analyse(plan: SweepPlan, design: SweepDesign, summaries: readonly PointSummary[][]): SweepAnalysis | undefined {
  if (design.kind === 'latin-hypercube') return analysePrcc(plan, design.points, summaries);
  if (design.kind !== 'morris' && design.kind !== 'sobol') return undefined;
  const factors = designFactors(plan.factors);
  const bootstrap = plan.design.kind === 'grid' ? BOOTSTRAP_DEFAULTS.bootstrap : plan.design.bootstrap;
  const outputs = plan.outputs.map((o, k): OutputAnalysis => {
    const means = summaries[k]!.map((s) => s.mean);
    const missing = means.filter((x) => !Number.isFinite(x)).length;
    if (missing > 0) return { output: o.name, method: design.kind, skipped: `no value at ${missing} of ${means.length} points (a share of nothing), so no indices` };
    const random = stream({ seed: plan.seed, replicate: 0, purpose: `sweep/analysis/${o.name}` });
    return design.kind === 'morris'
      ? { output: o.name, method: 'morris', indices: morrisIndices(design.morris, factors, means, { bootstrap, random }).map(roundAll) }
      : { output: o.name, method: 'sobol', indices: sobolIndices(design.saltelli, factors, means, { bootstrap, random }).map(roundAll) };
  });
  const note = design.kind === 'morris'
    ? `Morris elementary effects over ${design.morris.trajectories} trajectories of ${plan.factors.length + 1} points (${design.morris.levels} levels), on the mean of ${plan.replicates} replicate${plan.replicates === 1 ? '' : 's'} per point. `
      + 'Effects are changes in the output over each factor\'s whole range (unit space), so factors compare with one another. mu_star: mean absolute effect (influence); mu: mean effect (its sign); sigma: standard deviation of the effects (non-linearity or interactions). Intervals: 90 % bootstrap over trajectories.'
    : `Sobol indices by Saltelli sampling, N = ${design.saltelli.n} base samples (${plan.points} points), on the mean of ${plan.replicates} replicate${plan.replicates === 1 ? '' : 's'} per point. `
      + 'first: share of the output\'s variance due to the factor alone; total: including its interactions. Intervals: 90 % bootstrap over base samples. Replicate noise left in the means adds to every index.';
  return { method: design.kind, note, outputs };
}

/** PRCC per output (design/prcc.ts), with the experiment's bootstrap resamples. */
function analysePrcc(plan: SweepPlan, points: readonly number[][], summaries: readonly PointSummary[][]): SweepAnalysis {
  const factors = designFactors(plan.factors);
  const outputs = plan.outputs.map((o, k): OutputAnalysis => {
    const means = summaries[k]!.map((s) => s.mean);
    const random = stream({ seed: plan.seed, replicate: 0, purpose: `sweep/analysis/${o.name}` });
    const r = prcc(points, factors, means, { random, bootstrap: plan.design.kind === 'latin-hypercube' ? plan.design.bootstrap : undefined });
    const without = r.dropped > 0 ? `${r.dropped} of ${means.length} points have no value (a share of nothing) and are left out` : '';
    if ('skipped' in r) return { output: o.name, method: 'prcc', skipped: `no PRCC: ${r.skipped}` };
    const note = [without, ...r.notes].filter(Boolean).join('; ');
    return { output: o.name, method: 'prcc', points: r.n, dropped: r.dropped, indices: r.indices.map(roundAll), ...(note ? { note } : {}) };
  });
  const note = `Partial rank correlation coefficients (PRCC; Marino et al. 2008) over ${plan.points} Latin hypercube points, on the mean of ${plan.replicates} replicate${plan.replicates === 1 ? '' : 's'} per point. `
    + 'prcc: the rank correlation of the factor with the output once the other factors\' (linear, on ranks) effects are taken out of both; from -1 to 1, its sign the direction of a monotone effect, near 0 no monotone effect (a non-monotone one can still hide there: see the scatter charts). '
    + 'Intervals: 90 % bootstrap over points (resampled and re-ranked). p_value: two-sided test of prcc = 0, t = prcc·sqrt((n - k - 1)/(1 - prcc²)) with n - k - 1 degrees of freedom (n points, k factors). '
    + 'spearman: the plain rank correlation, not adjusted for the other factors. An index is null when undefined (the note of its output says why).';
  return { method: 'prcc', note, outputs };
}

export function analysisCsv(a: SweepAnalysis): string {
  const header = a.method === 'morris'
    ? ['output', 'factor', 'mu_star', 'mu_star_low', 'mu_star_high', 'mu', 'sigma']
    : a.method === 'sobol'
      ? ['output', 'factor', 'first', 'first_low', 'first_high', 'total', 'total_low', 'total_high']
      : ['output', 'factor', 'prcc', 'prcc_low', 'prcc_high', 'p_value', 'spearman', 'points'];
  const lines = [header.join(',')];
  const n = (x: number) => (Number.isFinite(x) ? String(x) : '');
  for (const o of a.outputs) {
    if ('skipped' in o) continue;
    for (const i of o.indices) {
      const cells = o.method === 'morris'
        ? [(i as MorrisIndex).muStar, (i as MorrisIndex).muStarLow, (i as MorrisIndex).muStarHigh, (i as MorrisIndex).mu, (i as MorrisIndex).sigma]
        : o.method === 'sobol'
          ? [(i as SobolIndex).first, (i as SobolIndex).firstLow, (i as SobolIndex).firstHigh, (i as SobolIndex).total, (i as SobolIndex).totalLow, (i as SobolIndex).totalHigh]
          : [(i as PrccIndex).prcc, (i as PrccIndex).prccLow, (i as PrccIndex).prccHigh, (i as PrccIndex).pValue, (i as PrccIndex).spearman, o.points];
      lines.push([csvField(o.output), csvField(i.factor), ...cells.map(n)].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
