import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEASURES_BEGIN, MEASURES_END, measuresMarkdown, withMeasures } from '../../src/statistics/measure-docs.js';
import { MEASURES, measureNames } from '../../src/statistics/measures.js';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('statistics/measure-docs', () => {
  it('makes one row per measure of the table, with its description', () => {
    const rows = measuresMarkdown().split('\n').slice(2);
    expect(rows).toHaveLength(MEASURES.length);
    MEASURES.forEach((m, i) => expect(rows[i]).toBe(`| \`${m.name}\` | ${m.description} |`));
  });

  it('replaces only what lies between the markers, and refuses a text without them', () => {
    const text = `before\n${MEASURES_BEGIN}\nstale\n${MEASURES_END}\nafter\n`;
    expect(withMeasures(text, 'x')).toBe(`before\n${MEASURES_BEGIN}\n${measuresMarkdown()}\n${MEASURES_END}\nafter\n`);
    expect(withMeasures(withMeasures(text, 'x'), 'x')).toBe(withMeasures(text, 'x'));
    expect(() => withMeasures('no markers', 'x.md')).toThrow(/x\.md has no/);
  });

  it('results/README.md documents every measure as the table says (npm run schema renews it)', () => {
    const readme = read('results/README.md');
    expect(withMeasures(readme, 'results/README.md'), 'run npm run schema').toBe(readme);
  });

  it('README.md names every measure', () => {
    const readme = read('README.md');
    for (const m of measureNames) expect(readme, m).toContain(`\`${m}\``);
  });
});
