/**
 * `compare`: several scenarios of the same world, each run for the same
 * replicates with the same random streams (common random numbers). Streams are
 * keyed by (seed, replicate, purpose), so replicate r of every scenario starts
 * from the same networks and the same initial stock and draws the same numbers
 * until the scenarios' rules make it diverge: differences between scenarios
 * are paired, replicate by replicate, and their spread shows the effect of the
 * scenario rather than the noise between runs.
 *
 * Only aggregates are kept of each replicate (a ReplicateCube: agents per
 * day × place × measure), plus a network sample from replicate 0 of the
 * reference and the same people's end states in every other scenario's
 * replicate 0; per-agent arrays are dropped as soon as a replicate is done.
 */
import { daysBetween } from '../model/dates.js';
import { messages, type ScenarioDifference } from '../messages/scenario.js';
import { resultMessages } from '../messages/results.js';
import type { LoadedScenario } from '../scenario/load.js';
import { levels as allLevels, type Level } from '../scenario/schema.js';
import { planWorld, type WorldPlan } from '../world/plan.js';
import { communitiesOfPlaces, placeKeys, ReplicateCube, type PlaceKey } from '../results/cube.js';
import { monthStartDays } from '../results/months.js';
import { networkSampleOf, sampleAgents, sampleCommunity, sampleOutcome, type NetworkOutcome, type NetworkSample } from '../results/network-sample.js';
import { recordDays as scheduledDays } from '../results/recorder.js';
import { checkMemory, runScenarioAsync, type Progress, type RunResult } from './run.js';
import { addsCounterMeasures } from './counter-measures.js';

export interface CompareOptions {
  /** Seed of every scenario's streams; default: the first scenario's. */
  seed?: number;
  replicates: number;
  memoryLimitBytes?: number;
  /** Whether to keep a network sample from replicate 0 of the reference, and its people in the other scenarios (default true). */
  networkSample?: boolean;
  onProgress?: (p: CompareProgress) => void;
}

export interface CompareProgress extends Progress {
  /** Index of the scenario being run (0 = reference). */
  scenario: number;
  scenarios: number;
  name: string;
}

export interface ReplicateTiming {
  replicate: number;
  buildMs: number;
  runMs: number;
  ties: number;
  events: number;
}

export interface ComparedScenario {
  /** Short name: the file's stem, made unique among the scenarios compared, or the variant's name. */
  name: string;
  /** The file as given (a variant's: the reference file it changes, `loaded.variant` says how). */
  file: string;
  /** Whether it adds counter-measures to the reference and changes nothing else that runs (counter-measures.ts); false for the reference. */
  addsCounterMeasures: boolean;
  loaded: LoadedScenario;
  plan: WorldPlan;
  cube: ReplicateCube;
  timing: ReplicateTiming[];
}

export interface Comparison {
  /** The scenarios in the order given; the first is the reference. */
  scenarios: ComparedScenario[];
  seed: number;
  replicates: number;
  start: string;
  end: string;
  /** Days from start to end. */
  days: number;
  scale: number;
  /** Days held in every cube, ascending: the reference's output days, every checkpoint, the first of each month, the end. */
  recordDays: number[];
  /**
   * Days the tables (bands, differences) are written on, ascending: the reference's regular
   * grid (every output.everyDays days from the start), every checkpoint and the end, the days
   * of series.csv.gz. The first of each month is in the cube for monthly flows only.
   */
  tableDays: number[];
  /** Checkpoints of all scenarios and the end, ascending. */
  checkpointDays: number[];
  /** Levels written to tables (the reference's output.levels); the cubes hold world, regions and countries as well. */
  levels: Level[];
  places: PlaceKey[];
  network?: NetworkSample;
  /** Things worth telling the user (e.g. a scenario's own seed was not used). */
  notes: string[];
  /**
   * How differences from the reference are spoken of: 'averted' (reference − scenario) when every
   * other scenario adds counter-measures to the reference, else 'change' (scenario − reference).
   * The tables (differences.csv.gz, summary.json) are reference − scenario either way.
   */
  differences: 'averted' | 'change';
}

