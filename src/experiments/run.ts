/**
 * `run`: one scenario, one or more replicates, each with its own world drawn
 * from (seed, replicate) and its own simulation. Returns snapshots of the tally
 * on the days to be written; turning them into tables is the results module's job.
 */
import { simulate, type SimulationOutcome } from '../engine/simulation.js';
import { compileChannels } from '../model/channels.js';
import { daysBetween } from '../model/dates.js';
import { compileInterventions } from '../model/interventions.js';
import { recordDays, Recorder, type Snapshot } from '../results/recorder.js';
import { scenarioStatistics, statisticDays } from '../results/statistics.js';
import type { Statistic } from '../statistics/registry.js';
import { messages } from '../messages/scenario.js';
import type { Scenario } from '../scenario/schema.js';
import { buildWorld, type World } from '../world/build.js';
import { estimateBytes, planWorld, type WorldPlan } from '../world/plan.js';
import { tieCount } from '../network/csr.js';
import { estimateRecordingBytes, type RecordingSize } from '../results/size.js';
import { measureNames } from '../statistics/measures.js';

export interface Progress {
  replicate: number;
  replicates: number;
  phase: 'build' | 'run';
  day: number;
  days: number;
}

export interface RunOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  replicates?: number;
  /** Refuse worlds whose estimated peak memory exceeds this. */
  memoryLimitBytes?: number;
  /** Named in the error when the world is too large. */
  scenarioFile?: string;
  onProgress?: (p: Progress) => void;
  /**
   * Days recorded besides the scenario's own (e.g. the first of each month, for
   * monthly flows). Their snapshots are kept with the others, but
   * `RunResult.recordDays` still lists the scenario's own days only.
   */
  extraRecordDays?: readonly number[];
  /**
   * Called once per replicate, after its run, with the world and the engine's
   * outcome (per-agent states, channels, who recruited whom). Neither is kept:
   * take what you need here.
   */
  onOutcome?: (replicate: number, world: World, outcome: SimulationOutcome) => void;
  /**
   * Called on every change of an agent's state after day 0 (a day-by-day picture of the
   * network: the browser explorer's). The numbers are the same with it or without it.
   */
  onStateChange?: (replicate: number, agent: number, to: number, day: number) => void;
  /**
   * Called once per replicate between building its world and simulating it: the hook of custom
   * experiments. The world may be changed in place (initialState to place seeds, agentThreshold
   * or agentReceptivity to set per-agent values), or a world of the same plan returned in its stead.
   * Interventions are compiled after it, so network targeting ranks the world it leaves.
   */
  prepareWorld?: (replicate: number, world: World) => World | void;
  /** Called once per replicate with its result (snapshots included). */
  onReplicate?: (result: ReplicateResult) => void;
  /**
   * false: snapshots go to `onReplicate` only and the returned replicates hold
   * none, so memory does not grow with the number of replicates. Default true.
   */
  keepSnapshots?: boolean;
  /**
   * Asked after each recorded day with that day's snapshot: true abandons the run there and
   * makes no further replicates (a calibration whose proposal can no longer be accepted).
   * The abandoned replicate is not reported (no `onOutcome`, `onReplicate` or result); `RunResult.abandoned` says where it stopped.
   */
  abandonWhen?: (replicate: number, snapshot: Snapshot) => boolean;
}

export interface ReplicateResult {
  replicate: number;
  snapshots: Snapshot[];
  ties: number;
  events: number;
  tieVisits: number;
  buildMs: number;
  runMs: number;
  /** The last day on which some agent changed state. */
  lastChangeDay: number;
  /** With dates.stopAtQuiescence: the day from which nothing could change, if before the end date. */
  quiescentFrom?: number;
  /** With dates.stopAtQuiescence: whether something could still change at the end date. */
  activeAtEnd?: boolean;
}

export interface RunResult {
  scenario: Scenario;
  plan: WorldPlan;
  seed: number;
  days: number;
  recordDays: number[];
  checkpointDays: number[];
  /** The scenario's `outputs`, resolved once: what series.csv, summary.json and the report add. */
  statistics: Statistic[];
  replicates: ReplicateResult[];
  /** Where `abandonWhen` stopped the runs; undefined when every replicate ran to the end. */
  abandoned?: { replicate: number; day: number };
}

export function checkMemory(plan: WorldPlan, limitBytes: number | undefined, file = 'scenario'): void {
  const needed = estimateBytes(plan);
  if (limitBytes !== undefined && needed > limitBytes) {
    throw messages.tooLarge({ file }, plan.agentCount, plan.expectedTies, needed, limitBytes);
  }
}

/** Refuses a run whose world and records together would not fit, before either is allocated. */
export function checkRecordingMemory(plan: WorldPlan, size: RecordingSize, limitBytes: number | undefined, file = 'scenario'): void {
  const needed = estimateBytes(plan) + estimateRecordingBytes(size);
  if (limitBytes !== undefined && needed > limitBytes) throw messages.recordsTooLarge({ file }, size, needed, limitBytes);
}

/**
 * Runs the scenario's replicates one after another, in this thread. Refuses a world or
 * records too large for memory before allocating either.
 */
export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const run = startRun(scenario, options);
  for (let replicate = 0; replicate < run.replicates && runReplicate(run, replicate); replicate++);
  return run.result();
}

