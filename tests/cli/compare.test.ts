/** `hotbed compare` (and `hotbed run --replicates`) through the real command line, on tiny worlds. */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadScenario } from '../../src/scenario/load.js';
import { messages } from '../../src/messages/scenario.js';
import { resultMessages } from '../../src/messages/results.js';
import { CLOSED, TINY } from '../experiments/tiny.js';
import { cleanup, tempDir, writeFixture } from '../scenario/fixtures.js';
import { runCommand } from '../../src/cli/run-command.js';
import { compareCommand } from '../../src/cli/compare-command.js';
import { escapeHtml } from '../../src/numeric/escape.js';
import { hotbed, readResult, snapshot, type Ran } from './cli.js';
import { runInProcess } from './in-process.js';

// Only the in-process test at the end makes the report fail; child processes load the real module.
const failReport = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/charts/index.js', async (original) => {
  const real = await original<typeof import('../../src/charts/index.js')>();
  return {
    ...real,
    buildReport: async (...args: Parameters<typeof real.buildReport>) => {
      if (failReport.on) throw new Error('a chart could not be rendered');
      return real.buildReport(...args);
    },
  };
});

afterAll(cleanup);

const NO_MOROCCO = TINY.replace('        - name: Morocco\n          population: 2000\n          stock: { abroad: 20 }\n', '');

const cwd = tempDir('hotbed-compare-cli-');
writeFixture(cwd, 'tiny.yaml', TINY);
writeFixture(cwd, 'closed.yaml', CLOSED);
writeFixture(cwd, 'no-morocco.yaml', NO_MOROCCO);
writeFixture(cwd, 'tiny-3.yaml', 'extends: tiny.yaml\nreplicates: 3\n');
const out = (name: string) => join(cwd, 'results', name);
const read = readResult;

let first: Ran;
let again: Ran;
let misaligned: Ran;
let misalignedBefore: Record<string, string>;
let banded: Ran;
let variants: Ran;

beforeAll(async () => {
  misalignedBefore = snapshot(cwd);
  misaligned = await hotbed(['compare', 'tiny.yaml', 'no-morocco.yaml', '--replicates', '2', '--out', out('misaligned'), '--quiet'], cwd);
  [first, again, banded] = await Promise.all([
    hotbed(['compare', 'tiny.yaml', 'closed.yaml', '--replicates', '4', '--out', out('first'), '--quiet'], cwd),
    // Tables only: they must not depend on whether the report is drawn (and this saves rendering it twice).
    hotbed(['compare', 'tiny.yaml', 'closed.yaml', '--replicates', '4', '--out', out('again'), '--quiet', '--no-report'], cwd),
    hotbed(['run', 'tiny.yaml', '--replicates', '3', '--out', out('run-3'), '--quiet'], cwd),
  ]);
  variants = await hotbed(['compare', 'tiny.yaml', '--variant', 'weak:channels.media.exposure=0.0005', '--variant', 'levels:output.levels=[world,region],channels.group.probability=0',
    '--replicates', '3', '--out', out('variants'), '--quiet', '--no-report'], cwd);
}, 120_000);

