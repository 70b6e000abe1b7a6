import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { chartFontFiles, pngOptions } from '../../src/charts/render.js';
import { loadTextWidth, parseFontMetrics } from '../../src/charts/text-metrics.js';

const [regular, bold] = chartFontFiles();
const width = loadTextWidth(regular, bold);

/** The width resvg gives the text's glyph outlines (a little under the advance width). */
function resvgWidth(text: string, size: number, weight: string): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="60"><text x="0" y="40" font-family="DejaVu Sans" font-weight="${weight}" font-size="${size}">${text}</text></svg>`;
  return new Resvg(svg, pngOptions(svg)).getBBox()!.width;
}

describe('text metrics from the shipped fonts', () => {
  it('reads DejaVu Sans', () => {
    const m = parseFontMetrics(readFileSync(regular));
    expect(m.unitsPerEm).toBe(2048);
    expect(m.advance('i'.charCodeAt(0))).toBeLessThan(m.advance('M'.charCodeAt(0)));
  });

  it.each([
    ['Jun 2014', 12, 'normal'],
    ['Travelled, cumulative (people)', 13, 'normal'],
    ['Cumulative travellers, world', 17, 'bold'],
    ['Former Soviet Union', 12, 'normal'],
  ])('measures %j at %ipx (%s) as resvg draws it', (text, size, weight) => {
    const measured = width({ fontSize: size, fontWeight: weight }, text);
    const drawn = resvgWidth(text, size, weight);
    // advance width ≥ ink width, by at most about one side bearing per end
    expect(measured).toBeGreaterThanOrEqual(drawn - 0.5);
    expect(measured - drawn).toBeLessThan(size * 0.3);
  });

  it('is narrower than Vega’s estimate of 0.8 em per character', () => {
    const text = 'Sep 2015';
    expect(width({ fontSize: 12 }, text)).toBeLessThan(0.8 * 12 * text.length * 0.85);
    expect(width({ fontSize: 12, fontWeight: 'bold' }, text)).toBeGreaterThan(width({ fontSize: 12 }, text));
    expect(width({ fontSize: 12 }, '')).toBe(0);
    expect(width({ fontSize: 12 }, null)).toBe(0);
  });
});
