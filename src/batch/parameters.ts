/**
 * Free parameters of a scenario, as calibrations (parameters with priors) and
 * experiments (factors with ranges) name them: `--set` paths whose values vary
 * from run to run. `checkFreeParameter` refuses, before anything runs, a path the
 * scenario does not have, a parameter that is not a number, and values the
 * scenario would refuse; `scenarioWith` applies one vector of values in a run.
 * Each kind of file words its own messages (a prior, a factor's range).
 */
import { isUserError, type UserError } from '../messages/errors.js';
import { formatPath, isPlainObject, namedPath } from '../scenario/merge.js';
import { messages, type Where } from '../messages/scenario.js';
import { applyOverrides, type Override } from '../scenario/overrides.js';
import { scenarioSchema, type Scenario } from '../scenario/schema.js';
import { locate, type SourceFile } from '../scenario/source.js';
import { firstIssue, issueToError } from '../scenario/zod-issues.js';

/** Splits a --set path; list items by name or position, as `--set` does. */
export function parameterOverride(path: string, value: number): Override {
  return { argument: path, path: path.split('.').map((s) => s.trim()), raw: String(value) };
}

/** How a kind of file words what can go wrong with one of its free parameters. */
export interface FreeParameterMessages {
  unknownPath(where: Where, shown: string, parameter: string, scenarioFile: string, problem: string, hint?: string): UserError;
  notANumber(where: Where, shown: string, parameter: string, found: unknown): UserError;
  valueRefused(where: Where, shown: string, parameter: string, value: number, expected: string): UserError;
}

export interface FreeParameter {
  source: SourceFile;
  /** Path of the parameter's entry in its file, e.g. ['factors', 2]. */
  entry: (string | number)[];
  /** The field holding the values (e.g. 'prior', 'low', 'values'), where a refused value is reported. */
  valuesField: string;
  /** The --set path as written. */
  path: string;
  /** Values it will take that must all be accepted: its extremes and one inside that is not a whole number (so whole-number parameters are caught). */
  probes: readonly number[];
  scenario: Scenario;
  scenarioFile: string;
  messages: FreeParameterMessages;
  /** Further checks on the resolved path (e.g. interventions must have a label); throws a UserError. */
  checkResolved?: (resolved: readonly (string | number)[], at: Where, shown: string) => void;
}

/** Checks a free parameter against its scenario; returns its path, trimmed. */
export function checkFreeParameter(p: FreeParameter): string {
  const at = (...rest: (string | number)[]) => locate(p.source, [...p.entry, ...rest]);
  // Lists are shown by item name, as everywhere in Hotbed's messages: parameters.peer.prior.
  const shown = (...rest: (string | number)[]) => formatPath(namedPath(p.source.value, [...p.entry, ...rest]));
  const path = p.path.split('.').map((s) => s.trim()).join('.');
  if (path.split('.').some((s) => s === '')) throw messages.wrongValue(at('path'), shown('path'), 'a dotted path such as channels.peer.cascade.probability', p.path);

  let resolved: (string | number)[] | undefined;
  for (const x of p.probes) {
    let r: ReturnType<typeof applyOverrides>;
    try {
      r = applyOverrides(p.scenario as unknown as Record<string, unknown>, [parameterOverride(path, x)]);
    } catch (e) {
      if (!isUserError(e)) throw e;
      throw p.messages.unknownPath(at('path'), shown('path'), path, p.scenarioFile, e.details.problem.replace(/ in "[^"]*"$/, ''), e.details.hint);
    }
    const applied = r.value;
    if (resolved === undefined) {
      resolved = r.touched[0]!;
      p.checkResolved?.(resolved, at('path'), shown('path'));
    }
    const before = valueAt(p.scenario, resolved);
    if (typeof before !== 'number' && before !== undefined) throw p.messages.notANumber(at('path'), shown('path'), path, before);
    const check = scenarioSchema.safeParse(applied, { reportInput: true });
    if (!check.success) {
      const detail = issueToError(firstIssue(check.error.issues), applied, () => ({ file: p.scenarioFile }));
      throw p.messages.valueRefused(at(p.valuesField), shown(p.valuesField), path, x, detail.details.expected ?? detail.details.problem);
    }
    if (typeof valueAt(check.data, resolved) !== 'number') throw p.messages.notANumber(at('path'), shown('path'), path, valueAt(check.data, resolved));
  }
  return path;
}

/** The scenario with one vector of values applied and validated: what each run of a calibration or sweep simulates. */
export function scenarioWith(spec: { scenario: Scenario; parameterPaths: readonly string[] }, values: readonly number[]): Scenario {
  const overrides = spec.parameterPaths.map((path, k) => parameterOverride(path, values[k]!));
  const { value } = applyOverrides(spec.scenario as unknown as Record<string, unknown>, overrides);
  const parsed = scenarioSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`batch/parameters: values ${JSON.stringify(values)} give an invalid scenario at ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const p of path) node = isPlainObject(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[p] : undefined;
  return node;
}