/**
 * The same run, giving the event loop a turn between replicates: a command that simulates on
 * its main thread still hears Ctrl-C (a signal handler runs only when the loop is free) and
 * stops after the replicate in progress. Same results as runScenario, byte for byte.
 */
export async function runScenarioAsync(scenario: Scenario, options: RunOptions = {}): Promise<RunResult> {
  const run = startRun(scenario, options);
  for (let replicate = 0; replicate < run.replicates && runReplicate(run, replicate); replicate++) {
    await yieldToEventLoop();
  }
  return run.result();
}

/** One turn of the event loop: setImmediate in Node.js; a zero timeout where there is none (the browser explorer's worker). */
const yieldToEventLoop = (): Promise<void> =>
  new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** What every replicate of a run shares, checked and computed once. */
interface StartedRun {
  scenario: Scenario;
  options: RunOptions;
  seed: number;
  replicates: number;
  plan: WorldPlan;
  days: number;
  recorded: number[];
  channels: ReturnType<typeof compileChannels>;
  results: ReplicateResult[];
  abandoned?: RunResult['abandoned'];
  result(): RunResult;
}

function startRun(scenario: Scenario, options: RunOptions): StartedRun {
  const seed = options.seed ?? scenario.seed;
  const replicates = options.replicates ?? 1;
  const plan = planWorld(scenario);
  checkMemory(plan, options.memoryLimitBytes, options.scenarioFile);
  const days = daysBetween(scenario.dates.start, scenario.dates.end);
  const checkpointDays = [...new Set([...scenario.dates.checkpoints.map((d) => daysBetween(scenario.dates.start, d)), days])].sort((a, b) => a - b);
  const wanted = recordDays(days, scenario.output.everyDays, checkpointDays);
  // The scenario's own statistics may need days of their own (the start of a rate's period).
  const statistics = scenarioStatistics(scenario, plan);
  const extra = [...(options.extraRecordDays ?? []), ...statisticDays(statistics, scenario.dates.start)];
  const recorded = extra.length
    ? [...new Set([...wanted, ...extra.filter((d) => d >= 0 && d <= days)])].sort((a, b) => a - b)
    : wanted;
  checkRecordingMemory(plan, {
    recordedDays: recorded.length,
    communities: plan.communities.length,
    places: plan.places.at(scenario.output.levels).length,
    measures: measureNames.length + statistics.length,
    replicates,
  }, options.memoryLimitBytes, options.scenarioFile);
  const run: StartedRun = {
    scenario, options, seed, replicates, plan, days, recorded,
    channels: compileChannels(scenario.channels),
    results: [],
    result: () => ({ scenario, plan, seed, days, recordDays: wanted, checkpointDays, statistics, replicates: run.results, ...(run.abandoned ? { abandoned: run.abandoned } : {}) }),
  };
  return run;
}

/** One replicate: its world, its simulation, its result. False when `abandonWhen` stopped it (no further replicate runs). */
function runReplicate(run: StartedRun, replicate: number): boolean {
  const { scenario, options, seed, replicates, plan, days, channels } = run;
  options.onProgress?.({ replicate, replicates, phase: 'build', day: 0, days });
  const t0 = performance.now();
  const built = buildWorld(scenario, { seed, replicate }, plan);
  const world = options.prepareWorld?.(replicate, built) ?? built;
  // Per replicate: network targeting ranks the agents of this replicate's network.
  const schedule = compileInterventions(scenario, plan, { ties: world.ties, seed, replicate });
  const t1 = performance.now();
  const recorder = new Recorder(run.recorded);
  const abandonWhen = options.abandonWhen;
  const onStateChange = options.onStateChange;
  const outcome = simulate(world, { channels, days, schedule, seed, replicate, stopAtQuiescence: scenario.dates.stopAtQuiescence === true }, {
    recordOn: (d) => recorder.recordOn(d),
    record: (d, t) => recorder.record(d, t),
    stopAfter: abandonWhen && (() => abandonWhen(replicate, recorder.snapshots.at(-1)!)),
    progress: options.onProgress ? (day) => options.onProgress!({ replicate, replicates, phase: 'run', day, days }) : undefined,
    stateChanged: onStateChange && ((agent, to, day) => onStateChange(replicate, agent, to, day)),
  });
  const t2 = performance.now();
  if (outcome.lastDay < days) {
    run.abandoned = { replicate, day: outcome.lastDay };
    return false;
  }
  options.onOutcome?.(replicate, world, outcome);
  const result: ReplicateResult = {
    replicate,
    snapshots: recorder.snapshots,
    ties: tieCount(world.ties),
    events: outcome.events,
    tieVisits: outcome.tieVisits,
    lastChangeDay: outcome.lastChangeDay,
    ...(outcome.quiescentFrom !== undefined ? { quiescentFrom: outcome.quiescentFrom } : {}),
    ...(outcome.activeAtEnd !== undefined ? { activeAtEnd: outcome.activeAtEnd } : {}),
    buildMs: t1 - t0,
    runMs: t2 - t1,
  };
  options.onReplicate?.(result);
  run.results.push(options.keepSnapshots === false ? { ...result, snapshots: [] } : result);
  return true;
}
