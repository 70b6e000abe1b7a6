/**
 * Reading back the rows of a journal or a shard (src/sweep/rows.ts): each problem its own
 * message naming the file and line; and, fuzzed, whatever a line holds, reading it gives a
 * row of the plan's shape or throws a UserError, never anything else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/messages/errors.js';
import { readBackMessages } from '../../src/messages/read-back.js';
import { forEachLine, maxRowBytes, parseRow, rowCollector, rowsFileCap, runsInShard, type RowsPlan } from '../../src/sweep/rows.js';
import { shardRuns } from '../../src/sweep/shard.js';
import { userError } from '../scenario/fixtures.js';

const PLAN: RowsPlan = { runs: 10, outputs: ['travelled', 'abroad'], shard: { k: 2, n: 3 } };
const FILE = 'out/rows.jsonl';
const message = (fn: () => unknown) => userError(fn).message;

describe('one row', () => {
  it('reads a row of the plan, null as NaN', () => {
    expect(parseRow('{"run":4,"outputs":[1.5,null]}', 1, FILE, 'shard', PLAN)).toEqual({ run: 4, outputs: [1.5, NaN] });
    expect(parseRow('{"outputs":[0,-2e-308],"run":1}', 1, FILE, 'shard', PLAN)).toEqual({ run: 1, outputs: [0, -2e-308] });
  });

  it('refuses each kind of damage with its own message, naming file and line', () => {
    const read = (line: string) => message(() => parseRow(line, 7, FILE, 'shard', PLAN));
    expect(read('{"run":4,')).toBe(readBackMessages.rowNotJson(FILE, 7, 'shard').message);
    expect(read('4')).toBe(readBackMessages.rowWrongShape(FILE, 7, 'shard', 'number').message);
    expect(read('null')).toBe(readBackMessages.rowWrongShape(FILE, 7, 'shard', 'null').message);
    expect(read('{"run":4}')).toBe(readBackMessages.rowWrongShape(FILE, 7, 'shard', 'the keys "run"').message);
    const range = 'a whole number from 0 to 9 in shard 2/3 (run mod 3 = 1)';
    for (const run of ['3', '10', '-2', '1.5', '"4"', '1e300']) {
      expect(read(`{"run":${run},"outputs":[1,2]}`)).toBe(readBackMessages.rowRunOutOfRange(FILE, 7, 'shard', range, JSON.parse(run)).message);
    }
    expect(read('{"run":4,"outputs":[1]}')).toBe(readBackMessages.rowOutputCount(FILE, 7, 'shard', 4, 2, [1]).message);
    expect(read('{"run":4,"outputs":"1,2"}')).toBe(readBackMessages.rowOutputCount(FILE, 7, 'shard', 4, 2, '1,2').message);
    for (const bad of ['"1"', 'true', '{}', '[1]']) {
      expect(read(`{"run":4,"outputs":[1,${bad}]}`)).toBe(readBackMessages.rowOutputType(FILE, 7, 'shard', 4, 1, 'abroad', JSON.parse(bad)).message);
    }
  });

  it('words the hint for the kind of file: a journal is started afresh, a shard run again', () => {
    expect(message(() => parseRow('x', 1, FILE, 'journal', PLAN))).toMatch(/start afresh with --out$/);
    expect(message(() => parseRow('x', 1, FILE, 'shard', PLAN))).toMatch(/run that shard again$/);
  });
});

describe('a file of rows', () => {
  it('refuses a run given twice, naming both lines', () => {
    const rows = rowCollector(FILE, 'journal', PLAN);
    rows.add('{"run":1,"outputs":[1,2]}', 1);
    rows.add('{"run":4,"outputs":[1,2]}', 2);
    expect(message(() => rows.add('{"run":1,"outputs":[3,4]}', 3))).toBe(readBackMessages.rowDuplicateRun(FILE, 3, 'journal', 1, 1).message);
    expect(rows.rows.get(1)).toEqual([1, 2]);
  });

  it('numbers lines from 1, with or without a last line cut short', () => {
    const seen: [string, number][] = [];
    forEachLine('a\nb\nc', (l, n) => seen.push([l, n]));
    expect(seen).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    const whole: [string, number][] = [];
    forEachLine('a\nb\nc', (l, n) => whole.push([l, n]), true);
    expect(whole).toEqual([['a', 1], ['b', 2]]);
  });

  it('counts a shard\'s runs without listing them, as shardRuns lists them', () => {
    for (const runs of [0, 1, 2, 7, 10, 11]) {
      for (const shard of [undefined, { k: 1, n: 1 }, { k: 1, n: 3 }, { k: 3, n: 3 }, { k: 5, n: 8 }]) {
        expect(runsInShard(runs, shard)).toBe(shardRuns(runs, shard).length);
      }
    }
  });

  it('caps a file at its runs\' longest rows, and below the longest string V8 makes', () => {
    const longest = `${JSON.stringify({ run: 2 ** 53 - 1, outputs: [-2.2250738585072014e-308, -1.2345678901234567e+300] })}\n`;
    expect(Buffer.byteLength(longest)).toBeLessThanOrEqual(maxRowBytes(2));
    expect(rowsFileCap(3, 2)).toBe(3 * maxRowBytes(2));
    expect(rowsFileCap(1e9, 200)).toBeLessThan(2 ** 29);
  });
});

describe('fuzzed rows', () => {
  const plan: RowsPlan = { runs: 6, outputs: ['a', 'b', 'c'] };
  const readsOrRefuses = (line: string) => {
    try {
      const row = parseRow(line, 1, FILE, 'journal', plan);
      expect(Number.isSafeInteger(row.run) && row.run >= 0 && row.run < plan.runs).toBe(true);
      expect(row.outputs).toHaveLength(3);
      expect(row.outputs.every((x) => typeof x === 'number')).toBe(true);
    } catch (e) {
      if (!isUserError(e)) throw e;
      expect(e.message).not.toMatch(/\n/);
    }
  };

  it('any text as a line gives a row of the plan or one UserError', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), readsOrRefuses), { numRuns: 2000 });
  });

  it('any JSON value as a line, and rows with one part edited, give a row of the plan or one UserError', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 3 }), (v) => readsOrRefuses(JSON.stringify(v))), { numRuns: 2000 });
    const row = fc.record({ run: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.jsonValue()), outputs: fc.oneof(fc.array(fc.oneof(fc.double(), fc.constant(null), fc.jsonValue()), { maxLength: 4 }), fc.jsonValue()) });
    fc.assert(fc.property(row, (r) => readsOrRefuses(JSON.stringify(r))), { numRuns: 2000 });
  });

  // JSON writes -0 as 0, as the journal and a shard's rows do.
  it('rows as written are read back exactly, in any order, and a duplicate anywhere is refused', () => {
    const outputs = fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)), { minLength: 3, maxLength: 3 });
    fc.assert(fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 1 }), fc.array(outputs, { minLength: 6, maxLength: 6 }), fc.nat(), (runs, values, pick) => {
      const text = runs.map((r) => `${JSON.stringify({ run: r, outputs: values[r] })}\n`).join('');
      const rows = rowCollector(FILE, 'journal', plan);
      forEachLine(text, rows.add, true);
      for (const r of runs) expect(rows.rows.get(r)).toEqual(values[r]!.map((x) => (x === null ? NaN : (JSON.parse(JSON.stringify(x)) as number))));
      const again = runs[pick % runs.length]!;
      const twice = rowCollector(FILE, 'journal', plan);
      const withDuplicate = `${text}${JSON.stringify({ run: again, outputs: values[again] })}\n`;
      expect(() => forEachLine(withDuplicate, twice.add, true)).toThrow(readBackMessages.rowDuplicateRun(FILE, runs.length + 1, 'journal', again, runs.indexOf(again) + 1).message);
    }), { numRuns: 300 });
  });
});
