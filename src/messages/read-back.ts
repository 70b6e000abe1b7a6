/**
 * Every message about a file Hotbed wrote itself and reads back: a sweep's journal
 * (runs.jsonl), a shard's rows (rows.jsonl) and manifest (shard.json), a calibration's
 * saved generations. Such a file may have been edited, cut short, copied from elsewhere
 * or forged; each problem has its own builder naming the file, the line where there is
 * one, what was expected and what was found.
 */
import { UserError } from './errors.js';
import { messages as scenarioMessages } from './scenario.js';

const describe = scenarioMessages.describe;

/** Which file of rows, for the hint: a resumed sweep's journal, or a finished shard's rows. */
export type RowsKind = 'journal' | 'shard';

const rowsHint = (kind: RowsKind) => kind === 'journal'
  ? 'the journal is written by hotbed sweep and only its last line may be cut short by an interruption; start afresh with --out'
  : 'the rows are written by hotbed sweep --shard; run that shard again';

export const ROW_FORM = '{"run": N, "outputs": [...]}';

export const readBackMessages = {
  // ---- one line of a journal or of a shard's rows ----

  rowNotJson: (file: string, line: number, kind: RowsKind) =>
    new UserError({ file, line, problem: 'a row that is not JSON', expected: `one JSON object a line, ${ROW_FORM}`, hint: rowsHint(kind) }),

  rowWrongShape: (file: string, line: number, kind: RowsKind, found: string) =>
    new UserError({ file, line, problem: 'a row of the wrong shape', expected: ROW_FORM, found, hint: rowsHint(kind) }),

  rowRunOutOfRange: (file: string, line: number, kind: RowsKind, expected: string, found: unknown) =>
    new UserError({ file, line, path: 'run', problem: 'a run this sweep does not have', expected, found: describe(found), hint: rowsHint(kind) }),

  rowOutputCount: (file: string, line: number, kind: RowsKind, run: number, outputs: number, found: unknown) =>
    new UserError({ file, line, path: 'outputs', problem: `run ${run} does not hold one value per output`, expected: `a list of ${outputs}`, found: describe(found), hint: rowsHint(kind) }),

  rowOutputType: (file: string, line: number, kind: RowsKind, run: number, index: number, output: string, found: unknown) =>
    new UserError({ file, line, path: `outputs[${index}]`, problem: `run ${run}'s ${output} is not a number`, expected: 'a number, or null for a value that was not a number', found: describe(found), hint: rowsHint(kind) }),

  rowDuplicateRun: (file: string, line: number, kind: RowsKind, run: number, firstLine: number) =>
    new UserError({ file, line, path: 'run', problem: `run ${run} is given twice (also on line ${firstLine})`, expected: 'each run once', hint: rowsHint(kind) }),

  rowsMissing: (file: string, shard: string, held: number, runs: number, firstMissing: number) =>
    new UserError({ file, problem: `shard ${shard} is incomplete: ${held} of its ${runs} runs (run ${firstMissing} is missing)`, expected: `all ${runs} runs`, hint: rowsHint('shard') }),

  // ---- the plan a shard or journal carries ----

  planWrongShape: (file: string, path: string, expected: string, found: unknown) =>
    new UserError({ file, path, problem: 'the sweep plan is damaged', expected, found: describe(found), hint: 'the plan is written by hotbed sweep and never edited; run the sweep (or the shard) again' }),

  planHashMismatch: (file: string, recorded: string, computed: string) =>
    new UserError({
      file,
      path: 'plan',
      problem: 'the sweep plan does not match its hash: it was edited after hotbed sweep wrote it',
      expected: `a plan whose hash is ${recorded.slice(0, 12)}`,
      found: `a plan whose hash is ${computed.slice(0, 12)}`,
      hint: 'run the sweep (or the shard) again',
    }),

  planCountMismatch: (file: string, path: string, expected: number, found: unknown) =>
    new UserError({ file, path, problem: `${path} does not follow from the plan's design`, expected: `${expected}`, found: describe(found), hint: 'run the sweep (or the shard) again' }),

  // ---- a calibration's saved state ----

  generationWrong: (file: string, path: string, expected: string, found: unknown) =>
    new UserError({ file, path, problem: 'the saved generation is damaged', expected, found: describe(found), hint: 'the state is written by hotbed calibrate and never edited; remove this generation and later ones to resume from the one before, or start afresh' }),
};
