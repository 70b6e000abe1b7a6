/**
 * Names users give (places, interventions, the title) that hold what the files Hotbed
 * writes must escape: markup, quotes, commas and line breaks, control characters and NUL,
 * the Unicode line separators, words a guard might take for code (`url(`, `javascript:`),
 * a spreadsheet's formula signs. None is refused: each run writes its files, and every
 * file reads back (python3's strict XML parser, its HTML parser, its csv module, networkx).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { displayText, xmlChars } from '../../../src/numeric/escape.js';
import type { Ran } from '../../cli/cli.js';
import type { HostileCase } from '../case.js';

const TITLE = 'Names "quoted", <b>bold</b> & url(x)\u2028sep';
const REGION = 'Ma,ghreb "R" url(evil) javascript:x\u0000\u000b';
const COUNTRY = '=Tunisia+1\u2028L\u2029P';
/** Not passable as a command-line argument (NUL): only in the run. */
const TOWN = 'Biz\u0000erte\u0001\u001f\r\nnl\u0085';
/** The community exported to GEXF by name. */
const QUARTER = '@Ben <script>alert(1)</script> Gardane\u0001\u2028\uFFFE';
const TAKEDOWN = 'Takedown of url(s) and accounts';
const BORDER = 'javascript:void(0) \u2028 border\u0000 -1';
const PLACES = [REGION, COUNTRY, TOWN, QUARTER];

/** A YAML double-quoted scalar with everything but printable ASCII as an escape, so the file itself is plain. */
const quoted = (s: string) =>
  `"${[...s].map((c) => (/[ -~]/.test(c) ? (c === '"' || c === '\\' ? `\\${c}` : c) : [...c].map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''))).join('')}"`;

const SCENARIO = [
  `title: ${quoted(TITLE)}`,
  'seed: 3',
  'dates: { start: "2014-06-01", end: "2014-10-01", checkpoints: ["2014-08-01"] }',
  'output: { everyDays: 14, levels: [world, region, country, community] }',
  'places:',
  '  regions:',
  `    - name: ${quoted(REGION)}`,
  '      countries:',
  `        - name: ${quoted(COUNTRY)}`,
  '          population: 3000',
  '          stock: { abroad: 30 }',
  '          communities:',
  `            - name: ${quoted(TOWN)}`,
  '              population: 800',
  '              hotbed: true',
  '              network: { kind: erdos-renyi, meanDegree: 5 }',
  '              stock: { abroad: 10 }',
  `            - name: ${quoted(QUARTER)}`,
  '              population: 600',
  'interventions:',
  '  - kind: media-takedown',
  `    label: ${quoted(TAKEDOWN)}`,
  '    start: "2014-07-01"',
  '    reduction: 0.5',
  '  - kind: border-control',
  `    label: ${quoted(BORDER)}`,
  '    start: "2014-08-01"',
  '    interception: 0.3',
  `    target: { country: ${quoted(COUNTRY)} }`,
  '',
].join('\n');

const setup = (cwd: string) => writeFileSync(join(cwd, 'names.yaml'), SCENARIO);

const python3 = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' });
const withoutPython = () => (python3.status === 0 || process.env.CI ? false : 'python3 with networkx not found, which reads the files back');

/** Reads back what a run wrote, with python3's own parsers: each SVG (file and inline) as strict XML, the page's tags and text, places.csv's places. */
const READ_BACK = `
import csv, glob, json, os, re, sys, xml.etree.ElementTree as ET
from html.parser import HTMLParser
out = sys.argv[1]
svgs = sorted(glob.glob(os.path.join(out, 'charts', '*.svg')))
for f in svgs: ET.parse(f)
class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.tags = set(); self.text = []; self.attributes = []
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag); self.attributes += [a for a, _ in attrs]
    def handle_data(self, data): self.text.append(data)
html = open(os.path.join(out, 'report.html'), encoding='utf-8').read()
page = Page(); page.feed(html); page.close()
inline = re.findall(r'<svg[\\s>].*?</svg>', html, re.S)
for s in inline: ET.fromstring(s)
with open(os.path.join(out, 'places.csv'), newline='', encoding='utf-8') as f: places = [r['place'] for r in csv.DictReader(f)]
print(json.dumps({'svgs': len(svgs), 'inline': len(inline), 'tags': sorted(page.tags), 'events': sorted({a for a in page.attributes if a.startswith('on')}), 'text': ''.join(page.text), 'places': places}))
`;

