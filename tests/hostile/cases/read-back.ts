/**
 * Files Hotbed wrote itself and reads back, edited, duplicated or forged: a shard's rows and
 * plan given to `hotbed merge`, a sweep's journal given to --resume; and work too large to
 * do, refused before anything is allocated: a run over millennia, records beyond memory,
 * files of every kind larger than their cap.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toolVersion } from '../../../src/cli/version.js';
import { messages } from '../../../src/messages/scenario.js';
import { readBackMessages } from '../../../src/messages/read-back.js';
import { sweepMessages } from '../../../src/messages/sweep.js';
import { loadExperiment, planHashes, type SweepPlan } from '../../../src/sweep/file.js';
import { journalFile, openJournal } from '../../../src/sweep/journal.js';
import { shardFiles, type ShardManifest } from '../../../src/sweep/shard-files.js';
import { shardRuns } from '../../../src/sweep/shard.js';
import { estimateTableBytes, TABLE_LIMIT_BYTES } from '../../../src/sweep/size.js';
import type { HostileCase } from '../case.js';
import { gridExperiment } from './grid-experiment.js';

/** 2 points × 2 replicates = 4 runs of the working folder's minimal.yaml, recording 2 outputs. */
const EXPERIMENT = gridExperiment('Read-back sweep', ['{ measure: travelled }', '{ measure: abroad }']);

function plan(cwd: string): SweepPlan {
  writeFileSync(join(cwd, 'exp.yaml'), EXPERIMENT);
  return loadExperiment(join(cwd, 'exp.yaml'), { toolVersion: toolVersion() }).plan;
}

type ShardText = { rows: string; manifest: ShardManifest };

/** Shards 1/2 and 2/2 of the experiment, as `hotbed sweep --shard` leaves them (outputs made up), after `edit`. */
function stageShards(cwd: string, edit: (shards: ShardText[]) => void = () => {}): void {
  const p = plan(cwd);
  const shards = [1, 2].map((k) => {
    const files = shardFiles(p, { k, n: 2 }, shardRuns(p.runs, { k, n: 2 }).map((r) => [r, [100 + r, 10 + r]] as const));
    return { rows: files['rows.jsonl']!, manifest: JSON.parse(files['shard.json']!) as ShardManifest };
  });
  edit(shards);
  shards.forEach((s, i) => {
    const dir = join(cwd, 'shards', String(i + 1));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'rows.jsonl'), s.rows);
    writeFileSync(join(dir, 'shard.json'), `${JSON.stringify(s.manifest, null, 2)}\n`);
  });
}

const MERGE = ['merge', 'shards/1', 'shards/2', '--out', 'results/merged'];
const ROWS_1 = join('shards', '1', 'rows.jsonl');
const MANIFEST_1 = join('shards', '1', 'shard.json');

/** Replaces line `i` (0-based) of a rows text. */
const editLine = (rows: string, i: number, line: string) => rows.split('\n').map((l, j) => (j === i ? line : l)).join('\n');

/** A sweep folder interrupted after some runs: its journal header, then `lines`. */
function stageJournal(cwd: string, lines: string[]): void {
  openJournal(join(cwd, 'sweep-out'), plan(cwd), undefined, false).close();
  appendFileSync(journalFile(join(cwd, 'sweep-out')), lines.map((l) => `${l}\n`).join(''));
}

const RESUME = ['sweep', 'exp.yaml', '--resume', 'sweep-out', '--workers', '1'];
const JOURNAL = journalFile('sweep-out');

