/**
 * The scenario schema: the single source of truth for what a scenario file may
 * hold, its types, defaults, ranges and descriptions. The JSON Schema in
 * scenarios/ is generated from it (`npm run schema`), the `--set` overrides are
 * typed by it, and `Scenario` (defaults filled in) is what the rest of Hotbed sees.
 */
import { z } from 'zod';
import { recipeSchema } from '../network/recipe.js';
import { isoDate, placeName } from './fields.js';
import { statisticInputSchema } from './statistic-schema.js';
import { perAgentSchema } from './distribution-schema.js';

export { placeName };


const probability = z.number().min(0).max(1);
const dailyRate = probability.describe('Probability per agent per day.');
const multiplier = z.number().min(0).max(1000);

const stockSchema = z.strictObject({
  abroad: z.number().min(0).default(0).describe('People abroad (in the conflict zone) at the start date.'),
  returned: z.number().min(0).default(0).describe('People who had travelled and come back by the start date.'),
  dead: z.number().min(0).default(0).describe('People who had travelled and died by the start date.'),
}).describe('People who had already travelled at the start date, counted in people (not agents).');

const routeSchema = z.strictObject({
  success: probability.default(0.9)
    .describe('Probability that a travel attempt reaches the conflict zone when no border control is in force.'),
}).describe('The route to the conflict zone.');

const networkRef = z.union([placeName.describe('Name of a recipe under `networks`.'), recipeSchema]);

export const communitySchema = z.strictObject({
  name: placeName.describe('Town or neighbourhood name; unique among communities.'),
  population: z.number().int().min(0).max(1e9)
    .describe('At-risk population (people, not agents): the young adults among whom recruitment happens.'),
  hotbed: z.boolean().default(false).describe('Marks a known hotbed town or neighbourhood.'),
  susceptibility: multiplier.default(1).describe('Multiplies peer influence and media exposure here (times the country and region values).'),
  mediaReach: multiplier.default(1).describe('Multiplies the media exposure rate here (times the country value).'),
  network: networkRef.optional().describe('Network recipe, inline or by name; defaults to the country\'s, then to `networks.default`.'),
  route: routeSchema.optional().describe('Overrides the country\'s route.'),
  stock: stockSchema.optional().describe('This community\'s part of the country\'s initial stock; the rest of the country\'s stock is spread over its other communities in proportion to population × susceptibility.'),
});

export const countrySchema = z.strictObject({
  name: placeName.describe('Country name; unique among countries.'),
  population: z.number().int().min(0).max(1e9).optional()
    .describe('At-risk population outside the named communities; becomes one community named after the country.'),
  susceptibility: multiplier.default(1),
  mediaReach: multiplier.default(1),
  network: networkRef.optional().describe('Default network recipe for this country\'s communities.'),
  route: routeSchema.default({ success: 0.9 }),
  stock: stockSchema.default({ abroad: 0, returned: 0, dead: 0 }),
  communities: z.array(communitySchema).default([]),
});

export const regionSchema = z.strictObject({
  name: placeName.describe('Region name; unique among regions.'),
  susceptibility: multiplier.default(1),
  countries: z.array(countrySchema).min(1),
});

const peerSchema = z.strictObject({
  rule: z.enum(['cascade', 'threshold', 'fractional', 'logistic']).default('cascade')
    .describe('How influential ties turn into mobilization. With E the effective influence (weighted count of influential ties × receptivity × susceptibility): cascade: daily probability 1 − (1 − probability)^E (independent cascade per tie per day); threshold: mobilize once E ≥ ties (Granovetter); fractional: once E / degree ≥ share (Watts); logistic: daily probability 1 / (1 + exp(−(intercept + slope · E))) when E > 0.'),
  weights: z.strictObject({
    mobilized: z.number().min(-10).max(10).default(1).describe('Weight of a tie to a mobilized agent (planning the trip).'),
    abroad: z.number().min(-10).max(10).default(1).describe('Weight of a tie to an agent abroad.'),
    returned: z.number().min(-10).max(10).default(0.5).describe('Weight of a tie to a returnee; negative means returnees deter.'),
  }).default({ mobilized: 1, abroad: 1, returned: 0.5 }),
  susceptibleReceptivity: probability.default(0.25)
    .describe('Receptivity of a susceptible relative to a sympathizer (1): sympathizers are more receptive.'),
  cascade: z.strictObject({
    probability: probability.default(0.002).describe('Cascade rule: daily probability that one unit of effective influence (one influential tie, weighted) mobilizes the agent.'),
  }).default({ probability: 0.002 }),
  threshold: z.strictObject({
    ties: z.number().positive().default(2).describe('Threshold rule: effective influence (weighted influential ties) at which the agent mobilizes.'),
  }).default({ ties: 2 }),
  fractional: z.strictObject({
    share: z.number().positive().max(1).default(0.25).describe('Fractional rule: share of the agent\'s ties, weighted by influence, at which it mobilizes (Watts\'s φ).'),
  }).default({ share: 0.25 }),
  logistic: z.strictObject({
    intercept: z.number().min(-50).max(50).default(-8).describe('Logistic rule: log-odds of mobilizing on a day with no influence.'),
    slope: z.number().min(-50).max(50).default(1.5).describe('Logistic rule: change in the log-odds per unit of effective influence.'),
  }).default({ intercept: -8, slope: 1.5 }),
  // Optional, not defaulted, like `replicates`: scenarios without it keep their hash.
  perAgent: perAgentSchema.optional(),
});

