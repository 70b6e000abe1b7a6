/**
 * The report: every chart as a Vega-Lite spec (with its data), SVG and PNG, and one
 * self-contained HTML page. With `chartTitles: false` the images carry no title: each
 * title heads its chart's caption instead (titles.ts). Returns the files; the caller writes the result folder
 * atomically, so a chart that fails makes the whole report fail (no half report).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ReportInputs } from './inputs.js';
import { reportMessages } from './captions.js';
import { type Chart, chartTitle, charts } from './catalog.js';
import { type DrawnChart, type SkippedChart, assertInertSvg, reportHtml } from './html.js';
import { startChartThread } from './chart-thread.js';
import type { Point } from './layout.js';
import { renderSvg } from './render.js';
import { drawableSpec } from './spec-text.js';
import { titlesInImages, untitled, withSvgTitle } from './titles.js';

/**
 * The files of a result folder's report, by path relative to the folder:
 * `charts/<name>.vl.json`, `charts/<name>.svg`, `charts/<name>.png` for every chart
 * that has data, then `report.html`. Same inputs, same bytes.
 */
export async function buildReport(inputs: ReportInputs): Promise<Record<string, string | Uint8Array>> {
  const thread = startChartThread();
  try {
    // the network map's layout starts first, on the chart thread, while the charts before the map are drawn
    const network = inputs.network;
    const layout = network && network.nodes.length > 0 ? thread.layout(network, inputs.meta.seed) : undefined;
    layout?.catch(() => undefined); // awaited when the map is drawn; keeps an early rejection from going unhandled
    const drawn: (DrawnChart & { spec: TopLevelSpec; png: Promise<{ bytes: Uint8Array } | { error: unknown }> })[] = [];
    const skipped: SkippedChart[] = [];
    for (const chart of charts) {
      const positions = chart.laysOutNetwork ? await layout?.catch((err: unknown) => Promise.reject(failure(chart.name, err))) : undefined;
      const svg = await drawSvg(chart, positions ? placed(inputs, positions) : inputs);
      if (!svg) {
        if (!chart.optional) skipped.push({ title: chartTitle(chart, inputs), reason: chart.skipReason(inputs) });
        continue;
      }
      // PNGs are drawn on the chart thread while the next chart is laid out; settled here, awaited below
      const png = thread.png(svg.svg).then(
        (bytes) => ({ bytes }),
        (error: unknown) => ({ error }),
      );
      drawn.push({ name: chart.name, title: chartTitle(chart, inputs), caption: chart.caption(inputs), svg: svg.svg, spec: svg.spec, png, table: chart.table?.(inputs), ...(svg.imageTitle ? { imageTitle: svg.imageTitle } : {}) });
    }
    const files: Record<string, string | Uint8Array> = {};
    for (const chart of drawn) {
      const png = await chart.png;
      if ('error' in png) throw failure(chart.name, png.error);
      files[`charts/${chart.name}.vl.json`] = `${JSON.stringify(chart.spec, null, 2)}\n`;
      files[`charts/${chart.name}.svg`] = chart.svg;
      files[`charts/${chart.name}.png`] = png.bytes;
    }
    files['report.html'] = reportHtml(inputs, drawn, skipped);
    return files;
  } finally {
    await thread.close();
  }
}

/** The inputs with every person of the network sample at the given position: the map's spec uses them as they are. */
function placed(inputs: ReportInputs, positions: ReadonlyMap<number, Point>): ReportInputs {
  const network = inputs.network!;
  return { ...inputs, network: { ...network, nodes: network.nodes.map((n) => ({ ...n, ...positions.get(n.id) })) } };
}

/** The chart's spec and SVG; with `chartTitles: false`, without the title, which is returned to head the caption. */
async function drawSvg(chart: Chart, inputs: ReportInputs): Promise<{ spec: TopLevelSpec; svg: string; imageTitle?: string } | undefined> {
  try {
    const made = chart.spec(inputs);
    if (!made) return undefined;
    const titled = drawableSpec(made);
    const { spec, title } = titlesInImages(inputs) ? { spec: titled, title: undefined } : untitled(titled);
    const svg = await renderSvg(spec);
    assertInertSvg(svg, chart.name);
    return title ? { spec, svg: withSvgTitle(svg, title), imageTitle: title.title } : { spec, svg };
  } catch (err) {
    throw failure(chart.name, err);
  }
}

const failure = (name: string, err: unknown) =>
  new Error(reportMessages.chartFailed(name, err instanceof Error ? err.message : String(err)), { cause: err });
