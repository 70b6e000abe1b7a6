/**
 * Calibration files: which scenario to fit, which of its parameters are free
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
import { isUserError } from '../messages/errors.js';
import type { JsonSchema } from '../scenario/json-schema.js';
import { canonicalJson, type LoadedScenario } from '../scenario/load.js';
import { formatPath, namedPath } from '../scenario/merge.js';
import { messages } from '../messages/scenario.js';
import { placeName, type Scenario } from '../scenario/schema.js';
import { locate, readSource, type SourceFile } from '../scenario/source.js';
import { closest } from '../scenario/suggest.js';
import { displayPath, loadReferencedScenario } from '../scenario/referenced.js';
import { loadTargets, type Band } from '../scenario/targets.js';
import { firstIssue, issueToError } from '../scenario/zod-issues.js';
import { planWorld } from '../world/plan.js';
import { placeIndex, WORLD } from '../world/places.js';
import type { Statistic } from '../statistics/registry.js';
import { finite, isoDate } from '../scenario/fields.js';
import { headerShape } from '../batch/header.js';
import { checkFreeParameter, type FreeParameterMessages } from '../batch/parameters.js';
import { distanceKinds, type DistanceKind, type Target } from './distance.js';
import type { Prior } from './priors.js';
import { DEFAULTS as REFINE_DEFAULTS, type RefineOptions } from './refine.js';
import { DEFAULTS as ABC_DEFAULTS } from './abc-smc.js';
import { DEFAULTS as POINT_DEFAULTS } from './point.js';


const priorSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('uniform'),
    low: finite.describe('Lowest value.'),
    high: finite.describe('Highest value.'),
  }).describe('Every value from low to high equally likely.'),
  z.strictObject({
    kind: z.literal('log-uniform'),
    low: z.number().positive().describe('Lowest value (> 0).'),
    high: z.number().positive().describe('Highest value.'),
  }).describe('Every order of magnitude from low to high equally likely: for rates and probabilities known only to within a factor.'),
  z.strictObject({
    kind: z.literal('normal'),
    mean: finite,
    sd: z.number().positive().describe('Standard deviation (> 0).'),
    low: finite.optional().describe('Truncates the normal below.'),
    high: finite.optional().describe('Truncates the normal above.'),
  }).describe('A normal distribution, truncated to [low, high] where given.'),
]);

const parameterSchema = z.strictObject({
  path: z.string().min(1).describe('The parameter, as a --set path: mappings by key, lists by item name, e.g. places.regions.Maghreb.countries.Tunisia.susceptibility.'),
  name: z.string().min(1).max(100).optional().describe('Short name for tables and CSV columns; defaults to the path.'),
  prior: priorSchema,
  note: z.string().optional().describe('Why this parameter is free and why this prior.'),
});

const weight = z.number().min(0).max(1e6);
const levelWeights = z.union([weight, z.record(placeName, weight)])
  .describe('One weight for every target of the level, or weights by place name (`"*"` for the others; 1 where unnamed).');

/** A band: value with low/high, or value ± tolerance (relative; 0.15 when neither is given). */
const bandFields = {
  value: z.number().min(0),
  low: z.number().min(0).optional(),
  high: z.number().min(0).optional(),
  tolerance: z.number().min(0).max(1).optional().describe('Relative half-width when low/high are absent (default 0.15).'),
  note: z.string().optional(),
};

