/** Charts without their titles (`output.chartTitles: false`): the title leaves the image for the caption and the description. */
import { describe, expect, it } from 'vitest';
import { buildReport, calibrationCharts, sweepCharts } from '../../src/charts/index.js';
import { assertInertSvg } from '../../src/charts/html.js';
import { renderSvg } from '../../src/charts/render.js';
import { cumulativeSpec, cumulativeTitle } from '../../src/charts/specs/cumulative.js';
import { chartTitle, titleText, untitled, withSvgTitle } from '../../src/charts/titles.js';
import type { SweepChartInputs } from '../../src/charts/inputs.js';
import { calibrationFixture } from './calibration-fixture.js';
import { fixtureInputs, singleScenarioInputs } from './fixture.js';
import { svgSize, titleOf } from './helpers.js';

type Files = Record<string, string | Uint8Array>;
const specsOf = (files: Files) => Object.entries(files).filter(([k]) => k.endsWith('.vl.json')).map(([k, v]) => [k, JSON.parse(v as string) as { title?: unknown; description?: string }] as const);

describe('a chart without its title', () => {
  it('loses the title and subtitle and keeps their text as its description', () => {
    const spec = cumulativeSpec(fixtureInputs())!;
    const { subtitle } = titleOf(spec);
    const bare = untitled(spec);
    expect(bare.title).toEqual({ title: cumulativeTitle, subtitle });
    expect((bare.spec as { title?: unknown }).title).toBeUndefined();
    expect((bare.spec as { description?: string }).description).toBe(`${cumulativeTitle}. ${subtitle.join(' ')}`);
    expect(chartTitle(bare.spec)).toBeUndefined();
    expect(titleText({ title: 'Already ends:', subtitle: [] })).toBe('Already ends:');
  });

  it('is shorter by the title\'s height, and its SVG names it in <title> and <desc>, escaped and inert', async () => {
    const spec = cumulativeSpec(singleScenarioInputs())!;
    const bare = untitled(spec);
    const [withTitle, without] = [await renderSvg(spec), await renderSvg(bare.spec)];
    expect(svgSize(without).height).toBeLessThan(svgSize(withTitle).height - 40);
    expect(svgSize(without).width).toBeLessThanOrEqual(svgSize(withTitle).width);
    const named = withSvgTitle(without, { title: 'A <b> & "c"', subtitle: ['one', 'two'] });
    expect(named).toMatch(/^<svg[^>]*><title>A &lt;b&gt; &amp; &quot;c&quot;<\/title><desc>one two<\/desc><rect/);
    expect(() => assertInertSvg(named, 'cumulative')).not.toThrow();
  });

  it('the report: no image has a title, each title heads its chart\'s caption', async () => {
    const inputs = fixtureInputs();
    inputs.chartTitles = false;
    const files = await buildReport(inputs);
    const specs = specsOf(files);
    expect(specs.length).toBeGreaterThan(5);
    for (const [name, spec] of specs) {
      expect(spec.title, name).toBeUndefined();
      expect(spec.description, name).toBeTruthy();
      expect(files[name.replace('.vl.json', '.svg')] as string).toContain('<title>');
    }
    const html = files['report.html'] as string;
    expect(html).toContain(`<figcaption><strong>${cumulativeTitle}.</strong> `);
    expect(html.match(/<figcaption><strong>/g)).toHaveLength(specs.length);
    // titled by default: no <title> in the images, no title in the captions
    const titled = await buildReport(fixtureInputs());
    expect(titled['report.html'] as string).not.toContain('<figcaption><strong>');
    expect(specsOf(titled).every(([, s]) => s.title !== undefined && s.description === undefined)).toBe(true);
  });

  it('the sweep and calibration charts', async () => {
    const calibration = calibrationFixture();
    calibration.chartTitles = false;
    const sweep: SweepChartInputs = {
      title: 'Test', design: 'morris', designSize: 4, replicates: 2, chartTitles: false,
      factors: [{ name: 'a', low: 0, high: 1, scale: 'linear' }, { name: 'b', low: 0, high: 1, scale: 'linear' }],
      outputs: [{ name: 'travelled', measure: 'travelled', level: 'world', place: 'World', date: '2015-12-01' }],
      points: [[0, 0]], summaries: [[{ n: 2, mean: 1, sd: 0, p5: 1, p50: 1, p95: 1 }]],
      analysis: { outputs: [{ output: 'travelled', method: 'morris', indices: [{ factor: 'a', mu: 1, muStar: 1, sigma: 1, muStarLow: 0.5, muStarHigh: 1.5 }, { factor: 'b', mu: 2, muStar: 2, sigma: 0.5, muStarLow: 1, muStarHigh: 3 }] }] },
    };
    for (const files of [await calibrationCharts(calibration), await sweepCharts(sweep)]) {
      const specs = specsOf(files);
      expect(specs.length).toBeGreaterThan(0);
      for (const [name, spec] of specs) {
        expect(spec.title, name).toBeUndefined();
        expect(spec.description, name).toMatch(/\. /);
      }
    }
  });
});
