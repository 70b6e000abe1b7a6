/** `hotbed run` and `hotbed network` through the real command line, on a tiny world. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, tempDir, writeFixture, yaml } from '../scenario/fixtures.js';
import { sizeText } from '../../src/messages/results.js';
import { hotbed, readResult, snapshot, type Ran } from './cli.js';

afterAll(cleanup);

/** Small enough to run in a moment, busy enough that a different seed gives different numbers. */
const TINY = yaml(
  'title: Tiny',
  'seed: 1',
  'dates: { start: "2014-06-01", end: "2014-10-01", checkpoints: ["2014-08-01"] }',
  'channels:',
  '  media: { exposure: 0.002, mobilization: 0.0002 }',
  'places:',
  '  regions:',
  '    - name: Maghreb',
  '      countries:',
  '        - name: Tunisia',
  '          population: 3000',
  '          stock: { abroad: 40, returned: 5 }',
  '          communities:',
  '            - name: Bizerte',
  '              population: 800',
  '              hotbed: true',
);

const cwd = tempDir('hotbed-run-');
writeFixture(cwd, 'tiny.yaml', TINY);
const out = (name: string) => join(cwd, 'results', name);
const read = readResult;

let first: Ran;
let again: Ran;
let otherSeed: Ran;
let levelled: Ran;
let network: Ran;

beforeAll(async () => {
  // Independent commands: run side by side.
  [first, again, otherSeed, levelled, network] = await Promise.all([
    hotbed(['run', 'tiny.yaml', '--out', out('first'), '--quiet'], cwd),
    // The tables alone: they must not depend on whether the report is drawn.
    hotbed(['run', 'tiny.yaml', '--out', out('again'), '--quiet', '--no-report'], cwd),
    hotbed(['run', 'tiny.yaml', '--seed', '2', '--out', out('seed-2'), '--quiet', '--no-report'], cwd),
    hotbed(['run', 'tiny.yaml', '--levels', 'world,community', '--out', out('levels'), '--quiet', '--no-report'], cwd),
    hotbed(['network', 'tiny.yaml', '--community', 'Bizerte', '--gexf', 'bizerte.gexf', '--json', 'bizerte.json'], cwd),
  ]);
}, 120_000);

