/**
 * A scenario file as read from disk: its plain value plus the parsed document,
 * kept so that any error can point at the line and column it comes from.
 * JSON files go through the same YAML parser (JSON is YAML 1.2), so they get
 * positions too. Only plain data comes out: YAML tags that would construct
 * objects are not enabled.
 */
import { extname } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { formatPath, namedPath } from './merge.js';
import { isUnreadableFile, readTextFile } from '../files/read-text.js';
import { messages, type Where } from '../messages/scenario.js';

export interface SourceFile {
  /** The path as the user gave it (or as resolved from `extends`). */
  file: string;
  value: Record<string, unknown>;
  document: Document.Parsed;
  lines: LineCounter;
}

/**
 * The largest scenario, experiment, calibration or targets file read: 13 times the largest
 * shipped one (world.yaml, 75 KB). The YAML parser keeps positions for every node, so a
 * file costs seconds and hundreds of MB a MiB to parse: a cap of 64 MiB let a 60 MB file run
 * for a minute and abort, and a 17 MB JSON file exhaust the heap.
 */
export const MAX_SOURCE_BYTES = 2 ** 20;

export function readSource(file: string): SourceFile {
  const ext = extname(file).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(ext)) throw messages.notAScenarioFile(file);
  let text: string;
  try {
    text = readTextFile(file, MAX_SOURCE_BYTES);
  } catch (e) {
    if (isUnreadableFile(e) && e.code === 'ENOENT') throw messages.fileNotFound(file);
    throw messages.fileUnreadable(file, isUnreadableFile(e) ? e.reason : (e as Error).message);
  }
  return parseSource(file, text);
}

export function parseSource(file: string, text: string): SourceFile {
  const lines = new LineCounter();
  // logLevel 'error': the parser's warnings would otherwise go to stderr through process.emitWarning.
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const first = document.errors[0];
  if (first) {
    // Without prettyErrors the error carries offsets only (linePos is left unset): turn them into line and column here.
    const pos = first.linePos?.[0] ?? (first.pos ? lines.linePos(first.pos[0]) : undefined);
    throw messages.syntax({ file, line: pos?.line, column: pos?.col }, parserReason(first.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')));
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw messages.syntax(unresolvedAlias({ file, document, lines }) ?? { file }, parserReason((e as Error).message));
  }
  if (value === null || value === undefined) value = {};
  if (typeof value !== 'object' || Array.isArray(value)) throw messages.notAMapping({ file, line: 1, column: 1 }, value);
  const source = { file, value: value as Record<string, unknown>, document, lines };
  rejectProtoKeys(source);
  return source;
}

/**
 * `__proto__` is never a scenario key: strict mappings would call it unknown, but
 * mappings of names (networks, targets) would drop it without a word. Iterative,
 * so that a deeply nested file cannot overflow the stack here.
 */
function rejectProtoKeys(source: SourceFile): void {
  const todo: Array<[unknown, (string | number)[]]> = [[source.value, []]];
  while (todo.length) {
    const [node, path] = todo.pop()!;
    if (Array.isArray(node)) {
      node.forEach((v, i) => todo.push([v, [...path, i]]));
    } else if (node !== null && typeof node === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(node))) {
      for (const [k, v] of Object.entries(node)) {
        const at = [...path, k];
        if (k === '__proto__') throw messages.reservedKey(locate(source, at, true), formatPath(namedPath(source.value, at)), k);
        todo.push([v, at]);
      }
    }
  }
}

/** The parser's words, except where they describe its own limits rather than the file. */
const parserReason = (message: string) => {
  if (/call stack/i.test(message)) return 'nested too deeply';
  if (/multiple documents/i.test(message)) return 'more than one YAML document (a line holding only --- starts another); a scenario file holds one';
  return message;
};

/** Where the first alias (`*name`) that names no anchor before it is, if any. */
function unresolvedAlias(source: Pick<SourceFile, 'file' | 'document' | 'lines'>): Where | undefined {
  let where: Where | undefined;
  visit(source.document, {
    Alias(_key, node) {
      if (node.resolve(source.document) !== undefined || !node.range) return undefined;
      const pos = source.lines.linePos(node.range[0]);
      where = { file: source.file, line: pos.line, column: pos.col };
      return visit.BREAK;
    },
  });
  return where;
}

/**
 * Where a path points in a source file: the key itself when `atKey` (for unknown
 * keys), otherwise the value. Falls back to the nearest enclosing node.
 */
export function locate(source: SourceFile, path: readonly (string | number)[], atKey = false): Where {
  let node: unknown = source.document.contents;
  let best: Node | undefined = node as Node | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      if (last && atKey && pair.key) {
        best = pair.key as Node;
        break;
      }
      node = pair.value;
      if (node) best = node as Node;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (node) best = node as Node;
      else break;
    } else {
      break;
    }
  }
  const offset = best?.range?.[0];
  if (offset === undefined) return { file: source.file };
  const pos = source.lines.linePos(offset);
  return { file: source.file, line: pos.line, column: pos.col };
}
