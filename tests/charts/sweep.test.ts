/**
 * The sweep charts' specs, for every design and shape (grid of one, two and three
 * factors, Latin hypercube scatter and PRCC, Morris, Sobol), compile to Vega
 * without a word of complaint; Morris labels do not overlap; each design has its
 * charts. (Rendering to SVG and PNG goes through the shared pipeline, exercised by
 * the sweep and golden tests.)
 */
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../src/charts/compile.js';
import type { SweepChartFactor, SweepChartInputs, SweepPointSummary } from '../../src/charts/inputs.js';
import { placeLabels, sweepMorrisSpec } from '../../src/charts/specs/sweep-morris.js';
import { sweepGridSpec } from '../../src/charts/specs/sweep-grid.js';
import { sweepScatterSpec } from '../../src/charts/specs/sweep-scatter.js';
import { sweepSobolSpec } from '../../src/charts/specs/sweep-sobol.js';
import { sweepPrccSpec } from '../../src/charts/specs/sweep-prcc.js';
import { sweepChartsByDesign } from '../../src/charts/sweep.js';
import { overlaps, sceneItems, textCollisions } from './scene.js';

const factor = (name: string, values?: number[]): SweepChartFactor => ({ name, low: 0.1, high: 1, scale: 'log', ...(values ? { values } : {}) });
const output = { name: 'travelled', measure: 'travelled' as const, level: 'world' as const, place: 'World', date: '2015-12-01' };

/** Two replicates, 10 % either side of the mean. */
const summary = (mean: number): SweepPointSummary => ({ n: 2, mean, sd: 0.1 * mean * Math.SQRT2, p5: 0.9 * mean, p50: mean, p95: 1.1 * mean });

function inputs(design: SweepChartInputs['design'], factors: SweepChartFactor[], points: number[][]): SweepChartInputs {
  return {
    title: 'Test', design, factors, outputs: [output], replicates: 2, points,
    summaries: [points.map((p) => summary(p.reduce((s, x) => s + x, 0) * 1000))],
    analysis: design === 'morris'
      ? { outputs: [{ output: 'travelled', method: 'morris', indices: factors.map((f, i) => ({ factor: f.name, mu: i, muStar: 10 + i, sigma: 5, muStarLow: 8, muStarHigh: 13 + i })) }] }
      : design === 'sobol'
        ? { outputs: [{ output: 'travelled', method: 'sobol', indices: factors.map((f) => ({ factor: f.name, first: 0.3, firstLow: 0.1, firstHigh: 0.5, total: 0.4, totalLow: 0.2, totalHigh: 0.6 })) }] }
        : design === 'latin-hypercube'
          ? { outputs: [{ output: 'travelled', method: 'prcc', points: points.length, dropped: 1, indices: factors.map((f, i) => ({ factor: f.name, prcc: i === 1 ? NaN : 0.9 - 0.5 * i, prccLow: i === 1 ? NaN : 0.7 - 0.5 * i, prccHigh: i === 1 ? NaN : 0.95 - 0.5 * i, pValue: 0.01, spearman: 0.5 - 0.3 * i })) }] }
          : undefined,
  };
}

const compiles = (spec: unknown) => {
  expect(spec).toBeDefined();
  const { warnings } = compileSpec(spec as never) as { warnings?: string[] };
  expect(warnings ?? []).toEqual([]);
};