interface Entry {
  loaded: LoadedScenario;
  /** The file, or a variant's label, for messages. */
  file: string;
  plan: WorldPlan;
}

/** How a scenario is named in messages: its file, or which variant of which file. */
const labelOf = (l: LoadedScenario) => (l.variant ? messages.variantLabel(l.variant.name, l.files[0]!) : l.files[0]!);

/** The first difference that stops two scenarios from being paired, or undefined. */
export function scenarioDifference(a: Entry, b: Entry): ScenarioDifference | undefined {
  const A = a.loaded.scenario;
  const B = b.loaded.scenario;
  if (A.dates.start !== B.dates.start) return { kind: 'value', what: 'the start date', a: A.dates.start, b: B.dates.start };
  if (A.dates.end !== B.dates.end) return { kind: 'value', what: 'the end date', a: A.dates.end, b: B.dates.end };
  if (A.scale !== B.scale) return { kind: 'value', what: 'scale', a: A.scale, b: B.scale };
  const pa = parents(a.plan);
  const pb = parents(b.plan);
  const missing = (from: Map<string, Parent>, to: Map<string, Parent>, side: 'a' | 'b'): ScenarioDifference | undefined => {
    for (const [key, p] of from) {
      const other = to.get(key);
      if (!other) {
        return p.level === 'community' && p.name === p.parent
          ? { kind: 'rest', country: p.name, in: side }
          : { kind: 'missing', level: p.level, name: p.name, in: side };
      }
      if (side === 'a' && other.parent !== p.parent) {
        return { kind: 'parent', level: p.level, name: p.name, parentLevel: p.parentLevel, a: p.parent, b: other.parent };
      }
    }
    return undefined;
  };
  return missing(pa, pb, 'a') ?? missing(pb, pa, 'b');
}

interface Parent {
  level: Level;
  name: string;
  parentLevel: Level;
  parent: string;
}

/** Every region, country and community (in plan order) with the place it belongs to. */
function parents(plan: WorldPlan): Map<string, Parent> {
  const out = new Map<string, Parent>();
  for (const r of plan.regions) out.set(`region\u0000${r.name}`, { level: 'region', name: r.name, parentLevel: 'world', parent: 'World' });
  for (const c of plan.countries) out.set(`country\u0000${c.name}`, { level: 'country', name: c.name, parentLevel: 'region', parent: plan.regions[c.region]!.name });
  for (const m of plan.communities) out.set(`community\u0000${m.name}`, { level: 'community', name: m.name, parentLevel: 'country', parent: plan.countries[m.country]!.name });
  return out;
}

/** Throws the named UserError if any scenario cannot be paired with the first. */
export function checkAlignment(entries: readonly Entry[]): void {
  for (let i = 1; i < entries.length; i++) {
    const d = scenarioDifference(entries[0]!, entries[i]!);
    if (d) throw messages.scenariosDiffer(entries[0]!.file, entries[i]!.file, d);
  }
}

/**
 * The names the scenarios go by: file stems (scenarioNames) and variants' own names. A variant
 * named as a file or an earlier variant is refused, naming both.
 */
export function comparedNames(loaded: readonly LoadedScenario[]): string[] {
  const fileNames = scenarioNames(loaded.filter((l) => !l.variant).map((l) => l.files[0]!));
  const taken = new Map<string, string>();
  let f = 0;
  return loaded.map((l) => {
    const name = l.variant ? l.variant.name : fileNames[f++]!;
    const other = taken.get(name);
    if (l.variant && other !== undefined) throw messages.variantDuplicateName(name, other);
    taken.set(name, labelOf(l));
    return name;
  });
}