const channelsSchema = z.strictObject({
  media: z.strictObject({
    exposure: dailyRate.default(0.0003).describe('Daily probability that a susceptible becomes a sympathizer through media (times media reach and susceptibility).'),
    mobilization: dailyRate.default(0.000002).describe('Daily probability that a sympathizer mobilizes through media alone.'),
  }).default({ exposure: 0.0003, mobilization: 0.000002 }),
  peer: peerSchema.default(peerSchema.parse({})),
  group: z.strictObject({
    probability: probability.default(0.05).describe('Probability that each receptive friend of a newly mobilized agent joins the party (times receptivity).'),
  }).default({ probability: 0.05 }),
  travel: z.strictObject({
    minPlanningDays: z.number().int().min(0).max(365).default(7).describe('Days of planning before a travel attempt, at least.'),
    meanPlanningDays: z.number().min(1).max(365).default(30).describe('Mean days from mobilization to the travel attempt (geometric above the minimum).'),
  }).default({ minPlanningDays: 7, meanPlanningDays: 30 }),
  abroad: z.strictObject({
    returnRate: dailyRate.default(0.0005).describe('Daily probability that an agent abroad returns home.'),
    deathRate: dailyRate.default(0.0004).describe('Daily probability that an agent abroad dies.'),
  }).default({ returnRate: 0.0005, deathRate: 0.0004 }),
});

const placeTarget = z.union([
  z.literal('world'),
  z.strictObject({ region: placeName }),
  z.strictObject({ country: placeName }),
  z.strictObject({ community: placeName }),
]).describe('Where it applies: `world`, or one of {region: NAME}, {country: NAME}, {community: NAME}.');

const interventionBase = {
  label: z.string().max(200).optional().describe('Name shown in outputs.'),
  start: isoDate.describe('First day in force.'),
  end: isoDate.optional().describe('Last day in force; in force to the end of the run if absent.'),
  target: placeTarget.default('world'),
};

/** Interventions that act through factors can reach full strength gradually: history rarely changes in a day. */
const rampable = {
  ...interventionBase,
  ramp: z.number().int().min(0).max(100000).default(0)
    .describe('Days from the start over which the strength grows to its full value (0: full from the start day), in steps every 14th day of the run (daily for ramps under 28 days). Shares and probabilities grow linearly, multipliers geometrically (×m reached as m^(d/ramp); linearly towards 0).'),
};

