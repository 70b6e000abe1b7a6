/**
 * Charts without their titles, for a journal that sets a figure's title in its caption.
 * The spec loses its top-level title and subtitle (panel titles stay: they are part of
 * the figure); their text becomes the spec's description and the SVG's <title> and
 * <desc>, the image's accessible name and alt text, and the report puts the title at the
 * head of the chart's caption.
 */
import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml } from '../numeric/escape.js';

export interface ChartTitle {
  title: string;
  subtitle: string[];
}

/** Whether charts carry their titles: yes unless told otherwise (`output.chartTitles: false`). */
export const titlesInImages = (o: { chartTitles?: boolean }): boolean => o.chartTitles !== false;

/** The spec's top-level title and subtitle, if it has a title. */
export function chartTitle(spec: TopLevelSpec): ChartTitle | undefined {
  const t = (spec as { title?: unknown }).title;
  if (typeof t === 'string') return { title: t, subtitle: [] };
  if (Array.isArray(t)) return { title: t.join(' '), subtitle: [] };
  if (!t || typeof t !== 'object') return undefined;
  const { text, subtitle } = t as { text?: unknown; subtitle?: unknown };
  const lines = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
  return { title: lines(text).join(' '), subtitle: lines(subtitle) };
}

/** The title and subtitle as one passage: "Title. Subtitle line one. Subtitle line two." */
export function titleText(t: ChartTitle): string {
  const title = /[.!?:]$/.test(t.title) ? t.title : `${t.title}.`;
  return [title, ...t.subtitle].join(' ');
}

/** The spec without its title and subtitle; their text becomes its description. */
export function untitled(spec: TopLevelSpec): { spec: TopLevelSpec; title?: ChartTitle } {
  const title = chartTitle(spec);
  if (!title) return { spec };
  const { title: _dropped, ...rest } = spec as TopLevelSpec & { title?: unknown };
  return { spec: { ...rest, description: titleText(title) } as TopLevelSpec, title };
}

/** The SVG with the title as its <title> (accessible name) and the subtitle as its <desc>, first inside the root. */
export function withSvgTitle(svg: string, t: ChartTitle): string {
  const open = /^<svg[^>]*>/.exec(svg);
  if (!open) return svg;
  const desc = t.subtitle.length > 0 ? `<desc>${escapeHtml(t.subtitle.join(' '))}</desc>` : '';
  return `${open[0]}<title>${escapeHtml(t.title)}</title>${desc}${svg.slice(open[0].length)}`;
}