describe('sweep charts', () => {
  it('each design draws its own kinds of chart', () => {
    const prefixes = Object.fromEntries(Object.entries(sweepChartsByDesign).map(([design, list]) => [design, list.map((c) => c.prefix)]));
    expect(prefixes).toEqual({ grid: ['grid'], 'latin-hypercube': ['scatter', 'prcc'], morris: ['morris'], sobol: ['sobol'] });
  });

  it('grid: one factor (line and band), two (heat map), three (main effects)', () => {
    const v = [0.1, 0.5, 1];
    compiles(sweepGridSpec(inputs('grid', [factor('a', v)], v.map((x) => [x])), 0));
    const two = sweepGridSpec(inputs('grid', [factor('a', v), factor('b', v)], v.flatMap((x) => v.map((y) => [x, y]))), 0);
    compiles(two);
    expect(JSON.stringify(two)).toContain('"rect"');
    compiles(sweepGridSpec(inputs('grid', [factor('a', v), factor('b', v), factor('c', v)], v.flatMap((x) => v.flatMap((y) => v.map((z) => [x, y, z])))), 0));
  });

  it('Latin hypercube, Morris and Sobol', () => {
    const fs = [factor('a'), factor('b'), factor('c'), factor('d')];
    const pts = Array.from({ length: 10 }, (_, i) => fs.map((_f, j) => 0.1 + ((i * 7 + j * 3) % 10) / 11));
    compiles(sweepScatterSpec(inputs('latin-hypercube', fs, pts), 0));
    compiles(sweepMorrisSpec(inputs('morris', fs, pts), 0));
    compiles(sweepSobolSpec(inputs('sobol', fs, pts), 0));
    expect(sweepMorrisSpec(inputs('sobol', fs, pts), 0)).toBeUndefined();
  });

  it('PRCC: dots with intervals on a fixed −1…1 axis, an undefined index named on the zero line; none for a skipped output', () => {
    const fs = [factor('a'), factor('b'), factor('c'), factor('d')];
    const pts = Array.from({ length: 10 }, (_, i) => fs.map((_f, j) => 0.1 + ((i * 7 + j * 3) % 10) / 11));
    const spec = sweepPrccSpec(inputs('latin-hypercube', fs, pts), 0);
    compiles(spec);
    const text = JSON.stringify(spec);
    expect(text).toContain('"domain":[-1,1]');
    expect(text).toContain('1 point without a value left out');
    expect(text).toContain('{"factor":"b","x":0,"text":"PRCC undefined (see analysis.json)"}');
    const skipped = inputs('latin-hypercube', fs, pts);
    skipped.analysis = { outputs: [{ output: 'travelled', method: 'prcc', skipped: 'too few points' }] };
    expect(sweepPrccSpec(skipped, 0)).toBeUndefined();
    expect(sweepPrccSpec(inputs('sobol', fs, pts), 0)).toBeUndefined();
  });

  it('Morris labels of dots close together are moved apart', () => {
    const dots = ['susceptibility_maghreb', 'susceptibility_western_europe', 'susceptibility_former_soviet', 'return_rate']
      .map((factor, i) => ({ factor, x: 50 + i, y: 100 - i }));
    const labels = placeLabels(dots, 1000, 300);
    const ys = labels.map((l) => l.labelY).sort((a, b) => b - a);
    // 15 px lines on a 400 px plot of 300 units
    for (let i = 1; i < ys.length; i++) expect(ys[i - 1]! - ys[i]!).toBeGreaterThanOrEqual((15 / 400) * 300 - 1e-9);
    // the dots overlap one another, so every label stands off on a leader
    expect(labels.every((l) => l.leader)).toBe(true);
  });

  // A Morris screening as the baseline's gives it: three drivers with wide intervals far out, five
  // factors crowded near the origin with long names, and a share output whose ticks need three decimals.
  const screening = () => inputs('morris', ['media_exposure', 'peer_probability', 'group_probability', 'return_rate', 'susceptibility_middle_east', 'susceptibility_maghreb', 'susceptibility_western_europe', 'susceptibility_former_soviet'].map((n) => factor(n)), [[0]]);
  const MORRIS = [
    // factor, μ*, σ, interval
    ['media_exposure', 16_169, 19_371, 9_215, 24_207], ['peer_probability', 16_480, 24_717, 7_545, 26_575],
    ['group_probability', 16_139, 20_638, 8_203, 24_662], ['return_rate', 1_710, 2_782, 899, 2_584],
    ['susceptibility_middle_east', 1_333, 1_935, 861, 1_880], ['susceptibility_maghreb', 1_132, 2_096, 426, 2_009],
    ['susceptibility_western_europe', 640, 790, 457, 831], ['susceptibility_former_soviet', 34_849, 28_743, 24_519, 47_219],
  ] as const;
  const morrisInputs = (scale: number) => {
    const i = screening();
    i.analysis = { outputs: [{ output: 'travelled', method: 'morris', indices: MORRIS.map(([f, m, s, lo, hi]) => ({ factor: f, mu: m, muStar: m * scale, sigma: s * scale, muStarLow: lo * scale, muStarHigh: hi * scale })) }] };
    return i;
  };

  it('Morris labels overprint nothing: no other text, axis, dot or interval, and stay inside the plot', async () => {
    for (const scale of [1, 1e-6]) {
      const spec = sweepMorrisSpec(morrisInputs(scale), 0)!;
      const items = await sceneItems(spec);
      expect(textCollisions(items), `μ* × ${scale}`).toEqual([]);
      const names = new Set<string>(MORRIS.map(([f]) => f));
      const labels = items.filter((i) => i.marktype === 'text' && i.role === 'mark' && names.has(i.text ?? ''));
      expect(labels.length).toBeGreaterThanOrEqual(MORRIS.length);
      const dots = items.filter((i) => i.marktype === 'symbol' && i.role === 'mark');
      const intervals = items.filter((i) => i.marktype === 'rule' && i.role === 'mark' && i.y2 - i.y1 < 3 && i.x2 - i.x1 > 3);
      expect(dots).toHaveLength(MORRIS.length);
      expect(intervals.length).toBeGreaterThan(0);
      for (const l of labels) {
        for (const d of [...dots, ...intervals]) expect(overlaps(l, d), `${l.text} over a ${d.marktype}`).toBe(false);
      }
      const xAxis = items.find((i) => i.role === 'axis-domain' && i.axis === 'bottom')!;
      const yAxis = items.find((i) => i.role === 'axis-domain' && i.axis === 'left')!;
      for (const l of labels) {
        expect(l.x1, l.text).toBeGreaterThanOrEqual(xAxis.x1);
        expect(l.x2, l.text).toBeLessThanOrEqual(xAxis.x2);
        expect(l.y1, l.text).toBeGreaterThanOrEqual(yAxis.y1);
        expect(l.y2, l.text).toBeLessThanOrEqual(yAxis.y2);
      }
    }
  });

  it('Morris axes label a share with the decimals its ticks need (no two ticks read alike)', async () => {
    const shares = morrisInputs(1.3e-6); // σ up to 0.037, μ* up to 0.06: ticks every 0.005 on σ
    shares.outputs = [{ ...output, measure: 'returned_share' }];
    const items = await sceneItems(sweepMorrisSpec(shares, 0)!);
    for (const side of ['bottom', 'left'] as const) {
      const ticks = items.filter((i) => i.role === 'axis-label' && i.axis === side).map((i) => i.text);
      expect(ticks.length).toBeGreaterThan(3);
      expect(new Set(ticks).size, ticks.join(' ')).toBe(ticks.length);
    }
  });
});