/** File stems, made unique with " (2)", " (3)" where two files share a stem. */
export function scenarioNames(files: readonly string[]): string[] {
  const stems = files.map((f) => f.slice(f.lastIndexOf('/') + 1).replace(/\.(ya?ml|json)$/i, ''));
  const seen = new Map<string, number>();
  return stems.map((s) => {
    const n = (seen.get(s) ?? 0) + 1;
    seen.set(s, n);
    return n === 1 ? s : `${s} (${n})`;
  });
}

/** The days a comparison records: output days of the reference, all checkpoints, the first of each month, the end. */
function comparisonDays(entries: readonly Entry[]): { days: number; recordDays: number[]; tableDays: number[]; checkpointDays: number[] } {
  const ref = entries[0]!.loaded.scenario;
  const days = daysBetween(ref.dates.start, ref.dates.end);
  const checkpointDays = [...new Set([days, ...entries.flatMap((e) => e.loaded.scenario.dates.checkpoints.map((d) => daysBetween(ref.dates.start, d)))])]
    .filter((d) => d >= 0 && d <= days)
    .sort((a, b) => a - b);
  const tableDays = scheduledDays(days, ref.output.everyDays, checkpointDays);
  const recordDays = [...new Set([...tableDays, ...monthStartDays(ref.dates.start, days)])].sort((a, b) => a - b);
  return { days, recordDays, tableDays, checkpointDays };
}

/** Levels the cubes hold: the written ones, and always world, regions and countries (the report needs them). */
function cubeLevels(written: readonly Level[]): Level[] {
  return allLevels.filter((l) => l !== 'community' || written.includes(l));
}

/**
 * The cube's places and the named hotbeds, which the report's preparation charts read even when
 * the community level is not written (tables write only the written levels' places).
 */
function withHotbeds(places: PlaceKey[], plan: WorldPlan): PlaceKey[] {
  const has = new Set(places.filter((p) => p.level === 'community').map((p) => p.name));
  const hotbeds = plan.communities.filter((m) => m.hotbed && !has.has(m.name)).map((m): PlaceKey => ({ level: 'community', name: m.name }));
  return [...places, ...hotbeds];
}

/**
 * Everything that can be refused before running: scenarios that cannot be
 * paired with the first (a UserError naming both files and the first
 * difference), and worlds too large for memory. Returns the plans.
 */
export function checkComparable(loaded: readonly LoadedScenario[], memoryLimitBytes?: number): WorldPlan[] {
  comparedNames(loaded);
  const entries: Entry[] = loaded.map((l) => ({ loaded: l, file: labelOf(l), plan: planWorld(l.scenario) }));
  checkAlignment(entries);
  for (const e of entries) checkMemory(e.plan, memoryLimitBytes, e.file);
  return entries.map((e) => e.plan);
}

