/** Chart specs' text made drawable: any name goes through Vega to a well-formed SVG the guard lets through. */
import fc from 'fast-check';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { charts } from '../../src/charts/catalog.js';
import { reportHtml } from '../../src/charts/html.js';
import { drawChartFiles } from '../../src/charts/chart-files.js';
import { drawableSpec } from '../../src/charts/spec-text.js';
import { displayText, escapeHtml } from '../../src/numeric/escape.js';
import { hostileName } from '../setup/hostile-names.js';
import { fixtureInputs } from './fixture.js';

/** What XML 1.0 cannot hold at all. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('drawableSpec', () => {
  it('turns every string, keys and data included, into display text, the same way everywhere', () => {
    const name = 'Biz\u0000erte\u2028';
    const spec = { title: { text: name }, data: { values: [{ place: name, n: 1 }] }, encoding: { y: { field: 'place', sort: [name, 'Other'] } }, config: { [name]: 1 } } as unknown as TopLevelSpec;
    const shown = displayText(name);
    expect(drawableSpec(spec)).toEqual({ title: { text: shown }, data: { values: [{ place: shown, n: 1 }] }, encoding: { y: { field: 'place', sort: [shown, 'Other'] } }, config: { [shown]: 1 } });
    expect((spec as unknown as { title: { text: string } }).title.text).toBe(name); // the input is left as it was
  });

  it('returns the very same spec when it has nothing to change', () => {
    const spec = charts.find((c) => c.name === 'by-place')!.spec(fixtureInputs())!;
    expect(drawableSpec(spec)).toBe(spec);
  });
});

describe('a hostile name through the charts (property)', () => {
  it('draws the places chart and the events of the cumulative chart, well-formed and past the guard', async () => {
    await fc.assert(fc.asyncProperty(hostileName, hostileName, async (place, label) => {
      const inputs = fixtureInputs();
      inputs.byPlace = inputs.byPlace.map((r) => (r.place === 'Belgium' ? { ...r, place: `${place}.` } : r)); // never empty, never another place
      inputs.interventions = inputs.interventions.map((r, i) => (i === 0 ? { ...r, label } : r));
      for (const name of ['by-place', 'cumulative']) {
        const chart = charts.find((c) => c.name === name)!;
        const files = await drawChartFiles([{ name, spec: () => chart.spec(inputs) }]);
        const svg = files[`charts/${name}.svg`] as string;
        expect(svg).not.toMatch(NOT_XML);
        expect(svg).not.toMatch(/<script|<a[\s>]/);
        expect((files[`charts/${name}.png`] as Uint8Array).length).toBeGreaterThan(1000);
      }
    }), { numRuns: 8 });
  });

  it('writes the page with the name escaped, no markup and no forbidden character (property)', () => {
    fc.assert(fc.property(hostileName, (title) => {
      const inputs = fixtureInputs();
      inputs.title = title;
      inputs.meta.scenarios[0]!.title = title;
      const html = reportHtml(inputs, [], []);
      expect(html).toContain(`<title>${escapeHtml(title)}</title>`);
      expect(html).not.toMatch(NOT_XML);
      expect(html).not.toMatch(/<script/i);
    }), { numRuns: 50 });
  });
});
