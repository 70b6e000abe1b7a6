/**
 * The journal of a sweep: what makes it resumable. Its header (the plan, its
 * hash, the tool version and the shard) is written once, atomically; then each
 * finished run is appended as one JSON line, `{"run":i,"outputs":[...]}`, and
 * fsync'd, so after a crash (Ctrl-C, kill -9, power loss) every line but perhaps
 * the last is whole. Reading ignores a cut-short last line and trims it from the
 * file, so appending resumes on a clean line. Lines arrive in completion order
 * (which depends on the threads); the outputs are always rebuilt in run order.
 *
 * The journal lives in `<out>/.journal/`, beside the final outputs, and is kept
 * after the sweep finishes (a record of the runs; the final files never depend on
 * its line order).
 */
import { dirname, join } from 'node:path';
import { openLineJournal, readLineJournal, readResumeHeader, writeFileAtomic } from '../batch/persistence.js';
import type { SweepPlan } from './file.js';
import { sweepMessages } from '../messages/sweep.js';
import { shardText, type Shard } from './shard.js';
import { isUnreadableFile } from '../files/read-text.js';
import { MAX_PLAN_FILE_BYTES } from './plan-check.js';
import { rowCollector, rowsFileCap, runsInShard } from './rows.js';

export const JOURNAL_DIR = '.journal';
const HEADER = 'header.json';
const RUNS = 'runs.jsonl';
const KIND = 'hotbed-sweep-journal';

export interface JournalHeader {
  kind: typeof KIND;
  format: 1;
  hash: string;
  experimentHash: string;
  scenarioHash: string;
  toolVersion: string;
  shard: Shard | null;
  plan: SweepPlan;
}

export interface Journal {
  /** Finished runs read from the journal (resume), by run index. */
  done: Map<number, number[]>;
  append(run: number, outputs: readonly number[]): void;
  close(): void;
}

export const journalFile = (dir: string) => join(dir, JOURNAL_DIR, RUNS);

/** Starts a journal in `dir` (which must not hold one), or reopens the one there for --resume. */
export function openJournal(dir: string, plan: SweepPlan, shard: Shard | undefined, resume: boolean): Journal {
  const file = journalFile(dir);
  let done = new Map<number, number[]>();
  if (resume) {
    checkHeader(dir, plan, shard);
    done = readRuns(file, plan, shard);
  } else {
    const header: JournalHeader = {
      kind: KIND,
      format: 1,
      hash: plan.hash,
      experimentHash: plan.experimentHash,
      scenarioHash: plan.scenarioHash,
      toolVersion: plan.toolVersion,
      shard: shard ?? null,
      plan,
    };
    writeFileAtomic(join(dir, JOURNAL_DIR, HEADER), `${JSON.stringify(header, null, 2)}\n`);
  }
  const journal = openLineJournal(file);
  return {
    done,
    append: (run, outputs) => journal.append({ run, outputs: outputs.map((x) => (Number.isFinite(x) ? x : null)) }),
    close: () => journal.close(),
  };
}

function checkHeader(dir: string, plan: SweepPlan, shard: Shard | undefined): void {
  const h = readResumeHeader(dir, `${JOURNAL_DIR}/${HEADER}`, sweepMessages.resumeUnreadable, MAX_PLAN_FILE_BYTES) as Partial<JournalHeader>;
  if (h === null || typeof h !== 'object') throw sweepMessages.resumeUnreadable(dir, `${JOURNAL_DIR}/${HEADER} is not a sweep journal`);
  if (h.kind !== KIND || h.format !== 1 || typeof h.hash !== 'string') throw sweepMessages.resumeUnreadable(dir, `${JOURNAL_DIR}/${HEADER} is not a sweep journal`);
  const short = (s: string | undefined) => (s ?? 'none').slice(0, 12);
  if (h.toolVersion !== plan.toolVersion) throw sweepMessages.resumeMismatch(dir, 'version of Hotbed', `version ${h.toolVersion}`, `version ${plan.toolVersion}`);
  if (h.experimentHash !== plan.experimentHash) {
    throw sweepMessages.resumeMismatch(dir, 'experiment (factors, design, replicates, outputs or seed)', `experiment ${short(h.experimentHash)}`, `experiment ${short(plan.experimentHash)} (${plan.experimentFile})`);
  }
  if (h.scenarioHash !== plan.scenarioHash) {
    throw sweepMessages.resumeMismatch(dir, 'scenario (its values, scale or set overrides)', `scenario ${short(h.scenarioHash)}`, `scenario ${short(plan.scenarioHash)} (${plan.scenarioFile})`);
  }
  if (h.hash !== plan.hash) throw sweepMessages.resumeMismatch(dir, 'sweep', `sweep ${short(h.hash)}`, `sweep ${short(plan.hash)}`);
  const was = h.shard ? `shard ${shardText(h.shard)}` : 'the whole sweep (no --shard)';
  const now = shard ? `shard ${shardText(shard)}` : 'the whole sweep (no --shard)';
  if (was !== now) throw sweepMessages.resumeMismatch(dir, 'shard', was, now);
}

/**
 * The finished runs in the journal, by run index, each checked against the plan (rows.ts):
 * the plan here is the one just loaded from the experiment (the header only had to match
 * its hashes), so the journal is read with a cap that plan sets: its runs, and one more
 * line cut short.
 */
function readRuns(file: string, plan: SweepPlan, shard: Shard | undefined): Map<number, number[]> {
  const rows = rowCollector(file, 'journal', { runs: plan.runs, outputs: plan.outputs.map((o) => o.name), shard });
  try {
    readLineJournal(file, rows.add, rowsFileCap(runsInShard(plan.runs, shard), plan.outputs.length, 1));
  } catch (e) {
    if (isUnreadableFile(e)) throw sweepMessages.resumeUnreadable(dirname(dirname(file)), `cannot read ${JOURNAL_DIR}/${RUNS} (${e.reason})`);
    throw e;
  }
  return rows.rows;
}
