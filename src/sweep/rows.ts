/**
 * Reading back the rows a sweep wrote: the journal's runs.jsonl and a shard's
 * rows.jsonl, one finished run a line, `{"run":i,"outputs":[...]}`. Both may have been
 * edited, truncated, concatenated or forged, so every line is checked against the plan
 * before it is kept: exactly those two keys, a run this sweep (or shard) has, given
 * once, and one number (or null, for a value that was not a number) per output. The
 * first problem is one message naming the file and line.
 */
import { readBackMessages, type RowsKind } from '../messages/read-back.js';
import { inShard, shardText, type Shard } from './shard.js';

export interface RowsPlan {
  /** Runs of the whole sweep. */
  runs: number;
  /** Output names, in column order. */
  outputs: readonly string[];
  shard?: Shard;
}

/**
 * The most bytes one row can take: the run (at most 16 digits), and per output the longest
 * double JSON writes (`-2.2250738585072014e-308`, 24 characters) and its comma.
 */
export const maxRowBytes = (outputs: number) => '{"run":,"outputs":[]}\n'.length + 16 + 25 * outputs;

/** V8 makes no string longer than about 512 MiB: a file of rows is read whole, so it stays below. */
const MAX_ROWS_BYTES = 2 ** 29 - 2 ** 20;

/** The most bytes a file of `rows` rows of `outputs` outputs may hold (plus `extra`): what it is read with. */
export const rowsFileCap = (rows: number, outputs: number, extra = 0) => Math.min(MAX_ROWS_BYTES, (rows + extra) * maxRowBytes(outputs));

/** Runs of a sweep of `runs` runs that fall in `shard` (all without one), counted, not listed. */
export function runsInShard(runs: number, shard: Shard | undefined): number {
  if (!shard) return runs;
  return runs >= shard.k ? Math.floor((runs - shard.k) / shard.n) + 1 : 0;
}

/** Parses one line; throws the message for its first problem. */
export function parseRow(line: string, number: number, file: string, kind: RowsKind, plan: RowsPlan): { run: number; outputs: number[] } {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    throw readBackMessages.rowNotJson(file, number, kind);
  }
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw readBackMessages.rowWrongShape(file, number, kind, entry === null ? 'null' : Array.isArray(entry) ? 'a list' : typeof entry);
  }
  const keys = Object.keys(entry);
  if (keys.length !== 2 || !keys.includes('run') || !keys.includes('outputs')) {
    throw readBackMessages.rowWrongShape(file, number, kind, keys.length ? `the keys ${keys.slice(0, 5).map((k) => JSON.stringify(k)).join(', ')}${keys.length > 5 ? ', …' : ''}` : 'no keys');
  }
  const { run, outputs } = entry as { run: unknown; outputs: unknown };
  if (typeof run !== 'number' || !Number.isSafeInteger(run) || run < 0 || run >= plan.runs || !inShard(run, plan.shard)) {
    throw readBackMessages.rowRunOutOfRange(file, number, kind, runRange(plan), run);
  }
  if (!Array.isArray(outputs) || outputs.length !== plan.outputs.length) throw readBackMessages.rowOutputCount(file, number, kind, run, plan.outputs.length, outputs);
  const values = new Array<number>(outputs.length);
  for (let i = 0; i < outputs.length; i++) {
    const x: unknown = outputs[i];
    if (x === null) values[i] = NaN;
    else if (typeof x === 'number') values[i] = x;
    else throw readBackMessages.rowOutputType(file, number, kind, run, i, plan.outputs[i]!, x);
  }
  return { run, outputs: values };
}

function runRange(plan: RowsPlan): string {
  const whole = `a whole number from 0 to ${plan.runs - 1}`;
  if (!plan.shard || plan.shard.n === 1) return whole;
  return `${whole} in shard ${shardText(plan.shard)} (run mod ${plan.shard.n} = ${plan.shard.k - 1})`;
}

/** Collects rows line by line into runs by index, refusing a run given twice. */
export function rowCollector(file: string, kind: RowsKind, plan: RowsPlan): { rows: Map<number, number[]>; add(line: string, number: number): void } {
  const rows = new Map<number, number[]>();
  const lineOf = new Map<number, number>();
  return {
    rows,
    add(line, number) {
      const { run, outputs } = parseRow(line, number, file, kind, plan);
      const first = lineOf.get(run);
      if (first !== undefined) throw readBackMessages.rowDuplicateRun(file, number, kind, run, first);
      lineOf.set(run, number);
      rows.set(run, outputs);
    },
  };
}

/** Calls `each` with every line of `text` and its 1-based number; a last line without a newline is included unless `wholeOnly`. */
export function forEachLine(text: string, each: (line: string, number: number) => void, wholeOnly = false): void {
  let start = 0;
  let number = 1;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end < 0) {
      if (!wholeOnly && start < text.length) each(text.slice(start), number);
      return;
    }
    each(text.slice(start, end), number++);
    start = end + 1;
  }
}
