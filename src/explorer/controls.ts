/**
 * The explorer's controls, read from the scenario's JSON Schema (itself made from the zod
 * schema that checks files): each control's type, range, default and description come
 * from there, its current value from the scenario. What is listed here is only which
 * settings a student gets, in which group, and how a slider spans its range.
 */
import { childSchema, pickBranch, type JsonSchema } from '../scenario/json-schema.js';
import { isPlainObject } from '../scenario/merge.js';

export interface Control {
  group: string;
  /** The scenario path as `--set` takes it: keys, and list items by name. */
  path: string;
  label: string;
  kind: 'number' | 'integer' | 'choice' | 'boolean';
  /** The value in the scenario as chosen (schema default where the file says nothing). */
  value: number | string | boolean;
  /** The value in the scenario as shipped, where the setting is the shipped one's: setting it back is no change. */
  shipped?: number | string | boolean;
  description: string;
  min?: number;
  max?: number;
  /** Sliders over ranges of several decades move on a log scale. */
  scale?: 'linear' | 'log';
  choices?: readonly string[];
  /** Shown only while the control at `path` has this value (a peer rule's own parameters). */
  when?: { path: string; equals: string };
}

/** Where the drawn (hotbed) community sits in the scenario, as paths. */
export interface CommunityPaths {
  name: string;
  /** `places.regions.R.countries.C.communities.T`, or the country's path for a country's unnamed rest. */
  path: string;
  populationPath: string;
  /** The recipe its network follows: `networks.NAME`, or its own inline recipe. */
  networkPath: string;
}

export const PEER_RULES = ['cascade', 'threshold', 'fractional', 'logistic'] as const;

/** Sliders of parameters whose range spans more than this ratio around their value go on a log scale, this many decades either side. */
const LOG_SPAN = { ratio: 100, decades: 1.5 } as const;

/** The controls for one scenario (its value validated, so that defaults are filled in). */
export function controlsFor(scenario: Record<string, unknown>, schema: JsonSchema): Control[] {
  const controls: Control[] = [];
  const add = (group: string, path: string, label: string, when?: Control['when'], fallback?: number) => {
    const c = controlAt(scenario, schema, path, group, label, when, fallback);
    if (c) controls.push(c);
  };
  add('Peer influence', 'channels.peer.rule', 'Peer rule');
  add('Peer influence', 'channels.peer.cascade.probability', 'Probability per tie per day', { path: 'channels.peer.rule', equals: 'cascade' });
  add('Peer influence', 'channels.peer.threshold.ties', 'Threshold (ties)', { path: 'channels.peer.rule', equals: 'threshold' });
  add('Peer influence', 'channels.peer.fractional.share', 'Threshold (share of ties)', { path: 'channels.peer.rule', equals: 'fractional' });
  add('Peer influence', 'channels.peer.logistic.intercept', 'Intercept', { path: 'channels.peer.rule', equals: 'logistic' });
  add('Peer influence', 'channels.peer.logistic.slope', 'Slope', { path: 'channels.peer.rule', equals: 'logistic' });
  add('Peer influence', 'channels.peer.susceptibleReceptivity', 'Receptivity of the not yet sympathetic');
  add('Peer influence', 'channels.peer.weights.returned', 'Weight of a tie to a returnee');
  add('Media', 'channels.media.exposure', 'Exposure per day');
  add('Media', 'channels.media.mobilization', 'Mobilization per day');
  add('Groups and travel', 'channels.group.probability', 'A friend joins the party');
  add('Groups and travel', 'channels.travel.meanPlanningDays', 'Mean planning days');
  add('Groups and travel', 'channels.abroad.returnRate', 'Return rate per day');
  const community = drawnCommunity(scenario);
  if (community) {
    add('Town', community.populationPath, `Population of ${community.name}`);
    const recipe = valueAt(scenario, community.networkPath);
    if (isPlainObject(recipe)) {
      add('Network', `${community.networkPath}.kind`, 'Kind');
      for (const key of Object.keys(recipeProperties(schema, recipe))) {
        if (key !== 'kind') add('Network', `${community.networkPath}.${key}`, sentence(key));
      }
    }
  }
  add('Run', 'scale', 'People per agent');
  add('Run', 'seed', 'Seed');
  // A file without `replicates` makes one run.
  add('Run', 'replicates', 'Replicates', undefined, 1);
  return controls;
}

