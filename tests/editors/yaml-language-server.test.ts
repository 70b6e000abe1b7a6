/**
 * What an editor shows: a real yaml-language-server, driven over LSP, checks shipped files
 * against the JSON Schema their `$schema` line names. A good file gets no diagnostic; a
 * misspelled key and a value out of range each get one at the right line.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, tempDir, writeFixture } from '../scenario/fixtures.js';
import { LspClient } from './lsp-client.js';

const settings = { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false } } };

describe('yaml-language-server on Hotbed files', { timeout: 60_000 }, () => {
  const client = new LspClient(settings);
  const dir = tempDir('hotbed-lsp-');
  beforeAll(async () => {
    copyFileSync('scenarios/scenario.schema.json', join(dir, 'scenario.schema.json'));
    copyFileSync('scenarios/single-town.yaml', join(dir, 'single-town.yaml'));
    await client.initialize(resolve(dir));
  });
  afterAll(async () => {
    await client.close();
    cleanup();
  });

  it('shows nothing wrong in a shipped scenario, nor in one that extends another', async () => {
    const town = join(dir, 'single-town.yaml');
    expect(await client.diagnose(town, readFileSync(town, 'utf8'), 4000)).toEqual([]);
    const child = writeFixture(dir, 'child.yaml', '$schema: ./scenario.schema.json\nextends: single-town.yaml\ntitle: A variant\nchannels:\n  group: { probability: 0.1 }\n');
    expect(await client.diagnose(child, readFileSync(child, 'utf8'), 4000)).toEqual([]);
  });

  it('marks a misspelled key and a value out of range on their lines', async () => {
    const text = '$schema: ./scenario.schema.json\nextends: single-town.yaml\ntitel: A variant\nscale: -3\n';
    const diagnostics = await client.diagnose(writeFixture(dir, 'broken.yaml', text), text, 8000);
    const lines = diagnostics.map((d) => d.range.start.line).sort();
    expect(lines).toEqual([2, 3]);
    expect(diagnostics.find((d) => d.range.start.line === 2)!.message).toMatch(/titel|not allowed/i);
  });
});
