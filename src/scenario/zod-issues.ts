/** Turns the first zod issue into the user's message: path, expected, found, "did you mean". */
import type { z } from 'zod';
import { childSchema, knownKeys, scenarioJsonSchema, type JsonSchema } from './json-schema.js';
import { formatPath, namedPath } from './merge.js';
import { messages, type Where } from './messages.js';
import type { UserError } from './errors.js';
import { closest } from './suggest.js';

export type Locator = (path: readonly (string | number)[], atKey?: boolean) => Where;

export function issueToError(issue: z.core.$ZodIssue, root: unknown, locate: Locator, rootSchema: JsonSchema = scenarioJsonSchema()): UserError {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const shown = formatPath(namedPath(root, path));
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      const keyPath = [...path, key];
      const schema = schemaAt(rootSchema, root, path);
      const known = schema ? knownKeys(schema, valueAt(root, path)) : [];
      const c = closest(key, known);
      return messages.unknownKey(locate(keyPath, true), formatPath(namedPath(root, keyPath)), key,
        c ? `did you mean "${c}"?` : known.length ? `known keys: ${known.join(', ')}` : undefined);
    }
    case 'invalid_type':
      if (input === undefined) return messages.missing(locate(path), shown, expectedType(issue.expected));
      return messages.wrongValue(locate(path), shown, expectedType(issue.expected), input);
    case 'too_big':
    case 'too_small': {
      const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
      const inclusive = issue.inclusive !== false;
      const sign = issue.code === 'too_big' ? (inclusive ? '≤' : '<') : (inclusive ? '≥' : '>');
      const what = issue.origin === 'array' ? 'a list with length' : issue.origin === 'string' ? 'text of length' : 'a number';
      return messages.wrongValue(locate(path), shown, `${what} ${sign} ${String(bound)}`, input);
    }
    case 'invalid_value':
      return messages.wrongValue(locate(path), shown, `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, input);
    case 'invalid_union': {
      const value = valueAt(root, path);
      const schema = schemaAt(rootSchema, root, path);
      const kinds = schema ? unionKinds(schema) : [];
      if (kinds.length && typeof value === 'object' && value !== null && 'kind' in value) {
        const kind = String((value as { kind: unknown }).kind);
        const c = closest(kind, kinds);
        return messages.wrongValue(locate([...path, 'kind']), `${shown}.kind`, `one of ${kinds.map((k) => JSON.stringify(k)).join(', ')}${c ? ` (did you mean "${c}"?)` : ''}`, kind);
      }
      // A union of simple shapes: report the branch errors of the closest branch if it is a mapping.
      const nested = (issue as { errors?: z.core.$ZodIssue[][] }).errors ?? [];
      const objectBranch = nested.find((errs) => errs.length > 0 && errs.every((e) => e.code !== 'invalid_type' || e.path.length > 0));
      if (objectBranch && typeof value === 'object' && value !== null) {
        const inner = objectBranch[0]!;
        return issueToError({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue, root, locate, rootSchema);
      }
      return messages.wrongValue(locate(path), shown, schema?.description ?? 'another kind of value', value);
    }
    case 'invalid_format':
    case 'custom':
    default:
      return messages.wrongValue(locate(path), shown, issue.message.replace(/^Invalid input: /, ''), input ?? valueAt(root, path));
  }
}

function expectedType(t: string): string {
  if (t === 'object') return 'a mapping';
  if (t === 'array') return 'a list';
  return `a ${t}`;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const p of path) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[p] : undefined;
  return node;
}

function schemaAt(rootSchema: JsonSchema, root: unknown, path: readonly (string | number)[]): JsonSchema | undefined {
  let schema: JsonSchema | undefined = rootSchema;
  let node = root;
  for (const p of path) {
    if (!schema) return undefined;
    schema = childSchema(schema, p, node);
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[p] : undefined;
  }
  return schema;
}

function unionKinds(schema: JsonSchema): string[] {
  const out: string[] = [];
  for (const b of schema.oneOf ?? schema.anyOf ?? []) {
    const k = b.properties?.kind?.const;
    if (typeof k === 'string') out.push(k);
  }
  return out;
}