/** The properties of a recipe's kind, from the schema. */
export function recipeProperties(schema: JsonSchema, recipe: Record<string, unknown>): Record<string, JsonSchema> {
  const recipes = schemaAt(schema, { networks: { any: recipe } }, ['networks', 'any']);
  if (!recipes) return {};
  return pickBranch(recipes, recipe)[0]?.properties ?? {};
}

/** A recipe of `kind` with every parameter at its schema default. */
export function defaultRecipe(schema: JsonSchema, kind: string): Record<string, unknown> {
  const properties = recipeProperties(schema, { kind });
  const out: Record<string, unknown> = { kind };
  for (const [key, s] of Object.entries(properties)) if (key !== 'kind' && s.default !== undefined) out[key] = s.default;
  return out;
}

export function recipeKinds(schema: JsonSchema): string[] {
  const recipes = schemaAt(schema, { networks: { any: {} } }, ['networks', 'any']);
  if (!recipes) return [];
  return (recipes.oneOf ?? recipes.anyOf ?? []).map((b) => b.properties?.kind?.const).filter((k): k is string => typeof k === 'string');
}

/**
 * The community the explorer draws: the first hotbed community, else the first community,
 * with the paths of its population and its network recipe.
 */
export function drawnCommunity(scenario: Record<string, unknown>): CommunityPaths | undefined {
  const networks = isPlainObject(scenario.networks) ? scenario.networks : {};
  let first: CommunityPaths | undefined;
  for (const region of listOf(valueAt(scenario, 'places.regions'))) {
    for (const country of listOf(region.countries)) {
      const countryPath = `places.regions.${region.name}.countries.${country.name}`;
      for (const community of listOf(country.communities)) {
        const path = `${countryPath}.communities.${community.name}`;
        const ref = community.network ?? country.network ?? 'default';
        const found: CommunityPaths = {
          name: String(community.name),
          path,
          populationPath: `${path}.population`,
          networkPath: typeof ref === 'string' ? (Object.hasOwn(networks, ref) ? `networks.${ref}` : 'networks.default') : `${path}.network`,
        };
        if (community.hotbed === true) return found;
        first ??= found;
      }
    }
  }
  return first;
}

