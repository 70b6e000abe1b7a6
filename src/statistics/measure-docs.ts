/**
 * The measures' documentation, made from their table (statistics/measures.ts), so that a
 * measure added there cannot go undocumented: `npm run schema` writes it into
 * results/README.md between two markers, and a test checks that it is there as made.
 */
import { MEASURES } from './measures.js';

export const MEASURES_BEGIN = '<!-- measures: made from src/statistics/measures.ts by `npm run schema`; edit the table there -->';
export const MEASURES_END = '<!-- end of measures -->';

/** One row per measure, in table order: its name as the tables write it, and what it counts. */
export function measuresMarkdown(): string {
  const rows = MEASURES.map((m) => `| \`${m.name}\` | ${m.description} |`);
  return ['| measure | what it counts (people: agents × scale) |', '| --- | --- |', ...rows].join('\n');
}

/** `text` with the part between the markers replaced by `measuresMarkdown()`; throws if a marker is missing. */
export function withMeasures(text: string, where: string): string {
  const begin = text.indexOf(MEASURES_BEGIN);
  const end = text.indexOf(MEASURES_END);
  if (begin < 0 || end < begin) throw new Error(`statistics/measure-docs: ${where} has no "${MEASURES_BEGIN}" … "${MEASURES_END}" block`);
  return `${text.slice(0, begin + MEASURES_BEGIN.length)}\n${measuresMarkdown()}\n${text.slice(end)}`;
}
