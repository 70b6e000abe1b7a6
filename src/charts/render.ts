/**
 * Vega-Lite spec → Vega spec → SVG (Vega's headless string renderer) → PNG (resvg
 * with the shipped DejaVu fonts). No network, no system fonts, no clock: the same
 * spec gives the same SVG bytes and the same PNG bytes.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import type * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { collectingLogger, compileSpec } from './compile.js';
import { FONT_FAMILY } from './specs/common.js';
import { chartFontFiles, shippedTextWidth } from './text-metrics.js';
import { View, parse, textMetrics } from './vega.js';

export { compileSpec, type Compiled } from './compile.js';
export { chartFontFiles } from './text-metrics.js';

type VegaLogger = NonNullable<ConstructorParameters<typeof vega.View>[1]>['logger'] & object;

/** Renders a Vega-Lite spec to an SVG string. Rejects when Vega reports an error while drawing. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { vega: vg } = compileSpec(spec);
  useShippedFontMetrics();
  const { logger, errors } = collectingLogger();
  const view = new View(parse(vg), { renderer: 'none', logger: logger as unknown as VegaLogger, logLevel: 2 /* vega's Warn */ });
  try {
    const svg = await view.toSVG();
    if (errors.length > 0) throw new Error(`Vega: ${errors.join('; ')}`);
    return svg;
  } finally {
    view.finalize();
  }
}

let metricsInstalled = false;

/**
 * Makes Vega lay text out with DejaVu Sans's real advance widths (see text-metrics.ts)
 * instead of its 0.8 em-per-character guess. Vega keeps one global `textMetrics`, so
 * this is process-wide; it is idempotent.
 */
export function useShippedFontMetrics(): void {
  if (metricsInstalled) return;
  textMetrics.width = shippedTextWidth();
  metricsInstalled = true;
}

/** How many PNG pixels per SVG pixel (2: sharp on high-density screens and in print). */
export const PNG_ZOOM = 2;

/** resvg's options for an SVG: the shipped fonts only (no system fonts), twice the SVG's width, white background. */
export function pngOptions(svg: string): ResvgRenderOptions {
  const width = svgWidth(svg);
  return {
    font: {
      fontFiles: chartFontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: width ? { mode: 'width', value: Math.round(width * PNG_ZOOM) } : { mode: 'zoom', value: PNG_ZOOM },
    background: 'white',
    shapeRendering: 2,
    textRendering: 1,
  };
}

/** Renders an SVG (from `renderSvg`) to PNG bytes at twice its size, with the shipped fonts only. */
export function renderPng(svg: string): Uint8Array {
  const png = new Resvg(svg, pngOptions(svg)).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/** The width attribute of the root <svg> element, if it has one. */
export function svgWidth(svg: string): number | undefined {
  const m = /^<svg[^>]*?\swidth="([\d.]+)"/.exec(svg);
  return m ? Number(m[1]) : undefined;
}
