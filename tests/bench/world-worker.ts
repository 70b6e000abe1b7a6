/**
 * One benchmark workload, alone in its own process so that its peak RSS is its
 * own: validate the synthetic scenario, plan and build the world, run it, and
 * print one line of JSON (a WorkerResult) on stdout. Nothing else is printed
 * on stdout; tests/bench/world.ts spawns this file and parses that line.
 *
 *   node --import tsx tests/bench/world-worker.ts --variant busy|quiet [--replicate N] [--seed N]
 *
 * Build time is buildWorld() (networks + links + CSR + initial stock); the CSR
 * step is timed on its own by wrapping CsrBuilder.prototype.build (called once
 * per build, so the wrapper costs nothing measurable). Run time is simulate()
 * with the same Recorder observer a CLI run uses (a snapshot every 7 days).
 */
import { parseArgs } from 'node:util';
import { simulate } from '../../src/engine/simulation.js';
import { compileChannels } from '../../src/model/channels.js';
import { compileInterventions } from '../../src/model/interventions.js';
import { daysBetween } from '../../src/model/dates.js';
import { CHANNEL_COUNT, State, STATE_COUNT } from '../../src/model/states.js';
import { CsrBuilder, tieCount } from '../../src/network/csr.js';
import { recordDays, Recorder } from '../../src/results/recorder.js';
import { buildWorld } from '../../src/world/build.js';
import { estimateBytes, planWorld } from '../../src/world/plan.js';
import { benchScenario, variants, type Variant } from './world-scenario.js';

export interface WorkerResult {
  variant: Variant;
  seed: number;
  replicate: number;
  agents: number;
  ties: number;
  expectedTies: number;
  communities: number;
  days: number;
  /** scenarioSchema.parse of the synthetic scenario. */
  validateMs: number;
  planMs: number;
  /** buildWorld(): networks, links, CSR, initial stock. */
  buildMs: number;
  /** Of buildMs, CsrBuilder.build() (counting sort, per-list sort, dedupe). */
  csrMs: number;
  /** simulate() with a Recorder observer. */
  runMs: number;
  /**
   * Minor page faults (process.resourceUsage().minorPageFault) during the
   * build and the run: first touches of fresh memory, which are costly on
   * some virtual machines (a few ms per MiB).
   */
  buildPageFaults: number;
  /** CPU time (user + system, process.cpuUsage) of the build and the run: less sensitive than wall time to other load on the machine. */
  buildCpuMs: number;
  runCpuMs: number;
  runPageFaults: number;
  events: number;
  tieVisits: number;
  /** Mobilizations during the run, by channel (media, peer, group). */
  mobilized: { total: number; media: number; peer: number; group: number };
  /** Abroad + returned + dead at the start and at the end. */
  travellersStart: number;
  travellersEnd: number;
  snapshots: number;
  /** process.resourceUsage().maxRSS (KiB) after the imports, before the scenario is made. */
  baselineMaxRssKiB: number;
  /** process.resourceUsage().maxRSS (KiB) at the end: the workload's peak. */
  peakMaxRssKiB: number;
  /** CPU time (user + system) of the whole worker process, imports included. */
  processCpuMs: number;
  /** planWorld's estimate of the run's peak (estimateBytes), for comparison. */
  estimatedBytes: number;
  memoryAtEnd: NodeJS.MemoryUsage;
}

const cpuMs = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) => (to.user - from.user + to.system - from.system) / 1000;

function main(): void {
  const baselineMaxRssKiB = process.resourceUsage().maxRSS;
  const { values } = parseArgs({
    options: {
      variant: { type: 'string', default: 'busy' },
      replicate: { type: 'string', default: '0' },
      seed: { type: 'string' },
    },
  });
  const variant = values.variant as Variant;
  if (!variants.includes(variant)) throw new Error(`bench/world-worker: unknown variant ${values.variant} (expected ${variants.join(' | ')})`);
  const replicate = Number(values.replicate);

  let csrMs = 0;
  const build = CsrBuilder.prototype.build;
  CsrBuilder.prototype.build = function timedBuild(this: CsrBuilder) {
    const t = performance.now();
    const csr = build.call(this);
    csrMs += performance.now() - t;
    return csr;
  };

  const t0 = performance.now();
  const scenario = benchScenario(variant);
  const seed = values.seed !== undefined ? Number(values.seed) : scenario.seed;
  const t1 = performance.now();
  const plan = planWorld(scenario);
  const days = daysBetween(scenario.dates.start, scenario.dates.end);
  const schedule = compileInterventions(scenario, plan);
  const recorder = new Recorder(recordDays(days, scenario.output.everyDays, [days]));
  const f2 = process.resourceUsage().minorPageFault;
  const c2 = process.cpuUsage();
  const t2 = performance.now();
  const world = buildWorld(scenario, { seed, replicate }, plan);
  const t3 = performance.now();
  const c3 = process.cpuUsage();
  const f3 = process.resourceUsage().minorPageFault;
  const outcome = simulate(world, { channels: compileChannels(scenario.channels), days, schedule, seed, replicate }, recorder);
  const t4 = performance.now();
  const c4 = process.cpuUsage();
  const f4 = process.resourceUsage().minorPageFault;

  const travellers = (states: ArrayLike<number>) => {
    let sum = 0;
    for (let i = 0; i < states.length; i++) {
      const s = i % STATE_COUNT;
      if (s === State.Abroad || s === State.Returned || s === State.Dead) sum += states[i]!;
    }
    return sum;
  };
  let travellersStart = 0;
  for (let a = 0; a < world.agentCount; a++) {
    const s = world.initialState[a]!;
    if (s === State.Abroad || s === State.Returned || s === State.Dead) travellersStart++;
  }
  const byChannel = [0, 0, 0, 0];
  for (let i = 0; i < outcome.tally.recruits.length; i++) byChannel[i % CHANNEL_COUNT]! += outcome.tally.recruits[i]!;
  const [, media, peer, group] = byChannel as [number, number, number, number];

  const result: WorkerResult = {
    variant,
    seed,
    replicate,
    agents: world.agentCount,
    ties: tieCount(world.ties),
    expectedTies: plan.expectedTies,
    communities: plan.communities.length,
    days,
    validateMs: t1 - t0,
    planMs: t2 - t1,
    buildMs: t3 - t2,
    csrMs,
    runMs: t4 - t3,
    buildPageFaults: f3 - f2,
    runPageFaults: f4 - f3,
    buildCpuMs: cpuMs(c2, c3),
    runCpuMs: cpuMs(c3, c4),
    events: outcome.events,
    tieVisits: outcome.tieVisits,
    mobilized: { total: media + peer + group, media, peer, group },
    travellersStart,
    travellersEnd: travellers(outcome.tally.states),
    snapshots: recorder.snapshots.length,
    baselineMaxRssKiB,
    peakMaxRssKiB: process.resourceUsage().maxRSS,
    estimatedBytes: estimateBytes(plan),
    processCpuMs: cpuMs({ user: 0, system: 0 }, process.cpuUsage()),
    memoryAtEnd: process.memoryUsage(),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
