/**
 * Loading a calibration file: which scenario to fit, which of its parameters are free
 * (with their priors), which targets to fit them to and how (distance, weights),
 * the budget, the scale of the runs and the seed. Loaded with the same care as
 * scenarios: every mistake is one message naming the file, line, path, what was
 * expected and what was found.
 *
 * Parameters are addressed like `--set` paths (lists by item name), and are checked
 * by the same machinery (scenario/overrides.ts): a path the scenario's schema does
 * not have, a parameter that is not a number, or a prior reaching values the schema
 * refuses is reported here, before anything runs.
 */
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { checkFreeParameter, type FreeParameterMessages } from '../batch/parameters.js';
import { isUserError } from '../messages/errors.js';
import { messages } from '../messages/scenario.js';
import type { JsonSchema } from '../scenario/json-schema.js';
import { canonicalJson } from '../scenario/canonical-json.js';
import type { LoadedScenario } from '../scenario/load.js';
import { formatPath, namedPath } from '../scenario/merge.js';
import { displayPath, loadReferencedScenario } from '../scenario/referenced.js';
import type { Scenario } from '../scenario/schema.js';
import { locate, readSource, type SourceFile } from '../scenario/source.js';
import { loadTargets } from '../scenario/targets.js';
import { schemaError } from '../scenario/zod-issues.js';
import { planWorld } from '../world/plan.js';
import { placeIndex } from '../world/places.js';
import type { DistanceKind } from './distance.js';
import type { Prior } from './priors.js';
import type { RefineOptions } from './refine.js';
import { calibrationSchema, targetsSectionSchema, type CalibrationFile } from './schema.js';
import { calibrationTargets, checkTargetSet, furtherTargets, holdOut, type CalibrationTarget } from './targets.js';

export type { CalibrationTarget } from './targets.js';
export { calibrationSchema } from './schema.js';

export interface CalibrationParameter {
  /** Short name (CSV columns). */
  name: string;
  /** --set path. */
  path: string;
  prior: Prior;
  note?: string;
}

export interface Budget {
  population: number;
  generations: number;
  minTolerance: number;
  maxSimulations?: number;
  quantile: number;
  minAcceptanceRate: number;
}

export interface Calibration {
  file: string;
  title: string;
  description?: string;
  scenarioFile: string;
  /** The scenario at the calibration scale, with the file's `set` applied. */
  loaded: LoadedScenario;
  scale: number;
  seed: number;
  parameters: CalibrationParameter[];
  targetsFile: string;
  targetsTitle: string;
  targetDate: string;
  /** Fit only the targets dated up to this day (a hindcast); the later ones are held out. */
  until?: string;
  /** Further targets files, as given (relative to the working directory). */
  targetsAlso: string[];
  targets: CalibrationTarget[];
  distance: DistanceKind;
  budget: Budget;
  point: {
    candidates: number;
    replicates: number;
    score: 'distance' | 'worst';
    finalists: number;
    finalReplicates?: number;
    refine?: RefineOptions;
  };
  /** Runs per proposal whose median statistics are compared with the targets. */
  runsPerProposal: number;
  /**
   * sha256 of everything that fixes the sequence of generations (scenario, parameters,
   * priors, targets, weights, distance, seed, population, quantile), but not of the
   * stopping rules: a calibration may be resumed with a larger budget.
   */
  fingerprint: string;
}

