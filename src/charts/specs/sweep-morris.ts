/**
 * Sweep chart (Morris): μ* against σ, one labelled dot per factor, for one output.
 * Factors far to the right drive the output; factors high up act non-linearly or
 * through interactions; factors near the origin can be fixed. The horizontal line
 * through each dot is μ*'s 90 % bootstrap interval, and the dashed diagonal is
 * σ = μ*.
 */
import type { SweepChartInputs } from '../inputs.js';
import { analysisOf, outputLabel } from '../sweep-labels.js';
import { textWidth } from '../text-metrics.js';
import { type TopLevelSpec, INK, MUTED, frame } from './common.js';

const COLOUR = '#0072B2';
const WIDTH = 520;
const HEIGHT = 400;
const FONT_SIZE = 12;
/** A label's box: DejaVu Sans at 12 px is about 14 px from descender to ascender. */
const LINE_PX = FONT_SIZE + 3;
/** Pixels between a dot's centre and its label, and around a dot that no label may enter. */
const GAP = 7;
const DOT_RADIUS = 6;
/** Half the height of an interval line that no label may cross. */
const RULE_HALF = 2.5;
const LABEL_SPACE = 10;
/** How far the label of a dot that overlaps another stands off from it, so that its leader shows. */
const STAND_OFF = 18;
/** How far from its dot a label may be moved (pixels) before it gives up looking for a free place. */
const REACH = 220;

export interface MorrisDot {
  factor: string;
  /** μ* and σ, in data units. */
  x: number;
  y: number;
  /** μ*'s interval, in data units, drawn as a line through the dot. */
  low?: number;
  high?: number;
}

export interface MorrisLabel {
  factor: string;
  /** The dot, in data units. */
  x: number;
  y: number;
  /** The label's left end and middle, in data units. */
  labelX: number;
  labelY: number;
  /** Moved away from its dot: a faint leader line joins the two. */
  leader: boolean;
  /** Where the leader meets the label's box, in data units. */
  leaderX: number;
  leaderY: number;
}

interface Box { left: number; right: number; top: number; bottom: number }

/** From a point to the nearest point of a box (0 inside it). */
const distanceTo = (b: Box, x: number, y: number) => Math.hypot(Math.max(b.left, Math.min(x, b.right)) - x, Math.max(b.top, Math.min(y, b.bottom)) - y);

const hits = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Label positions inside the plot that cover no other label, no dot and no interval
 * line. Each label is tried beside its dot (right, left, above, below); where none
 * of those is free, at the nearest free place within reach, joined to its dot by a
 * leader line. The factors that matter most (largest μ*) are placed first, so the
 * crowd near the origin gives way to them. Positions are returned in data units;
 * the work is done in pixels of the plot.
 */
