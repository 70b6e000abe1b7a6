/**
 * The report page: one self-contained HTML file that opens offline. The charts are
 * inline SVG, the style is inline CSS, and there is nothing to fetch (no script, no
 * font, no image; the Content-Security-Policy forbids them anyway). Every string
 * that comes from the user (titles, names, places, labels, the command line) goes
 * through `escapeHtml` (numeric/escape.ts); the SVGs come from Vega, which escapes
 * markup itself, from specs whose text is display text (spec-text.ts).
 */
import { escapeHtml } from '../numeric/escape.js';
import type { ReportInputs } from './inputs.js';
import { people, scaleText } from './format.js';
import { reportMessages } from './captions.js';
import type { Table } from './tables.js';

/**
 * Makes the ids of an inline SVG unique in the page (Vega numbers clip paths and
 * gradients from 1 in every SVG, and a page with two `#clip1` would clip the second
 * chart with the first one's path).
 */
export function namespaceSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/(\s(?:xlink:)?href)="#([^"]+)"/g, (_, attr: string, id: string) => `${attr}="#${prefix}-${id}"`);
}

/** Elements that run code, load something or hold markup of another kind. */
const ACTIVE_ELEMENT = /^(script|foreignObject|image|feImage|iframe|style|a)$/i;
/** Attributes that only ever hold text for a reader (Vega writes axis, legend and mark descriptions there): names in them are words, not references. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-roledescription', 'aria-description']);
/** A tag as Vega writes it, read piece by piece: its name, then name="value" pairs whose values hold no quote or markup (escaped), then its end. */
const TAG_NAME = /<\/?([A-Za-z][\w:.-]*)/y;
const ATTRIBUTE = /\s+([A-Za-z_:][\w:.-]*)="([^"<>]*)"/y;
const TAG_END = /\s*\/?>$/y;

/**
 * Refuses an SVG that could run code or load anything when inlined (Vega never makes one):
 * an active element, an event handler, a link out of the document, or a `javascript:` or
 * outside `url(…)` in any attribute but the text-only ones, read with its character
 * references decoded. Names are text: in an element's content and in the text-only
 * attributes they may say anything ("Takedown of url(s) and accounts") without the chart
 * being refused.
 */
