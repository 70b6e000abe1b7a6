/**
 * User mistakes through the real command line: exit code 2, one line on stderr
 * starting `hotbed: `, no stack trace, and nothing written or changed on disk.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadScenario } from '../../src/scenario/load.js';
import { messages } from '../../src/messages/scenario.js';
import { resultMessages } from '../../src/messages/results.js';
import { cliMessages } from '../../src/messages/cli.js';
import { levels } from '../../src/scenario/schema.js';
import { estimateBytes, planWorld } from '../../src/world/plan.js';
import { at, cleanup, MINIMAL, tempDir, writeFixture, yaml } from '../scenario/fixtures.js';
import { hotbed, snapshot, type Ran } from './cli.js';

afterAll(cleanup);

const UNKNOWN_KEY = MINIMAL.replace('title: Minimal\n', 'title: Minimal\nsede: 3\n');
const SYNTAX = yaml('title: Tabs', '\tseed: 1');
const BAD_VALUE = MINIMAL.replace('population: 500', 'population: -5');
/** 8 countries of 900 million people at one agent per person: terabytes, refused from the plan alone. */
const HUGE = yaml(
  'dates: { start: "2014-06-01", end: "2014-09-01" }',
  'places:',
  '  regions:',
  '    - name: World',
  '      countries:',
  ...Array.from({ length: 8 }, (_, i) => [`        - name: C${i}`, '          population: 900000000']).flat(),
);
const FIXTURES: Record<string, string> = {
  'good.yaml': MINIMAL,
  'unknown-key.yaml': UNKNOWN_KEY,
  'syntax.yaml': SYNTAX,
  'bad.yaml': BAD_VALUE,
  'huge.yaml': HUGE,
};

/**
 * A fresh working folder holding the fixtures and a results folder with one earlier
 * run in it; the command runs there and must leave every byte of it as it was.
 */
function workspace(): string {
  const cwd = tempDir('hotbed-cli-');
  for (const [name, text] of Object.entries(FIXTURES)) writeFixture(cwd, name, text);
  mkdirSync(join(cwd, 'results', 'existing'), { recursive: true });
  writeFileSync(join(cwd, 'results', 'existing', 'series.csv'), 'replicate,date,level,place,measure,value\n0,2014-06-01,world,World,travelled,20\n');
  writeFileSync(join(cwd, 'results', 'existing', 'summary.json'), '{"keep": true}\n');
  return cwd;
}

/** Runs the command in a fresh workspace and checks what every refusal must do; returns the run for more checks. */
async function refused(args: string[], expected?: string): Promise<Ran> {
  const cwd = workspace();
  const before = snapshot(cwd);
  const ran = await hotbed(args, cwd);
  expect(ran.status, ran.stderr).toBe(2);
  expect(ran.stderr).toMatch(/^hotbed: [^\n]+\n$/);
  if (expected !== undefined) expect(ran.stderr).toBe(`hotbed: ${expected}\n`);
  expect(ran.stderr).not.toMatch(/^\s*at /m);
  expect(ran.stderr).not.toMatch(/internal error/);
  expect(ran.stdout).toBe('');
  expect(snapshot(cwd), 'nothing created or changed in the working folder or under results/').toEqual(before);
  return ran;
}

// Every command, in the order `hotbed --help` lists them.
const COMMANDS = ['init', 'validate', 'run', 'compare', 'network', 'explore', 'calibrate', 'check', 'sweep', 'merge', 'slurm'];

// One at a time, so that the time limit measures the refusal and not other tests' processes.
// The bound is loose (a loaded CI machine starts tsx slowly); drawing the refused world
// would take minutes and tens of GiB, so it still tells the two apart.
describe('hotbed refuses a world too large for memory', { timeout: 60_000 }, () => {
  it('in run, quickly and before allocating, saying how much it would need', async () => {
    const cwd = workspace();
    const plan = planWorld(loadScenario(join(cwd, 'huge.yaml')).scenario);
    const expected = messages.tooLarge({ file: 'huge.yaml' }, plan.agentCount, plan.expectedTies, estimateBytes(plan), Math.floor(totalmem() * 0.75));
    const ran = await refused(['run', 'huge.yaml', '--out', 'results/new'], expected.message);
    expect(ran.stderr).toMatch(/\d GiB/);
    expect(ran.ms).toBeLessThan(30_000);
  });

  it('in network, for one community, before drawing it', async () => {
    const ran = await refused(['network', 'huge.yaml', '--community', 'C0']);
    expect(ran.stderr).toMatch(/GiB/);
    expect(ran.ms).toBeLessThan(30_000);
  });
});