/** The value at a dotted path, walking lists by item name. */
export function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const segment of path.split('.')) {
    if (Array.isArray(node)) node = node.find((e) => isPlainObject(e) && (e.name === segment || e.label === segment));
    else if (isPlainObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

function controlAt(scenario: Record<string, unknown>, schema: JsonSchema, path: string, group: string, label: string, when?: Control['when'], fallback?: number): Control | undefined {
  const s = schemaAt(schema, scenario, path.split('.'));
  const value = valueAt(scenario, path) ?? s?.default ?? fallback;
  if (!s || value === undefined) return undefined;
  const description = s.description ?? '';
  const alternatives = s.enum ?? (s.oneOf ?? s.anyOf)?.map((b) => b.const).filter((x) => x !== undefined);
  if (path.endsWith('.kind') && path.includes('network')) {
    // A kind is a tag: what it means is said by its recipe's own description.
    const recipe = valueAt(scenario, path.slice(0, -'.kind'.length));
    const branch = isPlainObject(recipe) ? pickBranch(schemaAt(schema, { networks: { any: recipe } }, ['networks', 'any']) ?? {}, recipe)[0] : undefined;
    return { group, path, label, kind: 'choice', value: String(value), description: branch?.description ?? description, choices: recipeKinds(schema), ...(when ? { when } : {}) };
  }
  if (alternatives && alternatives.length > 0 && alternatives.every((x) => typeof x === 'string')) {
    return { group, path, label, kind: 'choice', value: String(value), description, choices: alternatives as string[], ...(when ? { when } : {}) };
  }
  if (typeof value === 'boolean') return { group, path, label, kind: 'boolean', value, description, ...(when ? { when } : {}) };
  if (typeof value !== 'number') return undefined;
  const integer = s.type === 'integer';
  const min = numberOr(s.minimum, numberOr(s.exclusiveMinimum, undefined));
  const max = numberOr(s.maximum, numberOr(s.exclusiveMaximum, undefined));
  const range = sliderRange(value, min, max, integer);
  return { group, path, label, kind: integer ? 'integer' : 'number', value, description, ...range, ...(when ? { when } : {}) };
}

/**
 * The slider's span: the schema's range where it is narrow enough to move through; else
 * a few decades around the value on a log scale (a per-day probability of 0.002 on a
 * 0–1 slider would sit in its first pixel), or up to ten times the value.
 */
export function sliderRange(value: number, min: number | undefined, max: number | undefined, integer: boolean): Pick<Control, 'min' | 'max' | 'scale'> {
  const low = min ?? 0;
  if (value > 0 && !integer && max !== undefined && max / value > LOG_SPAN.ratio) {
    const f = 10 ** LOG_SPAN.decades;
    return { min: Math.max(value / f, low > 0 ? low : value / f), max: Math.min(value * f, max), scale: 'log' };
  }
  const top = max !== undefined && max <= Math.max(10 * Math.abs(value), 1) * 10 ? max : Math.max(10 * Math.abs(value), integer ? 10 : 1);
  return { min: min !== undefined ? min : Math.min(0, value), max: top, scale: 'linear' };
}

/** The schema of a path, resolving tagged unions against the scenario's value along the way. */
function schemaAt(schema: JsonSchema, scenario: unknown, path: readonly string[]): JsonSchema | undefined {
  let s: JsonSchema | undefined = schema;
  let node: unknown = scenario;
  for (const segment of path) {
    if (!s) return undefined;
    if (Array.isArray(node)) {
      const index = node.findIndex((e) => isPlainObject(e) && (e.name === segment || e.label === segment));
      s = childSchema(s, index, node);
      node = node[index];
    } else {
      s = childSchema(s, segment, node);
      node = isPlainObject(node) ? node[segment] : undefined;
    }
  }
  return s;
}

function numberOr(x: unknown, fallback: number | undefined): number | undefined {
  return typeof x === 'number' ? x : fallback;
}

function listOf(x: unknown): Record<string, unknown>[] {
  return Array.isArray(x) ? x.filter(isPlainObject) : [];
}

/** `friendGroupSize` → `Friend group size`. */
function sentence(key: string): string {
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A counter-measure a student can add: its kind's one strength parameter, a start date, where it applies. */
export interface CounterMeasure {
  kind: 'border-control' | 'media-takedown' | 'prevention';
  /** Its label in the scenario (interventions merge by label): marks it as the explorer's. */
  label: string;
  /** The parameter that sets its strength, and that parameter's schema. */
  strength: string;
  description: string;
  strengthDescription: string;
  min: number;
  max: number;
  value: number;
  /** Where it applies: the world, or the drawn community (prevention is local). */
  target: unknown;
  /** Suggested start: the middle of the run. */
  start: string;
}

const COUNTER_MEASURES: readonly Pick<CounterMeasure, 'kind' | 'strength' | 'value'>[] = [
  { kind: 'border-control', strength: 'interception', value: 0.3 },
  { kind: 'media-takedown', strength: 'reduction', value: 0.5 },
  { kind: 'prevention', strength: 'influenceReduction', value: 0.5 },
];

export function counterMeasures(scenario: Record<string, unknown>, schema: JsonSchema, middle: string): CounterMeasure[] {
  const items = schemaAt(schema, { interventions: [] }, ['interventions']);
  const kinds = items?.items ? (items.items.oneOf ?? items.items.anyOf ?? []) : [];
  const community = drawnCommunity(scenario);
  const out: CounterMeasure[] = [];
  for (const c of COUNTER_MEASURES) {
    const branch = kinds.find((b) => b.properties?.kind?.const === c.kind);
    const strength = branch?.properties?.[c.strength];
    if (!branch || !strength) continue;
    const target = c.kind === 'prevention' && community ? { community: community.name } : 'world';
    out.push({
      ...c,
      label: `${sentence(c.kind.replace('-', ' '))} (explorer)`,
      description: branch.description ?? '',
      strengthDescription: strength.description ?? '',
      min: numberOr(strength.minimum, 0)!,
      max: numberOr(strength.maximum, 1)!,
      target,
      start: middle,
    });
  }
  return out;
}
