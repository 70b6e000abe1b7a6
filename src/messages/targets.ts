/**
 * How results stand against target bands, in the words `hotbed run`, `hotbed check` and
 * `hotbed calibrate` print. A band is what a target asserts (a figure's plausible range), so a
 * value is judged by whether it lies inside the band and, if not, by how far beyond the nearer
 * edge: a value in the band is simply "in band", however far from the band's centre.
 */
import { UserError } from './errors.js';

/** A band's value as printed: whole numbers with thousands separators from 100, else 3 significant digits. */
export const figure = (x: number): string =>
  !Number.isFinite(x) ? String(x) : Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : String(Number(x.toPrecision(3)));

/** "27,000–31,000", or "≥ 86" for a band without an upper edge. */
export const bandText = (low: number, high: number): string => (Number.isFinite(high) ? `${figure(low)}–${figure(high)}` : `≥ ${figure(low)}`);

/** A target the calibrated point misses, as `hotbed calibrate` lists it. */
export interface BandMiss {
  name: string;
  date?: string;
  value: number;
  low: number;
  high: number;
}

export const targetMessages = {
  /**
   * `hotbed check` with a scenario that cannot give a target's value: a date outside its run,
   * or a place it does not have. One message naming the scenario, the target and what is missing.
   */
  scenarioCannotMeasure: (scenarioFile: string, target: string, lacks: string, hint: string) =>
    new UserError({ file: scenarioFile, problem: `cannot be checked against target ${target}: ${lacks}`, hint }),

  /**
   * "in band", or how far outside the nearer edge as a share of that edge: "12% above",
   * "8% below", "<1% above". An edge of 0 has no share: the difference itself ("0.02 below").
   * "no value" when there is none (a share of nothing).
   */
  bandPosition: (value: number, low: number, high: number): string => {
    if (Number.isNaN(value)) return 'no value';
    if (value >= low && value <= high) return 'in band';
    const above = value > high;
    const edge = above ? high : low;
    const beyond = above ? value - high : low - value;
    const side = above ? 'above' : 'below';
    if (edge === 0) return `${figure(beyond)} ${side}`;
    const percent = (100 * beyond) / Math.abs(edge);
    return `${percent < 1 ? '<1' : Math.round(percent)}% ${side}`;
  },

  /** `hotbed check`'s summary line: how many of its checks (target bands, and the top countries where there are enough) the medians meet. */
  checksMet: (met: number, total: number, runs: number): string =>
    `${met} of ${total} checks met in the median of ${runs} run${runs === 1 ? '' : 's'}${met === total ? '.' : '; missed:'}`,

  /**
   * `hotbed calibrate`'s closing summary of the calibrated point: how many fitted targets its
   * median meets, then each band it misses (target, value, band, how far outside).
   */
  pointMisses: (misses: readonly BandMiss[], fitted: number, simulations: number): string => {
    const head = `The calibrated point (median of ${simulations} simulation${simulations === 1 ? '' : 's'}) meets ${fitted - misses.length} of ${fitted} fitted target bands`;
    if (misses.length === 0) return `${head}.`;
    const rows = misses.map((m) => `  ${m.name}${m.date ? ` (${m.date})` : ''}: ${figure(m.value)}, band ${bandText(m.low, m.high)}, ${targetMessages.bandPosition(m.value, m.low, m.high)}`);
    return `${head}; it misses ${misses.length}:\n${rows.join('\n')}`;
  },
};
