/**
 * Loading a scenario: read the file and the files it extends, merge them, apply
 * `--set` overrides, validate against the schema, check cross-field rules.
 * Every failure is a UserError that names the file, line, path, expected and found.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { canonicalJson } from './canonical-json.js';
import { mergeScenario, translatePath } from './merge.js';
import { UserError } from '../messages/errors.js';
import { messages } from '../messages/scenario.js';
import { applyOverrides, changedBy, parseOverride } from './overrides.js';
import type { Scenario } from './schema.js';
import { locate, readSource, type SourceFile } from './source.js';
import { validateScenario } from './validate.js';
import type { Locator } from './zod-issues.js';

export interface LoadOptions {
  /** `path.to.param=value` strings, applied in order. */
  set?: readonly string[];
  /** A named variant of the file (`hotbed compare --variant`): its changes are applied after `set`, and messages name it. */
  variant?: Variant;
}

/** A scenario file with a few `--set`-style changes, under a name of its own (scenario/variants.ts reads them). */
export interface Variant {
  name: string;
  /** `path=value` strings, applied in order. */
  changes: string[];
}

export interface LoadedScenario {
  scenario: Scenario;
  /** The file given, then the files it extends, nearest first. */
  files: string[];
  /** sha256 of the resolved scenario (canonical JSON): the same for the same world and parameters. */
  hash: string;
  /** Targets file resolved against the file that names it: the first of `targetsFiles`. */
  targetsFile?: string;
  /** Every targets file the scenario names, in its order, each resolved against the file that names it. */
  targetsFiles: string[];
  /** Set when this is a variant of the file: its name and changes. */
  variant?: Variant;
}

const MAX_EXTENDS = 16;

export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  const sources = readChain(file);
  const raw = mergeChain(sources);

  const variant = options.variant;
  const overrides = [
    ...(options.set ?? []).map((a) => parseOverride(a)),
    ...(variant ? variant.changes.map((a) => parseOverride(a, messages.variantSource(variant.name))) : []),
  ];
  const { value, touched, sources: touchedBy } = applyOverrides(raw, overrides);
  const locator = makeLocator(value, sources, touched, touchedBy);

  const scenario = validateScenario(value, locator);

  const targetsFiles = resolveTargetsFiles(scenario.targets, sources, touched);
  const loaded: LoadedScenario = { scenario, files: sources.map((s) => s.file), hash: hashScenario(scenario), targetsFile: targetsFiles[0], targetsFiles };
  if (variant) loaded.variant = { name: variant.name, changes: [...variant.changes] };
  return loaded;
}

/** The file merged with the files it extends, before any change and before validation: what the browser explorer starts from. */
export function readMergedScenario(file: string): Record<string, unknown> {
  return mergeChain(readChain(file));
}

function mergeChain(sources: readonly SourceFile[]): Record<string, unknown> {
  let merged: unknown = {};
  for (const s of [...sources].reverse()) merged = mergeScenario(merged, s.value);
  const raw = merged as Record<string, unknown>;
  delete raw.extends;
  return raw;
}

/**
 * The targets files, resolved against the nearest file that names them; a `--set` of
 * `targets` names them from the working directory (it belongs to no file).
 */
function resolveTargetsFiles(targets: Scenario['targets'], sources: SourceFile[], touched: readonly (readonly (string | number)[])[]): string[] {
  if (targets === undefined) return [];
  const files = typeof targets === 'string' ? [targets] : targets;
  const owner = sources.find((s) => s.value.targets !== undefined);
  const base = owner && !touched.some((t) => t[0] === 'targets') ? dirname(owner.file) : undefined;
  return files.map((f) => (base !== undefined ? resolve(base, f) : resolve(f)));
}

export function hashScenario(scenario: Scenario): string {
  return createHash('sha256').update(canonicalJson(scenario)).digest('hex');
}


function readChain(file: string): SourceFile[] {
  const chain: SourceFile[] = [];
  const seen: string[] = [];
  let current = file;
  for (;;) {
    const child = chain.at(-1);
    let source: SourceFile;
    try {
      source = readSource(current);
    } catch (e) {
      // A missing parent is the child's mistake: point at its `extends` line.
      if (child && e instanceof UserError && e.details.problem === 'file not found') {
        throw messages.wrongValue(locate(child, ['extends']), 'extends', 'the path of an existing scenario file', child.value.extends);
      }
      throw e;
    }
    const real = realpathSync(current);
    if (seen.includes(real)) throw messages.extendsCycle(locate(child!, ['extends']), [...chain.map((c) => c.file), current]);
    seen.push(real);
    chain.push(source);
    const parent = source.value.extends;
    if (parent === undefined) return chain;
    if (typeof parent !== 'string' || parent === '') {
      throw messages.wrongValue(locate(source, ['extends']), 'extends', 'the path of another scenario file', parent);
    }
    if (chain.length > MAX_EXTENDS) throw messages.extendsTooDeep(locate(source, ['extends']), MAX_EXTENDS);
    current = displayPath(isAbsolute(parent) ? parent : resolve(dirname(current), parent));
  }
}

const displayPath = (p: string) => {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
};

/** `touchedBy[i]` is where `touched[i]` was changed (`--set` or `--variant NAME`); the last change of a path wins, as it did. */
function makeLocator(merged: unknown, sources: SourceFile[], touched: (string | number)[][], touchedBy: string[]): Locator {
  return (path, atKey = false) => {
    const by = changedBy(path, touched, touchedBy);
    if (by !== undefined) return { file: by };
    for (const source of sources) {
      const p = translatePath(merged, path, source.value);
      if (p && p.length === path.length) return locate(source, p, atKey);
    }
    // Not written anywhere (a default, or a missing key): point at the nearest enclosing place in the main file.
    for (let n = path.length - 1; n >= 0; n--) {
      for (const source of sources) {
        const p = translatePath(merged, path.slice(0, n), source.value);
        if (p && p.length === n) return locate(source, p);
      }
    }
    return { file: sources[0]!.file };
  };
}