describe.concurrent('hotbed run refuses user mistakes', { timeout: 60_000 }, () => {
  it('a missing file', async () => {
    await refused(['run', 'missing.yaml', '--out', 'results/new'], messages.fileNotFound('missing.yaml').message);
  });

  it('a YAML syntax error, with line and column', async () => {
    await refused(['run', 'syntax.yaml', '--out', 'results/new'],
      messages.syntax({ file: 'syntax.yaml', line: 2, column: 1 }, 'Tabs are not allowed as indentation').message);
  });

  it('an unknown key, with "did you mean"', async () => {
    await refused(['run', 'unknown-key.yaml', '--out', 'results/new'],
      messages.unknownKey(at('unknown-key.yaml', UNKNOWN_KEY, 'sede'), 'sede', 'sede', 'did you mean "seed"?').message);
  });

  it('a --set on an unknown path', async () => {
    await refused(['run', 'good.yaml', '--set', 'channels.peer.rul=threshold', '--out', 'results/new'],
      messages.setUnknownPath('channels.peer.rul=threshold', 'channels.peer.rul', 'rul', 'did you mean "rule"?').message);
  });

  it('an unknown command', async () => {
    await refused(['frob', 'good.yaml'], messages.unknownCommand('frob', COMMANDS).message);
  });

  it('a bad --replicates', async () => {
    await refused(['run', 'good.yaml', '--replicates', '0', '--out', 'results/new'],
      messages.badOption('--replicates', 'a whole number from 1 to 100000', 0).message);
  });

  it('an --out folder that exists, which is left byte for byte as it was', async () => {
    await refused(['run', 'good.yaml', '--out', 'results/existing'], messages.outputExists('results/existing').message);
  });
});

describe.concurrent('hotbed validate', { timeout: 60_000 }, () => {
  it('reports a good file ok, and a bad one on one line with exit code 2', async () => {
    const cwd = workspace();
    const before = snapshot(cwd);
    const ran = await hotbed(['validate', 'good.yaml', 'bad.yaml'], cwd);
    expect(ran.status).toBe(2);
    expect(ran.stdout).toMatch(/^ok {2}good\.yaml: 1 region, 1 country, 2 communities; 2,500 agents at 1 agent = 1 person, about [\d,]+ ties\n$/);
    const expected = messages.wrongValue(at('bad.yaml', BAD_VALUE, '-5'), 'places.regions.Maghreb.countries.Tunisia.communities.Bizerte.population', 'a number ≥ 0', -5);
    expect(ran.stderr).toBe(`hotbed: ${expected.message}\n`);
    expect(snapshot(cwd)).toEqual(before);
  });

  it('exits 0 on good files', async () => {
    const cwd = workspace();
    const ran = await hotbed(['validate', 'good.yaml'], cwd);
    expect(ran.status).toBe(0);
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toMatch(/^ok {2}good\.yaml: /);
  });
});

/**
 * More command-line mistakes, through the same main() the command runs, in this
 * process: a child process each would cost a second apiece for the same check.
 */
describe('the command line, in process', { timeout: 60_000 }, () => {
  async function mainRefuses(args: string[], expected: string): Promise<void> {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(args)).toBe(2);
    } finally {
      spy.mockRestore();
      out.mockRestore();
    }
    expect(written.join('')).toBe(`hotbed: ${expected}\n`);
  }
  const cwd = workspace();
  const file = (name: string) => join(cwd, name);

  it('an unknown command close to a known one', async () => {
    await mainRefuses(['rnu', file('good.yaml')], messages.unknownCommand('rnu', COMMANDS, 'did you mean "run"?').message);
  });

  it('--replicates that is not a whole number', async () => {
    await mainRefuses(['run', file('good.yaml'), '--replicates', '2.5', '--out', file('results/new')],
      messages.badOption('--replicates', 'a whole number from 1 to 100000', 2.5).message);
  });

  it('--levels naming a level that does not exist, or none', async () => {
    await mainRefuses(['run', file('good.yaml'), '--levels', 'world,town', '--out', file('results/new')], resultMessages.levels('world,town', levels).message);
    await mainRefuses(['compare', file('good.yaml'), file('good.yaml'), '--levels', '', '--out', file('results/new')], cliMessages.emptyOption('--levels').message);
  });

  it('no scenario file, no command, and an unknown option', async () => {
    await mainRefuses(['run'], messages.usage('name the scenario file to run').message);
    await mainRefuses(['validate'], messages.usage('name at least one scenario file to validate').message);
    await mainRefuses([], messages.usage(`name a command: ${COMMANDS.join(', ')}`).message);
    await mainRefuses(['run', file('good.yaml'), '--bogus', '1'], messages.usage('unknown argument: bogus').message);
  });

  it('an unknown community, with "did you mean"', async () => {
    await mainRefuses(['network', file('good.yaml'), '--community', 'Bizerta'],
      messages.unknownPlace({ file: 'command line' }, '--community', 'community', 'Bizerta', 'did you mean "Bizerte"?').message);
  });

  it('validate refuses a syntax error like run does', async () => {
    await mainRefuses(['validate', file('syntax.yaml')], messages.syntax({ file: file('syntax.yaml'), line: 2, column: 1 }, 'Tabs are not allowed as indentation').message);
  });
});