export const interventionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('border-control'),
    ...rampable,
    interception: probability.describe('Probability that a travel attempt is intercepted (composed with the route).'),
  }).describe('Border controls: raise the interception probability of travel attempts.'),
  z.strictObject({
    kind: z.literal('media-takedown'),
    ...rampable,
    reduction: probability.describe('Share of media exposure removed (1 = none left).'),
  }).describe('Media takedown: cut the media exposure and media mobilization rates by a share.'),
  z.strictObject({
    kind: z.literal('prevention'),
    ...rampable,
    influenceReduction: probability.default(0.5)
      .describe('Share of peer influence and of group joining removed while in force (lowers every rule\'s effective influence, so thresholds are reached later).'),
    sympathizersBack: probability.default(0)
      .describe('Share of sympathizers moved back to susceptible on the start date (once).'),
  }).describe('Community prevention (e.g. in hotbed towns): weaker peer influence, and some sympathizers won back.'),
  z.strictObject({
    kind: z.literal('travel-ban'),
    ...rampable,
    share: probability.describe('Share of departures stopped before leaving (passport seizure, travel bans); those stopped count as intercepted.'),
  }).describe('Travel bans and passport seizure: stop a share of the mobilized before departure.'),
  z.strictObject({
    kind: z.literal('returnee-policy'),
    ...interventionBase,
    policy: z.enum(['recruit', 'deter', 'prosecute'])
      .describe('recruit: returnees influence their ties with `weight` (default: channels.peer.weights.returned); deter: with a negative `weight` (default −0.5); prosecute: returnees are removed from their networks on return (and those already back, on the start date).'),
    weight: z.number().min(-10).max(10).optional().describe('Weight of a tie to a returnee under this policy.'),
  }).describe('Returnee policy: what returnees do to their ties. The policy of the community of the influenced agent applies.'),
  z.strictObject({
    kind: z.literal('network-targeting'),
    ...interventionBase,
    count: z.number().int().min(1).max(1e7).describe('Agents removed in each targeted community (agents, at the scenario\'s scale).'),
    centrality: z.enum(['degree', 'betweenness']).default('degree')
      .describe('How agents are ranked: degree, or betweenness (graphology-metrics; within the community\'s own network).'),
  }).describe('Network targeting: on the start date, remove the most central agents of each targeted community from the network (they neither influence nor are influenced; a mobilized one is stopped).'),
  z.strictObject({
    kind: z.literal('pull'),
    ...rampable,
    strength: multiplier.describe('Multiplies media exposure, media mobilization and peer influence (group joining included) alike: above 1 the group draws more, below 1 less.'),
  }).describe('The pull of the group: how strongly events abroad (a proclaimed "caliphate", territory won or lost) draw people in, through media and through ties alike. Dated and targeted like any intervention; several in force multiply, so a surge and a later decline are two entries.'),
  z.strictObject({
    kind: z.literal('hazard-multipliers'),
    ...rampable,
    mediaExposure: multiplier.optional().describe('Multiplies the daily probability that a susceptible becomes a sympathizer through media.'),
    mediaMobilization: multiplier.optional().describe('Multiplies the daily probability that a sympathizer mobilizes through media alone.'),
    peer: multiplier.optional().describe('Multiplies the effective peer influence and group joining, as prevention does (with a threshold rule, it moves how soon the threshold is reached).'),
    planning: multiplier.optional().describe('Multiplies the daily chance that a mobilized agent leaves once its minimum planning days are over (1 / (meanPlanningDays − minPlanningDays + 1)); 0: no one leaves while in force.'),
    travel: multiplier.optional().describe('Multiplies the probability that a travel attempt reaches the conflict zone; 0: every attempt is intercepted.'),
    return: multiplier.optional().describe('Multiplies the daily probability that an agent abroad returns home.'),
    death: multiplier.optional().describe('Multiplies the daily probability that an agent abroad dies.'),
  }).describe('Hazard multipliers: from its start to its end, multiply daily hazards in the targeted places (absent or 1: unchanged; several in force multiply). Pending events are redrawn on the days they change.'),
]);

const linkSchema = z.strictObject({
  kind: z.enum(['diaspora', 'migration', 'prison', 'online']).default('diaspora'),
  from: placeTarget,
  to: placeTarget,
  ties: z.number().min(0).max(1e8).describe('Ties between the two places, counted at one agent per person (divided by the scale).'),
}).describe('A few ties between places: agents drawn uniformly from each side.');

const stockPlacementSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('uniform') })
    .describe('Each stock agent drawn uniformly among the susceptible agents of its community.'),
  z.strictObject({
    kind: z.literal('clusters'),
    size: z.number().int().min(1).max(1e6).default(4)
      .describe('Agents per cluster: a uniformly drawn agent, then agents reached from it over the community\'s ties (breadth first, in a random order); a cluster whose component runs out is smaller.'),
  }).describe('The stock in groups of friends: agents who travelled together may be abroad, returned or dead.'),
  z.strictObject({
    kind: z.literal('neighbourhood'),
    radius: z.union([z.literal(1), z.literal(2)]).default(1)
      .describe('1: the agent and its friends; 2: their friends too (ties within the community).'),
  }).describe('In each community with an initial stock, a uniformly drawn agent and every agent within `radius` ties of it, all abroad, in place of the stock\'s count (Centola & Macy\'s seed: a node and its neighbours). A community with no stock gets none.'),
  z.strictObject({ kind: z.literal('central') })
    .describe('The community\'s stock agents are its agents of highest degree (ties within the community; equal degrees in a random order), their kinds in a random order.'),
]);

import { levels, type Level } from './levels.js';
export { levels, type Level };
/**
 * The levels tables hold unless a scenario says: community rows would be as many again as the
 * rest in the shipped world (107 communities against 106 other places), per replicate.
 */
