/**
 * The shard and journal readers as a whole, fuzzed through real files: whatever bytes a
 * shard's rows.jsonl or a journal's runs.jsonl hold (a valid file with lines dropped,
 * repeated, cut, swapped or replaced by anything), reading gives rows that are exactly the
 * plan's (each run once, one number per output) or one UserError; never another error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../src/messages/errors.js';
import { loadExperiment } from '../../src/sweep/file.js';
import { journalFile, openJournal } from '../../src/sweep/journal.js';
import { readShard, shardFiles } from '../../src/sweep/shard-files.js';
import { inShard, shardRuns, type Shard } from '../../src/sweep/shard.js';
import { cleanup, MINIMAL, tempDir, writeFixture, yaml } from '../scenario/fixtures.js';

afterAll(cleanup);

const dir = tempDir('hotbed-read-back-fuzz-');
writeFixture(dir, 'minimal.yaml', MINIMAL);
const plan = loadExperiment(writeFixture(dir, 'exp.yaml', yaml(
  'title: Fuzzed read-back',
  'scenario: minimal.yaml',
  'replicates: 3',
  'factors:',
  '  - { name: susceptibility, path: places.regions.Maghreb.susceptibility, values: [1, 1.5] }',
  'design: { kind: grid }',
  'outputs:',
  '  - { measure: travelled }',
  '  - { measure: abroad }',
)), { toolVersion: '9.9.9' }).plan;
const SHARD: Shard = { k: 2, n: 2 };
const valid = shardFiles(plan, SHARD, shardRuns(plan.runs, SHARD).map((r) => [r, [r * 1.5, -r]] as const));
const validLines = valid['rows.jsonl']!.split('\n').slice(0, -1);

/** A list of lines made from the valid ones: each kept, repeated, cut, or replaced by any JSON or text. */
const damagedLines = fc.array(fc.oneof(
  fc.constantFrom(...validLines),
  fc.constantFrom(...validLines).chain((l) => fc.nat({ max: l.length }).map((n) => l.slice(0, n))),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  fc.record({ run: fc.integer({ min: -1, max: 7 }), outputs: fc.array(fc.oneof(fc.double(), fc.constant(null), fc.string()), { maxLength: 3 }) }).map((r) => JSON.stringify(r)),
  fc.string({ maxLength: 30 }),
), { maxLength: 8 });

function expectPlanRows(rows: Map<number, number[]>, shard: Shard | undefined): void {
  for (const [run, outputs] of rows) {
    expect(Number.isInteger(run) && run >= 0 && run < plan.runs && inShard(run, shard)).toBe(true);
    expect(outputs).toHaveLength(plan.outputs.length);
    expect(outputs.every((x) => typeof x === 'number')).toBe(true);
  }
}

let case_ = 0;
describe('fuzzed files', () => {
  it('a shard\'s rows.jsonl of any damaged lines gives the whole shard or one UserError', () => {
    fc.assert(fc.property(damagedLines, fc.boolean(), (lines, newlineAtEnd) => {
      const shardDir = join(dir, `shard-${case_++}`);
      mkdirSync(shardDir);
      writeFileSync(join(shardDir, 'shard.json'), valid['shard.json']!);
      writeFileSync(join(shardDir, 'rows.jsonl'), lines.join('\n') + (newlineAtEnd ? '\n' : ''));
      try {
        const read = readShard(shardDir);
        expect([...read.rows.keys()].sort((a, b) => a - b)).toEqual(shardRuns(plan.runs, SHARD));
        expectPlanRows(read.rows, SHARD);
      } catch (e) {
        if (!isUserError(e)) throw e;
        expect(e.message).not.toMatch(/\n/);
      }
    }), { numRuns: 300 });
  });

  it('a journal of any damaged lines resumes with runs of the plan, each once, or one UserError', () => {
    const whole = shardFiles(plan, { k: 1, n: 1 }, shardRuns(plan.runs, undefined).map((r) => [r, [r, r]] as const))['rows.jsonl']!.split('\n').slice(0, -1);
    const journalLines = fc.array(fc.oneof(fc.constantFrom(...whole), fc.constantFrom(...whole).map((l) => l.slice(0, 9)), fc.string({ maxLength: 30 })), { maxLength: 8 });
    fc.assert(fc.property(journalLines, fc.option(fc.string({ maxLength: 20 }), { nil: undefined }), (lines, cut) => {
      const out = join(dir, `sweep-${case_++}`);
      openJournal(out, plan, undefined, false).close();
      writeFileSync(journalFile(out), lines.map((l) => `${l.replace(/\n/g, ' ')}\n`).join('') + (cut?.replace(/\n/g, ' ') ?? ''));
      try {
        const journal = openJournal(out, plan, undefined, true);
        journal.close();
        expectPlanRows(journal.done, undefined);
        expect(journal.done.size).toBe(lines.length);
      } catch (e) {
        if (!isUserError(e)) throw e;
        expect(e.message).not.toMatch(/\n/);
      }
    }), { numRuns: 300 });
  });
});
