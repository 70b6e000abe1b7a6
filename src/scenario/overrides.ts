/**
 * `--set path.to.param=value`: command-line overrides, applied to the scenario
 * after `extends` and before validation. The path walks mappings by key and
 * lists by item name, an intervention's label, or position; the value is read as
 * the schema says the parameter is typed: strings stay text, anything else is
 * read as YAML (numbers, booleans, flow lists and mappings). `hotbed compare
 * --variant` changes go through the same parser, labelled with their variant.
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
  /** Where it was given, for messages: `--set` (when absent), or `--variant NAME`. */
  source?: string;
}

export function parseOverride(argument: string, source = '--set'): Override {
  const eq = argument.indexOf('=');
  if (eq <= 0) throw messages.setSyntax(argument, source);
  const path = argument.slice(0, eq).trim().split('.').map((s) => s.trim());
  if (path.some((s) => s === '')) throw messages.setSyntax(argument, source);
  return { argument, path, raw: argument.slice(eq + 1), source };
}

const suggestion = (word: string, candidates: string[]) => {
  const c = closest(word, candidates);
  return c === undefined ? undefined : `did you mean "${c}"?`;
};

/** Applies the overrides in order; returns the new value and the paths they touched (with list positions), with each one's source. */
export function applyOverrides(root: Record<string, unknown>, overrides: readonly Override[]): { value: Record<string, unknown>; touched: (string | number)[][]; sources: string[] } {
  const value = structuredClone(root);
  const touched: (string | number)[][] = [];
  for (const o of overrides) touched.push(applyOne(value, o));
  return { value, touched, sources: overrides.map((o) => o.source ?? '--set') };
}

/**
 * Where the value at `path` was last changed, if an override touched it or a mapping above it
 * (the last change of a path wins): `--set`, `--variant NAME`, the explorer's settings.
 */
export function changedBy(path: readonly (string | number)[], touched: readonly (readonly (string | number)[])[], sources: readonly string[]): string | undefined {
  const by = touched.findLastIndex((t) => t.length <= path.length && t.every((seg, i) => seg === path[i]));
  return by >= 0 ? sources[by] : undefined;
}

/** A list item addressed by name: its `name`, else (interventions have no name) its `label`. */
function itemNamed(list: unknown[], segment: string): number {
  const byName = list.findIndex((e) => isPlainObject(e) && e.name === segment);
  return byName >= 0 ? byName : list.findIndex((e) => isPlainObject(e) && e.name === undefined && e.label === segment);
}

const itemNames = (list: unknown[]) =>
  list.flatMap((e) => (isPlainObject(e) && typeof e.name === 'string' ? [e.name] : isPlainObject(e) && typeof e.label === 'string' ? [e.label] : []));

function applyOne(root: Record<string, unknown>, o: Override): (string | number)[] {
  let schema: JsonSchema | undefined = scenarioJsonSchema();
  let node: unknown = root;
  const resolved: (string | number)[] = [];
  for (let i = 0; i < o.path.length; i++) {
    const segment = o.path[i]!;
    const last = i === o.path.length - 1;
    const shownPath = o.path.slice(0, i + 1).join('.');
    if (Array.isArray(node)) {
      const byName = itemNamed(node, segment);
      const index = byName >= 0 ? byName : /^\d+$/.test(segment) ? Number(segment) : -1;
      if (index < 0 || index >= node.length) {
        throw messages.setUnknownName(o.argument, shownPath, segment, suggestion(segment, itemNames(node)), o.source);
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
    if (!isPlainObject(node)) throw messages.setUnknownPath(o.argument, shownPath, segment, undefined, o.source);
    const next: JsonSchema | undefined = segment === '__proto__' ? undefined : schema && childSchema(schema, segment, node);
    if (!next) throw messages.setUnknownPath(o.argument, shownPath, segment, suggestion(segment, schema ? knownKeys(schema, node) : []), o.source);
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
    throw messages.setWrongType(o.argument, path, describeTypes(types), o.raw, o.source);
  }
  if ((types.has('number') || types.has('integer')) && typeof value !== 'number' && !types.has('string') && !types.has('object')) {
    throw messages.setWrongType(o.argument, path, 'a number', o.raw, o.source);
  }
  if (types.has('boolean') && types.size === 1 && typeof value !== 'boolean') {
    throw messages.setWrongType(o.argument, path, 'true or false', o.raw, o.source);
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
