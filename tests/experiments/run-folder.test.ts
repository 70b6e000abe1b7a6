import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeRunFolder } from '../../src/experiments/run-folder.js';
import { loadScenario } from '../../src/scenario/load.js';
import { cleanup, MINIMAL, tempDir, writeFixture, yaml } from '../scenario/fixtures.js';

afterAll(cleanup);

const options = (file: string) => ({
  loaded: loadScenario(file),
  scenarioFile: file,
  overrides: [],
  replicates: 3,
  report: true,
  toolVersion: 'test',
  createdWith: 'test',
  memoryLimitBytes: 2 ** 30,
});

describe('experiments/run-folder', () => {
  const dir = tempDir();

  it('writes the tables, the manifest describing every column, and the report with the scenario\'s outputs drawn', async () => {
    const file = writeFixture(dir, 'outputs.yaml', MINIMAL + yaml(
      'channels: { media: { exposure: 0.01, mobilization: 0.001 } }',
      'outputs: [{ measure: peer_share }, { measure: attempts_per_month, from: "2014-07-01" }]',
    ));
    const out = join(dir, 'with');
    const folder = await writeRunFolder(out, options(file));
    expect(folder.written).toEqual(['series.csv.gz', 'summary.json', 'places.csv', 'manifest.json', 'bands.csv.gz', 'report.html', 'charts/']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.measures)).toContain('recruited_peer');
    expect(manifest.statistics.map((s: { name: string; unit: string }) => `${s.name}:${s.unit}`)).toEqual(['peer_share:share', 'attempts_per_month:people per month']);
    const spec = JSON.parse(readFileSync(join(out, 'charts', 'statistics.vl.json'), 'utf8'));
    expect(spec.vconcat).toHaveLength(2);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('Recorded statistics');
  });

  it('draws no statistics chart, and does not list one as missing, for a scenario without outputs', async () => {
    const file = writeFixture(dir, 'plain.yaml', MINIMAL);
    const out = join(dir, 'without');
    await writeRunFolder(out, options(file));
    expect(existsSync(join(out, 'charts', 'statistics.vl.json'))).toBe(false);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).not.toContain('Recorded statistics');
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).not.toHaveProperty('statistics');
  });

  it('hands the results over once the runs are done, before the folder is written', async () => {
    const file = writeFixture(dir, 'early.yaml', MINIMAL);
    const out = join(dir, 'early');
    const seen: { folderThere: boolean; summary: unknown }[] = [];
    const folder = await writeRunFolder(out, { ...options(file), onResults: (summary) => seen.push({ folderThere: existsSync(out), summary }) });
    expect(seen).toEqual([{ folderThere: false, summary: folder.summary }]);
  });

  it('refuses a folder that exists before running anything', async () => {
    const file = writeFixture(dir, 'again.yaml', MINIMAL);
    await expect(writeRunFolder(join(dir, 'with'), options(file))).rejects.toThrow(/exists/);
  });
});