describe('hotbed run', { timeout: 60_000 }, () => {
  it('exits 0, says what it wrote, and prints nothing on stderr', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('travelled (people)');
    // The folder's size: every file's bytes.
    const bytes = Object.keys(snapshot(out('first'))).filter((f) => !f.endsWith('/')).reduce((sum, f) => sum + statSync(join(out('first'), f)).size, 0);
    expect(first.stdout).toContain(`Wrote ${out('first')}/ (${sizeText(bytes)}: series.csv.gz, summary.json, places.csv, manifest.json, bands.csv.gz, report.html, charts/) in `);
    expect(first.stdout).toContain(`Report: ${out('first')}/report.html`);
  });

  it('prints the wall time of the whole command, and names the shorter time the manifest records', () => {
    const printed = /\) in ([\d.]+) s \(wall time since hotbed started; building the world, the run and the report took ([\d.]+) s of it, manifest\.json's timing\.wallMs\)\.\n$/.exec(first.stdout);
    expect(printed, first.stdout).not.toBeNull();
    const [whole, part] = [Number(printed![1]), Number(printed![2])];
    // Start-up, loading and writing are in it: close to the time from spawn to exit, not only the part the manifest times.
    expect(whole).toBeLessThanOrEqual(first.ms / 1000 + 0.05);
    expect(whole).toBeGreaterThanOrEqual(0.75 * (first.ms / 1000) - 0.1);
    const manifest = JSON.parse(read(out('first'), 'manifest.json')) as { timing: { wallMs: number } };
    expect(part).toBeCloseTo(manifest.timing.wallMs / 1000, 1);
    expect(whole).toBeGreaterThan(part);
  });

  it('writes the tables, summary, places, manifest and, for one replicate too, the report with its charts', () => {
    expect(readdirSync(out('first')).sort()).toEqual(['bands.csv.gz', 'charts', 'manifest.json', 'places.csv', 'report.html', 'series.csv.gz', 'summary.json']);
    expect(readdirSync(out('again')).sort()).toEqual(['bands.csv.gz', 'manifest.json', 'places.csv', 'series.csv.gz', 'summary.json']);
    for (const chart of ['cumulative', 'by-place', 'channels', 'flow']) expect(readdirSync(join(out('first'), 'charts'))).toContain(`${chart}.png`);
    // One replicate: every quantile of a band is that replicate's value, the value series.csv.gz holds.
    const bands = read(out('first'), 'bands.csv.gz').trim().split('\n').slice(1).map((l) => l.split(','));
    const series = new Map(read(out('first'), 'series.csv.gz').trim().split('\n').slice(1).map((l) => l.split(',')).map((r) => [r.slice(1, 5).join(','), r[5]]));
    expect(bands.length).toBe(series.size);
    for (const b of bands) expect(b.slice(5), b.join(',')).toEqual(new Array(5).fill(series.get(b.slice(1, 5).join(','))));
    const csv = read(out('first'), 'series.csv.gz').split('\n');
    expect(csv[0]).toBe('replicate,date,level,place,measure,value');
    expect(csv[1]).toMatch(/^0,2014-06-01,world,World,[a-z]+,[\d.]+$/);
    expect(csv.at(-1)).toBe('');
    const summary = JSON.parse(read(out('first'), 'summary.json')) as { checkpoints: { date: string }[] };
    expect(summary.checkpoints.map((c) => c.date)).toEqual(['2014-08-01', '2014-10-01']);
    const manifest = JSON.parse(read(out('first'), 'manifest.json')) as { seed: number; replicates: number; scenario: { file: string; hash: string } };
    expect(manifest).toMatchObject({ seed: 1, replicates: 1, scenario: { file: 'tiny.yaml' } });
    expect(manifest.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves no .partial folder behind', () => {
    expect(readdirSync(join(cwd, 'results')).filter((n) => n.includes('.partial'))).toEqual([]);
    expect(readdirSync(join(cwd, 'results')).sort()).toEqual(['again', 'first', 'levels', 'seed-2']);
  });

  it('gives byte-identical series.csv.gz text and summary.json for the same seed', () => {
    expect(again.status, again.stderr).toBe(0);
    expect(read(out('again'), 'series.csv.gz')).toBe(read(out('first'), 'series.csv.gz'));
    expect(read(out('again'), 'summary.json')).toBe(read(out('first'), 'summary.json'));
  });

  it('gives a different series.csv.gz for a different --seed, and records the seed', () => {
    expect(otherSeed.status, otherSeed.stderr).toBe(0);
    expect(read(out('seed-2'), 'series.csv.gz')).not.toBe(read(out('first'), 'series.csv.gz'));
    const manifest = JSON.parse(read(out('seed-2'), 'manifest.json')) as { seed: number; scenario: { overrides: string[]; hash: string } };
    expect(manifest.seed).toBe(2);
    expect(manifest.scenario.overrides).toEqual(['seed=2']);
    expect(manifest.scenario.hash).not.toBe((JSON.parse(read(out('first'), 'manifest.json')) as { scenario: { hash: string } }).scenario.hash);
  });

  it('writes world, region and country rows by default, and the levels --levels names', () => {
    const levelsOf = (dir: string) => [...new Set(read(dir, 'series.csv.gz').trim().split('\n').slice(1).map((l) => l.split(',')[2]))];
    expect(levelsOf(out('first'))).toEqual(['world', 'region', 'country']);
    expect(levelled.status, levelled.stderr).toBe(0);
    expect(levelsOf(out('levels'))).toEqual(['world', 'community']);
    const manifest = JSON.parse(read(out('levels'), 'manifest.json')) as { scenario: { overrides: string[] } };
    expect(manifest.scenario.overrides).toEqual(['output.levels=[world,community]']);
    // Only the rows differ: the world's are the same numbers.
    const world = (dir: string) => read(dir, 'series.csv.gz').split('\n').filter((l) => l.includes(',world,'));
    expect(world(out('levels'))).toEqual(world(out('first')));
  });
});

describe('hotbed network', { timeout: 60_000 }, () => {
  it('prints the statistics of a community', () => {
    expect(network.status, network.stderr).toBe(0);
    expect(network.stderr).toBe('');
    expect(network.stdout).toMatch(/^Bizerte \(Tunisia; recipe watts-strogatz; 1 agent = 1 person\)/);
    expect(network.stdout).toMatch(/agents \(nodes\) +800\n/);
    expect(network.stdout).toContain('mean degree');
    expect(network.stdout).toContain('Degree distribution');
  });

  it('writes the GEXF and graphology JSON files it names', () => {
    expect(network.stdout).toContain('Wrote bizerte.gexf\nWrote bizerte.json\n');
    const gexf = read(cwd, 'bizerte.gexf');
    expect(gexf.startsWith('<?xml')).toBe(true);
    expect(gexf).toContain('<gexf');
    const json = JSON.parse(read(cwd, 'bizerte.json')) as { nodes: unknown[]; edges: unknown[] };
    expect(json.nodes).toHaveLength(800);
    expect(json.edges.length).toBeGreaterThan(800);
    expect(readdirSync(cwd).filter((n) => n.includes('.partial'))).toEqual([]);
    expect(existsSync(join(cwd, 'results', 'bizerte.gexf'))).toBe(false);
  });
});
