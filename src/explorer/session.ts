/**
 * One run of the browser explorer, start to end, with no file and no terminal: the
 * scenario's merged value plus the student's changes (`path=value`, read exactly as
 * `hotbed run --set` reads them), checked as a scenario file is checked, then run by the
 * same `runScenario` as the command, with the month starts `hotbed run` records for its
 * report. It returns the command's own `summary.json` and `series.csv` text, the report's
 * chart inputs, and a picture of the town's network with every state change of its
 * people day by day. It runs in a Web Worker in the page and in Node.js alike.
 */
import { compareScenarios, comparisonOfRun, type Comparison } from '../experiments/compare.js';
import { runScenario } from '../experiments/run.js';
import { addDays, daysBetween } from '../model/dates.js';
import { layoutNetwork } from '../charts/layout.js';
import { reportInputs } from '../results/report-inputs.js';
import { networkSampleOf, sampleAgents, sampleCommunity, type NetworkSample } from '../results/network-sample.js';
import { monthStartDays } from '../results/months.js';
import { seriesCsv, summarize, type Summary } from '../results/tables.js';
import type { ReportInputs } from '../charts/inputs.js';
import type { LoadedScenario } from '../scenario/load.js';
import { applyOverrides, changedBy, parseOverride } from '../scenario/overrides.js';
import type { Scenario } from '../scenario/schema.js';
import { validateScenario } from '../scenario/validate.js';
import { scenarioJsonSchema } from '../scenario/json-schema.js';
import { controlsFor, counterMeasures, defaultRecipe, recipeKinds, type Control, type CounterMeasure } from './controls.js';
import { settingsYaml } from './settings-yaml.js';
import type { World } from '../world/build.js';

/** A scenario the explorer offers: its file (as `extends:` names it) and its value merged with what it extends. */
export interface ExplorerScenario {
  file: string;
  title: string;
  value: Record<string, unknown>;
}

export interface ExplorerRequest {
  scenario: ExplorerScenario;
  /** `path=value`, as `--set` takes them, applied in order (the seed and the replicates included: a file says both). */
  changes: readonly string[];
  /** People drawn in the network picture, at most. */
  drawn: number;
}

/**
 * `drawn`: people in the network picture. `layoutIterations`: ForceAtlas2 steps for it; fewer
 * than the report's (the same layout module): the picture comes with every change of a
 * setting, so it must come in a fraction of a second.
 */
export const DEFAULTS = { drawn: 600, layoutIterations: 120 } as const;

/** What the page shows of the settings before any run: the controls at their values, and the settings as a file. */
export interface SettingsDescription {
  title: string;
  controls: Control[];
  counterMeasures: CounterMeasure[];
  /** The scenario's own interventions (as the file has them), which the explorer's are added after. */
  interventions: unknown[];
  dates: { start: string; end: string };
  /** The drawn community's network kind as shipped: choosing it again restores the shipped recipe. */
  shippedNetworkKind?: string;
  /** Each network kind with its parameters at the schema's defaults: a new kind starts from these, written out in the settings file. */
  recipes: Record<string, Record<string, unknown>>;
  settingsYaml: string;
}

/** Where the explorer's own changes come from, in messages (a `--set` names itself `--set`). */
export const SETTINGS_SOURCE = 'explorer settings';

/** The town's network as drawn: the sampled people (local ids 0..n−1) and every change of their state. */
export interface NetworkPicture {
  community: string;
  /** People in the community, of whom `agents.length` are drawn. */
  communityAgents: number;
  /** World ids of the drawn people. */
  agents: number[];
  x: number[];
  y: number[];
  /** State at the start (day 0), by local id. */
  initialState: number[];
  /** State at the end of the run, by local id. */
  endState: number[];
  /** [local id, new state, day], in the order they happened. */
  changes: [number, number, number][];
  /** Mobilization channel (model/states channel index), by local id. */
  channel: number[];
  /** Local id of the recruiter, −1 if none or not drawn; `recruiterAgent` keeps the world id. */
  recruiter: number[];
  recruiterAgent: number[];
  mobilizedOn: number[];
  ties: [number, number][];
  /** Ties in the whole world of each drawn person. */
  degree: number[];
}

export interface ExplorerRun {
  scenario: Scenario;
  start: string;
  days: number;
  /** People who had travelled by the end, world median over replicates: the figure `hotbed run` prints last. */
  travelled: number;
  end: string;
  summary: Summary;
  /** Byte for byte what `hotbed run` writes as summary.json, and series.csv.gz decompressed. */
  summaryJson: string;
  seriesCsv: string;
  inputs: ReportInputs;
  network: NetworkPicture;
  /** Building the worlds and simulating, every replicate (the picture's sample and layout left out). */
  simulateMs: number;
  /** Sampling and laying out the picture. */
  pictureMs: number;
}

/** The scenario with the changes applied, checked as a file is; a UserError names the change at fault. */
export function explorerScenario(scenario: ExplorerScenario, changes: readonly string[]): Scenario {
  const overrides = changes.map((c) => parseOverride(c, SETTINGS_SOURCE));
  const { value, touched, sources } = applyOverrides(scenario.value, overrides);
  return validateScenario(value, (path) => ({ file: changedBy(path, touched, sources) ?? scenario.file }));
}