export const calibrationJsonSchema = (): JsonSchema => z.toJSONSchema(calibrationSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

export interface LoadCalibrationOptions {
  /** Overrides the file's `until` (a hindcast of a calibration written without one). */
  until?: string;
}

export function loadCalibration(file: string, options: LoadCalibrationOptions = {}): Calibration {
  const source = readSource(file);
  const at = (path: readonly (string | number)[], atKey = false) => locate(source, path, atKey);
  const parsed = calibrationSchema.safeParse(source.value, { reportInput: true });
  if (!parsed.success) throw schemaError(parsed.error.issues, source.value, at, calibrationJsonSchema());
  const c = parsed.data;
  const here = dirname(file);

  // The scenario, at the calibration scale, with the fixed overrides.
  const { scenarioFile, loaded } = loadReferencedScenario(file, c, at);
  const scenario = loaded.scenario;

  if (c.budget.maxSimulations !== undefined && c.budget.maxSimulations < c.budget.population) {
    throw messages.calibrationBudgetBelowPopulation(at(['budget', 'maxSimulations']), c.budget.maxSimulations, c.budget.population);
  }

  const parameters = c.parameters.map((p, i) => checkParameter(source, scenario, scenarioFile, p, i));
  parameters.forEach((p, i) => {
    const first = parameters.findIndex((q) => q.path === p.path);
    const shown = (key: string) => formatPath(namedPath(source.value, ['parameters', i, key]));
    if (first !== i) throw messages.calibrationDuplicateParameter(at(['parameters', i, 'path']), shown('path'), p.path);
    const firstName = parameters.findIndex((q) => q.name === p.name);
    if (firstName !== i) throw messages.calibrationDuplicateParameter(at(['parameters', i, 'name']), shown('name'), p.name);
  });

  const section = typeof c.targets === 'string' ? targetsSectionSchema.parse({ file: c.targets }) : c.targets;
  const sectionPath = typeof c.targets === 'string' ? ['targets'] : ['targets', 'file'];
  const targetsFile = section.file !== undefined ? displayPath(isAbsolute(section.file) ? section.file : resolve(here, section.file)) : loaded.targetsFile;
  if (targetsFile === undefined) throw messages.calibrationNoTargets(at(['targets']), scenarioFile);
  const plan = planWorld(scenario);
  let published;
  try {
    published = loadTargets(targetsFile, placeIndex(plan).names());
  } catch (e) {
    if (isUserError(e) && e.details.problem === 'file not found' && e.details.file === targetsFile && section.file !== undefined) {
      throw messages.wrongValue(at(sectionPath), sectionPath.join('.'), 'the path of an existing targets file', section.file);
    }
    throw e;
  }
  if (published.date < scenario.dates.start || published.date > scenario.dates.end) {
    throw messages.calibrationTargetDate(locate(readSource(targetsFile), ['date']), published.date, scenario.dates.start, scenario.dates.end);
  }

  const further = section.also.map((f, k) => {
    const path = displayPath(isAbsolute(f) ? f : resolve(here, f));
    try {
      return loadTargets(path, placeIndex(plan).names());
    } catch (e) {
      if (isUserError(e) && e.details.problem === 'file not found' && e.details.file === path) {
        throw messages.wrongValue(at(['targets', 'also', k]), `targets.also.${k}`, 'the path of an existing targets file', f);
      }
      throw e;
    }
  });
  const until = options.until ?? c.until;
  if (until !== undefined && (until < scenario.dates.start || until > scenario.dates.end)) {
    throw messages.wrongValue(at(['until']), 'until', `a date from ${scenario.dates.start} to ${scenario.dates.end}`, until);
  }
  const dates = { start: scenario.dates.start, end: scenario.dates.end };
  const targets = holdOut([
    ...calibrationTargets(section, published, plan, scenario.dates.start, at),
    ...furtherTargets(section, published, plan, dates, false),
    ...further.flatMap((t) => furtherTargets(section, t, plan, dates, true)),
  ], until);
  checkTargetSet(targets, at, until);

  const budget: Budget = { ...c.budget };
  const fingerprint = createHash('sha256').update(canonicalJson({
    scenario: loaded.hash,
    parameters: parameters.map((p) => ({ path: p.path, prior: p.prior })),
    targets: targets.map(({ name, value, low, high, weight: wt }) => ({ name, value, low: finiteOr(low), high: finiteOr(high), weight: wt })),
    targetDate: published.date,
    ...(until !== undefined ? { until } : {}),
    distance: c.distance,
    seed: c.seed,
    population: budget.population,
    runsPerProposal: c.runsPerProposal,
    quantile: budget.quantile,
  })).digest('hex');

  return {
    file,
    title: c.title,
    description: c.description,
    scenarioFile,
    loaded,
    scale: scenario.scale,
    seed: c.seed,
    parameters,
    targetsFile,
    targetsTitle: published.title,
    targetDate: published.date,
    ...(until !== undefined ? { until } : {}),
    targetsAlso: further.map((t) => t.file),
    targets,
    distance: c.distance,
    budget,
    point: c.point,
    runsPerProposal: c.runsPerProposal,
    fingerprint,
  };
}

/** JSON has no Infinity: one-sided bands are fingerprinted as the text "Infinity". */
const finiteOr = (x: number) => (Number.isFinite(x) ? x : String(x));

function checkParameter(source: SourceFile, scenario: Scenario, scenarioFile: string, p: CalibrationFile['parameters'][number], i: number): CalibrationParameter {
  const at = (...rest: (string | number)[]) => locate(source, ['parameters', i, ...rest]);
  const shown = (...rest: string[]) => formatPath(namedPath(source.value, ['parameters', i, ...rest]));
  const prior = p.prior as Prior;
  const { low, high } = prior as { low?: number; high?: number };
  if (low !== undefined && high !== undefined && !(low < high)) throw messages.priorBoundsReversed(at('prior'), shown('prior'), low, high);

  // A value inside the prior that is not a whole number, so that whole-number parameters are caught too;
  // and the prior's extremes (a normal without bounds: six standard deviations out).
  const inside = prior.kind === 'normal'
    ? Math.min(high ?? Infinity, Math.max(low ?? -Infinity, prior.mean + 0.3183 * prior.sd))
    : low! + 0.3183 * (high! - low!);
  const extremes = prior.kind === 'normal'
    ? [low ?? prior.mean - 6 * prior.sd, inside, high ?? prior.mean + 6 * prior.sd]
    : [low!, inside, high!];
  const path = checkFreeParameter({
    source,
    entry: ['parameters', i],
    valuesField: 'prior',
    path: p.path,
    probes: extremes,
    scenario,
    scenarioFile,
    messages: parameterMessages,
    checkResolved: (resolved, where, shownPath) => {
      if (resolved[0] === 'interventions' && typeof scenario.interventions[Number(resolved[1])]?.label !== 'string') {
        throw messages.wrongValue(where, shownPath, 'a parameter of an intervention that has a label (calibrated.yaml finds interventions by label)', `${p.path} (no label)`);
      }
    },
  });
  return { name: p.name ?? path, path, prior, note: p.note };
}

const parameterMessages: FreeParameterMessages = {
  unknownPath: messages.calibrationUnknownParameter,
  notANumber: messages.calibrationNotANumber,
  valueRefused: messages.priorOutsideScenario,
};

