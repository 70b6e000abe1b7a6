/**
 * The charts' text widths in the page, measured by the browser's own canvas in the fonts
 * it will draw with: what charts/text-metrics.ts does in Node.js from the shipped TTF
 * files, which a page cannot read. The explorer's build puts this module in its place.
 */
import { FONT } from '../../charts/specs/common.js';

let context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;

export const textWidth = (text: string, fontSize: number, bold = false): number => {
  context ??= typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : document.createElement('canvas').getContext('2d');
  if (!context) return text.length * fontSize * 0.6;
  context.font = `${bold ? 'bold ' : ''}${fontSize}px ${FONT}`;
  return context.measureText(text).width;
};