export const readBackCases: HostileCase[] = [
  // ---- hotbed merge: the rows of a shard ----
  {
    name: 'merge: a shard row whose output was edited into a string',
    setup: (cwd) => stageShards(cwd, ([s]) => (s!.rows = editLine(s!.rows, 1, '{"run":2,"outputs":["102",12]}'))),
    args: MERGE,
    exit: 2,
    message: readBackMessages.rowOutputType(ROWS_1, 2, 'shard', 2, 0, 'travelled', '102').message,
  },
  {
    name: 'merge: a shard row whose output was edited into a mapping',
    setup: (cwd) => stageShards(cwd, ([s]) => (s!.rows = editLine(s!.rows, 0, '{"run":0,"outputs":[100,{"value":10}]}'))),
    args: MERGE,
    exit: 2,
    message: readBackMessages.rowOutputType(ROWS_1, 1, 'shard', 0, 1, 'abroad', {}).message,
  },
  {
    name: 'merge: a shard row whose output was edited into a boolean',
    setup: (cwd) => stageShards(cwd, ([s]) => (s!.rows = editLine(s!.rows, 0, '{"run":0,"outputs":[true,10]}'))),
    args: MERGE,
    exit: 2,
    message: readBackMessages.rowOutputType(ROWS_1, 1, 'shard', 0, 0, 'travelled', true).message,
  },
  {
    name: 'merge: a shard whose rows hold one run twice (the later would have won)',
    setup: (cwd) => stageShards(cwd, ([s]) => (s!.rows = `${s!.rows}{"run":0,"outputs":[999,999]}\n`)),
    args: MERGE,
    exit: 2,
    message: readBackMessages.rowDuplicateRun(ROWS_1, 3, 'shard', 0, 1).message,
  },
  {
    name: 'merge: a shard row naming a run of the other shard',
    setup: (cwd) => stageShards(cwd, ([s]) => (s!.rows = editLine(s!.rows, 1, '{"run":1,"outputs":[101,11]}'))),
    args: MERGE,
    exit: 2,
    message: readBackMessages.rowRunOutOfRange(ROWS_1, 2, 'shard', 'a whole number from 0 to 3 in shard 1/2 (run mod 2 = 0)', 1).message,
  },
  {
    name: 'merge: a shard row with a key added',
    setup: (cwd) => stageShards(cwd, ([s]) => (s!.rows = editLine(s!.rows, 0, '{"run":0,"outputs":[100,10],"note":"x"}'))),
    args: MERGE,
    exit: 2,
    message: readBackMessages.rowWrongShape(ROWS_1, 1, 'shard', 'the keys "run", "outputs", "note"').message,
  },
  {
    name: 'merge: a shard whose last row was removed',
    setup: (cwd) => stageShards(cwd, ([s]) => (s!.rows = `${s!.rows.split('\n')[0]}\n`)),
    args: MERGE,
    exit: 2,
    message: readBackMessages.rowsMissing(ROWS_1, '1/2', 1, 2, 2).message,
  },
  // ---- hotbed merge: the plan a shard carries ----
  {
    name: 'merge: a shard whose plan has a forged factor value (its hash no longer matches)',
    setup: (cwd) => stageShards(cwd, (shards) => shards.forEach((s) => (s.manifest.plan.factors[0]!.values = [1, 9]))),
    args: MERGE,
    exit: 2,
    message: (cwd) => {
      const forged = (JSON.parse(readFileSync(join(cwd, MANIFEST_1), 'utf8')) as ShardManifest).plan;
      return readBackMessages.planHashMismatch(MANIFEST_1, forged.hash, planHashes(forged).hash).message;
    },
  },
  {
    name: 'merge: a shard whose plan claims a huge run count',
    setup: (cwd) => stageShards(cwd, (shards) => shards.forEach((s) => (s.manifest.plan.runs = 4e15))),
    args: MERGE,
    exit: 2,
    message: readBackMessages.planCountMismatch(MANIFEST_1, 'plan.runs', 4, 4e15).message,
  },
  {
    name: 'merge: a shard whose plan was edited to a billion runs (out of memory before the check)',
    setup: (cwd) => stageShards(cwd, (shards) => shards.forEach((s) => {
      s.manifest.plan.replicates = 100000;
      s.manifest.plan.factors[0]!.values = Array.from({ length: 10000 }, (_, i) => 1 + i / 10000);
    })),
    args: MERGE,
    exit: 2,
    message: sweepMessages.tooLarge({ file: MANIFEST_1 }, 1e9, 10000, 100000, estimateTableBytes(1e9, 1, 2), TABLE_LIMIT_BYTES).message,
  },
  {
    name: 'merge: a shard whose plan has a factor that is not a mapping',
    setup: (cwd) => stageShards(cwd, (shards) => shards.forEach((s) => ((s.manifest.plan.factors as unknown[])[0] = 'susceptibility'))),
    args: MERGE,
    exit: 2,
    message: readBackMessages.planWrongShape(MANIFEST_1, 'plan.factors.0', 'a mapping', 'susceptibility').message,
  },
  {
    name: 'merge: a shard.json of 17 MiB, refused by its size',
    setup: (cwd) => stageShards(cwd, ([s]) => (s!.manifest.plan.description = 'x'.repeat(17 * 2 ** 20))),
    args: MERGE,
    exit: 2,
    message: /^hotbed: shards\/1: not a finished sweep shard: cannot read shard\.json \(it holds 17 MiB, more than the 16 MiB a file of this kind may hold\)/,
  },
  {
    name: 'merge: a rows.jsonl swollen past what its runs can hold, refused by its size',
    setup: (cwd) => stageShards(cwd, ([s]) => (s!.rows += `${' '.repeat(4096)}\n`)),
    args: MERGE,
    exit: 2,
    message: /^hotbed: shards\/1: not a finished sweep shard: cannot read rows\.jsonl \(it holds 4\.\d+ KiB, more than the 176 bytes a file of this kind may hold\)/,
  },
  // ---- hotbed sweep --resume: the journal ----
  {
    name: 'resume: a journal holding one run twice (the later would have won)',
    setup: (cwd) => stageJournal(cwd, ['{"run":0,"outputs":[1,2]}', '{"run":1,"outputs":[1,2]}', '{"run":0,"outputs":[5,6]}']),
    args: RESUME,
    exit: 2,
    message: readBackMessages.rowDuplicateRun(JOURNAL, 3, 'journal', 0, 1).message,
  },
  {
    name: 'resume: a journal row whose output was edited into a string',
    setup: (cwd) => stageJournal(cwd, ['{"run":0,"outputs":[1,"2"]}']),
    args: RESUME,
    exit: 2,
    message: readBackMessages.rowOutputType(JOURNAL, 1, 'journal', 0, 1, 'abroad', '2').message,
  },
  {
    name: 'resume: a journal row naming a run the sweep does not have',
    setup: (cwd) => stageJournal(cwd, ['{"run":4,"outputs":[1,2]}']),
    args: RESUME,
    exit: 2,
    message: readBackMessages.rowRunOutOfRange(JOURNAL, 1, 'journal', 'a whole number from 0 to 3', 4).message,
  },
  {
    name: 'resume: a journal that is a list, not rows',
    setup: (cwd) => stageJournal(cwd, ['[0,[1,2]]']),
    args: RESUME,
    exit: 2,
    message: readBackMessages.rowWrongShape(JOURNAL, 1, 'journal', 'a list').message,
  },
  // ---- work too large, refused before it starts ----
  {
    name: 'a run over eight thousand years',
    setup: (cwd) => writeFileSync(join(cwd, 'long.yaml'), readFileSync(join(cwd, 'minimal.yaml'), 'utf8').replace('end: "2014-09-01"', 'end: "9999-12-31"')),
    args: ['run', 'long.yaml', '--out', 'results/new'],
    exit: 2,
    message: messages.runTooLong({ file: 'long.yaml', line: 2, column: 36 }, '2014-06-01', '9999-12-31', 100).message,
  },
  {
    name: 'a century at 5,000 replicates, whose records would not fit in memory',
    setup: (cwd) => writeFileSync(join(cwd, 'century.yaml'), readFileSync(join(cwd, 'minimal.yaml'), 'utf8').replace('end: "2014-09-01"', 'end: "2114-06-01"')),
    args: ['run', 'century.yaml', '--replicates', '5000', '--out', 'results/new'],
    exit: 2,
    message: /^hotbed: century\.yaml: dates: the run would need about [\d.]+ GiB of memory to record 6,246 days × 12 measures × 3 places × 5,000 replicates, more than the [\d.]+ GiB available; shorten the dates/,
  },
  // ---- files of every kind past their cap ----
  {
    name: 'an experiment of 2 MiB, refused by its size',
    setup: (cwd) => writeFileSync(join(cwd, 'exp.yaml'), `${EXPERIMENT}description: "${'x'.repeat(2 * 2 ** 20)}"\n`),
    args: ['sweep', 'exp.yaml', '--out', 'results/new'],
    exit: 2,
    message: messages.fileUnreadable('exp.yaml', 'it holds 2 MiB, more than the 1 MiB a file of this kind may hold').message,
  },
  {
    name: 'a targets file of 2 MiB named by the scenario, refused by its size',
    setup: (cwd) => {
      writeFileSync(join(cwd, 'targets.yaml'), `title: T\ndescription: "${'x'.repeat(2 * 2 ** 20)}"\n`);
      writeFileSync(join(cwd, 'with-targets.yaml'), `${readFileSync(join(cwd, 'minimal.yaml'), 'utf8')}targets: targets.yaml\n`);
    },
    args: ['run', 'with-targets.yaml', '--out', 'results/new'],
    exit: 2,
    message: /^hotbed: (\S*\/)?targets\.yaml: cannot read the file \(it holds 2 MiB, more than the 1 MiB a file of this kind may hold\)\n$/,
  },
];
