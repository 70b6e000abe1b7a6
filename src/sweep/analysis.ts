/**
 * The sensitivity analysis of a Morris or Sobol sweep, per output: the design
 * module's estimators (src/sweep/design/) applied to one value per design point,
 * the mean over the point's replicates. Bootstrap intervals draw from a stream of
 * the experiment's seed and the output's name, so the analysis is reproducible
 * and one output's intervals do not shift when another output is added.
 *
 * An output that has no value at some point (a share of nothing) is not analysed;
 * the analysis says so rather than inventing a value.
 */
import { csvField } from '../calibration/outputs.js';
import { stream } from '../random/streams.js';
import { morrisIndices, type MorrisIndex } from './design/morris.js';
import { sobolIndices, type SobolIndex } from './design/saltelli.js';
import type { SweepPlan } from './file.js';
import { designFactors, type SweepDesign } from './points.js';
import type { PointSummary } from './tables.js';

export type OutputAnalysis =
  | { output: string; method: 'morris'; indices: MorrisIndex[] }
  | { output: string; method: 'sobol'; indices: SobolIndex[] }
  | { output: string; method: 'morris' | 'sobol'; skipped: string };

export interface SweepAnalysis {
  method: 'morris' | 'sobol';
  note: string;
  outputs: OutputAnalysis[];
}

const round = (x: number) => Number(x.toPrecision(6));
const roundAll = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])) as T;

export function analyse(plan: SweepPlan, design: SweepDesign, summaries: readonly PointSummary[][]): SweepAnalysis | undefined {
  if (design.kind !== 'morris' && design.kind !== 'sobol') return undefined;
  const factors = designFactors(plan.factors);
  const bootstrap = plan.design.kind === 'morris' || plan.design.kind === 'sobol' ? plan.design.bootstrap : 1000;
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

export function analysisCsv(a: SweepAnalysis): string {
  const header = a.method === 'morris'
    ? ['output', 'factor', 'mu_star', 'mu_star_low', 'mu_star_high', 'mu', 'sigma']
    : ['output', 'factor', 'first', 'first_low', 'first_high', 'total', 'total_low', 'total_high'];
  const lines = [header.join(',')];
  const n = (x: number) => (Number.isFinite(x) ? String(x) : '');
  for (const o of a.outputs) {
    if ('skipped' in o) continue;
    for (const i of o.indices) {
      const cells = o.method === 'morris'
        ? [(i as MorrisIndex).muStar, (i as MorrisIndex).muStarLow, (i as MorrisIndex).muStarHigh, (i as MorrisIndex).mu, (i as MorrisIndex).sigma]
        : [(i as SobolIndex).first, (i as SobolIndex).firstLow, (i as SobolIndex).firstHigh, (i as SobolIndex).total, (i as SobolIndex).totalLow, (i as SobolIndex).totalHigh];
      lines.push([csvField(o.output), csvField(i.factor), ...cells.map(n)].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
