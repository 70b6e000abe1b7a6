/**
 * Every message a user can get about a scenario or a command line, as a named
 * builder. Code throws these; tests compare against them, so wording lives here once.
 */
import { UserError } from './errors.js';

export interface Where {
  file: string;
  line?: number;
  column?: number;
}

const describe = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' && Number.isNaN(value)) return 'something that is not a number';
  return String(value);
};

export const messages = {
  describe,

  fileNotFound: (file: string) =>
    new UserError({ file, problem: 'file not found' }),

  fileUnreadable: (file: string, reason: string) =>
    new UserError({ file, problem: `cannot read the file (${reason})` }),

  notAScenarioFile: (file: string) =>
    new UserError({ file, problem: 'not a scenario file', expected: 'a .yaml, .yml or .json file', found: extensionOf(file) || 'no extension' }),

  syntax: (where: Where, reason: string) =>
    new UserError({ ...where, problem: `syntax error: ${reason}` }),

  notAMapping: (where: Where, found: unknown) =>
    new UserError({ ...where, problem: 'the file must hold a mapping of keys to values', expected: 'a mapping', found: describe(found) }),

  extendsCycle: (where: Where, chain: string[]) =>
    new UserError({ ...where, path: 'extends', problem: `extends goes round in a circle: ${chain.join(' → ')}` }),

  extendsTooDeep: (where: Where, depth: number) =>
    new UserError({ ...where, path: 'extends', problem: `extends is nested more than ${depth} files deep` }),

  unknownKey: (where: Where, path: string, key: string, suggestion?: string) =>
    new UserError({ ...where, path, problem: `unknown key "${key}"`, hint: suggestion }),

  reservedKey: (where: Where, path: string, key: string) =>
    new UserError({ ...where, path, problem: `"${key}" cannot be used as a key` }),

  exclusiveKeys: (where: Where, path: string, keys: readonly string[]) =>
    new UserError({ ...where, path, problem: `give only one of ${keys.join(', ')}` }),

  wrongValue: (where: Where, path: string, expected: string, found: unknown, hint?: string) =>
    new UserError({ ...where, path, problem: 'wrong value', expected, found: describe(found), hint }),

  missing: (where: Where, path: string, expected: string) =>
    new UserError({ ...where, path, problem: 'missing', expected, found: 'nothing' }),

  unknownPlace: (where: Where, path: string, level: string, name: string, suggestion?: string) =>
    new UserError({ ...where, path, problem: `no ${level} named "${name}"`, hint: suggestion }),

  duplicateName: (where: Where, path: string, level: string, name: string) =>
    new UserError({ ...where, path, problem: `two ${plural(level)} are named "${name}"`, expected: 'unique names' }),

  endBeforeStart: (where: Where, start: string, end: string) =>
    new UserError({ ...where, path: 'dates.end', problem: 'the end date is not after the start date', expected: `a date after ${start}`, found: end }),

  runTooLong: (where: Where, start: string, end: string, years: number) =>
    new UserError({ ...where, path: 'dates.end', problem: `the run is longer than ${years} years`, expected: `a date up to ${years} years after ${start}`, found: end }),

  dateOutsideRun: (where: Where, path: string, date: string, start: string, end: string) =>
    new UserError({ ...where, path, problem: 'date outside the run', expected: `a date from ${start} to ${end}`, found: date }),

  interventionEndsBeforeStart: (where: Where, path: string, start: string, end: string) =>
    new UserError({ ...where, path, problem: 'the intervention ends before it starts', expected: `an end on or after ${start}`, found: end }),

  countryWithoutPeople: (where: Where, path: string, country: string) =>
    new UserError({ ...where, path, problem: `country "${country}" has no population and no communities`, expected: 'a population or at least one community' }),

  stockOverCountry: (where: Where, path: string, country: string, named: number, total: number) =>
    new UserError({ ...where, path, problem: `the communities of ${country} hold more initial stock than the country`, expected: `at most ${total} people in all`, found: `${named}` }),

  stockOverPopulation: (where: Where, path: string, place: string, stock: number, population: number) =>
    new UserError({ ...where, path, problem: `initial stock of ${place} exceeds its population`, expected: `at most ${population} people`, found: `${stock}` }),

  perAgentThresholdRule: (where: Where, path: string, rule: string) =>
    new UserError({ ...where, path, problem: `per-agent thresholds with the ${rule} rule, which has no threshold`, expected: 'channels.peer.rule threshold or fractional', found: rule }),

  perAgentListLength: (where: Where, path: string, agents: number, found: number) =>
    new UserError({ ...where, path, problem: 'the list does not hold one value per agent', expected: `${agents} values (the world's agents at its scale)`, found: `${found}` }),

  uniformBounds: (where: Where, path: string, min: number, max: number) =>
    new UserError({ ...where, path, problem: 'the uniform distribution\'s max is below its min', expected: `a max of at least ${min}`, found: `${max}` }),

  unknownNetwork: (where: Where, path: string, name: string, suggestion?: string) =>
    new UserError({ ...where, path, problem: `no network recipe named "${name}" under networks`, hint: suggestion }),

  // `source` is where the change was given: `--set`, or `--variant NAME` (variantSource).
  setSyntax: (argument: string, source = '--set') =>
    new UserError({ file: source, problem: `cannot read "${argument}"`, expected: 'path.to.param=value', found: JSON.stringify(argument) }),

  setUnknownPath: (argument: string, path: string, segment: string, suggestion?: string, source = '--set') =>
    new UserError({ file: source, path, problem: `unknown parameter "${segment}" in "${argument}"`, hint: suggestion }),

  setUnknownName: (argument: string, path: string, name: string, suggestion?: string, source = '--set') =>
    new UserError({ file: source, path, problem: `nothing named "${name}" in "${argument}"`, hint: suggestion }),

  setWrongType: (argument: string, path: string, expected: string, found: string, source = '--set') =>
    new UserError({ file: source, path, problem: 'wrong value', expected, found: JSON.stringify(found) }),

  // ---- `hotbed compare --variant name:path=value,path=value` ----

  /** How a variant's changes are labelled in messages (as `--set` labels a plain override). */
  variantSource: (name: string) => `--variant ${name}`,

  variantSyntax: (argument: string) =>
    new UserError({ file: '--variant', problem: `cannot read "${argument}"`, expected: 'name:path=value,path=value', found: JSON.stringify(argument), hint: 'e.g. --variant threshold2:channels.peer.rule=threshold,channels.peer.threshold.ties=2' }),

  variantBadName: (argument: string, name: string) =>
    new UserError({ file: '--variant', problem: `cannot use "${name}" as the name of a variant in "${argument}"`, expected: 'a name of at most 60 letters, digits, ".", "_", "+" or "-", starting with a letter or digit', found: describe(name) }),

  variantEmptyChange: (name: string, argument: string) =>
    new UserError({ file: `--variant ${name}`, problem: `an empty change in "${argument}"`, expected: 'path=value between the commas', hint: 'remove the extra comma' }),

  variantDuplicateName: (name: string, other: string) =>
    new UserError({ file: `--variant ${name}`, problem: `the name "${name}" is taken by ${other}`, expected: 'a name of its own for every variant and scenario file compared' }),

  /** A variant in messages that name the scenarios compared (where a file's path would be). */
  variantLabel: (name: string, file: string) => `variant "${name}" of ${file}`,

  tooLarge: (where: Where, agents: number, ties: number, neededBytes: number, availableBytes: number) =>
    new UserError({
      ...where,
      path: 'scale',
      problem: `the world would need about ${gib(neededBytes)} of memory for ${agents.toLocaleString('en-US')} agents and about ${ties.toLocaleString('en-US')} ties, more than the ${gib(availableBytes)} available`,
      hint: `raise scale (one agent for more people) to at least ${Math.ceil(neededBytes / availableBytes)}× its value`,
    }),

  /** A run whose records (a tally per recorded day, place, measure and replicate) would not fit beside its world. */
  recordsTooLarge: (where: Where, size: { recordedDays: number; places: number; measures: number; replicates: number }, neededBytes: number, availableBytes: number) =>
    new UserError({
      ...where,
      path: 'dates',
      problem: `the run would need about ${gib(neededBytes)} of memory to record ${size.recordedDays.toLocaleString('en-US')} days × ${size.measures} measures × ${size.places.toLocaleString('en-US')} places × ${size.replicates.toLocaleString('en-US')} replicates, more than the ${gib(availableBytes)} available`,
      hint: 'shorten the dates, raise output.everyDays, write fewer levels or run fewer replicates',
    }),

  outputExists: (dir: string) =>
    new UserError({ file: dir, problem: 'the output folder already exists; nothing was written', hint: 'choose another --out or remove the folder' }),

  unknownCommand: (name: string, commands: readonly string[], suggestion?: string) =>
    new UserError({ file: 'command line', problem: `unknown command "${name}"`, hint: suggestion ?? `the commands are ${commands.join(', ')}` }),

  usage: (problem: string) =>
    new UserError({ file: 'command line', problem, hint: 'run "hotbed --help" for usage' }),

  badOption: (option: string, expected: string, found: unknown) =>
    new UserError({ file: 'command line', path: option, problem: 'wrong value', expected, found: describe(found) }),

  /** `hotbed compare`: two scenarios that cannot be paired, and the first thing that differs. */
  scenariosDiffer: (fileA: string, fileB: string, d: ScenarioDifference) =>
    new UserError({ problem: `scenarios differ: ${differenceText(fileA, fileB, d)}`, hint: 'compare needs the same places, dates and scale in every scenario' }),

  compareNeedsTwo: (found: number) =>
    new UserError({ file: 'command line', problem: 'name at least two scenarios to compare: files, or one file and a --variant', found: `${found}`, hint: 'the first file is the reference, e.g. hotbed compare scenarios/baseline.yaml my-measure.yaml, or hotbed compare scenarios/single-town.yaml --variant strong:channels.peer.cascade.probability=0.004' }),

  // ---- `hotbed calibrate`: calibration files and resume folders ----

  /** A calibrated parameter the scenario does not have; `problem` and `hint` come from the --set walk. */
  calibrationUnknownParameter: (where: Where, path: string, parameter: string, scenarioFile: string, problem: string, hint?: string) =>
    new UserError({ ...where, path, problem: `"${parameter}" is not a parameter of ${scenarioFile}: ${problem}`, hint }),

  calibrationNotANumber: (where: Where, path: string, parameter: string, found: unknown) =>
    new UserError({ ...where, path, problem: `"${parameter}" cannot be calibrated: it is not a number`, expected: 'the path of a number in the scenario', found: describe(found) }),

  calibrationDuplicateParameter: (where: Where, path: string, parameter: string) =>
    new UserError({ ...where, path, problem: `"${parameter}" is calibrated twice`, expected: 'each parameter once' }),

  priorBoundsReversed: (where: Where, path: string, low: number, high: number) =>
    new UserError({ ...where, path, problem: 'the prior\'s lower bound is not below its upper bound', expected: 'low < high', found: `low ${low}, high ${high}` }),

  priorOutsideScenario: (where: Where, path: string, parameter: string, value: number, expected: string) =>
    new UserError({ ...where, path, problem: `the prior reaches ${value}, a value ${parameter} cannot take`, expected, hint: 'narrow the prior (a normal prior takes low and high bounds)' }),

  calibrationBudgetBelowPopulation: (where: Where, maxSimulations: number, population: number) =>
    new UserError({ ...where, path: 'budget.maxSimulations', problem: 'the simulation budget is smaller than one generation', expected: `at least budget.population (${population})`, found: `${maxSimulations}` }),

  calibrationNoTargets: (where: Where, scenarioFile: string) =>
    new UserError({ ...where, path: 'targets', problem: `no targets: the calibration file names no targets file and ${scenarioFile} names none either`, expected: 'targets: { file: PATH }' }),

  calibrationTargetDate: (where: Where, date: string, start: string, end: string) =>
    new UserError({ ...where, path: 'date', problem: 'the targets\' date is outside the scenario\'s run', expected: `a date from ${start} to ${end}`, found: date }),

  calibrationUnknownTarget: (where: Where, path: string, level: string, name: string, suggestion?: string) =>
    new UserError({ ...where, path, problem: `no ${level} target named "${name}"`, hint: suggestion }),

  resumeUnreadable: (dir: string, reason: string) =>
    new UserError({ file: dir, problem: `cannot resume from this folder: ${reason}`, hint: 'name the output folder of an earlier "hotbed calibrate" run' }),

  resumeMismatch: (dir: string, what: string) =>
    new UserError({ file: dir, problem: `cannot resume: ${what} changed since this folder was made`, hint: 'resume with the calibration that made it, or start afresh without --resume' }),
};

