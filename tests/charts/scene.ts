/**
 * The laid-out scene of a chart, for tests that check where things landed: every
 * drawn item with its bounds in the image's pixels (Vega's own layout, with the
 * shipped fonts' text widths), so a test can ask whether two labels collide.
 */
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compileSpec } from '../../src/charts/compile.js';
import { useShippedFontMetrics } from '../../src/charts/render.js';

export interface SceneItem {
  /** Vega's mark type: text, symbol, rule, rect, line, area, group, … */
  marktype: string;
  /** The mark's role: mark, axis-label, axis-title, axis-domain, axis-tick, legend-label, title-text, … */
  role: string;
  /** The mark's name (Vega-Lite names a layer's marks after the layer's `name`). */
  name: string;
  text?: string;
  /** For the parts of an axis (labels, ticks, title, domain): the axis's side. */
  axis?: 'top' | 'bottom' | 'left' | 'right';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface Bounds { x1: number; y1: number; x2: number; y2: number }
interface Item { x?: number; y?: number; text?: unknown; opacity?: number; orient?: SceneItem['axis']; bounds?: Bounds; items?: Mark[] }
interface Mark { marktype: string; role: string; name?: string; items: Item[] }

/** Every item of the chart's scene with absolute bounds (empty items, and labels Vega hid for overlapping, left out). */
export async function sceneItems(spec: TopLevelSpec): Promise<SceneItem[]> {
  useShippedFontMetrics();
  const view = new vega.View(vega.parse(compileSpec(spec).vega), { renderer: 'none' });
  await view.runAsync();
  const out: SceneItem[] = [];
  const walk = (mark: Mark, dx: number, dy: number, axis?: SceneItem['axis']) => {
    for (const item of mark.items ?? []) {
      const b = item.bounds;
      if (b && Number.isFinite(b.x1) && b.x2 >= b.x1 && item.opacity !== 0) {
        out.push({
          marktype: mark.marktype, role: mark.role, name: mark.name ?? '',
          ...(axis ? { axis } : {}),
          ...(item.text !== undefined ? { text: Array.isArray(item.text) ? item.text.join(' ') : String(item.text) } : {}),
          x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy,
        });
      }
      const side = mark.role === 'axis' ? item.orient : axis;
      if (mark.marktype === 'group') for (const child of item.items ?? []) walk(child, dx + (item.x ?? 0), dy + (item.y ?? 0), side);
    }
  };
  walk((view.scenegraph() as unknown as { root: Mark }).root, 0, 0);
  view.finalize();
  return out;
}

/** Whether two boxes overlap by more than `slack` pixels each way. */
export function overlaps(a: Bounds, b: Bounds, slack = 0.5): boolean {
  return a.x1 < b.x2 - slack && b.x1 < a.x2 - slack && a.y1 < b.y2 - slack && b.y1 < a.y2 - slack;
}

const sameBox = (a: Bounds, b: Bounds) => Math.abs(a.x1 - b.x1) < 0.01 && Math.abs(a.y1 - b.y1) < 0.01 && Math.abs(a.x2 - b.x2) < 0.01 && Math.abs(a.y2 - b.y2) < 0.01;

/**
 * Pairs of texts (of any role) that overlap, and texts of the data layers that cross an
 * axis line or tick: "label A × label B". A label drawn twice in one place (a white halo
 * under the ink) is one label.
 */
export function textCollisions(items: readonly SceneItem[], slack = 0.5): string[] {
  const texts = items.filter((i) => i.marktype === 'text' && i.text !== undefined && i.text !== '');
  const found: string[] = [];
  const name = (i: SceneItem) => `${i.role} "${i.text ?? i.marktype}"`;
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const [a, b] = [texts[i]!, texts[j]!];
      if (a.text === b.text && sameBox(a, b)) continue;
      if (overlaps(a, b, slack)) found.push(`${name(a)} × ${name(b)}`);
    }
  }
  const axisLines = items.filter((i) => i.role === 'axis-domain' || i.role === 'axis-tick');
  for (const t of texts.filter((i) => i.role === 'mark')) {
    const line = axisLines.find((l) => overlaps(t, l, slack));
    if (line) found.push(`${name(t)} × ${line.role}`);
  }
  return [...new Set(found)];
}

/** Vertical axis titles that run past their plot's height (into the axis labels below or what is above): "title: N px". */
export function axisTitleOverruns(items: readonly SceneItem[], slack = 1): string[] {
  const vertical = (i: SceneItem) => i.axis === 'left' || i.axis === 'right';
  const domains = items.filter((i) => i.role === 'axis-domain' && vertical(i));
  const middle = (i: SceneItem) => (i.y1 + i.y2) / 2;
  const found: string[] = [];
  for (const t of items.filter((i) => i.role === 'axis-title' && vertical(i))) {
    // its axis: the nearest axis line beside it, level with it
    const axis = domains
      .filter((d) => (t.axis === 'left' ? d.x1 >= t.x2 - 1 : d.x2 <= t.x1 + 1))
      .sort((a, b) => Math.abs(a.x1 - t.x2) - Math.abs(b.x1 - t.x2) || Math.abs(middle(a) - middle(t)) - Math.abs(middle(b) - middle(t)))[0];
    if (!axis) continue;
    const over = Math.max(axis.y1 - t.y1, t.y2 - axis.y2);
    if (over > slack) found.push(`${t.text}: ${over.toFixed(0)} px`);
  }
  return found;
}
