/**
 * What `hotbed sweep` and `hotbed merge` print: per output, the factors ranked by
 * influence (Morris μ*, Sobol total index, the size of the PRCC of a Latin
 * hypercube), or the range of the point means (grid). An indicator of a small grid
 * gets a row per point: its probability with the Wilson 95 % interval and the runs
 * behind it, and beside it the outputs conditional on it, with the runs they rest on.
 * The files hold everything; this is the first look.
 */
import { roundToSignificant } from '../numeric/number-format.js';
import type { MorrisIndex } from './design/morris.js';
import type { PrccIndex } from './design/prcc.js';
import type { SobolIndex } from './design/saltelli.js';
import type { SweepPlan } from './file.js';
import type { SweepFiles } from './files.js';
import { sweepDesign } from './points.js';
import { isIndicator, indicatorWords } from '../statistics/registry.js';

const sig = (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : String(roundToSignificant(x, 3))) : '–');

/** p-values span hundreds of orders of magnitude: two digits, and "< 1e-12" past what a sweep can resolve. */
const pValue = (p: number) => (!Number.isFinite(p) ? '–' : p < 1e-12 ? '< 1e-12' : p < 0.001 ? p.toExponential(1) : String(roundToSignificant(p, 2)));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i > 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Points of a grid a table lists one by one; past this, the range line says enough. */
const BY_POINT_LIMIT = 40;

/** An indicator of a grid by point: P with its Wilson 95 % interval and k/n, then the mean of each output conditional on it, over those k runs. */
function indicatorTable(plan: SweepPlan, outputs: SweepFiles, k: number, points: readonly (readonly number[])[]): string {
  const o = plan.outputs[k]!;
  const conditional = plan.outputs.map((c, j) => [c, j] as const).filter(([c]) => c.given?.name === o.name);
  const header = [...plan.factors.map((f) => f.name), `P(${o.name})`, '95% interval', 'runs', ...conditional.map(([c]) => c.name)];
  const rows = points.map((p, i) => {
    const s = outputs.summaries[k]![i]!;
    const hits = Math.round(s.mean * s.n);
    return [
      ...p.map(sig),
      sig(s.mean),
      Number.isFinite(s.low95 ?? NaN) ? `${sig(s.low95!)}–${sig(s.high95!)}` : '–',
      `${Number.isFinite(s.mean) ? hits : 0}/${s.n}`,
      ...conditional.map(([, j]) => sig(outputs.summaries[j]![i]!.mean)),
    ];
  });
  const given = conditional.map(([c]) => `${c.name}: the mean of ${c.measure} in those runs`).join('; ');
  const head = `${o.name}: P(${o.measure} ${indicatorWords(o)}, ${o.place}, ${o.date}), with its Wilson 95% interval and the runs it counts${given ? `; ${given}` : ''}`;
  return `${head}\n${table(header, rows)}`;
}

export function sweepSummaryText(plan: SweepPlan, outputs: SweepFiles): string {
  const parts: string[] = [];
  const byPoint = plan.design.kind === 'grid' && plan.points <= BY_POINT_LIMIT;
  const points = byPoint ? sweepDesign(plan).points : [];
  plan.outputs.forEach((o, k) => {
    const a = outputs.analysis?.outputs[k];
    const title = `${o.name} (${o.measure}, ${o.place}, ${o.date})`;
    if (byPoint && isIndicator(o)) {
      parts.push(indicatorTable(plan, outputs, k, points));
    } else if (byPoint && o.given !== undefined) {
      // in its condition's table
    } else if (a && 'skipped' in a) {
      parts.push(`${title}: ${a.skipped}`);
    } else if (a?.method === 'morris') {
      const rows = [...(a.indices as MorrisIndex[])].sort((x, y) => y.muStar - x.muStar)
        .map((i) => [i.factor, sig(i.muStar), `${sig(i.muStarLow)}–${sig(i.muStarHigh)}`, sig(i.mu), sig(i.sigma)]);
      parts.push(`${title}\n${table(['factor', 'μ*', '90% interval', 'μ', 'σ'], rows)}`);
    } else if (a?.method === 'sobol') {
      const rows = [...(a.indices as SobolIndex[])].sort((x, y) => y.total - x.total)
        .map((i) => [i.factor, sig(i.first), `${sig(i.firstLow)}–${sig(i.firstHigh)}`, sig(i.total), `${sig(i.totalLow)}–${sig(i.totalHigh)}`]);
      parts.push(`${title}\n${table(['factor', 'first-order', '90% interval', 'total', '90% interval'], rows)}`);
    } else if (a?.method === 'prcc') {
      // Strongest first whatever the sign; an undefined index last.
      const size = (i: PrccIndex) => (Number.isFinite(i.prcc) ? Math.abs(i.prcc) : -1);
      const rows = [...(a.indices as PrccIndex[])].sort((x, y) => size(y) - size(x))
        .map((i) => [i.factor, sig(i.prcc), `${sig(i.prccLow)}–${sig(i.prccHigh)}`, pValue(i.pValue), sig(i.spearman)]);
      const note = 'note' in a && a.note ? `\n(${a.note})` : '';
      parts.push(`${title}\n${table(['factor', 'PRCC', '90% interval', 'p', 'Spearman'], rows)}${note}`);
    } else {
      const means = outputs.summaries[k]!.map((s) => s.mean).filter(Number.isFinite);
      parts.push(means.length
        ? `${title}: point means from ${sig(Math.min(...means))} to ${sig(Math.max(...means))} over ${means.length} points`
        : `${title}: no values`);
    }
  });
  return parts.join('\n\n');
}
