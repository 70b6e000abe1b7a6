/**
 * Sweep chart (Morris): μ* against σ, one labelled dot per factor, for one output.
 * Factors far to the right drive the output; factors high up act non-linearly or
 * through interactions; factors near the origin can be fixed. The horizontal line
 * through each dot is μ*'s 90 % bootstrap interval, and the dashed diagonal is
 * σ = μ*.
 */
import type { SweepChartInputs } from '../inputs.js';
import { analysisOf, outputLabel, isShare } from '../sweep-labels.js';
import { type TopLevelSpec, INK, MUTED, frame } from './common.js';

const COLOUR = '#0072B2';
const WIDTH = 520;
const HEIGHT = 400;
const FONT_SIZE = 12;
/** DejaVu Sans at 12 px averages under 7 px a character: a label's width, generously. */
const CHAR_PX = 7;
const LINE_PX = FONT_SIZE + 3;

interface Label { factor: string; x: number; y: number; labelX: number; labelY: number; align: 'left' | 'right' }

/**
 * Label positions that do not overlap: each label starts beside its dot (to the right,
 * or to the left near the right edge), and labels are moved down, in order from the
 * top, until each clears the labels placed before it and every other factor's dot. Positions are in data units; the
 * work is done in pixels of the plot.
 */
export function placeLabels(dots: readonly { factor: string; x: number; y: number }[], xMax: number, yMax: number): Label[] {
  const px = (v: number) => (v / xMax) * WIDTH;
  const py = (v: number) => HEIGHT - (v / yMax) * HEIGHT;
  const placed: { left: number; right: number; top: number; label?: Label; dot?: string }[] = [];
  // The dots are obstacles too (a label must not hide another factor's dot): 12 px boxes.
  for (const d of dots) placed.push({ left: px(d.x) - 6, right: px(d.x) + 6, top: py(d.y) - 6, dot: d.factor });
  const order = [...dots].sort((a, b) => py(a.y) - py(b.y) || px(a.x) - px(b.x));
  for (const d of order) {
    const w = d.factor.length * CHAR_PX;
    const right = px(d.x) + 6 + w <= WIDTH + 40;
    const left = right ? px(d.x) + 6 : px(d.x) - 6 - w;
    let top = py(d.y) - LINE_PX / 2;
    for (let moved = true; moved;) {
      moved = false;
      for (const p of placed) {
        const height = p.dot !== undefined ? 12 : LINE_PX;
        if (p.dot === d.factor) continue;
        if (p.left < left + w && left < p.right && p.top < top + LINE_PX && top < p.top + height) {
          top = p.top + height;
          moved = true;
        }
      }
    }
    const label: Label = { factor: d.factor, x: d.x, y: d.y, labelX: d.x, labelY: yMax * (HEIGHT - (top + LINE_PX / 2)) / HEIGHT, align: right ? 'left' : 'right' };
    placed.push({ left, right: left + w, top, label });
  }
  return dots.map((d) => placed.find((p) => p.label?.factor === d.factor)!.label!);
}

export const morrisTitle = (inputs: SweepChartInputs, output: number) => `What drives it: ${outputLabel(inputs.outputs[output]!)}`;

export function sweepMorrisSpec(inputs: SweepChartInputs, output: number): TopLevelSpec | undefined {
  const o = inputs.outputs[output]!;
  const a = analysisOf(inputs, output, 'morris');
  if (!a) return undefined;
  const indices = a.indices;
  const values = indices.map((i) => ({ factor: i.factor, muStar: i.muStar, low: i.muStarLow, high: i.muStarHigh, sigma: i.sigma, mu: i.mu }));
  // Each axis fits its own values: σ is often far below μ*, and a shared scale would leave most of the plot empty.
  const xMax = Math.max(...values.flatMap((v) => [v.high, v.muStar]).filter(Number.isFinite), 1e-12) * 1.05;
  const yMax = Math.max(...values.map((v) => v.sigma).filter(Number.isFinite), 1e-12) * 1.12;
  const diagonal = Math.min(xMax, yMax);
  const labels = placeLabels(values.map((v) => ({ factor: v.factor, x: v.muStar, y: v.sigma })), xMax, yMax);
  const axis = isShare(o) ? { format: '.2~f' } : { format: ',~r' };
  const x = { field: 'muStar', type: 'quantitative' as const, title: 'μ*: mean absolute effect over the factor\'s range', scale: { domain: [0, xMax], nice: false }, axis };
  const y = { field: 'sigma', type: 'quantitative' as const, title: 'σ: spread of the effects', scale: { domain: [0, yMax], nice: false }, axis };
  return {
    ...frame(morrisTitle(inputs, output), [
      `Morris screening of ${inputs.factors.length} factors: ${inputs.designSize ?? '?'} trajectories, mean of ${inputs.replicates} replicate${inputs.replicates === 1 ? '' : 's'} per point.`,
      'Right: the factor moves the output; up: its effect depends on where the others are (non-linear or interacting).',
      'Line through a dot: 90% bootstrap interval of μ*. Dashed: σ = μ* (axes on different scales).',
    ]),
    width: WIDTH,
    height: HEIGHT,
    layer: [
      { data: { values: [{ a: 0, b: 0 }, { a: diagonal, b: diagonal }] }, mark: { type: 'line', color: MUTED, strokeDash: [4, 4], strokeWidth: 1 }, encoding: { x: { field: 'a', type: 'quantitative', scale: x.scale }, y: { field: 'b', type: 'quantitative', scale: y.scale } } },
      { data: { values }, mark: { type: 'rule', color: COLOUR, strokeWidth: 2, opacity: 0.6 }, encoding: { x: { field: 'low', type: 'quantitative', scale: x.scale }, x2: { field: 'high' }, y } },
      // A label moved off its dot is tied to it by a faint line.
      { data: { values: labels.filter((l) => Math.abs(l.labelY - l.y) > yMax * 0.01) }, mark: { type: 'rule', color: MUTED, strokeWidth: 0.7, opacity: 0.7 }, encoding: { x: { field: 'x', type: 'quantitative', scale: x.scale }, y: { field: 'y', type: 'quantitative', scale: y.scale }, x2: { field: 'labelX' }, y2: { field: 'labelY' } } },
      // Each label twice: a white halo under the ink, so it reads over grid and interval lines.
      ...(['left', 'right'] as const).flatMap((align) => [{ stroke: 'white', strokeWidth: 3 }, {}].map((halo) => ({
        data: { values: labels.filter((l) => l.align === align) },
        mark: { type: 'text', color: INK, align, baseline: 'middle', dx: align === 'left' ? 6 : -6, fontSize: FONT_SIZE, ...halo },
        encoding: { x: { field: 'labelX', type: 'quantitative', scale: x.scale }, y: { field: 'labelY', type: 'quantitative', scale: y.scale }, text: { field: 'factor' } },
      }))),
      // Dots last, over any label's halo.
      { data: { values }, mark: { type: 'point', filled: true, color: COLOUR, size: 70, opacity: 1 }, encoding: { x, y, tooltip: [{ field: 'factor' }, { field: 'muStar', format: '.4~g' }, { field: 'mu', format: '.4~g' }, { field: 'sigma', format: '.4~g' }] } },
    ],
  } as TopLevelSpec;
}
