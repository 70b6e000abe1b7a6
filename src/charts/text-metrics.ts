/**
 * Text widths for Vega's layout, measured from the shipped DejaVu Sans fonts.
 *
 * Without a canvas (node-canvas is not a dependency) Vega guesses a text's width as
 * 0.8 × font size per character, about 40 % too wide for DejaVu Sans: axes drop
 * labels that would fit, legends and titles get too much room. Reading the advance
 * widths from the same TTF files resvg draws with makes the layout match the pixels.
 * Only what is needed is parsed: head (units per em), hhea and hmtx (advances) and a
 * format-4 cmap (the Basic Multilingual Plane); kerning is ignored (a pixel or two).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface FontMetrics {
  unitsPerEm: number;
  /** Advance width, in font units, of the glyph for a UTF-16 code unit (BMP). */
  advance(code: number): number;
}

export function parseFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
    tables.set(tag, view.getUint32(at + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`font has no ${tag} table`);
    return at;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const numberOfHMetrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const glyphAdvance = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  // cmap: the Windows Unicode BMP subtable (platform 3, encoding 1), format 4
  const cmap = table('cmap');
  let sub = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const rec = cmap + 4 + 8 * i;
    if (view.getUint16(rec) === 3 && view.getUint16(rec + 2) === 1) sub = cmap + view.getUint32(rec + 4);
  }
  if (sub < 0 || view.getUint16(sub) !== 4) throw new Error('font has no format-4 Unicode cmap');
  const segCount = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const rangeOffsets = deltas + 2 * segCount;
  const glyphOf = (code: number): number => {
    let lo = 0;
    let hi = segCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (view.getUint16(ends + 2 * mid) < code) lo = mid + 1;
      else hi = mid;
    }
    const start = view.getUint16(starts + 2 * lo);
    if (code < start || code > view.getUint16(ends + 2 * lo)) return 0;
    const delta = view.getInt16(deltas + 2 * lo);
    const rangeOffsetAt = rangeOffsets + 2 * lo;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    if (rangeOffset === 0) return (code + delta) & 0xffff;
    const glyph = view.getUint16(rangeOffsetAt + rangeOffset + 2 * (code - start));
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };

  const cache = new Map<number, number>();
  return {
    unitsPerEm,
    advance(code) {
      let width = cache.get(code);
      if (width === undefined) {
        width = glyphAdvance(glyphOf(code));
        cache.set(code, width);
      }
      return width;
    },
  };
}

export interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
}

/** A Vega `textMetrics.width` function: the width in pixels of `text` as drawn for `item`. */
export function textWidthFunction(regular: FontMetrics, bold: FontMetrics): (item: TextItem, text: unknown) => number {
  return (item, text) => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const s = text == null ? '' : String(text).trim();
    if (size <= 0 || s.length === 0) return 0;
    const weight = item.fontWeight;
    const font = weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600) || weight === '600' || weight === '700' || weight === '800' || weight === '900' ? bold : regular;
    let units = 0;
    for (let i = 0; i < s.length; i++) units += font.advance(s.charCodeAt(i));
    return (units / font.unitsPerEm) * size;
  };
}

export function loadTextWidth(regularFile: string, boldFile: string): (item: TextItem, text: unknown) => number {
  return textWidthFunction(parseFontMetrics(readFileSync(regularFile)), parseFontMetrics(readFileSync(boldFile)));
}

let fontFiles: [regular: string, bold: string] | undefined;

/** DejaVuSans.ttf and DejaVuSans-Bold.ttf from the dejavu-fonts-ttf package: what resvg draws with. */
export function chartFontFiles(): [regular: string, bold: string] {
  if (!fontFiles) {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fontFiles = [join(dir, 'DejaVuSans.ttf'), join(dir, 'DejaVuSans-Bold.ttf')];
  }
  return fontFiles;
}

let shipped: ((item: TextItem, text: unknown) => number) | undefined;

/** The width in pixels of `text` in the charts' font, read once from the shipped files. */
export function shippedTextWidth(): (item: TextItem, text: unknown) => number {
  shipped ??= loadTextWidth(...chartFontFiles());
  return shipped;
}

/** The width in pixels of `text` at `fontSize` in the charts' font: for a spec that places its own labels. */
export const textWidth = (text: string, fontSize: number, bold = false): number => shippedTextWidth()({ fontSize, fontWeight: bold ? 'bold' : 'normal' }, text);
