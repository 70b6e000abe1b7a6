/**
 * `hotbed network` exports through the command line (in process): refusals before any work (one
 * file for both formats, a folder that is not there, a file that exists, --run with nothing to
 * write it to), each one line and exit 2; and --run's export of the replicate's run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { networkCommand } from '../../src/cli/network-command.js';
import { cliMessages } from '../../src/messages/cli.js';
import { outputMessages } from '../../src/messages/output.js';
import { TOWN } from '../calibration/helpers.js';
import { snapshot } from './cli.js';
import { runInProcess } from './in-process.js';
import { cleanup, tempDir } from '../scenario/fixtures.js';

afterAll(cleanup);

const network = (args: string[]) => runInProcess(networkCommand, ['network', TOWN, '--community', 'Town', ...args]);
const dir = tempDir('hotbed-network-cli-');
const refusal = (e: Error) => `hotbed: ${e.message}\n`;

describe('hotbed network refuses, before drawing anything', () => {
  it('one file for --gexf and --json, however it is written', async () => {
    const before = snapshot(dir);
    const same = await network(['--gexf', join(dir, 'town.out'), '--json', join(dir, 'sub', '..', 'town.out')]);
    expect(same.code).toBe(2);
    expect(same.stderr).toBe(refusal(cliMessages.sameExportFile(join(dir, 'town.out'))));
    expect(same.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a file in a folder that does not exist, or in a "folder" that is a file: a user error (exit 2), not an internal one', async () => {
    const missing = await network(['--gexf', join(dir, 'nowhere', 'town.gexf')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(refusal(outputMessages.parentMissing(join(dir, 'nowhere', 'town.gexf'), join(dir, 'nowhere'), 'file', 'missing')));
    expect(missing.stderr).toContain('does not exist');
    writeFileSync(join(dir, 'plain'), '');
    const notFolder = await network(['--json', join(dir, 'plain', 'town.json')]);
    expect(notFolder.code).toBe(2);
    expect(notFolder.stderr).toContain('is not a folder');
  });

  it('a file that exists, which it does not overwrite', async () => {
    writeFileSync(join(dir, 'old.gexf'), 'kept');
    const exists = await network(['--gexf', join(dir, 'old.gexf')]);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toBe(refusal(cliMessages.outputFileExists(join(dir, 'old.gexf'))));
    expect(readFileSync(join(dir, 'old.gexf'), 'utf8')).toBe('kept');
  });

  it('--run without a file to write the run to', async () => {
    const ran = await network(['--run']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(refusal(cliMessages.runNeedsExport()));
  });
});

describe('hotbed network --run', () => {
  it('simulates the replicate and writes each agent\'s run and the GEXF timeline', async () => {
    const out = join(dir, 'run');
    mkdirSync(out);
    const ran = await network(['--replicate', '1', '--run', '--gexf', join(out, 'town.gexf'), '--json', join(out, 'town.json')]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/\nSimulated replicate 1: [\d,]+ of 3,000 agents of Town mobilized \(media \d+, peer \d+, group \d+\)\.\nWrote .*town\.gexf\nWrote .*town\.json\n$/);
    const gexf = readFileSync(join(out, 'town.gexf'), 'utf8');
    expect(gexf).toContain('mode="dynamic" timeformat="date"');
    expect(gexf).toMatch(/<attvalue for="mobilized" value="peer" start="\d{4}-\d\d-\d\d" end="2015-06-01"\/>/);
    const json = JSON.parse(readFileSync(join(out, 'town.json'), 'utf8'));
    expect(json.attributes).toMatchObject({ replicate: 1, start: '2014-06-01', end: '2015-06-01' });
    const recruit = json.nodes.find((n: { attributes: { channel?: string } }) => n.attributes.channel === 'peer');
    expect(Object.keys(recruit.attributes).sort()).toEqual(['channel', 'community', 'country', 'mobilizedOn', 'recruiter', 'region', 'startState', 'state']);
    expect(json.edges.some((e: { attributes: { recruitedOn?: string } }) => e.attributes.recruitedOn === recruit.attributes.mobilizedOn)).toBe(true);
    expect(existsSync(join(out, 'town.gexf.partial'))).toBe(false);
  });
});
