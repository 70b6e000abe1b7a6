/** Turns the first zod issue into the user's message: path, expected, found, "did you mean". */
import type { z } from 'zod';
import { branches, childSchema, knownKeys, scenarioJsonSchema, type JsonSchema } from './json-schema.js';
import { formatPath, namedPath } from './merge.js';
import { messages, type Where } from '../messages/scenario.js';
import type { UserError } from '../messages/errors.js';
import { closest } from './suggest.js';

export type Locator = (path: readonly (string | number)[], atKey?: boolean) => Where;

export function issueToError(issue: z.core.$ZodIssue, root: unknown, locate: Locator, rootSchema: JsonSchema = scenarioJsonSchema()): UserError {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const shown = formatPath(namedPath(root, path));
  const input = (issue as { input?: unknown }).input;
  const badTag = (at: (string | number)[], kinds: string[]) => {
    const tag = valueAt(root, at);
    const where = locate(at);
    const shownTag = formatPath(namedPath(root, at));
    if (tag === undefined) return messages.missing(where, shownTag, oneOf(kinds));
    const c = typeof tag === 'string' ? closest(tag, kinds) : undefined;
    return messages.wrongValue(where, shownTag, oneOf(kinds), tag, c && `did you mean "${c}"?`);
  };
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      const keyPath = [...path, key];
      const schema = schemaAt(rootSchema, root, path);
      const known = schema ? knownKeys(schema, valueAt(root, path)) : [];
      // Known in another branch of a union (`target: {region: A, country: B}`): the keys exclude each other.
      if (known.includes(key)) return messages.exclusiveKeys(locate(keyPath, true), shown, known);
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
    case 'invalid_value': {
      const c = typeof input === 'string' ? closest(input, issue.values.map(String)) : undefined;
      return messages.wrongValue(locate(path), shown, oneOf(issue.values), input, c && `did you mean "${c}"?`);
    }
    case 'invalid_union': {
      // A tagged union whose tag (`kind`) matches no branch: zod points at the tag and lists the tags.
      const tags = (issue as { options?: unknown[] }).options;
      const tagged = (issue as { discriminator?: string }).discriminator;
      if (tagged !== undefined && Array.isArray(tags) && path.at(-1) === tagged) return badTag(path, tags.map(String));
      const value = valueAt(root, path);
      const schema = schemaAt(rootSchema, root, path);
      const kinds = schema ? unionKinds(schema) : [];
      if (kinds.length && typeof value === 'object' && value !== null && 'kind' in value) return badTag([...path, 'kind'], kinds);
      // A union of simple shapes: if the value is a mapping, report the issues of the mapping branch it
      // comes closest to (fewest issues). Branches that reject it whole (a literal such as `world`, a
      // name) have an issue at their own root and are left out.
      const nested = (issue as { errors?: z.core.$ZodIssue[][] }).errors ?? [];
      const objectBranches = nested.filter((errs) => errs.length > 0 && errs.every((e) => e.path.length > 0 || e.code === 'unrecognized_keys'));
      if (objectBranches.length && typeof value === 'object' && value !== null) {
        const closestBranch = objectBranches.reduce((a, b) => (b.length < a.length ? b : a));
        const inner = firstIssue(closestBranch);
        return issueToError({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue, root, locate, rootSchema);
      }
      const literals = schema ? branches(schema).flatMap((b) => (typeof b.const === 'string' ? [b.const] : [])) : [];
      const c = typeof value === 'string' ? closest(value, literals) : undefined;
      return messages.wrongValue(locate(path), shown, schema ? describeShapes(schema) : 'another kind of value', value, c && `did you mean "${c}"?`);
    }
    case 'invalid_format':
    case 'custom':
    default:
      return messages.wrongValue(locate(path), shown, issue.message.replace(/^Invalid input: /, ''), input ?? valueAt(root, path));
  }
}

const oneOf = (values: readonly unknown[]) => `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;

/** What a union accepts, in words: `"world" or a mapping`, `text or a mapping`. */
function describeShapes(schema: JsonSchema): string {
  const words = new Set<string>();
  for (const b of branches(schema)) {
    if (b.const !== undefined) words.add(JSON.stringify(b.const));
    else if (b.enum) b.enum.forEach((e) => words.add(JSON.stringify(e)));
    else if (b.type === 'object') words.add('a mapping');
    else if (b.type === 'array') words.add('a list');
    else if (b.type === 'string') words.add('text');
    else if (b.type === 'number' || b.type === 'integer') words.add('a number');
    else if (b.type === 'boolean') words.add('true or false');
  }
  return words.size ? [...words].join(' or ') : 'another kind of value';
}

/**
 * The issue to report: the first, except that an unknown key is reported before a
 * missing key beside it, since the unknown key is usually the missing one misspelt.
 */
export function firstIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  const first = issues[0]!;
  if (first.code === 'invalid_type' && (first as { input?: unknown }).input === undefined && first.path.length > 0) {
    const parent = first.path.slice(0, -1);
    const unknown = issues.find((i) => i.code === 'unrecognized_keys' && i.path.length === parent.length && i.path.every((p, k) => p === parent[k]));
    if (unknown) return unknown;
  }
  return first;
}

function expectedType(t: string): string {
  if (t === 'object') return 'a mapping';
  if (t === 'int' || t === 'integer') return 'a whole number';
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

/** Mistakes listed besides the first, at most: a file with more has a deeper problem than typos. */
export const MAX_LISTED = 20;

/**
 * The error a file's schema check throws: the first mistake (as `firstIssue` picks it), with the
 * others found in the same pass attached (`UserError.others`), each once.
 */
export function schemaError(issues: readonly z.core.$ZodIssue[], root: unknown, locate: Locator, rootSchema?: JsonSchema): UserError {
  const first = issueToError(firstIssue(issues), root, locate, rootSchema);
  const seen = new Set([first.message]);
  const others: UserError[] = [];
  for (const issue of issues) {
    if (others.length >= MAX_LISTED) break;
    const e = issueToError(issue, root, locate, rootSchema);
    if (seen.has(e.message)) continue;
    seen.add(e.message);
    others.push(e);
  }
  first.others = others;
  return first;
}