export const defaultLevels = ['world', 'region', 'country'] as const satisfies readonly Level[];

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional().describe('Path to the JSON Schema, for editors.'),
  extends: z.string().optional().describe('Scenario file this one inherits from (relative path); this file\'s values override.'),
  title: z.string().max(200).default('').describe('Human-readable title.'),
  description: z.string().max(10000).optional(),
  seed: z.number().int().min(0).max(4294967295).default(1).describe('Seed of all random streams.'),
  scale: z.number().min(1).max(1e6).default(1).describe('People per agent: 10 means one agent stands for 10 people.'),
  // Optional, not defaulted: a default would enter every resolved scenario and change its hash
  // (and so refuse to resume calibrations and sweeps made before the key existed).
  replicates: z.number().int().min(1).max(100000).optional()
    .describe('Replicates (worlds and runs from the same seed) that `hotbed run` makes when --replicates is not given (1 when neither says); above 1 its table shows medians, and the report bands (with one, the report draws the run\'s own line).'),
  dates: z.strictObject({
    start: isoDate.default('2014-06-01'),
    end: isoDate.default('2015-12-01'),
    checkpoints: z.array(isoDate).default([]).describe('Dates reported in summary.json and the run table; the end date is always one.'),
    // Optional, not defaulted, like `replicates`: scenarios without it keep their hash.
    stopAtQuiescence: z.boolean().optional()
      .describe('true: a run ends at the end date or, sooner, once nothing can change any more (no pending event, no media, no intervention still to come, no agent with a positive hazard), whichever is first; later dates repeat the last state, so the tables stay complete. The run then warns if activity was still going on at the end date. Absent or false: every run goes to the end date.'),
  }).default({ start: '2014-06-01', end: '2015-12-01', checkpoints: [] }),
  output: z.strictObject({
    everyDays: z.number().int().min(1).max(366).default(7).describe('Days between the dates of the tables (series.csv.gz, bands.csv.gz, differences.csv.gz): the start, then every everyDays days; the checkpoints and the end date are written besides.'),
    levels: z.array(z.enum(levels)).min(1).default([...defaultLevels])
      .describe('Place levels of the tables: series.csv.gz and bands.csv.gz of `hotbed run`, bands.csv.gz, differences.csv.gz and summary.json of `hotbed compare` (`--levels` on the command line). Default world, region and country; add community for a row per community (the named towns and neighbourhoods, and each country\'s unnamed rest), per replicate and date in series.csv.gz: about as many rows again in the shipped world. The report and the checkpoint summary of `hotbed run` do not depend on it.'),
    // Optional, not defaulted, like `replicates`: scenarios without it keep their hash.
    chartTitles: z.boolean().optional()
      .describe('false: charts are drawn without their titles and subtitles, for a journal that sets them in the caption; the report puts each title at the head of its chart\'s caption, and every chart keeps its title and subtitle as its description (the Vega-Lite spec\'s `description`, the SVG\'s <title> and <desc>). Absent or true: titles in the images. `hotbed run` and `hotbed compare` take --no-chart-titles for the same.'),
  }).default({ everyDays: 7, levels: [...defaultLevels] }),
  targets: z.union([z.string(), z.array(z.string()).min(1)]).optional()
    .describe('Targets file (relative path) shown beside the results, or a list of them (the first gives the end-date targets; all give the dated path).'),
  networks: z.record(placeName, recipeSchema).default({ default: { kind: 'watts-strogatz', meanDegree: 10, rewiring: 0.1 } })
    .describe('Named network recipes; `default` is used where a community names none.'),
  channels: channelsSchema.default(channelsSchema.parse({})),
  // Optional, not defaulted, like `replicates`: absent means uniform, and scenarios without it keep their hash.
  stockPlacement: stockPlacementSchema.optional()
    .describe('How each community\'s initial stock (its first influential agents) is placed on its agents: `uniform` (the default when absent: k agents drawn at random, k the stock), in `clusters` of friends, as one agent\'s `neighbourhood`, or on the most `central` agents by degree. Each placement other than uniform and clusters draws from a random stream of its own.'),
  // Optional, not defaulted, like `replicates`: scenarios without it keep their hash.
  priorExposure: z.strictObject({
    days: z.number().int().min(0).max(36500).describe('Days of media exposure before the start date.'),
  }).optional().describe('Sympathizers at the start: each susceptible agent starts as a sympathizer with the probability that this many days of media exposure, at the start\'s rate (exposure × media reach × susceptibility), would have made it one. Absent: no one starts as a sympathizer.'),
  places: z.strictObject({ regions: z.array(regionSchema).min(1) }),
  links: z.array(linkSchema).default([]),
  interventions: z.array(interventionSchema).default([]),
  // Optional, not defaulted, like `replicates`: scenarios without it keep their hash.
  outputs: z.array(statisticInputSchema).min(1).max(200).optional()
    .describe('Statistics `hotbed run` records besides the measures: each a row of series.csv.gz per replicate and date (rates from their `from`), and its median and 90% range at the checkpoints in summary.json.'),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Intervention = z.infer<typeof interventionSchema>;
export type PlaceTarget = z.infer<typeof placeTarget>;
export type Channels = Scenario['channels'];
export type Stock = z.infer<typeof stockSchema>;
export type StockPlacement = z.infer<typeof stockPlacementSchema>;
export type PerAgent = NonNullable<Channels['peer']['perAgent']>;
export { type Distribution } from './distribution-schema.js';
