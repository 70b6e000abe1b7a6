/**
 * Fuzzing the loader: whatever the text of a scenario file or of a --set argument,
 * loading either gives a scenario or throws a UserError (one line, naming a file).
 * Anything else thrown is a crash and fails the property. Fixed seeds keep CI reproducible.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../src/messages/errors.js';
import { scenarioJsonSchema, type JsonSchema } from '../../src/scenario/json-schema.js';
import { loadScenario, type LoadedScenario } from '../../src/scenario/load.js';
import { planWorld } from '../../src/world/plan.js';
import { cleanup, FULL, MINIMAL, tempDir, writeFixture, yaml } from './fixtures.js';

afterAll(cleanup);

const dir = tempDir('hotbed-fuzz-');
writeFixture(dir, 'parent.yaml', FULL); // what CHILD extends
const full = writeFixture(dir, 'full.yaml', FULL);
const CHILD = yaml(
  'extends: parent.yaml',
  'seed: 3',
  'places:',
  '  regions:',
  '    - name: Maghreb',
  '      countries:',
  '        - name: Tunisia',
  '          population: 4000',
  '          communities:',
  '            - name: Bizerte',
  '              stock: { abroad: 20 }',
  'interventions: []',
);

/** Fixed seed for CI; FUZZ_SEED and FUZZ_SCALE (a multiplier of runs) explore further by hand. */
const runs = (numRuns: number) => ({ seed: Number(process.env.FUZZ_SEED ?? 42), numRuns: Math.round(numRuns * Number(process.env.FUZZ_SCALE ?? 1)) });

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();

/**
 * Runs `load`; true when it returns or throws a clean UserError. Anything else
 * propagates and fails the property with its stack.
 */
function loadsOrRefuses(load: () => LoadedScenario): boolean {
  try {
    const { scenario } = load();
    // A scenario that loads is one the rest of Hotbed can use: its world plans to finite sizes.
    const plan = planWorld(scenario);
    expect(Number.isFinite(plan.agentCount) && Number.isFinite(plan.expectedTies), 'a loaded scenario plans to a finite world').toBe(true);
  } catch (e) {
    if (!isUserError(e)) throw e;
    expect(e.message, 'a user message is one line').not.toMatch(/[\n\r]/);
    expect(e.details.file, 'a user message names a file (or --set)').toBeTruthy();
  }
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(), 'Object.prototype is untouched').toBe(prototypeKeys);
  return true;
}

let counter = 0;
/** A file of its own for each run, so that a failing run can be replayed from its name. */
const loadText = (text: string, ext: 'yaml' | 'json' = 'yaml') => {
  const file = join(dir, `fuzz-${++counter}.${ext}`);
  writeFileSync(file, text);
  return loadsOrRefuses(() => loadScenario(file));
};

/** Every key name and every constant the real schema knows, so that random values reach deep. */
function schemaVocabulary(schema: JsonSchema): { keys: string[]; constants: unknown[] } {
  const keys = new Set<string>();
  const constants = new Set<unknown>();
  const todo: JsonSchema[] = [schema];
  const seen = new Set<JsonSchema>();
  while (todo.length) {
    const s = todo.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    for (const [k, v] of Object.entries(s.properties ?? {})) {
      keys.add(k);
      todo.push(v);
    }
    if (s.items) todo.push(s.items);
    if (typeof s.additionalProperties === 'object') todo.push(s.additionalProperties);
    for (const b of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) todo.push(b);
    if (s.const !== undefined) constants.add(s.const);
    for (const e of s.enum ?? []) constants.add(e);
  }
  return { keys: [...keys].sort(), constants: [...constants] };
}