export async function compareScenarios(loaded: readonly LoadedScenario[], options: CompareOptions): Promise<Comparison> {
  if (loaded.length === 0) throw new Error('experiments/compare: no scenarios');
  if (!Number.isInteger(options.replicates) || options.replicates < 1) throw new Error(`experiments/compare: replicates ${options.replicates}`);
  const plans = checkComparable(loaded, options.memoryLimitBytes);
  const entries: Entry[] = loaded.map((l, i) => ({ loaded: l, file: labelOf(l), plan: plans[i]! }));

  const ref = entries[0]!;
  const seed = options.seed ?? ref.loaded.scenario.seed;
  const replicates = options.replicates;
  const { days, recordDays, tableDays, checkpointDays } = comparisonDays(entries);
  const levels = [...ref.loaded.scenario.output.levels];
  const places = withHotbeds(placeKeys(ref.plan, cubeLevels(levels)), ref.plan);
  const names = comparedNames(loaded);
  const notes = entries.filter((e) => e.loaded.scenario.seed !== seed)
    .map((e) => `${e.file} sets seed ${e.loaded.scenario.seed}; every scenario was run with seed ${seed} (common random numbers)`);

  // The reference's sample, then the same people in each other scenario's replicate 0.
  let network: NetworkSample | undefined;
  let sampled: number[] = [];
  const otherScenarios: NetworkOutcome[] = [];
  const scenarios: ComparedScenario[] = [];
  for (const [index, e] of entries.entries()) {
    const cube = new ReplicateCube(recordDays, places, replicates);
    const communities = communitiesOfPlaces(e.plan, places);
    const run = await runScenarioAsync(e.loaded.scenario, {
      seed,
      replicates,
      memoryLimitBytes: options.memoryLimitBytes,
      scenarioFile: e.file,
      extraRecordDays: recordDays,
      keepSnapshots: false,
      onReplicate: (r) => cube.add(r.replicate, r.snapshots, communities),
      onOutcome: options.networkSample !== false
        ? (replicate, world, outcome) => {
          if (replicate !== 0) return;
          if (index === 0) {
            const community = sampleCommunity(e.plan);
            sampled = sampleAgents(world, outcome, community);
            network = networkSampleOf(world, outcome, community, sampled, names[0]!);
          } else if (network) {
            const other = sampleOutcome(world, outcome, sampled, network, names[index]!);
            if (other) otherScenarios.push(other);
          }
        }
        : undefined,
      onProgress: options.onProgress ? (p) => options.onProgress!({ ...p, scenario: index, scenarios: entries.length, name: names[index]! }) : undefined,
    });
    const adds = index > 0 && addsCounterMeasures(ref.loaded.scenario, e.loaded.scenario);
    scenarios.push({ name: names[index]!, file: e.loaded.files[0]!, addsCounterMeasures: adds, loaded: e.loaded, plan: e.plan, cube, timing: timingOf(run) });
  }
  const s = ref.loaded.scenario;
  if (network && otherScenarios.length > 0) network = { ...network, otherScenarios };
  const differences = scenarios.slice(1).every((x) => x.addsCounterMeasures) ? 'averted' : 'change';
  if (differences === 'change') {
    const others = scenarios.slice(1);
    notes.push(resultMessages.changeVersusReference(names[0]!, others.filter((x) => !x.addsCounterMeasures).map((x) => x.name), others.filter((x) => x.addsCounterMeasures).map((x) => x.name)));
  }
  return { scenarios, seed, replicates, start: s.dates.start, end: s.dates.end, days, scale: s.scale, recordDays, tableDays, checkpointDays, levels, places, network, notes, differences };
}

function timingOf(run: RunResult): ReplicateTiming[] {
  return run.replicates.map((r) => ({ replicate: r.replicate, buildMs: r.buildMs, runMs: r.runMs, ties: r.ties, events: r.events }));
}

/**
 * A one-scenario comparison from a run that kept its snapshots (`hotbed run
 * --replicates`), for bands and the report. The run should have recorded the
 * first of each month (`extraRecordDays: monthStartDays(...)`) for monthly flows.
 */
export function comparisonOfRun(loaded: LoadedScenario, run: RunResult, network?: NetworkSample): Comparison {
  const file = loaded.files[0]!;
  const s = run.scenario;
  const recorded = run.replicates[0]?.snapshots.map((x) => x.day) ?? [];
  const recordDays = [...new Set(recorded)].sort((a, b) => a - b);
  const levels = [...s.output.levels];
  const places = withHotbeds(placeKeys(run.plan, cubeLevels(levels)), run.plan);
  const communities = communitiesOfPlaces(run.plan, places);
  const cube = new ReplicateCube(recordDays, places, run.replicates.length);
  run.replicates.forEach((r, i) => cube.add(i, r.snapshots, communities));
  const name = scenarioNames([file])[0]!;
  return {
    scenarios: [{ name, file, addsCounterMeasures: false, loaded, plan: run.plan, cube, timing: timingOf(run) }],
    seed: run.seed,
    replicates: run.replicates.length,
    start: s.dates.start,
    end: s.dates.end,
    days: run.days,
    scale: s.scale,
    recordDays,
    tableDays: run.recordDays,
    checkpointDays: run.checkpointDays,
    levels,
    places,
    network,
    notes: [],
    differences: 'averted',
  };
}
