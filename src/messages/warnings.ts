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

export const warnings = {
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
};