export function describeSettings(request: Pick<ExplorerRequest, 'scenario' | 'changes'>): SettingsDescription {
  const scenario = explorerScenario(request.scenario, request.changes);
  // Sliders span a range around the scenario's own values, so that they stay put as they move.
  const shipped = new Map(controlsFor(explorerScenario(request.scenario, []) as unknown as Record<string, unknown>, scenarioJsonSchema()).map((c) => [c.path, c]));
  const controls = controlsFor(scenario as unknown as Record<string, unknown>, scenarioJsonSchema()).map((c) => {
    const s = shipped.get(c.path);
    return s && s.kind === c.kind ? { ...c, min: s.min, max: s.max, scale: s.scale, shipped: s.value } : c;
  });
  const shippedKind = [...shipped.values()].find((c) => c.group === 'Network' && c.path.endsWith('.kind'))?.value;
  return {
    title: scenario.title ?? request.scenario.title,
    controls,
    counterMeasures: counterMeasures(scenario as unknown as Record<string, unknown>, scenarioJsonSchema(), addDays(scenario.dates.start, Math.round(daysBetween(scenario.dates.start, scenario.dates.end) / 2))),
    interventions: Array.isArray(request.scenario.value.interventions) ? request.scenario.value.interventions : [],
    dates: { start: scenario.dates.start, end: scenario.dates.end },
    ...(typeof shippedKind === 'string' ? { shippedNetworkKind: shippedKind } : {}),
    recipes: Object.fromEntries(recipeKinds(scenarioJsonSchema()).map((kind) => [kind, defaultRecipe(scenarioJsonSchema(), kind)])),
    settingsYaml: settingsYaml(request.scenario, request.changes),
  };
}

export function exploreRun(request: ExplorerRequest): ExplorerRun {
  const scenario = explorerScenario(request.scenario, request.changes);
  const t0 = performance.now();
  const days = daysBetween(scenario.dates.start, scenario.dates.end);
  let picture: NetworkPicture | undefined;
  let pictureMs = 0;
  const changes: [number, number, number][] = [];
  const run = runScenario(scenario, {
    replicates: scenario.replicates ?? 1,
    extraRecordDays: monthStartDays(scenario.dates.start, days),
    onStateChange: (replicate, agent, to, day) => {
      if (replicate === 0) changes.push([agent, to, day]);
    },
    onOutcome: (replicate, world, outcome) => {
      if (replicate !== 0) return;
      const started = performance.now();
      const community = sampleCommunity(world);
      const agents = sampleAgents(world, outcome, community, { size: request.drawn, chains: Math.round(request.drawn * 0.65) });
      const sample = networkSampleOf(world, outcome, community, agents, request.scenario.file);
      picture = pictureOf(world, outcome, community, agents, sample, changes, scenario.seed);
      pictureMs = performance.now() - started;
    },
  });
  const simulateMs = performance.now() - t0 - pictureMs;
  const summary = summarize(run);
  return {
    scenario,
    start: scenario.dates.start,
    days,
    travelled: travelledAtEnd(summary),
    end: scenario.dates.end,
    summary,
    summaryJson: `${JSON.stringify(summary, null, 2)}\n`,
    seriesCsv: seriesCsv(run),
    inputs: reportInputs(comparisonOfRun(loadedOf(request.scenario.file, scenario), run)),
    network: picture!,
    simulateMs,
    pictureMs,
  };
}

/**
 * The scenario as shipped and the changed one, run with the same seed and streams
 * (`hotbed compare`'s common random numbers), for charts of both; the shipped one is
 * the reference.
 */
export async function compareWithDefaults(request: ExplorerRequest): Promise<ReportInputs> {
  const shipped = explorerScenario(request.scenario, []);
  const changed = explorerScenario(request.scenario, request.changes);
  const comparison: Comparison = await compareScenarios(
    [loadedOf(request.scenario.file, shipped), loadedOf('your settings', changed)],
    { replicates: changed.replicates ?? 1, seed: changed.seed, networkSample: false },
  );
  return reportInputs(comparison);
}

export function travelledAtEnd(summary: Summary): number {
  const last = summary.checkpoints.at(-1);
  const world = last ? Object.values(last.places.world)[0] : undefined;
  return world?.travelled.median ?? 0;
}

/** A scenario as the comparison and report modules take it, for a value that comes from no file on disk. */
function loadedOf(file: string, scenario: Scenario): LoadedScenario {
  return { scenario, files: [file], hash: '', targetsFiles: [] };
}

function pictureOf(
  world: World,
  outcome: { state: Uint8Array; channel: Uint8Array; recruitedBy: Int32Array; mobilizedOn: Int32Array },
  community: number,
  agents: readonly number[],
  sample: NetworkSample,
  changes: readonly [number, number, number][],
  seed: number,
): NetworkPicture {
  const c = world.communities[community]!;
  // The sample's local ids are positions in `agents`.
  const local = new Map(agents.map((a, i) => [a, i]));
  const positions = layoutNetwork(sample, seed, DEFAULTS.layoutIterations);
  const { offsets } = world.ties;
  return {
    community: c.name,
    communityAgents: c.agents,
    agents: [...agents],
    x: sample.nodes.map((n) => positions.get(n.id)!.x),
    y: sample.nodes.map((n) => positions.get(n.id)!.y),
    initialState: agents.map((a) => world.initialState[a]!),
    endState: agents.map((a) => outcome.state[a]!),
    changes: changes.filter(([a]) => local.has(a)).map(([a, to, day]) => [local.get(a)!, to, day]),
    channel: agents.map((a) => outcome.channel[a]!),
    recruiter: agents.map((a) => local.get(outcome.recruitedBy[a]!) ?? -1),
    recruiterAgent: agents.map((a) => outcome.recruitedBy[a]!),
    mobilizedOn: agents.map((a) => outcome.mobilizedOn[a]!),
    ties: sample.ties.map((t) => [t.a, t.b]),
    degree: agents.map((a) => offsets[a + 1]! - offsets[a]!),
  };
}
