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
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../calibration/state.js';
import type { SweepPlan } from './file.js';
import { sweepMessages } from './messages.js';
import { inShard, shardText, type Shard } from './shard.js';

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
    done = existsSync(file) ? readRuns(file, plan, shard) : done;
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
    mkdirSync(join(dir, JOURNAL_DIR), { recursive: true });
    writeFileAtomic(join(dir, JOURNAL_DIR, HEADER), `${JSON.stringify(header, null, 2)}\n`);
  }
  const fd = openSync(file, 'a');
  return {
    done,
    append(run, outputs) {
      writeSync(fd, `${JSON.stringify({ run, outputs: outputs.map((x) => (Number.isFinite(x) ? x : null)) })}\n`);
      fsyncSync(fd);
    },
    close: () => closeSync(fd),
  };
}

function checkHeader(dir: string, plan: SweepPlan, shard: Shard | undefined): void {
  if (!existsSync(dir)) throw sweepMessages.resumeUnreadable(dir, 'the folder does not exist');
  if (!statSync(dir).isDirectory()) throw sweepMessages.resumeUnreadable(dir, 'it is not a folder');
  const headerFile = join(dir, JOURNAL_DIR, HEADER);
  if (!existsSync(headerFile)) throw sweepMessages.resumeUnreadable(dir, `it holds no ${JOURNAL_DIR}/${HEADER}`);
  let h: Partial<JournalHeader>;
  try {
    h = JSON.parse(readFileSync(headerFile, 'utf8')) as Partial<JournalHeader>;
  } catch {
    throw sweepMessages.resumeUnreadable(dir, `${JOURNAL_DIR}/${HEADER} is not valid JSON`);
  }
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

/** The finished runs in the journal; a last line cut short by an interruption is dropped from the file. */
function readRuns(file: string, plan: SweepPlan, shard: Shard | undefined): Map<number, number[]> {
  const text = readFileSync(file, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  const done = new Map<number, number[]>();
  const lines = text.slice(0, end).split('\n').slice(0, -1);
  lines.forEach((line, i) => {
    const bad = (reason: string) => sweepMessages.journalCorrupt(file, i + 1, reason);
    let entry: { run?: unknown; outputs?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      throw bad('not a JSON line');
    }
    const { run, outputs } = entry;
    if (typeof run !== 'number' || !Number.isInteger(run) || run < 0 || run >= plan.runs || !inShard(run, shard)) throw bad(`no run ${String(run)} in this ${shard ? 'shard' : 'sweep'}`);
    if (!Array.isArray(outputs) || outputs.length !== plan.outputs.length || !outputs.every((x) => typeof x === 'number' || x === null)) {
      throw bad(`run ${run} does not hold ${plan.outputs.length} outputs`);
    }
    done.set(run, outputs.map((x) => (x === null ? NaN : (x as number))));
  });
  // Only once the rest is known to be sound: a refused journal is left as it was.
  if (end < text.length) truncateSync(file, Buffer.byteLength(text.slice(0, end)));
  return done;
}