const targetsSectionSchema = z.strictObject({
  file: z.string().min(1).optional().describe('Targets file, relative to this file; defaults to the scenario\'s own `targets`.'),
  weights: z.strictObject({
    world: weight.default(1),
    regions: levelWeights.default(1),
    countries: levelWeights.default(1),
    communities: levelWeights.default(1),
    returnedShare: weight.default(1),
    countriesRepresented: weight.default(1),
    attempted: weight.default(1),
    attemptsPerMonth: weight.default(1),
    shareFrom: weight.default(1),
  }).default({ world: 1, regions: 1, countries: 1, communities: 1, returnedShare: 1, countriesRepresented: 1, attempted: 1, attemptsPerMonth: 1, shareFrom: 1 }),
  returnedShare: z.strictObject({
    value: z.number().min(0).max(1),
    low: z.number().min(0).max(1),
    high: z.number().min(0).max(1),
    note: z.string().optional(),
  }).optional().describe('Share of those who travelled who had returned at the targets\' date.'),
  countriesRepresented: z.strictObject({
    atLeast: z.number().int().min(0),
    note: z.string().optional(),
  }).optional().describe('Countries with at least one traveller at the targets\' date.'),
  attempted: z.record(placeName, z.strictObject(bandFields)).optional()
    .describe('Travel attempts by country at the targets\' date: those who travelled (the June stock included) plus those intercepted since the start.'),
  attemptsPerMonth: z.record(placeName, z.strictObject({ ...bandFields, from: isoDate.describe('Start of the period; it ends at the targets\' date.') })).optional()
    .describe('Travel attempts per month by country, from `from` to the targets\' date (30.44-day months).'),
  shareFrom: z.record(placeName, z.strictObject({
    ...bandFields,
    communities: z.array(placeName).min(1).describe('Communities of the country whose travellers are counted.'),
  })).optional().describe('Share of a country\'s travellers (at the targets\' date) who come from the named communities.'),
});

export const calibrationSchema = z.strictObject({
  ...headerShape({ verb: 'fit', runs: 'calibration runs', before: 'calibrating', seeded: 'calibration: proposals and model runs derive their streams from it' }),
  parameters: z.array(parameterSchema).min(1).max(50),
  runsPerProposal: z.number().int().min(1).max(100).default(1)
    .describe('Runs of the model per proposal, each its own world and streams; the medians of their statistics are compared with the targets. More runs cost more but take the noise of single runs out of the distance, so the fit is of the median flow, as the targets mean.'),
  targets: z.union([z.string().min(1), targetsSectionSchema]).default(() => targetsSectionSchema.parse({})).describe('Targets file, or a mapping with the file, weights and extra targets.'),
  distance: z.enum(distanceKinds as [DistanceKind, ...DistanceKind[]]).default('band')
    .describe('band: residuals in units of each target\'s band half-width; relative: in units of its value; both combined as a weighted root mean square. band-max: the largest band residual (1 = every target at most at the edge of its band).'),
  point: z.strictObject({
    candidates: z.number().int().min(0).max(1000).default(POINT_DEFAULTS.candidates).describe('Accepted particles of the last generation checked besides the posterior medians (the closest to the targets first); 0 checks the medians only.'),
    replicates: z.number().int().min(1).max(1000).default(POINT_DEFAULTS.replicates).describe('Runs per candidate.'),
    score: z.enum(['distance', 'worst']).default('distance')
      .describe('How candidates are compared: distance (the calibration\'s distance of their median statistics) or worst (their largest miss in band units, ties broken by distance: the candidate that best meets every target).'),
    finalists: z.number().int().min(0).max(1000).default(POINT_DEFAULTS.finalists)
      .describe('The best this many candidates are run again on fresh streams and the point is chosen on those runs alone (0: no second round). Choosing the best of many noisy scores favours lucky runs; a second round on fresh runs does not.'),
    finalReplicates: z.number().int().min(1).max(1000).optional().describe('Runs per finalist (default: replicates).'),
    refine: z.strictObject({
      replicates: z.number().int().min(1).max(1000).default(REFINE_DEFAULTS.replicates).describe('Simulations per point tried, on the same streams for every point (common random numbers).'),
      maxEvaluations: z.number().int().min(1).max(100000).default(REFINE_DEFAULTS.maxEvaluations).describe('Points tried at most.'),
      initialStep: z.number().gt(0).max(1).default(REFINE_DEFAULTS.initialStep).describe('First step, as a share of each prior\'s width (log scale for log-uniform priors).'),
      minStep: z.number().gt(0).max(1).default(REFINE_DEFAULTS.minStep).describe('Stop once the step is below this share.'),
      freshReplicates: z.number().int().min(1).max(1000).default(REFINE_DEFAULTS.freshReplicates).describe('Simulations on fresh streams that decide between the chosen and the refined point.'),
      maxJump: z.number().gt(0).max(1).default(REFINE_DEFAULTS.maxJump).describe('Largest move of one parameter in a Levenberg–Marquardt step (all parameters at once, from the round\'s finite differences), as a share of its prior\'s width.'),
    }).optional().describe('Move the chosen point by a compass search (steps up and down each parameter, halved when none helps, and Levenberg–Marquardt steps from the same finite differences) to where its median statistics best meet the targets; kept only if it also scores better on fresh runs.'),
  }).default({ candidates: POINT_DEFAULTS.candidates, replicates: POINT_DEFAULTS.replicates, score: 'distance', finalists: POINT_DEFAULTS.finalists })
    .describe('How the calibrated point (the values written to calibrated.yaml) is chosen: the candidate whose median statistics over its runs are nearest the targets.'),
  budget: z.strictObject({
    population: z.number().int().min(1).max(100000).describe('Particles per generation.'),
    generations: z.number().int().min(1).max(1000).describe('Generations at most, generation 0 (the prior) included.'),
    minTolerance: z.number().min(0).default(ABC_DEFAULTS.minTolerance).describe('Stop once a generation\'s tolerance is this low.'),
    maxSimulations: z.number().int().min(1).optional().describe('No new generation once this many simulations are done (the last generation is completed, so it may overshoot).'),
    quantile: z.number().gt(0).lt(1).default(ABC_DEFAULTS.quantile).describe('Quantile of a generation\'s distances that becomes the next tolerance.'),
    minAcceptanceRate: z.number().gt(0).max(1).default(ABC_DEFAULTS.minAcceptanceRate).describe('A generation that would need more than population / minAcceptanceRate simulations is dropped and the calibration stops.'),
  }),
});