interface ReadBack { svgs: number; inline: number; tags: string[]; events: string[]; text: string; places: string[] }

function readBack(cwd: string): ReadBack {
  const read = spawnSync('python3', ['-c', READ_BACK, join(cwd, 'results', 'new')], { encoding: 'utf8' });
  expect(read.status, read.stderr).toBe(0);
  return JSON.parse(read.stdout) as ReadBack;
}

/** The checks of a run's folder: every file Hotbed wrote reads back, with every name in it. */
function checkRun(_ran: Ran, cwd: string): void {
  const r = readBack(cwd);
  expect(r.svgs).toBeGreaterThanOrEqual(5);
  expect(r.inline).toBe(r.svgs);
  expect(r.tags.filter((t) => ['script', 'iframe', 'object', 'embed', 'b', 'img'].includes(t))).toEqual([]);
  expect(r.events).toEqual([]);
  // the page shows every name, its controls as visible escapes
  for (const name of [TITLE, REGION, COUNTRY, TAKEDOWN, BORDER]) expect(r.text).toContain(displayText(name));
  // places.csv holds each name exactly (a country's unnamed rest repeats its name)
  expect(r.places).toEqual(['World', ...PLACES, COUNTRY]);
  const summary = JSON.parse(readFileSync(join(cwd, 'results', 'new', 'summary.json'), 'utf8')) as unknown;
  expect(JSON.stringify(summary)).toContain(JSON.stringify(REGION).slice(1, -1));
  for (const f of readdirSync(join(cwd, 'results', 'new', 'charts')).filter((n) => n.endsWith('.vl.json'))) {
    JSON.parse(readFileSync(join(cwd, 'results', 'new', 'charts', f), 'utf8'));
  }
}

/** networkx reads the exported community back, with the places as XML can hold them. */
function checkGexf(_ran: Ran, cwd: string): void {
  const script = `
import json, sys, networkx as nx
G = nx.read_gexf(sys.argv[1])
print(json.dumps({'nodes': G.number_of_nodes(), 'places': sorted({(d['region'], d['country'], d['community']) for _, d in G.nodes(data=True)})}))
`;
  const read = spawnSync('python3', ['-c', script, join(cwd, 'quarter.gexf')], { encoding: 'utf8' });
  expect(read.status, read.stderr).toBe(0);
  expect(JSON.parse(read.stdout)).toEqual({ nodes: 600, places: [[xmlChars(REGION), xmlChars(COUNTRY), xmlChars(QUARTER)]] });
}

export const nameCases: HostileCase[] = [
  {
    name: 'a run whose place, intervention and title names hold markup, quotes, commas, controls, NUL, U+2028, url( and javascript:',
    setup,
    args: ['run', 'names.yaml', '--out', 'results/new'],
    exit: 0,
    writes: true,
    check: checkRun,
    skip: withoutPython,
  },
  {
    name: 'the same run with the titles moved out of the images (into <title>, <desc> and the captions)',
    setup,
    args: ['run', 'names.yaml', '--out', 'results/new', '--no-chart-titles'],
    exit: 0,
    writes: true,
    check: checkRun,
    skip: withoutPython,
  },
  {
    name: 'a community named with markup, controls and U+2028 exported to GEXF with its run',
    setup,
    args: ['network', 'names.yaml', '--community', QUARTER, '--gexf', 'quarter.gexf', '--run'],
    exit: 0,
    check: checkGexf,
    skip: withoutPython,
  },
];
