import { beforeAll, describe, expect, it } from 'vitest';
import { reportMessages, skipReasons } from '../../src/charts/captions.js';
import { chartNames, charts } from '../../src/charts/catalog.js';
import { escapeHtml } from '../../src/numeric/escape.js';
import { buildReport } from '../../src/charts/index.js';
import { avertedTitle } from '../../src/charts/specs/averted.js';
import { fixtureInputs, NASTY, nastyInputs, singleScenarioInputs } from './fixture.js';
import { PNG_SIGNATURE } from './helpers.js';

type Files = Record<string, string | Uint8Array>;
const text = (files: Files, path: string) => files[path] as string;

// one build serves every check: the nasty fixture is the full fixture with a script-like name in places
let nasty: Files;
let full: Files;
beforeAll(async () => {
  nasty = await buildReport(nastyInputs());
  full = nasty;
});

describe('buildReport', () => {
  it('returns a spec, an SVG and a PNG per chart, then report.html', () => {
    expect(Object.keys(full)).toEqual([...chartNames.flatMap((n) => [`charts/${n}.vl.json`, `charts/${n}.svg`, `charts/${n}.png`]), 'report.html']);
    for (const name of chartNames) {
      const spec = JSON.parse(text(full, `charts/${name}.vl.json`)) as { $schema: string };
      expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
      expect(text(full, `charts/${name}.vl.json`)).toContain('"values"'); // data inlined
      expect(text(full, `charts/${name}.svg`).startsWith('<svg')).toBe(true);
      expect([...(full[`charts/${name}.png`] as Uint8Array).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    }
  });

  it('opens with what was run', () => {
    const html = text(full, 'report.html');
    const inputs = nastyInputs();
    const run = html.slice(html.indexOf('<section id="run"'), html.indexOf('</section>'));
    expect(html.indexOf('<section id="run"')).toBeLessThan(html.indexOf('<section id="chart-'));
    for (const s of inputs.meta.scenarios) {
      expect(run).toContain(escapeHtml(s.name));
      expect(run).toContain(escapeHtml(s.title));
      expect(run).toContain(s.hash);
      expect(run).toContain(s.file.replace('/', '/<wbr>'));
    }
    for (const fact of ['<dt>Seed</dt><dd>1</dd>', '20 per scenario', '221,512', 'hotbed 0.1.0', escapeHtml(inputs.meta.createdWith), '1 June 2014 to 1 December 2015']) expect(run).toContain(fact);
    expect(html).toContain(escapeHtml(reportMessages.synthetic(inputs)));
  });

  it('shows every chart inline with its caption, and tables under charts 1–3', () => {
    const html = text(full, 'report.html');
    const inputs = nastyInputs();
    expect(html.match(/<svg[\s>]/g)).toHaveLength(charts.length);
    for (const c of charts) {
      expect(html).toContain(`<section id="chart-${c.name}"`);
      expect(html).toContain(`<figcaption>${escapeHtml(c.caption(inputs))}</figcaption>`);
    }
    const tables = html.match(/<table>/g) ?? [];
    expect(tables).toHaveLength(1 + 3); // scenarios + charts 1–3
    for (const name of ['cumulative', 'averted', 'by-place']) {
      const section = html.slice(html.indexOf(`<section id="chart-${name}"`));
      expect(section.slice(0, section.indexOf('</section>'))).toContain('<table>');
    }
  });

  it('is self-contained: no script, no external resource', () => {
    const html = text(full, 'report.html');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|srcset)=/i);
    expect(html).not.toMatch(/@import|@font-face|url\((?!#)/i);
    // the only URLs are XML namespaces, and links to the report's own files
    const urls = [...html.matchAll(/(?:https?:)?\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
    const links = [...html.matchAll(/<link [^>]*>/g)].map((m) => m[0]);
    expect(links).toEqual(['<link rel="icon" href="data:,">']);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
  });

  it('escapes every user string, in the page and in the SVGs', () => {
    const html = text(nasty, 'report.html');
    expect(html).not.toContain(NASTY);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(escapeHtml(NASTY)); // titles, tables, the command line
    expect(html).toContain(`<title>Report on ${escapeHtml(NASTY)}</title>`);
    // Vega escapes text in SVG (it leaves double quotes alone in text content, which is safe there)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; "Molenbeek"</text>');
    for (const [path, content] of Object.entries(nasty)) {
      if (typeof content !== 'string') continue;
      if (path.endsWith('.svg')) expect(content, path).not.toContain('<script');
      // the specs are data, not HTML: they keep the name exactly as given
      if (path === 'charts/by-place.vl.json') expect(content).toContain(JSON.stringify(NASTY));
    }
  });

  it('skips charts without data and says so; the same inputs give the same bytes', async () => {
    const inputs = singleScenarioInputs();
    const [files, again] = await Promise.all([buildReport(inputs), buildReport(singleScenarioInputs())]);
    expect(Object.keys(again)).toEqual(Object.keys(files));
    for (const [path, content] of Object.entries(files)) {
      const other = again[path];
      if (typeof content === 'string') expect(other, path).toBe(content);
      else expect(Buffer.from(other as Uint8Array).equals(Buffer.from(content)), path).toBe(true);
    }
    const names = Object.keys(files);
    for (const skipped of ['averted', 'channels', 'network-degree', 'network-map']) expect(names.some((n) => n.startsWith(`charts/${skipped}.`))).toBe(false);
    for (const drawn of ['cumulative', 'by-place', 'flow']) expect(names).toContain(`charts/${drawn}.svg`);
    const html = text(files, 'report.html');
    expect(html).not.toContain('id="chart-averted"');
    expect(html).not.toContain('id="chart-network-map"');
    // The outputs chart is drawn only when asked for: left out without a "not drawn" line.
    expect(names.some((n) => n.startsWith('charts/statistics.'))).toBe(false);
    expect(html).not.toContain('Recorded statistics');
    expect(html.match(/<svg[\s>]/g)).toHaveLength(3);
    expect(html).toContain(escapeHtml(reportMessages.notDrawn(avertedTitle, skipReasons.averted(inputs))));
  });

  it('rejects when a chart cannot be drawn, naming it', async () => {
    const inputs = fixtureInputs();
    inputs.cumulative[3]!.date = 'March'; // the fixture has a point a week
    await expect(buildReport(inputs)).rejects.toThrow('chart "cumulative" could not be drawn: not an ISO date: "March"');
  });
});