const vocabulary = schemaVocabulary(scenarioJsonSchema());
const names = ['Maghreb', 'Tunisia', 'Bizerte', 'Ben Gardane', 'Morocco', 'Western Europe', 'Belgium', 'Molenbeek', 'default', 'town'];
const oddKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', '0', 'a\nb'];
const schemaKey = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...vocabulary.keys) },
  { weight: 2, arbitrary: fc.constantFrom(...names, ...oddKeys) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const leaf = fc.oneof(
  fc.constantFrom(...vocabulary.constants, ...names, ...oddKeys, '2014-06-01', '2014-07-01', '2015-12-01', '2014-02-30', 'parent.yaml', 'full.yaml', 'nothere.yaml'),
  fc.double(),
  fc.integer({ min: -10, max: 1e10 }),
  fc.constantFrom(0, 0.5, 1, -1, 1e9, 1e12, 2 ** 53, Number.MAX_VALUE),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
);
const anyValue = fc.anything({ key: schemaKey, values: [leaf], maxDepth: 5, maxKeys: 5 });
const scenarioLike = fc.dictionary(schemaKey, anyValue, { maxKeys: 8 });

const yamlChars = [':', '-', ' ', '  ', '\n', '[', ']', '{', '}', ',', '#', '&a', '*a', '!!', '!', '|', '>', "'", '"', '?', '%', '@', '`', '\t', '0', '1', '.', 'e', '~', 'null', '<<'];
const yamlish = fc.string({ unit: fc.constantFrom(...yamlChars), maxLength: 60 });

type Mutation =
  | { op: 'delete' | 'duplicate' | 'indent'; line: number; by: number }
  | { op: 'replace' | 'swap'; line: number; from: number }
  | { op: 'flip' | 'insert'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const, 'indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constantFrom('replace' as const, 'swap' as const), line: fc.nat(), from: fc.nat() }),
  fc.record({ op: fc.constantFrom('flip' as const, 'insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...yamlChars), fc.string({ maxLength: 4 })) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    if (lines.length === 0) lines = [''];
    if ('text' in m) {
      const joined = lines.join('\n');
      const at = m.at % (joined.length + 1);
      lines = (m.op === 'flip' ? joined.slice(0, at) + m.text + joined.slice(at + 1) : joined.slice(0, at) + m.text + joined.slice(at)).split('\n');
    } else if ('from' in m) {
      const i = m.line % lines.length;
      const j = m.from % lines.length;
      if (m.op === 'replace') lines[i] = lines[j]!;
      else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    } else {
      const i = m.line % lines.length;
      if (m.op === 'delete') lines.splice(i, 1);
      else if (m.op === 'duplicate') lines.splice(i, 0, lines[i]!);
      else lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.slice(-m.by);
    }
  }
  return lines.join('\n');
}

/** Paths to every node of a value, for structure-aware mutation. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const p of path) node = (node as Record<string | number, unknown>)[p];
  return node;
}

/** A path with list positions replaced by item names, as --set takes it. */
function namedSegments(root: unknown, path: readonly (string | number)[]): string[] {
  const out: string[] = [];
  let node = root;
  for (const p of path) {
    node = (node as Record<string | number, unknown>)[p];
    const name = node !== null && typeof node === 'object' ? (node as { name?: unknown }).name : undefined;
    out.push(typeof p === 'number' && typeof name === 'string' ? name : String(p));
  }
  return out;
}

function setAt(root: unknown, path: readonly (string | number)[], value: unknown, remove: boolean): unknown {
  if (path.length === 0) return remove ? {} : value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (remove) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else {
    Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

const FULL_VALUE = parseYaml(FULL) as unknown;
const FULL_PATHS = pathsOf(FULL_VALUE);
const structural = fc.array(fc.record({
  path: fc.nat(),
  value: fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 1, arbitrary: anyValue }),
  remove: fc.boolean(),
}), { minLength: 1, maxLength: 4 });

const serialize = (value: unknown, as: 'yaml' | 'json'): string | undefined => {
  try {
    return as === 'json' ? JSON.stringify(value) : stringify(value);
  } catch {
    return undefined;
  }
};

describe('fuzzing the scenario loader', { timeout: 60_000 }, () => {
  it('arbitrary text, as YAML or JSON, loads or is refused cleanly', () => {
    fc.assert(fc.property(
      fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), yamlish),
      fc.constantFrom('yaml' as const, 'json' as const),
      (text, ext) => loadText(text, ext),
    ), runs(200));
  });

  it('arbitrary JSON text loads or is refused cleanly', () => {
    fc.assert(fc.property(fc.json({ maxDepth: 4 }), fc.boolean(), (text, asYaml) => loadText(text, asYaml ? 'yaml' : 'json')), runs(100));
  });

  it('valid files with lines deleted, duplicated, swapped, re-indented or characters changed load or are refused cleanly', () => {
    fc.assert(fc.property(
      fc.constantFrom(FULL, MINIMAL, CHILD),
      fc.array(mutation, { minLength: 1, maxLength: 5 }),
      (text, mutations) => loadText(mutate(text, mutations)),
    ), runs(400));
  });

  it('arbitrary values with the schema\'s keys, written as YAML or JSON, load or are refused cleanly', () => {
    fc.assert(fc.property(scenarioLike, fc.constantFrom('yaml' as const, 'json' as const), (value, as) => {
      const text = serialize(value, as);
      return text === undefined || loadText(text, as);
    }), runs(200));
  });

  it('a valid scenario with random parts replaced or removed loads or is refused cleanly', () => {
    fc.assert(fc.property(structural, fc.constantFrom('yaml' as const, 'json' as const), (changes, as) => {
      let value = FULL_VALUE;
      for (const c of changes) {
        const paths = pathsOf(value);
        value = setAt(value, paths[c.path % paths.length]!, c.value, c.remove);
      }
      const text = serialize(value, as);
      return text === undefined || loadText(text, as);
    }), runs(250));
    expect(FULL_PATHS.length).toBeGreaterThan(50);
  });

  it('a valid scenario with names and other text swapped for other names loads or is refused cleanly', () => {
    const textPaths = FULL_PATHS.filter((p) => typeof valueAt(FULL_VALUE, p) === 'string');
    const word = fc.constantFrom(...names, ...oddKeys, ...vocabulary.constants.filter((c): c is string => typeof c === 'string'));
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), word), { minLength: 1, maxLength: 3 }), (swaps) => {
      let value = FULL_VALUE;
      for (const [i, w] of swaps) value = setAt(value, textPaths[i % textPaths.length]!, w, false);
      return loadText(stringify(value));
    }), runs(200));
  });
});

