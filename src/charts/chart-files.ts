/**
 * A set of named charts drawn to files: charts/<name>.vl.json (the spec with its
 * data), .svg and .png. A chart that fails rejects the whole set, so a result
 * folder never holds half its charts. PNGs are drawn on the chart thread while the
 * next SVG is drawn (chart-thread.ts). Same specs, same bytes.
 */
import type { TopLevelSpec } from 'vega-lite';
import { reportMessages } from './captions.js';
import { assertInertSvg } from './html.js';
import { startChartThread } from './chart-thread.js';
import { renderSvg } from './render.js';
import { drawableSpec } from './spec-text.js';
import { untitled, withSvgTitle } from './titles.js';

export interface NamedChart {
  /** File stem. */
  name: string;
  /** The spec, or undefined when there is nothing to draw. */
  spec: () => TopLevelSpec | undefined;
}

/** With `titles: false` every image is drawn without its title, which becomes the spec's description and the SVG's <title> (titles.ts). */
export async function drawChartFiles(charts: readonly NamedChart[], options: { titles?: boolean } = {}): Promise<Record<string, string | Uint8Array>> {
  const thread = startChartThread();
  try {
    const drawn: { name: string; spec: TopLevelSpec; svg: string; png: Promise<Uint8Array> }[] = [];
    for (const chart of charts) {
      try {
        const made = chart.spec();
        if (!made) continue;
        const titled = drawableSpec(made);
        const { spec, title } = options.titles === false ? untitled(titled) : { spec: titled, title: undefined };
        const bare = await renderSvg(spec);
        assertInertSvg(bare, chart.name);
        const svg = title ? withSvgTitle(bare, title) : bare;
        const png = thread.png(svg).catch((err: unknown) => Promise.reject(failure(chart.name, err)));
        png.catch(() => undefined); // awaited below; keeps an early rejection from going unhandled
        drawn.push({ name: chart.name, spec, svg, png });
      } catch (err) {
        throw failure(chart.name, err);
      }
    }
    const files: Record<string, string | Uint8Array> = {};
    for (const c of drawn) {
      files[`charts/${c.name}.vl.json`] = `${JSON.stringify(c.spec, null, 2)}\n`;
      files[`charts/${c.name}.svg`] = c.svg;
      files[`charts/${c.name}.png`] = await c.png;
    }
    return files;
  } finally {
    await thread.close();
  }
}

const failure = (name: string, err: unknown) =>
  err instanceof Error && err.message.startsWith(`chart "${name}"`) ? err : new Error(reportMessages.chartFailed(name, err instanceof Error ? err.message : String(err)), { cause: err });