describe('hotbed compare --variant', () => {
  it('compares variants of one file, named, and speaks of the change versus the reference', () => {
    expect(variants.status, variants.stderr).toBe(0);
    expect(variants.stdout).toMatch(/^scenario +travelled by 2014-10-01 +change vs tiny\n/);
    expect(variants.stdout).toMatch(/\nweak +[\d,]+ \[[\d,]+ – [\d,]+\] +-[\d,]+ \[/);
    expect(variants.stdout).toContain(`Note: ${resultMessages.changeVersusReference('tiny', ['weak', 'levels'], [])}.`);
    const bands = read(out('variants'), 'bands.csv.gz');
    expect(bands).toMatch(/\nweak,2014-06-01,world,World,travelled,/);
    expect(bands).toMatch(/\nlevels,2014-06-01,world,World,travelled,/);
  });

  it('records each variant\'s changes in the manifest, and the command that reproduces the folder', () => {
    const manifest = JSON.parse(read(out('variants'), 'manifest.json')) as { command: string; scenarios: { name: string; file: string; overrides: string[]; variant?: { name: string; changes: string[] } }[] };
    expect(manifest.scenarios.map((s) => [s.name, s.file, s.variant])).toEqual([
      ['tiny', 'tiny.yaml', undefined],
      ['weak', 'tiny.yaml', { name: 'weak', changes: ['channels.media.exposure=0.0005'] }],
      ['levels', 'tiny.yaml', { name: 'levels', changes: ['output.levels=[world,region]', 'channels.group.probability=0'] }],
    ]);
    expect(manifest.scenarios[1]!.overrides).toEqual(['channels.media.exposure=0.0005']);
    expect(manifest.command).toContain('--variant weak:channels.media.exposure=0.0005 --variant levels:output.levels=[world,region],channels.group.probability=0');
    expect(JSON.parse(read(out('variants'), 'summary.json')).title).toBe('tiny vs weak vs levels');
  });
});

describe('hotbed compare', { timeout: 60_000 }, () => {
  it('exits 0 and prints the table: travelled per scenario and travellers averted', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^scenario +travelled by 2014-10-01 +averted vs tiny\n/);
    expect(first.stdout).toMatch(/\ntiny \(reference\) +[\d,]+ \[[\d,]+ – [\d,]+\]\n/);
    expect(first.stdout).toMatch(/\nclosed +[\d,]+ \[[\d,]+ – [\d,]+\] +[\d,]+ \[[\d,]+ – [\d,]+\]\n/);
    expect(first.stdout).toContain('median [90% band] over 4 replicates');
    expect(first.stdout).toMatch(new RegExp(`\\nWrote ${out('first')}/ \\([\\d.]+ [kM]B: bands\\.csv\\.gz, differences\\.csv\\.gz, summary\\.json, places\\.csv, manifest\\.json, report\\.html, charts/\\) in [\\d.]+ s \\(wall time since hotbed started\\)\\.\\n$`));
    expect(first.stdout).toContain(`Report: ${out('first')}/report.html`);
  });

  it('writes one folder with bands.csv.gz, differences.csv.gz, summary.json, places.csv, manifest.json (and the report)', () => {
    const files = readdirSync(out('first'));
    for (const f of ['bands.csv.gz', 'differences.csv.gz', 'summary.json', 'places.csv', 'manifest.json']) expect(files).toContain(f);
    expect(files).toContain('report.html');
    expect(files).toContain('charts');
    const charts = readdirSync(join(out('first'), 'charts'));
    for (const chart of ['cumulative', 'averted', 'by-place', 'channels', 'flow']) {
      for (const ext of ['vl.json', 'svg', 'png']) expect(charts).toContain(`${chart}.${ext}`);
    }
    expect(readdirSync(join(cwd, 'results')).filter((n) => n.includes('.partial'))).toEqual([]);
    const bands = read(out('first'), 'bands.csv.gz').split('\n');
    expect(bands[0]).toBe('scenario,date,level,place,measure,median,p5,p25,p75,p95');
    expect(bands[1]).toMatch(/^tiny,2014-06-01,world,World,travelled,[\d.]+,[\d.]+,[\d.]+,[\d.]+,[\d.]+$/);
    expect(bands.some((l) => l.startsWith('closed,2014-07-06,country,Belgium,travelled,'))).toBe(true);
    const manifest = JSON.parse(read(out('first'), 'manifest.json')) as { seed: number; replicates: number; reference: string; scenarios: { name: string; file: string; hash: string }[] };
    expect(manifest).toMatchObject({ seed: 1, replicates: 4, reference: 'tiny' });
    expect(manifest.scenarios.map((s) => [s.name, s.file])).toEqual([['tiny', 'tiny.yaml'], ['closed', 'closed.yaml']]);
    expect(manifest.scenarios[1]!.hash).toBe(loadScenario(join(cwd, 'closed.yaml')).hash);
  });

  it('finds travellers averted by closed borders (median > 0)', () => {
    const diffs = read(out('first'), 'differences.csv.gz').split('\n');
    expect(diffs[0]).toBe('scenario,reference,date,level,place,measure,median,p5,p25,p75,p95');
    const end = diffs.find((l) => l.startsWith('closed,tiny,2014-10-01,world,World,travelled,'))!;
    expect(Number(end.split(',')[6])).toBeGreaterThan(0);
    // Day 0 is the same initial stock in both: no difference at all.
    expect(diffs).toContain('closed,tiny,2014-06-01,world,World,travelled,0,0,0,0,0');
    const summary = JSON.parse(read(out('first'), 'summary.json')) as { reference: string; differences: { scenario: string; checkpoints: { date: string; places: { world: { World: { travelled: { median: number } } } } }[] }[] };
    expect(summary.reference).toBe('tiny');
    expect(summary.differences[0]!.checkpoints.map((c) => c.date)).toEqual(['2014-08-01', '2014-10-01']);
    expect(summary.differences[0]!.checkpoints[1]!.places.world.World.travelled.median).toBe(Number(end.split(',')[6]));
  });

  it('gives byte-identical bands.csv.gz and differences.csv.gz text and summary.json for the same seed', () => {
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(out('again')).sort()).toEqual(['bands.csv.gz', 'differences.csv.gz', 'manifest.json', 'places.csv', 'summary.json']);
    for (const f of ['bands.csv.gz', 'differences.csv.gz', 'summary.json']) expect(read(out('again'), f), f).toBe(read(out('first'), f));
  });

  it('refuses scenarios whose places differ: exit 2, one line naming both files, nothing written', () => {
    expect(misaligned.status).toBe(2);
    const expected = messages.scenariosDiffer('tiny.yaml', 'no-morocco.yaml', { kind: 'missing', level: 'country', name: 'Morocco', in: 'a' });
    expect(misaligned.stderr).toBe(`hotbed: ${expected.message}\n`);
    expect(misaligned.stdout).toBe('');
    expect(existsSync(out('misaligned'))).toBe(false);
    expect(snapshot(cwd)['results/misaligned/']).toBeUndefined();
    for (const key of Object.keys(misalignedBefore)) expect(snapshot(cwd)[key]).toBe(misalignedBefore[key]);
  });
});