describe('sweep charts of indicators, conditional means and reference ranges', () => {
  const z = [0.8, 2, 4, 6, 8];
  const cascade = { ...output, name: 'global_cascade', measure: 'adopted_share' as const, indicator: 'at least 0.1' };
  const size = { ...output, name: 'global_size', measure: 'adopted_share' as const, given: 'global_cascade' };
  // k of 10 runs cascade at each z; the conditional mean rests on those k
  const ks = [0, 6, 9, 1, 0];
  const probability = (k: number): SweepPointSummary => ({ n: 10, mean: k / 10, sd: 0.5, p5: 0, p50: k > 5 ? 1 : 0, p95: k > 0 ? 1 : 0, low95: Math.max(0, k / 10 - 0.2), high95: Math.min(1, k / 10 + 0.2) });
  const given = (k: number): SweepPointSummary => (k ? { n: k, mean: 0.9, sd: 0.01, p5: 0.88, p50: 0.9, p95: 0.92 } : { n: 0, mean: NaN, sd: NaN, p5: NaN, p50: NaN, p95: NaN });
  const watts = (references?: SweepChartInputs['references']): SweepChartInputs => ({
    title: 'Cascades', design: 'grid', factors: [{ name: 'z', low: 0.8, high: 8, scale: 'linear', values: z }], outputs: [cascade, size], replicates: 10,
    points: z.map((v) => [v]), summaries: [ks.map(probability), ks.map(given)], ...(references ? { references } : {}),
  });
  type Encoded = { mark: { type: string }; encoding: Record<string, { field?: string; title?: unknown; scale?: { domain?: number[] } }>; data?: { values: Record<string, unknown>[] } };
  const layers = (spec: unknown) => (spec as { layer: Encoded[] }).layer;

  it('an indicator: its probability banded by the Wilson interval on 0..1, its axis named P(...) after the output, its definition in the subtitle', () => {
    const spec = sweepGridSpec(watts(), 0)!;
    compiles(spec);
    const area = layers(spec).find((l) => l.mark.type === 'area')!;
    expect([area.encoding.y!.field, area.encoding.y2!.field]).toEqual(['low95', 'high95']);
    expect(area.encoding.y!.title).toBe('P(global cascade)');
    expect(area.encoding.y!.scale!.domain).toEqual([0, 1]);
    const title = (spec as { title: { text: string; subtitle: string[] } }).title;
    expect(title.text).toBe('Across the grid: P(global cascade), World, 1 Dec 2015');
    expect(title.subtitle.join(' ')).toContain('Global cascade: share adopted at least 0.1 in a run.');
    expect(title.subtitle.join(' ')).toContain('Wilson 95% interval');
    expect(title.subtitle.join(' ')).not.toContain('5–95%');
  });

  it('a conditional mean: named with its condition, the runs it rests on printed over each point', () => {
    const spec = sweepGridSpec(watts(), 1)!;
    compiles(spec);
    const area = layers(spec).find((l) => l.mark.type === 'area')!;
    expect([area.encoding.y!.field, area.encoding.y2!.field]).toEqual(['p5', 'p95']);
    expect(area.encoding.y!.title).toBe('Share adopted given global cascade');
    expect(layers(spec).find((l) => l.mark.type === 'text')!.encoding.text!.field).toBe('n');
    expect((spec as { title: { subtitle: string[] } }).title.subtitle.join(' ')).toContain('with global cascade alone');
  });

  it('a reference range: shaded and labelled on every chart of its factor, clipped to the range swept; nothing where there is none', async () => {
    const refs = [{ factor: 'z', from: 1.02, to: 9, label: 'Analytic window' }, { factor: 'z', from: 3, to: 3, label: 'A value' }, { factor: 'other', from: 0, to: 1, label: 'Elsewhere' }];
    for (const k of [0, 1]) {
      const spec = sweepGridSpec(watts(refs), k)!;
      compiles(spec);
      const rect = layers(spec).find((l) => l.mark.type === 'rect')!;
      expect(rect.data!.values.map((v) => [v.from, v.to])).toEqual([[1.02, 8]]);
      expect(layers(spec).find((l) => l.mark.type === 'rule')!.data!.values.map((v) => v.from)).toEqual([3]);
      const items = await sceneItems(spec);
      const texts = items.filter((i) => i.marktype === 'text').map((i) => i.text);
      expect(texts).toContain('Analytic window');
      expect(texts).toContain('A value');
      expect(texts).not.toContain('Elsewhere');
      expect(textCollisions(items)).toEqual([]);
    }
    expect(JSON.stringify(sweepGridSpec(watts(), 0))).not.toContain('"rect"');
    const three = { ...watts(refs), factors: [{ name: 'z', low: 0.8, high: 8, scale: 'linear' as const, values: z }, factor('b', [0.1, 1]), factor('c', [0.1, 1])] };
    three.points = z.flatMap((v) => [[v, 0.1, 0.1], [v, 1, 1]]);
    three.summaries = [three.points.map(() => probability(5))];
    three.outputs = [cascade];
    compiles(sweepGridSpec(three, 0));
    expect(JSON.stringify(sweepGridSpec(three, 0))).toContain('Analytic window');
    const lhs = { ...three, design: 'latin-hypercube' as const };
    compiles(sweepScatterSpec(lhs, 0));
    expect(JSON.stringify(sweepScatterSpec(lhs, 0))).toContain('Analytic window');
  });
});