describe('fuzzing --set', { timeout: 60_000 }, () => {
  const segment = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...vocabulary.keys) },
    { weight: 3, arbitrary: fc.constantFrom(...names, '0', '1', '2', '5', '-1', '1e3') },
    { weight: 1, arbitrary: fc.constantFrom(...oddKeys) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );
  const rawValue = fc.oneof(
    fc.constantFrom('', 'true', 'false', 'null', '~', '0', '0.5', '-1', '1e400', '.nan', '.inf', '0x10', '[1, 2]', '[world, region]', '{a: 1}', '{kind: town}',
      '&a [*a]', '*x', '!!binary aGVsbG8=', '!!js/function f', '[', '{', '"', "'", '2014-07-01', 'cascade', 'town', 'Tunisia', 'a: b', '- x', 'x\ny'),
    fc.string({ maxLength: 12 }),
    fc.json({ maxDepth: 2 }),
  );
  const realPrefix = fc.tuple(fc.nat(), fc.nat()).map(([i, cut]) => {
    const path = namedSegments(FULL_VALUE, FULL_PATHS[i % FULL_PATHS.length]!);
    return path.slice(0, cut % (path.length + 1));
  });
  const path = fc.oneof(
    fc.array(segment, { minLength: 1, maxLength: 7 }),
    fc.tuple(realPrefix, fc.array(segment, { maxLength: 2 })).map(([a, b]) => [...a, ...b]).filter((p) => p.length > 0),
  );
  const structured = fc.tuple(path, fc.oneof({ weight: 8, arbitrary: fc.constant('=') }, { weight: 1, arbitrary: fc.constantFrom('==', '', ' = ') }), rawValue)
    .map(([path, eq, value]) => `${path.join('.')}${eq}${value}`);
  const argument = fc.oneof({ weight: 4, arbitrary: structured }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) });

  it('random --set arguments against a valid scenario load or are refused cleanly', () => {
    fc.assert(fc.property(fc.array(argument, { minLength: 1, maxLength: 3 }), fc.constantFrom(full, join(dir, 'child.yaml')), (set, file) => {
      writeFileSync(join(dir, 'child.yaml'), CHILD);
      return loadsOrRefuses(() => loadScenario(file, { set }));
    }), runs(400));
  });

  it('--set through constructor, __proto__ and the like, under every mapping and list of a scenario, reaches no prototype', () => {
    const containers = FULL_PATHS.filter((p) => { const v = valueAt(FULL_VALUE, p); return v !== null && typeof v === 'object'; });
    const named = containers.map((p) => namedSegments(FULL_VALUE, p));
    for (const prefix of [...named, ['networks', 'town'], ['channels', 'peer']]) {
      for (const odd of ['__proto__', 'constructor', 'prototype', 'toString']) {
        const path = [...prefix, odd].join('.');
        for (const set of [[`${path}=1`], [`${path}.kind=town`], [`${path}.polluted=1`]]) loadsOrRefuses(() => loadScenario(full, { set }));
      }
    }
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });

  it('the scenario file is left as it was by --set', () => {
    const before = loadScenario(full).hash;
    loadsOrRefuses(() => loadScenario(full, { set: ['seed=99', 'places.regions.Maghreb.countries.Tunisia.population=1'] }));
    expect(loadScenario(full).hash).toBe(before);
  });
});
