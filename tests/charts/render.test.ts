import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { charts } from '../../src/charts/catalog.js';
import { startChartThread } from '../../src/charts/chart-thread.js';
import { chartFontFiles, compileSpec, pngOptions, renderPng, renderSvg } from '../../src/charts/render.js';
import { fixtureInputs } from './fixture.js';
import { PNG_SIGNATURE, pngSize, svgSize, titleOf } from './helpers.js';

const inputs = fixtureInputs();
const specs = charts.map((c) => [c.name, c.spec(inputs) as TopLevelSpec] as const);

describe('rendering', () => {
  it.each(specs)('%s: an SVG with its title, a PNG at twice its size', async (_, spec) => {
    const svg = await renderSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(`>${titleOf(spec).text}</text>`);
    expect(svg).toContain('font-family="DejaVu Sans, Verdana, sans-serif"');
    const { width, height } = svgSize(svg);
    // about 640–760 px wide (charts with long labels on the left are a little wider)
    expect(width).toBeGreaterThan(600);
    expect(width).toBeLessThan(780);
    const png = renderPng(svg);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const size = pngSize(png);
    expect(size.width).toBe(Math.round(width * 2));
    expect(Math.abs(size.height - height * 2)).toBeLessThanOrEqual(2);
    expect(png.byteLength).toBeGreaterThan(20_000);
    expect(png.byteLength).toBeLessThan(2_000_000);
  });

  it('is deterministic: same spec, same SVG bytes and PNG bytes (on this thread or the chart thread)', async () => {
    const thread = startChartThread();
    try {
      for (const [name, spec] of specs) {
        const a = await renderSvg(spec);
        expect(await renderSvg(spec), name).toBe(a);
        if (name === 'cumulative' || name === 'network-map') {
          const [p, q] = await Promise.all([thread.png(a), thread.png(a)]);
          expect(Buffer.from(p).equals(Buffer.from(q))).toBe(true);
          expect(Buffer.from(renderPng(a)).equals(Buffer.from(p))).toBe(true);
        }
      }
    } finally {
      await thread.close();
    }
  });

  describe('whatever the time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    it('gives the same SVG (dates are UTC calendar dates)', async () => {
      const spec = specs.find(([name]) => name === 'cumulative')![1];
      const flow = specs.find(([name]) => name === 'flow')![1];
      process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
      const offsetEast = new Date(0).getTimezoneOffset();
      const east = [await renderSvg(spec), await renderSvg(flow)];
      process.env.TZ = 'Pacific/Pago_Pago'; // UTC−11
      expect(new Date(0).getTimezoneOffset()).not.toBe(offsetEast); // the switch took effect
      const west = [await renderSvg(spec), await renderSvg(flow)];
      expect(west).toEqual(east);
      expect(east[0]).toContain('>Jun 2014</text>');
    });
  });

  it('draws text with the shipped fonts only', () => {
    const files = chartFontFiles();
    expect(files.map((f) => f.split('/').pop())).toEqual(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="white"/><text x="10" y="28" font-family="DejaVu Sans" font-size="20">Hotbed 2015</text></svg>';
    const options = pngOptions(svg);
    expect(options.font).toMatchObject({ loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', fontFiles: files });
    const image = new Resvg(svg, options).render();
    const pixels = image.pixels;
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) dark++;
    // resvg draws no text at all without a font: some pixels must be ink
    expect(dark).toBeGreaterThan(200);
  });

  it('collects Vega-Lite warnings instead of printing them', () => {
    const warn = vi.spyOn(console, 'warn');
    const spec = { data: { values: [{ a: 'x', b: 1 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' }, strokeWidth: { field: 'a', type: 'nominal' } } } as TopLevelSpec;
    const { warnings } = compileSpec(spec);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('treats names as data, never as code (Vega compiles expressions from specs)', async () => {
    const inputs = fixtureInputs();
    const evil = 'x"]) || process.exit(3) || (["\\u0022 ${process.exit(4)} </text><script>alert(1)</script>';
    inputs.byPlace = inputs.byPlace.map((r) => (r.place === 'Belgium' ? { ...r, place: evil } : r));
    const spec = charts.find((c) => c.name === 'by-place')!.spec(inputs)!;
    const svg = await renderSvg(spec);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
  });

  it('rejects a spec Vega-Lite or Vega cannot draw', async () => {
    await expect(renderSvg({ data: { values: [] }, mark: 'no-such-mark' } as unknown as TopLevelSpec)).rejects.toThrow();
    // a Vega runtime error (a transform on a missing field) is an error, not a log line
    const broken = { data: { values: [{ a: 1 }] }, transform: [{ calculate: 'datum.a.b.c', as: 'x' }], mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } } as TopLevelSpec;
    await expect(renderSvg(broken)).rejects.toThrow(/Vega/);
  });
});
