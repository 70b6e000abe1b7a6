/**
 * The JSON Schema of scenario files, generated from the zod schema. It is
 * written to scenarios/scenario.schema.json for editors, and walked here to type
 * `--set` values and to list the keys a mapping may hold.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.js';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  description?: string;
  [key: string]: unknown;
};

let cached: JsonSchema | undefined;

export function scenarioJsonSchema(): JsonSchema {
  cached ??= z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return cached;
}

/** A file kind's JSON Schema as written for editors: titled, with an id, pretty-printed. */
export function renderFileSchema(schema: JsonSchema, title: string, id: string): string {
  return `${JSON.stringify({ ...schema, title, $id: id }, null, 2)}\n`;
}

/**
 * The scenario schema as editors get it. A file that `extends` another holds only what it
 * changes (lists of places merge by name), so it is checked against a partial copy: the
 * same keys, types and ranges, and no key required but the `name` of a listed item and
 * the `kind` of a tagged one. A file without `extends` must be complete. The loader checks
 * the merged scenario in full either way.
 */
export function renderJsonSchema(): string {
  const { $schema, ...full } = scenarioJsonSchema();
  const schema: JsonSchema = {
    ...($schema !== undefined ? { $schema } : {}),
    description: 'A Hotbed scenario: complete, or (with `extends`) only what it changes in the file it extends.',
    if: { required: ['extends'] },
    then: partialSchema(full),
    else: full,
  };
  return renderFileSchema(schema, 'Hotbed scenario', 'scenario.schema.json');
}

/**
 * The schema with nothing required but a listed place's `name`, at any depth, and any of a
 * tagged union's branches allowed (an intervention changed by label need not repeat its kind).
 */
function partialSchema(schema: unknown): JsonSchema {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (x === null || typeof x !== 'object') return x;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      if (k === 'required' && Array.isArray(v)) {
        const kept = v.filter((r) => r === 'name');
        if (kept.length) out[k] = kept;
      } else {
        out[k === 'oneOf' ? 'anyOf' : k] = strip(v);
      }
    }
    return out;
  };
  return strip(schema) as JsonSchema;
}

/** The branches a schema may take; one for plain schemas. */
export function branches(schema: JsonSchema): JsonSchema[] {
  const alternatives = schema.oneOf ?? schema.anyOf;
  return alternatives ? alternatives.flatMap(branches) : [schema];
}

/** The branch that fits `value` best: for tagged unions, the one whose `kind` matches. */
export function pickBranch(schema: JsonSchema, value: unknown): JsonSchema[] {
  const all = branches(schema);
  if (all.length === 1) return all;
  const kind = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).kind : undefined;
  if (kind !== undefined) {
    const tagged = all.filter((b) => b.properties?.kind?.const === kind);
    if (tagged.length) return tagged;
  }
  return all;
}

/** Keys a mapping may hold (for "did you mean"). */
export function knownKeys(schema: JsonSchema, value: unknown): string[] {
  return [...new Set(pickBranch(schema, value).flatMap((b) => Object.keys(b.properties ?? {})))];
}

/** The schema of `key` inside a mapping (or of items of a list), if any branch allows it. */
export function childSchema(schema: JsonSchema, key: string | number, value: unknown): JsonSchema | undefined {
  const found: JsonSchema[] = [];
  for (const b of pickBranch(schema, value)) {
    if (typeof key === 'number' || b.type === 'array') {
      if (b.items) found.push(b.items);
    } else if (b.properties && Object.hasOwn(b.properties, key)) {
      found.push(b.properties[key]!); // an own key, just checked
    } else if (typeof b.additionalProperties === 'object') {
      found.push(b.additionalProperties);
    }
  }
  if (found.length === 0) return undefined;
  return found.length === 1 ? found[0] : { anyOf: found };
}

/** The scalar types a schema accepts. */
export function scalarTypes(schema: JsonSchema): Set<string> {
  const types = new Set<string>();
  for (const b of branches(schema)) {
    if (b.const !== undefined) types.add(typeof b.const);
    if (b.enum) for (const e of b.enum) types.add(typeof e);
    const t = b.type;
    if (Array.isArray(t)) t.forEach((x) => types.add(x));
    else if (t) types.add(t);
  }
  return types;
}
