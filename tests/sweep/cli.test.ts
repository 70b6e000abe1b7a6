/**
 * `hotbed sweep` and `hotbed merge` through the command line: the same bytes with
 * 1, 2 or 3 workers and from merged shards; refusals (bad shard specs, foreign or
 * missing shards, foreign resume folders) with one message each and nothing
 * written; a run that throws in a worker is reported by run and seed, the finished
 * runs are kept, and --resume finishes the sweep with the same bytes.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/messages/scenario.js';
import { loadExperiment } from '../../src/sweep/file.js';
import { sweepMessages } from '../../src/messages/sweep.js';
import { readBackMessages } from '../../src/messages/read-back.js';
import { runKey } from '../../src/sweep/points.js';
import { unstableIndices } from '../../src/sweep/stability.js';
import { warnings } from '../../src/messages/warnings.js';
import { toolVersion } from '../../src/cli/version.js';
import { FAULT_VARIABLE } from '../../src/sweep/fault.js';
import { hotbed, snapshot } from '../cli/cli.js';
import { cleanup, tempDir } from '../scenario/fixtures.js';
import { hotbedHere, identical, journalLines, writeExperiment } from './helpers.js';

afterAll(cleanup);

const dir = tempDir('hotbed-sweep-cli-');
const exp = writeExperiment(dir, 'town.yaml');
const reference = join(dir, 'one');
let expected: Record<string, string>;
let ran: Awaited<ReturnType<typeof hotbedHere>>;

beforeAll(async () => {
  ran = await hotbedHere(['sweep', exp, '--workers', '1', '--out', reference, '--progress', 'none']);
  expect(ran.code, ran.stderr).toBe(0);
  expected = identical(reference);
});

describe('hotbed sweep', () => {
  it('writes the tables, the analysis, the charts and the manifest; prints the ranking', async () => {
    expect(Object.keys(expected).sort()).toEqual([
      'analysis.csv', 'analysis.json', 'charts/', 'charts/morris-peer_share_2014-12-01.png', 'charts/morris-peer_share_2014-12-01.svg', 'charts/morris-peer_share_2014-12-01.vl.json',
      'charts/morris-returned.png', 'charts/morris-returned.svg', 'charts/morris-returned.vl.json',
      'charts/morris-travelled.png', 'charts/morris-travelled.svg', 'charts/morris-travelled.vl.json',
      'manifest.json', 'points.csv', 'runs.csv',
    ]);
    const runs = readFileSync(join(reference, 'runs.csv'), 'utf8').trimEnd().split('\n');
    expect(runs[0]).toBe('run,point,replicate,seed,peer,return,group,travelled,returned,peer_share_2014-12-01');
    expect(runs).toHaveLength(33);
    // Every row names its own seed, derived from (experiment seed, point, replicate).
    const plan = loadExperiment(exp, { toolVersion: toolVersion() }).plan;
    expect(runs[6]!.split(',').slice(0, 4).map(Number)).toEqual(Object.values(runKey(plan, 5)));
    expect(readFileSync(join(reference, 'points.csv'), 'utf8').split('\n')[0]).toBe('point,peer,return,group,output,n,mean,sd,p5,p50,p95,low95,high95');
    const analysis = JSON.parse(readFileSync(join(reference, 'analysis.json'), 'utf8'));
    expect(analysis.outputs[0].indices.map((i: { factor: string }) => i.factor)).toEqual(['peer', 'return', 'group']);
    const manifest = JSON.parse(readFileSync(join(reference, 'manifest.json'), 'utf8'));
    expect(manifest.experiment.hash).toBe(plan.hash);
    expect(manifest.tool.version).toBe(toolVersion());
    expect(manifest).not.toHaveProperty('workers');
    expect(existsSync(join(reference, 'run-info.json'))).toBe(true);
  });

  it('warns about indices that have not settled (4 trajectories), on stderr whatever --progress says, and in the manifest', () => {
    const plan = loadExperiment(exp, { toolVersion: toolVersion() }).plan;
    const analysis = JSON.parse(readFileSync(join(reference, 'analysis.json'), 'utf8'));
    const found = unstableIndices(plan, analysis).map(warnings.unstableIndices);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^travelled: Morris indices not yet stable at 4 trajectories: 90% interval wider than the index for .*trajectories: 16 in the experiment \(12 more trajectories; 64 points, 128 runs\) would halve them$/);
    expect(ran.stderr).toBe(found.map((w) => `hotbed: warning: ${w}\n`).join(''));
    // Between the tables they qualify and the closing line.
    expect(ran.stdout).not.toContain('warning');
    const manifest = JSON.parse(readFileSync(join(reference, 'manifest.json'), 'utf8'));
    expect(manifest.warnings).toEqual(found);
  });

  it('gives the same bytes with 2 workers, in a separate process', async () => {
    const two = await hotbed(['sweep', exp, '--workers', '2', '--out', join(dir, 'two'), '--progress', 'json'], dir);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toMatch(/^travelled \(travelled, World, 2015-06-01\)\nfactor +μ\* +90% interval +μ +σ\n/);
    expect(two.stdout).toMatch(/Wrote .*two\/ \(runs\.csv, points\.csv, analysis\.json, analysis\.csv, manifest\.json, charts\/, run-info\.json\) in [\d.]+ s: 32 runs at [\d.]+ runs\/s\.\n$/);
    // --progress json: one JSON object a line on stderr, the last one complete.
    const json = two.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(json.at(-1)).toMatchObject({ runs: 32, total: 32 });
    expect(Object.keys(json[0]).sort()).toEqual(['eta', 'rate', 'runs', 'total']);
    expect(identical(join(dir, 'two'))).toEqual(expected);
  });

  it('shards merged give the same bytes as one machine (the Slurm recipe\'s commands; one shard on 3 workers)', async () => {
    const base = join(dir, 'slurm');
    for (const k of [3, 1, 2]) {
      const ran = await hotbedHere(['sweep', exp, '--shard', `${k}/3`, '--out', join(base, 'shards', String(k)), '--workers', k === 2 ? '3' : '1', '--quiet']);
      expect(ran.code, ran.stderr).toBe(0);
      expect(readdirSync(join(base, 'shards', String(k))).sort()).toEqual(['.journal', 'rows.jsonl', 'run-info.json', 'shard.json']);
    }
    const rows = readFileSync(join(base, 'shards', '2', 'rows.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l).run);
    expect(rows).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31]);
    const merged = await hotbedHere(['merge', ...['1', '2', '3'].map((k) => join(base, 'shards', k)), '--out', join(base, 'merged')]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/Wrote .*merged\/ \(runs\.csv.*\) from 3 shards, 32 runs, in [\d.]+ s\.\n$/);
    expect(identical(join(base, 'merged'))).toEqual(expected);
  });

  it('refuses bad shard specs, foreign, missing and repeated shards, with one line each and nothing written', async () => {
    const base = join(dir, 'slurm');
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0', '-1/4']) {
      const ran = await hotbedHere(['sweep', exp, `--shard=${bad}`, '--out', join(dir, 'never')]);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toBe(`hotbed: ${sweepMessages.badShard(bad).message}\n`);
    }
    // A shard of the same sweep with another seed.
    const other = writeExperiment(dir, 'other.yaml', { seed: 8 });
    expect((await hotbedHere(['sweep', other, '--shard', '2/3', '--out', join(dir, 'other-2'), '--quiet'])).code).toBe(0);
    const before = snapshot(dir);
    const shard = (k: string) => join(base, 'shards', k);
    const plan = loadExperiment(exp, { toolVersion: toolVersion() }).plan;
    const otherPlan = loadExperiment(other, { toolVersion: toolVersion() }).plan;
    const cases: [string[], string][] = [
      [[shard('1'), join(dir, 'other-2'), shard('3')], sweepMessages.shardsDiffer(join(dir, 'other-2'), 'experiment (factors, design, replicates, outputs or seed)',
        `experiment ${plan.experimentHash.slice(0, 12)}`, `experiment ${otherPlan.experimentHash.slice(0, 12)}`, shard('1')).message],
      [[shard('1'), shard('3')], sweepMessages.shardsMissing([2], 3).message],
      [[shard('1'), shard('2'), shard('2'), shard('3')], sweepMessages.shardTwice(shard('2'), '2/3', shard('2')).message],
      [[shard('1'), reference], sweepMessages.notAShard(reference, 'it holds no shard.json (a shard still running, or not a shard folder)').message],
    ];
    for (const [dirs, message] of cases) {
      const ran = await hotbedHere(['merge', ...dirs, '--out', join(dir, 'merged-bad')]);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toBe(`hotbed: ${message}\n`);
    }
    const exists = await hotbedHere(['merge', shard('1'), shard('2'), shard('3'), '--out', reference]);
    expect(exists.stderr).toBe(`hotbed: ${messages.outputExists(reference).message}\n`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a resume folder from another experiment, naming what differs', async () => {
    const other = writeExperiment(dir, 'other-resume.yaml', { replicates: 3 });
    const before = snapshot(dir);
    const ran = await hotbedHere(['sweep', other, '--resume', reference]);
    expect(ran.code).toBe(2);
    const a = loadExperiment(exp, { toolVersion: toolVersion() }).plan;
    const b = loadExperiment(other, { toolVersion: toolVersion() }).plan;
    expect(ran.stderr).toBe(`hotbed: ${sweepMessages.resumeMismatch(reference, 'experiment (factors, design, replicates, outputs or seed)',
      `experiment ${a.experimentHash.slice(0, 12)}`, `experiment ${b.experimentHash.slice(0, 12)} (${other})`).message}\n`);
    expect(snapshot(dir)).toEqual(before);
    const shardResume = await hotbedHere(['sweep', exp, '--shard', '1/3', '--resume', reference]);
    expect(shardResume.stderr).toBe(`hotbed: ${sweepMessages.resumeMismatch(reference, 'shard', 'the whole sweep (no --shard)', 'shard 1/3').message}\n`);
    // A journal damaged other than in its last line is refused, naming the line.
    const damaged = join(dir, 'damaged');
    cpSync(join(reference, '.journal'), join(damaged, '.journal'), { recursive: true });
    const lines = readFileSync(join(damaged, '.journal', 'runs.jsonl'), 'utf8').split('\n');
    lines[2] = lines[2]!.slice(0, 10);
    writeFileSync(join(damaged, '.journal', 'runs.jsonl'), lines.join('\n'));
    const before2 = snapshot(dir);
    const bad = await hotbedHere(['sweep', exp, '--resume', damaged]);
    expect(bad.stderr).toBe(`hotbed: ${readBackMessages.rowNotJson(join(damaged, '.journal', 'runs.jsonl'), 3, 'journal').message}\n`);
    expect(snapshot(dir)).toEqual(before2);
    const nowhere = await hotbedHere(['sweep', exp, '--resume', join(dir, 'nowhere')]);
    expect(nowhere.stderr).toBe(`hotbed: ${sweepMessages.resumeUnreadable(join(dir, 'nowhere'), 'the folder does not exist').message}\n`);
  });

  it('a run that throws in a worker: reported with its point, replicate and seed, finished runs kept, then resumed to the same bytes', async () => {
    const out = join(dir, 'failing');
    const plan = loadExperiment(exp, { toolVersion: toolVersion() }).plan;
    // Worker threads copy the environment when they start: the variable reaches them.
    process.env[FAULT_VARIABLE] = '9';
    const ran = await hotbedHere(['sweep', exp, '--workers', '2', '--out', out, '--quiet']).finally(() => delete process.env[FAULT_VARIABLE]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(`hotbed: ${sweepMessages.runFailed(runKey(plan, 9), `failure injected by ${FAULT_VARIABLE} (run 9)`, 1, 31, out).message}\n`);
    expect(journalLines(out)).toBe(31);
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
    const resumed = await hotbedHere(['sweep', exp, '--resume', out, '--workers', '1', '--progress', 'none']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/: 1 runs at [\d.]+ runs\/s\.\n$/);
    expect(identical(out)).toEqual(expected);
    // A copy of a finished folder resumes to the same bytes without running anything.
    cpSync(out, join(dir, 'finished-again'), { recursive: true });
    const again = await hotbedHere(['sweep', exp, '--resume', join(dir, 'finished-again'), '--quiet']);
    expect(again.code).toBe(0);
    expect(identical(join(dir, 'finished-again'))).toEqual(expected);
  });
});