describe('hotbed run --replicates', { timeout: 60_000 }, () => {
  it('also writes bands.csv.gz (and the report), on the dates of series.csv.gz: the scenario\'s own days', () => {
    expect(banded.status, banded.stderr).toBe(0);
    const files = readdirSync(out('run-3'));
    for (const f of ['series.csv.gz', 'summary.json', 'places.csv', 'manifest.json', 'bands.csv.gz']) expect(files).toContain(f);
    expect(files).toContain('report.html');
    const bands = read(out('run-3'), 'bands.csv.gz');
    expect(bands.split('\n')[0]).toBe('scenario,date,level,place,measure,median,p5,p25,p75,p95');
    // The first of July is recorded for monthly flows, but both tables stay weekly (plus the checkpoints).
    const dates = (text: string, column: number) => [...new Set(text.trim().split('\n').slice(1).map((l) => l.split(',')[column]))];
    expect(dates(bands, 1)).toEqual(dates(read(out('run-3'), 'series.csv.gz'), 1));
    expect(dates(bands, 1)).toContain('2014-08-01');
    expect(dates(bands, 1)).not.toContain('2014-07-01');
    expect(banded.stdout).toMatch(/Wrote .*run-3\/ \([\d.]+ [kM]B: series\.csv\.gz, summary\.json, places\.csv, manifest\.json, bands\.csv\.gz/);
  });
});

describe('hotbed run: replicates from the scenario', { timeout: 60_000 }, () => {
  it('makes the scenario\'s `replicates` without --replicates, and --replicates overrides it', async () => {
    const byScenario = await runInProcess(runCommand, ['run', join(cwd, 'tiny-3.yaml'), '--out', out('scenario-3'), '--quiet', '--no-report']);
    const overridden = await runInProcess(runCommand, ['run', join(cwd, 'tiny-3.yaml'), '--replicates', '1', '--out', out('scenario-3-as-1'), '--quiet']);
    expect(byScenario.code, byScenario.stderr).toBe(0);
    expect(JSON.parse(read(out('scenario-3'), 'manifest.json'))).toMatchObject({ replicates: 3 });
    expect(readdirSync(out('scenario-3'))).toContain('bands.csv.gz');
    expect(byScenario.stdout).toContain('medians of 3 replicates');
    expect(overridden.code, overridden.stderr).toBe(0);
    expect(JSON.parse(read(out('scenario-3-as-1'), 'manifest.json'))).toMatchObject({ replicates: 1 });
    // One replicate: the same tables and report, its bands collapsed to its line.
    expect(readdirSync(out('scenario-3-as-1'))).toEqual(expect.arrayContaining(['bands.csv.gz', 'report.html']));
  });
});

describe('charts without titles, for a journal', { timeout: 60_000 }, () => {
  const untitled = (dir: string) => {
    const specs = readdirSync(join(dir, 'charts')).filter((f) => f.endsWith('.vl.json'));
    expect(specs.length).toBeGreaterThan(3);
    for (const f of specs) {
      const spec = JSON.parse(read(dir, `charts/${f}`)) as { title?: unknown; description?: string };
      expect(spec.title, f).toBeUndefined();
      expect(spec.description, f).toMatch(/^\S.*\. /);
      expect(read(dir, `charts/${f.replace('.vl.json', '.svg')}`), f).toContain(`<title>${escapeHtml(spec.description!.split('. ')[0])}`);
    }
    // the title heads each chart's caption in the report
    expect(read(dir, 'report.html')).toContain('<figcaption><strong>Cumulative travellers, world.</strong> ');
  };

  it('hotbed run and compare take --no-chart-titles, and say so in the command they record', async () => {
    const ran = await runInProcess(runCommand, ['run', join(cwd, 'tiny-3.yaml'), '--no-chart-titles', '--out', out('untitled-run'), '--quiet']);
    expect(ran.code, ran.stderr).toBe(0);
    untitled(out('untitled-run'));
    expect(read(out('untitled-run'), 'report.html')).toMatch(/<code>hotbed run \S+ --replicates 3 --seed 1 --no-chart-titles<\/code>/);
    const compared = await runInProcess(compareCommand, ['compare', join(cwd, 'tiny.yaml'), join(cwd, 'closed.yaml'), '--replicates', '2', '--no-chart-titles', '--out', out('untitled-compare'), '--quiet']);
    expect(compared.code, compared.stderr).toBe(0);
    untitled(out('untitled-compare'));
    expect(read(out('untitled-compare'), 'report.html')).toContain('--no-chart-titles</code>');
  });

  it('a scenario says it with output.chartTitles: false (and the flag wins over it)', async () => {
    writeFixture(cwd, 'tiny-untitled.yaml', 'extends: tiny.yaml\noutput: { chartTitles: false }\n');
    const ran = await runInProcess(runCommand, ['run', join(cwd, 'tiny-untitled.yaml'), '--replicates', '2', '--out', out('untitled-scenario'), '--quiet']);
    expect(ran.code, ran.stderr).toBe(0);
    untitled(out('untitled-scenario'));
    const titled = await runInProcess(runCommand, ['run', join(cwd, 'tiny-untitled.yaml'), '--replicates', '2', '--chart-titles', '--out', out('titled-scenario'), '--quiet']);
    expect(titled.code, titled.stderr).toBe(0);
    expect(JSON.parse(read(out('titled-scenario'), 'charts/cumulative.vl.json')).title.text).toBe('Cumulative travellers, world');
  });
});

describe('hotbed compare, in process', { timeout: 60_000 }, () => {
  it('writes nothing when the report cannot be built', async () => {
    const dir = tempDir('hotbed-compare-fail-');
    writeFixture(dir, 'tiny.yaml', TINY);
    writeFixture(dir, 'closed.yaml', CLOSED);
    mkdirSync(join(dir, 'results'));
    const before = snapshot(dir);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const std = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    failReport.on = true;
    let code: number;
    try {
      code = await main(['compare', join(dir, 'tiny.yaml'), join(dir, 'closed.yaml'), '--replicates', '2', '--out', join(dir, 'results', 'x'), '--quiet']);
    } finally {
      failReport.on = false;
      err.mockRestore();
      std.mockRestore();
    }
    expect(code).toBe(70);
    expect(snapshot(dir)).toEqual(before);
  });

  it('asks for at least two scenarios', async () => {
    const err: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
      err.push(String(c));
      return true;
    });
    try {
      expect(await main(['compare', join(cwd, 'tiny.yaml')])).toBe(2);
      expect(await main(['compare'])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(err).toEqual([`hotbed: ${messages.compareNeedsTwo(1).message}\n`, `hotbed: ${messages.usage('name at least two scenario files to compare').message}\n`]);
  });
});