export type CalibrationFile = z.infer<typeof calibrationSchema>;

export interface CalibrationParameter {
  /** Short name (CSV columns). */
  name: string;
  /** --set path. */
  path: string;
  prior: Prior;
  note?: string;
}

export interface CalibrationTarget extends Target {
  /** What a model run reports for this target (on the targets' date). */
  statistic: Statistic;
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

const calibrationJsonSchema = () => z.toJSONSchema(calibrationSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

export function loadCalibration(file: string): Calibration {
  const source = readSource(file);
  const at = (path: readonly (string | number)[], atKey = false) => locate(source, path, atKey);
  const parsed = calibrationSchema.safeParse(source.value, { reportInput: true });
  if (!parsed.success) throw issueToError(firstIssue(parsed.error.issues), source.value, at, calibrationJsonSchema());
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

  const w = section.weights;
  const weightOf = (level: 'regions' | 'countries' | 'communities', names: string[], singular: string) => {
    const spec = w[level];
    if (typeof spec === 'number') return () => spec;
    for (const name of Object.keys(spec)) {
      if (name !== '*' && !names.includes(name)) {
        const hint = closest(name, names);
        throw messages.calibrationUnknownTarget(at(['targets', 'weights', level, name], true), `targets.weights.${level}.${name}`, singular, name, hint ? `did you mean "${hint}"?` : undefined);
      }
    }
    return (name: string) => spec[name] ?? spec['*'] ?? 1;
  };
  const targets: CalibrationTarget[] = [];
  const date = published.date;
  const add = (name: string, statistic: Omit<Statistic, 'name' | 'date'>, band: Band, weightValue: number) =>
    targets.push({ name, statistic: { name, ...statistic, date }, value: band.value, low: band.low, high: band.high, weight: weightValue, note: band.note });
  if (published.world) add('world', { measure: 'travelled', level: 'world', place: WORLD }, published.world, w.world);
  const levels = [['regions', 'region'], ['countries', 'country'], ['communities', 'community']] as const;
  for (const [key, level] of levels) {
    const bands = published[key];
    const wOf = weightOf(key, [...bands.keys()], level);
    for (const [place, band] of bands) add(`${level}:${place}`, { measure: 'travelled', level, place }, band, wOf(place));
  }
  if (section.returnedShare) {
    const r = section.returnedShare;
    if (!(r.low <= r.value && r.value <= r.high)) {
      throw messages.wrongValue(at(['targets', 'returnedShare']), 'targets.returnedShare', 'low ≤ value ≤ high', `low ${r.low}, value ${r.value}, high ${r.high}`);
    }
    add('returnedShare', { measure: 'returned_share', level: 'world', place: WORLD }, { value: r.value, low: r.low, high: r.high, note: r.note }, w.returnedShare);
  }
  if (section.countriesRepresented) {
    add('countriesRepresented', { measure: 'countries_represented', level: 'world', place: WORLD }, { value: section.countriesRepresented.atLeast, low: 0, high: Infinity, note: section.countriesRepresented.note }, w.countriesRepresented);
  }
  addPlaceTargets(section, plan, published.date, scenario.dates.start, at, add);
  if (!targets.some((t) => t.weight > 0)) {
    throw messages.wrongValue(at(['targets']), 'targets', 'at least one target with a positive weight', targets.length ? 'only weights of 0' : 'no targets');
  }

  const budget: Budget = { ...c.budget };
  const fingerprint = createHash('sha256').update(canonicalJson({
    scenario: loaded.hash,
    parameters: parameters.map((p) => ({ path: p.path, prior: p.prior })),
    targets: targets.map(({ name, value, low, high, weight: wt }) => ({ name, value, low: finiteOr(low), high: finiteOr(high), weight: wt })),
    targetDate: published.date,
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
    targets,
    distance: c.distance,
    budget,
    point: c.point,
    runsPerProposal: c.runsPerProposal,
    fingerprint,
  };
}

type Section = z.infer<typeof targetsSectionSchema>;
type BandInput = z.infer<z.ZodObject<typeof bandFields>>;

/** The targets by country beyond the published counts: attempts, attempts per month, shares from hotbed towns. */
function addPlaceTargets(
  section: Section,
  plan: ReturnType<typeof planWorld>,
  targetDate: string,
  startDate: string,
  at: (path: readonly (string | number)[], atKey?: boolean) => ReturnType<typeof locate>,
  add: (name: string, statistic: Omit<Statistic, 'name' | 'date'>, band: Band, weight: number) => void,
): void {
  const countries = plan.countries.map((c) => c.name);
  const country = (key: string, name: string) => {
    if (countries.includes(name)) return plan.countries.find((c) => c.name === name)!;
    const hint = closest(name, countries);
    throw messages.calibrationUnknownTarget(at(['targets', key, name], true), `targets.${key}.${name}`, 'country', name, hint ? `did you mean "${hint}"?` : undefined);
  };
  const band = (key: string, name: string, b: BandInput): Band => {
    const tolerance = b.tolerance ?? 0.15;
    const low = b.low ?? b.value * (1 - tolerance);
    const high = b.high ?? b.value * (1 + tolerance);
    if (!(low <= b.value && b.value <= high)) {
      throw messages.wrongValue(at(['targets', key, name]), `targets.${key}.${name}`, 'low ≤ value ≤ high', `low ${low}, value ${b.value}, high ${high}`);
    }
    return { value: b.value, low, high, note: b.note };
  };
  for (const [name, b] of Object.entries(section.attempted ?? {})) {
    country('attempted', name);
    add(`attempted:${name}`, { measure: 'attempted', level: 'country', place: name }, band('attempted', name, b), section.weights.attempted);
  }
  for (const [name, b] of Object.entries(section.attemptsPerMonth ?? {})) {
    country('attemptsPerMonth', name);
    if (!(b.from >= startDate && b.from < targetDate)) {
      throw messages.wrongValue(at(['targets', 'attemptsPerMonth', name, 'from']), `targets.attemptsPerMonth.${name}.from`, `a date from ${startDate} to before ${targetDate}`, b.from);
    }
    add(`attemptsPerMonth:${name}`, { measure: 'attempts_per_month', level: 'country', place: name, from: b.from }, band('attemptsPerMonth', name, b), section.weights.attemptsPerMonth);
  }
  for (const [name, b] of Object.entries(section.shareFrom ?? {})) {
    const c = country('shareFrom', name);
    const own = c.communities.map((i) => plan.communities[i]!.name);
    b.communities.forEach((community, k) => {
      if (own.includes(community)) return;
      const hint = closest(community, own);
      throw messages.calibrationUnknownTarget(at(['targets', 'shareFrom', name, 'communities', k]), `targets.shareFrom.${name}.communities`, `community of ${name}`, community, hint ? `did you mean "${hint}"?` : undefined);
    });
    add(`shareFrom:${name}`, { measure: 'share_from', level: 'country', place: name, communities: b.communities }, band('shareFrom', name, b), section.weights.shareFrom);
  }
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

