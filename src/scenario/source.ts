/**
 * A scenario file as read from disk: its plain value plus the parsed document,
 * kept so that any error can point at the line and column it comes from.
 * JSON files go through the same YAML parser (JSON is YAML 1.2), so they get
 * positions too. Only plain data comes out: YAML tags that would construct
 * objects are not enabled.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { messages, type Where } from './messages.js';

export interface SourceFile {
  /** The path as the user gave it (or as resolved from `extends`). */
  file: string;
  value: Record<string, unknown>;
  document: Document.Parsed;
  lines: LineCounter;
}

const MAX_BYTES = 64 * 2 ** 20;

export function readSource(file: string): SourceFile {
  const ext = extname(file).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(ext)) throw messages.notAScenarioFile(file);
  let text: string;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw messages.fileUnreadable(file, 'it is a folder');
    if (st.size > MAX_BYTES) throw messages.fileUnreadable(file, `larger than ${MAX_BYTES / 2 ** 20} MiB`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw messages.fileNotFound(file);
    if (e instanceof Error && e.name === 'UserError') throw e;
    throw messages.fileUnreadable(file, (e as Error).message);
  }
  return parseSource(file, text);
}

export function parseSource(file: string, text: string): SourceFile {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = document.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    throw messages.syntax({ file, line: pos?.line, column: pos?.col }, first.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, ''));
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw messages.syntax({ file }, (e as Error).message);
  }
  if (value === null || value === undefined) value = {};
  if (typeof value !== 'object' || Array.isArray(value)) throw messages.notAMapping({ file, line: 1, column: 1 }, value);
  return { file, value: value as Record<string, unknown>, document, lines };
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
