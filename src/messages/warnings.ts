/**
 * Warnings: things a user should know about a run that still goes ahead. One
 * builder each, returning the line without its "warning: " prefix (the command
 * adds it), so the commands hold no wording.
 */

/** A country whose initial stock is under one agent (world/stock-counts.ts's SmallStock). */
export interface SmallStockLine {
  country: string;
  people: number;
  agents: number;
}

/** Countries named in a warning before "and N more". */
const NAMED = 5;

/** One sign that a sensitivity index has not settled (sweep/stability.ts finds them). */
export type IndexProblem =
  /** A first-order index above its factor's total index, which includes it. */
  | { kind: 'first-above-total'; factor: string; first: number; total: number }
  /** A share of variance below zero, the whole 90 % interval with it. */
  | { kind: 'negative'; factor: string; index: 'first-order' | 'total'; value: number; low: number; high: number }
  /** A 90 % interval wider than the index itself (and than the width that already says "small"). */
  | { kind: 'wide'; factor: string; index: 'first-order' | 'total' | 'μ*'; value: number; low: number; high: number };

/** An output whose Sobol or Morris indices have not settled, and the sample size that would halve their intervals. */
export interface UnstableIndices {
  output: string;
  method: 'sobol' | 'morris';
  /** Base samples N (Sobol) or trajectories r (Morris). */
  size: number;
  problems: readonly IndexProblem[];
  /** The size 4× as large (intervals shrink as 1/√size), with the points and runs it takes. */
  halved: { size: number; points: number; runs: number };
}

/** Problems of one kind named before "and N more". */
const LISTED = 4;
const sig = (x: number) => String(Number(x.toPrecision(3)));
const count = (n: number) => Math.round(n).toLocaleString('en-US');
const listed = (items: readonly string[]) => items.slice(0, LISTED).join(', ') + (items.length > LISTED ? `, and ${items.length - LISTED} more` : '');

export const warnings = {
  /**
   * A run whose world total is more than twice, or less than half, its scenario's target: a
   * setting far from the calibrated one (a student's slider, a typo in a --set). Undefined otherwise.
   */
  farFromTargets: (world: number, target: number, date: string, title: string): string | undefined => {
    if (!(target > 0) || !Number.isFinite(world) || (world <= 2 * target && world >= target / 2)) return undefined;
    const ratio = world / target;
    const how = ratio > 1 ? `${sig(ratio)} times its target` : `under half its target (${sig(ratio)} times)`;
    return `the world total on ${date}, ${count(world)}, is ${how} of ${count(target)} (${title}): the settings are far from the calibrated ones, so read the results as an experiment, not as the record`;
  },
  /**
   * Runs asked to stop at quiescence that were still active at their end date (an agent with a
   * positive hazard, media): their counts are not final. Undefined when every run went quiet.
   */
  stillActiveAtEnd: (active: number, replicates: number, endDate: string, lastChangeDays: readonly number[]): string | undefined => {
    if (active === 0) return undefined;
    const which = replicates === 1 ? 'the run was' : `${active} of ${replicates} replicates were`;
    const last = Math.max(...lastChangeDays);
    return `${which} still active at the end date, ${endDate} (last change on day ${last}): the cascade had not stopped, so its counts are not final; move dates.end later to see where it ends`;
  },
  /** Undefined when there is nothing to warn about. */
  smallStocks: (small: readonly SmallStockLine[], scale: number): string | undefined => {
    if (small.length === 0) return undefined;
    const named = small.slice(0, NAMED).map((s) => `${s.country} ${s.people} → ${s.agents}`).join(', ');
    const more = small.length > NAMED ? `, and ${small.length - NAMED} more` : '';
    const none = small.filter((s) => s.agents === 0).length;
    const countries = small.length === 1 ? '1 country has' : `${small.length} countries have`;
    const lost = none === 0 ? '' : `; ${none} of them ${none === 1 ? 'starts' : 'start'} with no agent (its region has fewer agents than countries with a stock)`;
    return `${countries} an initial stock under one agent (people → agents: ${named}${more})${lost}: at scale ${scale} each such country starts with one agent `
      + `(${scale} people), taken from the larger countries of its region so that region totals follow the file; lower the scale to see small contingents at their size`;
  },

  /**
   * Sensitivity indices of one output that a larger sample should settle before they are read:
   * the problems by kind, then the sample that would halve every interval.
   */
  unstableIndices: (u: UnstableIndices): string => {
    const of = <K extends IndexProblem['kind']>(kind: K) => u.problems.filter((p): p is Extract<IndexProblem, { kind: K }> => p.kind === kind);
    const above = of('first-above-total').map((p) => `${p.factor} (${sig(p.first)} > ${sig(p.total)})`);
    const negative = of('negative').map((p) => `${p.factor} ${p.index} ${sig(p.value)} (${sig(p.low)} to ${sig(p.high)})`);
    const wide = of('wide').map((p) => `${p.factor} ${p.index} ${sig(p.value)} (${sig(p.low)} to ${sig(p.high)})`);
    const parts = [
      ...(above.length ? [`first-order above total for ${listed(above)}`] : []),
      ...(negative.length ? [`below 0 with its whole 90% interval for ${listed(negative)}`] : []),
      ...(wide.length ? [`90% interval wider than the index for ${listed(wide)}`] : []),
    ];
    const [what, size, key, unit, symbol] = u.method === 'sobol'
      ? ['Sobol', `N = ${u.size} base samples`, 'samples', 'base samples', 'N'] : ['Morris', `${u.size} trajectories`, 'trajectories', 'trajectories', 'r'];
    return `${u.output}: ${what} indices not yet stable at ${size}: ${parts.join('; ')}. `
      + `Intervals narrow as 1/√${symbol}, so ${key}: ${u.halved.size} in the experiment (${count(u.halved.size - u.size)} more ${unit}; ${count(u.halved.points)} points, ${count(u.halved.runs)} runs) would halve them`;
  },
};
