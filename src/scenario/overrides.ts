/**
 * `--set path.to.param=value`: command-line overrides, applied to the scenario
 * after `extends` and before validation. The path walks mappings by key and
 * lists by item name (or position); the value is read as the schema says the
 * parameter is typed: strings stay text, anything else is read as YAML
 * (numbers, booleans, flow lists and mappings).
 */
import { parse as parseYaml } from 'yaml';
import { childSchema, knownKeys, scalarTypes, scenarioJsonSchema, type JsonSchema } from './json-schema.js';
import { isPlainObject, setOwn } from './merge.js';
import { messages } from '../messages/scenario.js';
import { closest } from './suggest.js';

export interface Override {
  /** The argument as typed, for messages. */
  argument: string;
  path: string[];
  raw: string;
}

export function parseOverride(argument: string): Override {
  const eq = argument.indexOf('=');
  if (eq <= 0) throw messages.setSyntax(argument);
  const path = argument.slice(0, eq).trim().split('.').map((s) => s.trim());
  if (path.some((s) => s === '')) throw messages.setSyntax(argument);
  return { argument, path, raw: argument.slice(eq + 1) };
}

const suggestion = (word: string, candidates: string[]) => {
  const c = closest(word, candidates);
  return c === undefined ? undefined : `did you mean "${c}"?`;
};

/** Applies the overrides in order; returns the new value and the list paths they touched. */
export function applyOverrides(root: Record<string, unknown>, overrides: readonly Override[]): { value: Record<string, unknown>; touched: (string | number)[][] } {
  const value = structuredClone(root);
  const touched: (string | number)[][] = [];
  for (const o of overrides) touched.push(applyOne(value, o));
  return { value, touched };
}

function applyOne(root: Record<string, unknown>, o: Override): (string | number)[] {
  let schema: JsonSchema | undefined = scenarioJsonSchema();
  let node: unknown = root;
  const resolved: (string | number)[] = [];
  for (let i = 0; i < o.path.length; i++) {
    const segment = o.path[i]!;
    const last = i === o.path.length - 1;
    const shownPath = o.path.slice(0, i + 1).join('.');
    if (Array.isArray(node)) {
      const byName = node.findIndex((e) => isPlainObject(e) && e.name === segment);
      const index = byName >= 0 ? byName : /^\d+$/.test(segment) ? Number(segment) : -1;
      if (index < 0 || index >= node.length) {
        const names = node.flatMap((e) => (isPlainObject(e) && typeof e.name === 'string' ? [e.name] : []));
        throw messages.setUnknownName(o.argument, shownPath, segment, suggestion(segment, names));
      }
      schema = schema && childSchema(schema, index, node[index]);
      resolved.push(index);
      if (last) {
        node[index] = readValue(o, shownPath, schema);
        return resolved;
      }
      node = node[index];
      continue;
    }
    if (!isPlainObject(node)) throw messages.setUnknownPath(o.argument, shownPath, segment);
    const next: JsonSchema | undefined = segment === '__proto__' ? undefined : schema && childSchema(schema, segment, node);
    if (!next) throw messages.setUnknownPath(o.argument, shownPath, segment, suggestion(segment, schema ? knownKeys(schema, node) : []));
    schema = next;
    resolved.push(segment);
    if (last) {
      setOwn(node, segment, readValue(o, shownPath, schema));
      return resolved;
    }
    // Own keys only: `constructor` or `__proto__` must not walk into Object.prototype.
    // A mapping or list the file leaves out starts from its default (e.g. `networks` keeps its `default` recipe).
    if (!Object.hasOwn(node, segment) || node[segment] === undefined) setOwn(node, segment, emptyValue(schema));
    node = node[segment];
  }
  return resolved;
}

function emptyValue(schema: JsonSchema): unknown {
  const d = schema.default;
  if (isPlainObject(d) || Array.isArray(d)) return structuredClone(d);
  return scalarTypes(schema).has('array') ? [] : {};
}

function readValue(o: Override, path: string, schema: JsonSchema | undefined): unknown {
  const types = schema ? scalarTypes(schema) : new Set<string>();
  const onlyText = types.size > 0 && [...types].every((t) => t === 'string');
  if (onlyText) return o.raw;
  let value: unknown;
  try {
    value = readYaml(o.raw);
  } catch {
    throw messages.setWrongType(o.argument, path, describeTypes(types), o.raw);
  }
  if ((types.has('number') || types.has('integer')) && typeof value !== 'number' && !types.has('string') && !types.has('object')) {
    throw messages.setWrongType(o.argument, path, 'a number', o.raw);
  }
  if (types.has('boolean') && types.size === 1 && typeof value !== 'boolean') {
    throw messages.setWrongType(o.argument, path, 'true or false', o.raw);
  }
  if (value === null && types.has('string')) return o.raw;
  return value;
}

/**
 * Decimal numbers as JavaScript writes them (String(x) of a finite x). YAML reads
 * these as the same number Number() does, so they skip the YAML parser: a
 * calibration applies its parameters this way in every simulation, and the
 * parser was a good part of the per-simulation setup (and of the V8 compiling).
 */
const PLAIN_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:e[-+][0-9]+)?$/;

function readYaml(raw: string): unknown {
  return PLAIN_NUMBER.test(raw) ? Number(raw) : parseYaml(raw);
}

function describeTypes(types: Set<string>): string {
  return types.size ? [...types].join(' or ') : 'a value';
}