/** What `hotbed compare` found different between two scenarios. */
export type ScenarioDifference =
  | { kind: 'value'; what: string; a: string | number; b: string | number }
  /** A place in one file only (`in` says which). */
  | { kind: 'missing'; level: string; name: string; in: 'a' | 'b' }
  /** A place under different parents. */
  | { kind: 'parent'; level: string; name: string; parentLevel: string; a: string; b: string }
  /** A country with people outside its named communities (`population`) in one file only. */
  | { kind: 'rest'; country: string; in: 'a' | 'b' };

function differenceText(fileA: string, fileB: string, d: ScenarioDifference): string {
  const [yes, no] = 'in' in d && d.in === 'b' ? [fileB, fileA] : [fileA, fileB];
  switch (d.kind) {
    case 'value':
      return `${d.what} is ${d.a} in ${fileA} but ${d.b} in ${fileB}`;
    case 'missing':
      return `${d.level} "${d.name}" is in ${yes} but not in ${no}`;
    case 'parent':
      return `${d.level} "${d.name}" is in ${d.parentLevel} "${d.a}" in ${fileA} but in ${d.parentLevel} "${d.b}" in ${fileB}`;
    case 'rest':
      return `country "${d.country}" has a population outside its named communities in ${yes} but not in ${no}`;
  }
}

const plural = (level: string) => (level.endsWith('y') ? `${level.slice(0, -1)}ies` : `${level}s`);

function gib(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(bytes < 2 ** 30 ? 2 : 1)} GiB`;
}

/** The file name's extension with its dot, as node:path's extname gives it (this module also runs in the browser explorer). */
function extensionOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}
