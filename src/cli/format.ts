/** Plain-text tables for the terminal. */
export function renderTable(header: string[], rows: string[][], alignRight: (col: number) => boolean = (c) => c > 0): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (alignRight(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const thousands = (x: number) => Math.round(x).toLocaleString('en-US');

/** `1 agent = 1 person`, `1 agent = 10 people`. */
export const agentScale = (scale: number) => `1 agent = ${scale === 1 ? '1 person' : `${scale} people`}`;
