/** Helpers for chart tests: walking a Vega-Lite spec, reading a PNG header. */
import { expect } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { compileSpec } from '../../src/charts/compile.js';

export interface AxisInfo {
  channel: 'x' | 'y';
  type: string;
  title: unknown;
  axis: Record<string, unknown> | undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every x/y field encoding that draws an axis (axis not null, scale not null), anywhere in the spec. */
export function drawnAxes(spec: unknown): AxisInfo[] {
  const out: AxisInfo[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObj(node)) return;
    if (isObj(node.encoding)) {
      for (const channel of ['x', 'y'] as const) {
        const def = node.encoding[channel];
        if (isObj(def) && typeof def.field === 'string' && def.axis !== null && def.scale !== null) {
          out.push({ channel, type: String(def.type), title: def.title, axis: isObj(def.axis) ? def.axis : undefined });
        }
      }
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'data') walk(value);
  };
  walk(spec);
  return out;
}

/** Every axis of a compiled Vega spec with its title and the type of its scale (looked up through enclosing groups). */
export function vegaAxes(vg: unknown): { scale: string; scaleType: string; title: string | undefined }[] {
  const out: { scale: string; scaleType: string; title: string | undefined }[] = [];
  const walk = (group: Obj, scales: Map<string, string>) => {
    const here = new Map(scales);
    for (const sc of (group.scales as Obj[] | undefined) ?? []) here.set(String(sc.name), String(sc.type ?? 'linear'));
    for (const axis of (group.axes as Obj[] | undefined) ?? []) {
      // grid-only axes (no labels, no title) are not axes a reader reads
      if (axis.labels === false && axis.title === undefined) continue;
      const title = Array.isArray(axis.title) ? axis.title.join(' ') : (axis.title as string | undefined);
      out.push({ scale: String(axis.scale), scaleType: here.get(String(axis.scale)) ?? 'unknown', title });
    }
    for (const mark of (group.marks as Obj[] | undefined) ?? []) if (mark.type === 'group') walk(mark, here);
  };
  walk(vg as Obj, new Map());
  return out;
}

/** The spec's title text and subtitle. */
export function titleOf(spec: TopLevelSpec): { text: string; subtitle: string[] } {
  const t = spec.title as { text: string; subtitle?: string | string[] };
  return { text: t.text, subtitle: t.subtitle === undefined ? [] : Array.isArray(t.subtitle) ? t.subtitle : [t.subtitle] };
}

/** What every chart spec must satisfy: compiles cleanly, titled, axes titled with units, DejaVu font, width in range. */
export function expectPublishable(spec: TopLevelSpec | undefined, options: { axes?: boolean } = {}): asserts spec is TopLevelSpec {
  expect(spec).toBeDefined();
  const s = spec as TopLevelSpec;
  const { warnings } = compileSpec(s);
  expect(warnings).toEqual([]);
  const { text, subtitle } = titleOf(s);
  expect(text.length).toBeGreaterThan(5);
  expect(subtitle.length).toBeGreaterThan(0);
  expect(s.config?.font).toMatch(/^DejaVu Sans\b/);
  for (const a of drawnAxes(s)) if (a.type === 'temporal') expect(a.axis?.format).toBe('%b %Y'); // month-year dates
  // the axes Vega draws (after Vega-Lite merged the layers): quantitative ones carry a unit, time ones a title
  // (stacked panels may share one time-axis title, under the bottom panel)
  const axes = vegaAxes(compileSpec(s).vega);
  if (options.axes === false) return void expect(axes).toEqual([]);
  expect(axes.length).toBeGreaterThan(0);
  for (const a of axes) {
    if (['linear', 'log', 'pow', 'sqrt', 'symlog'].includes(a.scaleType)) expect(a.title, `axis on ${a.scale}`).toMatch(/\(.+\)$/);
  }
  const timeAxes = axes.filter((a) => ['time', 'utc'].includes(a.scaleType));
  if (timeAxes.length > 0) expect(timeAxes.some((a) => a.title)).toBe(true);
  expect(JSON.stringify(s)).not.toMatch(/Math\.random/);
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function svgSize(svg: string): { width: number; height: number } {
  const m = /^<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('no SVG size');
  return { width: Number(m[1]), height: Number(m[2]) };
}