export function placeLabels(dots: readonly MorrisDot[], xMax: number, yMax: number, widthOf: (text: string) => number = (t) => textWidth(t, FONT_SIZE)): MorrisLabel[] {
  const px = (v: number) => (v / xMax) * WIDTH;
  const py = (v: number) => HEIGHT - (v / yMax) * HEIGHT;
  const obstacles: Box[] = [];
  for (const d of dots) {
    const [x, y] = [px(d.x), py(d.y)];
    obstacles.push({ left: x - DOT_RADIUS, right: x + DOT_RADIUS, top: y - DOT_RADIUS, bottom: y + DOT_RADIUS });
    if (d.low !== undefined && d.high !== undefined && Number.isFinite(d.low) && Number.isFinite(d.high)) {
      obstacles.push({ left: px(d.low), right: px(d.high), top: y - RULE_HALF, bottom: y + RULE_HALF });
    }
  }
  const inside = (b: Box) => b.left >= 2 && b.right <= WIDTH - 2 && b.top >= 2 && b.bottom <= HEIGHT - 2;
  const free = (b: Box) => inside(b) && obstacles.every((o) => !hits(b, o));
  const placed = new Map<string, MorrisLabel>();
  const order = [...dots].sort((a, b) => b.x - a.x || b.y - a.y || (a.factor < b.factor ? -1 : 1));
  for (const d of order) {
    const [x, y] = [px(d.x), py(d.y)];
    const w = widthOf(d.factor);
    const box = (left: number, middle: number): Box => ({ left, right: left + w, top: middle - LINE_PX / 2, bottom: middle + LINE_PX / 2 });
    const beside = [box(x + GAP, y), box(x - GAP - w, y), box(x - w / 2, y - GAP - LINE_PX / 2), box(x - w / 2, y + GAP + LINE_PX / 2), box(x - 4, y - GAP - LINE_PX / 2), box(x + 4 - w, y - GAP - LINE_PX / 2)];
    // beside its dot only where no other dot is nearer the label (which dot a label names must not be a guess)
    const own = (b: Box) => dots.every((o) => o === d || distanceTo(b, px(o.x), py(o.y)) >= distanceTo(b, x, y));
    // dots that overlap cannot be told apart by a label beside them: their labels stand off, on visible leaders
    const crowded = dots.some((o) => o !== d && Math.hypot(px(o.x) - x, py(o.y) - y) < 2 * DOT_RADIUS + 2);
    const standOff = crowded ? STAND_OFF : 0;
    let chosen = crowded ? undefined : beside.find((b) => free(b) && own(b));
    let leader = false;
    if (!chosen) {
      // the nearest free place on a 4-pixel grid around the dot, by distance from the dot to the box,
      // where no other dot is nearer (or, in a crowd where there is none, the nearest free place)
      let best: { b: Box; distance: number; own: boolean } | undefined;
      for (let dy = -REACH; dy <= REACH; dy += 4) {
        for (let dx = -REACH - w; dx <= REACH; dx += 4) {
          const b = box(x + dx, y + dy);
          const distance = distanceTo(b, x, y);
          if (distance > REACH || distance < standOff || !free(b)) continue;
          const mine = own(b);
          if (best && (best.own && !mine || (best.own === mine && distance >= best.distance))) continue;
          best = { b, distance, own: mine };
        }
      }
      chosen = best?.b;
      leader = true;
    }
    // nowhere free within reach: beside the dot all the same (a crowd of more labels than the plot holds)
    chosen ??= beside.find(inside) ?? beside[0]!;
    // labels keep a word's space apart, so that two on one line do not read as one
    obstacles.push({ ...chosen, left: chosen.left - LABEL_SPACE, right: chosen.right + LABEL_SPACE });
    const middle = (chosen.top + chosen.bottom) / 2;
    // the leader ends at the box's nearest point to the dot
    const endX = Math.max(chosen.left, Math.min(x, chosen.right));
    const endY = Math.max(chosen.top, Math.min(y, chosen.bottom));
    const dataX = (v: number) => (v / WIDTH) * xMax;
    const dataY = (v: number) => ((HEIGHT - v) / HEIGHT) * yMax;
    placed.set(d.factor, { factor: d.factor, x: d.x, y: d.y, labelX: dataX(chosen.left), labelY: dataY(middle), leader, leaderX: dataX(endX), leaderY: dataY(endY) });
  }
  return dots.map((d) => placed.get(d.factor)!);
}

export const morrisTitle = (inputs: SweepChartInputs, output: number) => `What drives it: ${outputLabel(inputs.outputs[output]!)}`;

export function sweepMorrisSpec(inputs: SweepChartInputs, output: number): TopLevelSpec | undefined {
  const a = analysisOf(inputs, output, 'morris');
  if (!a) return undefined;
  const indices = a.indices;
  const values = indices.map((i) => ({ factor: i.factor, muStar: i.muStar, low: i.muStarLow, high: i.muStarHigh, sigma: i.sigma, mu: i.mu }));
  // Each axis fits its own values: σ is often far below μ*, and a shared scale would leave most of the plot empty.
  const xMax = Math.max(...values.flatMap((v) => [v.high, v.muStar]).filter(Number.isFinite), 1e-12) * 1.05;
  const yMax = Math.max(...values.map((v) => v.sigma).filter(Number.isFinite), 1e-12) * 1.12;
  const diagonal = Math.min(xMax, yMax);
  const labels = placeLabels(values.map((v) => ({ factor: v.factor, x: v.muStar, y: v.sigma, low: v.low, high: v.high })), xMax, yMax);
  // Vega's own tick format: as many decimals as the tick step needs (a fixed '.2f' wrote 0.005 and 0.01 alike as "0.01")
  const axis = { labelSeparation: 6 };
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
      { data: { values: labels.filter((l) => l.leader) }, mark: { type: 'rule', color: MUTED, strokeWidth: 0.7, opacity: 0.8 }, encoding: { x: { field: 'x', type: 'quantitative', scale: x.scale }, y: { field: 'y', type: 'quantitative', scale: y.scale }, x2: { field: 'leaderX' }, y2: { field: 'leaderY' } } },
      // Each label twice: a white halo under the ink, so it reads over the grid and the diagonal.
      ...[{ stroke: 'white', strokeWidth: 3 }, {}].map((halo) => ({
        data: { values: labels },
        mark: { type: 'text', color: INK, align: 'left', baseline: 'middle', fontSize: FONT_SIZE, ...halo },
        encoding: { x: { field: 'labelX', type: 'quantitative', scale: x.scale }, y: { field: 'labelY', type: 'quantitative', scale: y.scale }, text: { field: 'factor' } },
      })),
      // Dots last, over any label's halo.
      { data: { values }, mark: { type: 'point', filled: true, color: COLOUR, size: 70, opacity: 1 }, encoding: { x, y, tooltip: [{ field: 'factor' }, { field: 'muStar', format: '.4~g' }, { field: 'mu', format: '.4~g' }, { field: 'sigma', format: '.4~g' }] } },
    ],
  } as TopLevelSpec;
}
