/**
 * The calibration file's schema: which scenario to fit, which of its parameters are
 * free (with their priors), which targets to fit them to and how (distance, weights),
 * how the calibrated point is chosen, the budget, the scale of the runs and the seed.
 * Defaults come from the algorithms' own DEFAULTS.
 */
import { z } from 'zod';
import { headerShape } from '../batch/header.js';
import { finite, isoDate, placeName } from '../scenario/fields.js';
import { DEFAULTS as ABC_DEFAULTS } from './abc-smc.js';
import { distanceKinds, type DistanceKind } from './distance.js';
import { DEFAULTS as POINT_DEFAULTS } from './point.js';
import { DEFAULTS as REFINE_DEFAULTS } from './refine.js';

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
export const bandFields = {
  value: z.number().min(0),
  low: z.number().min(0).optional(),
  high: z.number().min(0).optional(),
  tolerance: z.number().min(0).max(1).optional().describe('Relative half-width when low/high are absent (default 0.15).'),
  note: z.string().optional(),
};

export const targetsSectionSchema = z.strictObject({
  file: z.string().min(1).optional().describe('Targets file, relative to this file; defaults to the scenario\'s own `targets`.'),
  also: z.array(z.string().min(1)).max(100).default([]).describe('Further targets files (relative to this file): their figures on their own dates (named NAME@DATE) and their dated targets, fitted together with the main file\'s.'),
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
  until: isoDate.optional().describe('Fit only the targets dated up to this day; the later ones are held out (weight 0) and forecast by the posterior: a hindcast. `hotbed calibrate --until` sets it too.'),
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