export function assertInertSvg(svg: string, name: string): void {
  if (!/^<svg[\s>]/.test(svg)) throw new Error(`chart "${name}": not an SVG document`);
  const refuse = (what: string) => new Error(`chart "${name}": the SVG contains ${JSON.stringify(what)}`);
  // text is escaped, so every "<" starts a real tag: look at the tags only
  for (const [tag] of svg.matchAll(/<[^>]*>/g)) {
    TAG_NAME.lastIndex = 0;
    const element = TAG_NAME.exec(tag);
    if (!element) throw refuse(tag.slice(0, 80));
    if (ACTIVE_ELEMENT.test(element[1]!)) throw refuse(`<${element[1]!}`);
    let at = TAG_NAME.lastIndex;
    for (let m; (ATTRIBUTE.lastIndex = at), (m = ATTRIBUTE.exec(tag)); at = ATTRIBUTE.lastIndex) {
      const attribute = m[1]!;
      const value = m[2]!;
      if (/^on/i.test(attribute)) throw refuse(attribute);
      if (TEXT_ATTRIBUTES.has(attribute)) continue;
      if (/^(xlink:)?href$/i.test(attribute) && !value.startsWith('#')) throw refuse(`${attribute}="${value}"`);
      if (!/[(:&]/.test(value)) continue; // most values (paths, numbers, colours) can hold neither
      const bad = /javascript:|url\((?!#)/i.exec(decodeReferences(value).replace(/\s+/g, ''));
      if (bad) throw refuse(bad[0]);
    }
    TAG_END.lastIndex = at;
    if (!TAG_END.test(tag)) throw refuse(tag.slice(0, 80));
  }
}

const NAMED_REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute value as a parser reads it: numeric and the five named character references decoded (others left as they are). */
function decodeReferences(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (whole, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named !== undefined) return NAMED_REFERENCES[named.toLowerCase()] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export interface DrawnChart {
  name: string;
  title: string;
  caption: string;
  /** The image's own title when it was taken out of the image (`chartTitles: false`): it heads the caption. */
  imageTitle?: string;
  svg: string;
  table?: Table;
}

export interface SkippedChart {
  title: string;
  reason: string;
}

const STYLE = `
:root { color-scheme: light; --ink: #222; --muted: #555; --rule: #d9d9d9; --soft: #f5f5f3; }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; background: #fff; color: var(--ink); font-family: "DejaVu Sans", Verdana, system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; line-height: 1.5; }
main { max-width: 860px; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 2.5rem 0 .75rem; padding-top: .75rem; border-top: 1px solid var(--rule); }
p, li, dd, dt, figcaption, caption { font-size: .95rem; }
.lede { color: var(--muted); margin: 0 0 1rem; }
nav ol { margin: .25rem 0 0; padding-left: 1.4rem; columns: 2; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85em; background: var(--soft); padding: .05em .3em; border-radius: 3px; overflow-wrap: break-word; }
td.hash code, dd code { overflow-wrap: anywhere; }
figure { margin: 0; }
.chart { overflow-x: auto; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart svg text { font-family: "DejaVu Sans", Verdana, sans-serif; }
figcaption { color: var(--muted); margin-top: .5rem; }
table { border-collapse: collapse; margin: 1rem 0 0; font-size: .82rem; font-variant-numeric: tabular-nums; width: 100%; }
.table { overflow-x: auto; }
tbody th { font-weight: normal; }
tr.group th { font-weight: bold; padding-top: .6rem; }
caption { text-align: left; font-weight: bold; padding-bottom: .35rem; }
th, td { text-align: left; padding: .2rem .6rem .2rem 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
td.num, th.num { text-align: right; white-space: nowrap; }
tbody th[scope=row] { white-space: nowrap; }
td.hash code { font-size: .75rem; }
.files { font-size: .85rem; color: var(--muted); }
.skipped { color: var(--muted); }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule); padding-top: .75rem; }
@media print { h2 { break-before: auto; } section { break-inside: avoid-page; } nav { display: none; } }
`;

function tableHtml(table: Table): string {
  const cls = (i: number) => (table.numeric[i] ? ' class="num"' : '');
  const head = table.columns.map((c, i) => `<th scope="col"${cls(i)}>${escapeHtml(c)}</th>`).join('');
  const row = (cells: string[]) => `<tr>${cells.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td${cls(i)}>${escapeHtml(cell)}</td>`)).join('')}</tr>`;
  const bodies = table.groups.map((g) => {
    const label = g.label ? `<tr class="group"><th scope="rowgroup" colspan="${table.columns.length}">${escapeHtml(g.label)}</th></tr>\n` : '';
    return `<tbody>\n${label}${g.rows.map(row).join('\n')}\n</tbody>`;
  });
  return `<div class="table"><table>\n<caption>${escapeHtml(table.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n${bodies.join('\n')}\n</table></div>`;
}

function runSection(inputs: ReportInputs): string {
  const m = inputs.meta;
  const scenarioRows = m.scenarios
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.name)}${s.name === m.reference ? ' (reference)' : ''}</td><td><code>${escapeHtml(s.file).replace(/\//g, '/<wbr>')}</code></td><td>${escapeHtml(s.title)}</td><td class="hash"><code>${escapeHtml(s.hash)}</code></td></tr>`,
    )
    .join('\n');
  return `<section id="run" aria-labelledby="run-title">
<h2 id="run-title">What was run</h2>
<dl class="facts">
<dt>Period</dt><dd>${escapeHtml(reportMessages.period(inputs))}</dd>
<dt>Scenarios</dt><dd>${escapeHtml(people(m.scenarios.length))}; differences are taken against <strong>${escapeHtml(m.reference)}</strong></dd>
<dt>Seed</dt><dd>${escapeHtml(m.seed)}</dd>
<dt>Replicates</dt><dd>${escapeHtml(people(m.replicates))} per scenario</dd>
<dt>Scale</dt><dd>${escapeHtml(m.scale)} (${escapeHtml(scaleText(m.scale))})</dd>
<dt>Agents</dt><dd>${escapeHtml(people(m.agents))}</dd>
<dt>Tool</dt><dd>${escapeHtml(m.tool)} ${escapeHtml(m.version)}</dd>
<dt>Made with</dt><dd><code>${escapeHtml(m.createdWith)}</code></dd>
</dl>
<table>
<caption>Scenarios</caption>
<thead><tr><th scope="col">Name</th><th scope="col">File</th><th scope="col">Title</th><th scope="col">Hash (sha256 of the resolved scenario)</th></tr></thead>
<tbody>
${scenarioRows}
</tbody>
</table>
</section>`;
}

function chartSection(chart: DrawnChart, index: number): string {
  const id = `chart-${chart.name}`;
  const svg = namespaceSvgIds(chart.svg, id);
  const files = ['svg', 'png', 'vl.json'].map((ext) => `<a href="charts/${escapeHtml(chart.name)}.${ext}">${ext === 'vl.json' ? 'Vega-Lite spec with data' : ext.toUpperCase()}</a>`).join(' · ');
  return `<section id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-title">
<h2 id="${escapeHtml(id)}-title">${index}. ${escapeHtml(chart.title)}</h2>
<figure>
<div class="chart">${svg}</div>
<figcaption>${chart.imageTitle ? `<strong>${escapeHtml(chart.imageTitle)}.</strong> ` : ''}${escapeHtml(chart.caption)}</figcaption>
</figure>
${chart.table ? tableHtml(chart.table) : ''}
<p class="files">Files: ${files}</p>
</section>`;
}

/** The whole page. */
export function reportHtml(inputs: ReportInputs, drawn: DrawnChart[], skipped: SkippedChart[]): string {
  const toc = [
    '<li><a href="#run">What was run</a></li>',
    ...drawn.map((c) => `<li><a href="#chart-${escapeHtml(c.name)}">${escapeHtml(c.title)}</a></li>`),
  ].join('');
  const skippedHtml =
    skipped.length > 0 ? `<ul class="skipped">${skipped.map((s) => `<li>${escapeHtml(reportMessages.notDrawn(s.title, s.reason))}</li>`).join('')}</ul>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="generator" content="${escapeHtml(inputs.meta.tool)} ${escapeHtml(inputs.meta.version)}">
<title>${escapeHtml(inputs.title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(inputs.title)}</h1>
<p class="lede">${escapeHtml(reportMessages.synthetic(inputs))}</p>
<nav aria-label="Contents"><ol>${toc}</ol></nav>
${skippedHtml}
</header>
${runSection(inputs)}
${drawn.map((c, i) => chartSection(c, i + 1)).join('\n')}
<footer>${escapeHtml(reportMessages.madeBy(inputs))} Each chart is also in charts/ as SVG, PNG and a Vega-Lite spec that holds its data.</footer>
</main>
</body>
</html>
`;
}
