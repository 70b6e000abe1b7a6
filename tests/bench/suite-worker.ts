/**
 * One workload of the benchmark suite (W1, W2, their naive references, W4, W5),
 * alone in a fresh process so that its peak RSS is its own. Prints one line of
 * JSON (a SuiteResult) on stdout; tests/bench/suite.ts spawns this file.
 *
 *   node --import tsx tests/bench/suite-worker.ts --workload w1|w2|naive-w1|naive-w2|w4|w5
 *       [--steps N] [--sims N] [--workers N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCalibration } from '../../src/calibration/load.js';
import { modelSpecOf } from '../../src/calibration/simulator.js';
import { createModelPool } from '../../src/calibration/pool.js';
import type { Prior } from '../../src/calibration/priors.js';
import { wattsStrogatz } from '../../src/network/generators/watts-strogatz.js';
import { CsrBuilder, tieCount } from '../../src/network/csr.js';
import { stream } from '../../src/random/streams.js';
import { activeSet, baGraph, classicWorld, CLASSIC, initialActive, runClassic, type ClassicRule } from '../reference/classic.js';
import { naiveGraph, naiveRun } from '../reference/naive.js';

export type Workload = 'w1' | 'w2' | 'naive-w1' | 'naive-w2' | 'w4' | 'w5';
export const workloads: readonly Workload[] = ['w1', 'w2', 'naive-w1', 'naive-w2', 'w4', 'w5'];

export interface SuiteResult {
  workload: Workload;
  /** Graph (or world) build: BA into CSR (w1, w2), graphology graph (naive), WS into CSR (w5). */
  buildMs?: number;
  /** Of buildMs, CsrBuilder.build(). */
  csrMs?: number;
  runMs?: number;
  /** CPU time (user + system, all threads: JIT and GC included) of the run: less sensitive to other load than runMs. */
  cpuMs?: number;
  steps?: number;
  msPerStep?: number;
  cpuMsPerStep?: number;
  /**
   * w1, w2: the same run again in the same process (same seed, same result), JIT-compiled code and
   * memory already warm: what each run of a long series (a calibration, a sweep) costs.
   */
  warmMsPerStep?: number;
  warmCpuMsPerStep?: number;
  nodes?: number;
  ties?: number;
  tieVisits?: number;
  tieVisitsPerSecond?: number;
  activeStart?: number;
  activeEnd?: number;
  /** w4 */
  workers?: number;
  simulations?: number;
  simulationsPerSecond?: number;
  /** w4: CPU time of this process (all threads) during the timed simulations / wall time: cores it got. */
  coresUsed?: number;
  /** w4: busy CPU of the whole machine during the timed simulations, in cores, minus this process's. */
  otherLoadCores?: number;
  /**
   * w4, Linux only: of coresUsed, the `workers` busiest threads (the pool's workers), the main
   * thread, and all other threads (V8's compiler and GC helpers, module loader threads).
   */
  workerThreadCores?: number;
  mainThreadCores?: number;
  helperThreadCores?: number;
  peakMaxRssKiB: number;
  baselineMaxRssKiB: number;
}

const root = join(import.meta.dirname, '..', '..');

const cpuSince = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

function classic(rule: ClassicRule): Partial<SuiteResult> {
  const { nodes, attach, seedShare, steps, seed } = CLASSIC;
  const t0 = performance.now();
  const csr = baGraph(nodes, attach, seed);
  const buildMs = performance.now() - t0;
  const init = initialActive(nodes, seedShare, seed);
  const cw = classicWorld(csr, init, steps);
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const out = runClassic(cw, rule, steps, seed);
  const runMs = performance.now() - t1;
  const cpuMs = cpuSince(c1);
  let activeEnd = 0;
  for (const x of activeSet(out)) activeEnd += x;
  // Warm: the best of 3 more runs.
  let warmMs = Infinity;
  let warmCpuMs = Infinity;
  for (let i = 0; i < 3; i++) {
    const c2 = process.cpuUsage();
    const t2 = performance.now();
    runClassic(cw, rule, steps, seed);
    warmMs = Math.min(warmMs, performance.now() - t2);
    warmCpuMs = Math.min(warmCpuMs, cpuSince(c2));
  }
  return {
    buildMs, runMs, cpuMs, steps, msPerStep: runMs / steps, cpuMsPerStep: cpuMs / steps,
    warmMsPerStep: warmMs / steps, warmCpuMsPerStep: warmCpuMs / steps, nodes, ties: tieCount(csr), tieVisits: out.tieVisits,
    tieVisitsPerSecond: out.tieVisits / (runMs / 1000), activeStart: init.length, activeEnd,
  };
}

function naive(rule: ClassicRule, steps: number): Partial<SuiteResult> {
  const { nodes, attach, seedShare, seed } = CLASSIC;
  const csr = baGraph(nodes, attach, seed);
  const init = initialActive(nodes, seedShare, seed);
  const t0 = performance.now();
  const graph = naiveGraph(csr);
  const buildMs = performance.now() - t0;
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const out = naiveRun(graph, init, { rule, steps, share: CLASSIC.share, probability: CLASSIC.probability, rng: stream({ seed, replicate: 0, purpose: 'bench/naive' }) });
  const runMs = performance.now() - t1;
  const cpuMs = cpuSince(c1);
  return {
    buildMs, runMs, cpuMs, steps, msPerStep: runMs / steps, cpuMsPerStep: cpuMs / steps, nodes, ties: graph.size, tieVisits: out.tieVisits,
    tieVisitsPerSecond: out.tieVisits / (runMs / 1000), activeStart: init.length, activeEnd: out.active.filter(Boolean).length,
  };
}

/** CPU ms of each thread of this process (Linux /proc; empty elsewhere). */
function threadCpu(): Map<number, number> {
  const out = new Map<number, number>();
  try {
    const tick = 1000 / 100; // ms per clock tick (USER_HZ is 100 on Linux)
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * tick);
    }
  } catch {
    // not Linux: no breakdown
  }
  return out;
}

/** Cores by kind of thread over `ms` of wall time, from two threadCpu() readings. */
function threadCores(before: Map<number, number>, after: Map<number, number>, workers: number, ms: number) {
  if (after.size === 0) return {};
  const used = [...after].map(([tid, cpu]) => ({ tid, cpu: cpu - (before.get(tid) ?? 0) }));
  const main = used.find((t) => t.tid === process.pid)?.cpu ?? 0;
  const others = used.filter((t) => t.tid !== process.pid).sort((a, b) => b.cpu - a.cpu);
  const sum = (ts: { cpu: number }[]) => ts.reduce((a, t) => a + t.cpu, 0);
  return {
    workerThreadCores: sum(others.slice(0, workers)) / ms,
    mainThreadCores: main / ms,
    helperThreadCores: sum(others.slice(workers)) / ms,
  };
}

const midpoint = (p: Prior): number => {
  if (p.kind === 'normal') return p.mean;
  if (p.kind === 'log-uniform') return Math.sqrt(p.low * p.high);
  return (p.low + p.high) / 2;
};

/** Simulations per second of the CI calibration's model with `workers` threads, at the priors' midpoints. */
async function calibration(workers: number, sims: number): Promise<Partial<SuiteResult>> {
  const c = loadCalibration(join(root, 'scenarios', 'calibration-ci.yaml'));
  const spec = modelSpecOf(c);
  const params = c.parameters.map((p) => midpoint(p.prior));
  const pool = createModelPool(spec, workers);
  try {
    const batch = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ params, key: { seed: 1, generation: 0, particle: from + i, attempt: 0 } }));
    await pool.evaluate(batch(0, 2 * workers)); // warm-up: each thread loads and builds its model
    const busy = () => os.cpus().reduce((a, c) => a + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
    const c0 = process.cpuUsage();
    const m0 = busy();
    const th0 = threadCpu();
    const t0 = performance.now();
    await pool.evaluate(batch(1000, sims));
    const runMs = performance.now() - t0;
    const th1 = threadCpu();
    const c1 = process.cpuUsage(c0);
    const ownMs = (c1.user + c1.system) / 1000;
    const machineMs = busy() - m0;
    return {
      workers, simulations: sims, runMs, simulationsPerSecond: sims / (runMs / 1000),
      coresUsed: ownMs / runMs, otherLoadCores: Math.max(0, machineMs - ownMs) / runMs,
      ...threadCores(th0, th1, workers, runMs),
    };
  } finally {
    await pool.close();
  }
}

function wattsStrogatzBuild(): Partial<SuiteResult> {
  const n = 1_000_000;
  const k = 10;
  const t0 = performance.now();
  const sink = new CsrBuilder(n, (n * k) / 2 + 1024);
  wattsStrogatz({ kind: 'watts-strogatz', meanDegree: k, rewiring: 0.1 }, n, 0, stream({ seed: 1, replicate: 0, purpose: 'bench/w5' }), sink);
  const t1 = performance.now();
  const csr = sink.build();
  const t2 = performance.now();
  return { buildMs: t2 - t0, csrMs: t2 - t1, nodes: n, ties: tieCount(csr) };
}

async function main(): Promise<void> {
  const baselineMaxRssKiB = process.resourceUsage().maxRSS;
  const { values } = parseArgs({
    options: {
      workload: { type: 'string' },
      steps: { type: 'string' },
      sims: { type: 'string', default: '24' },
      workers: { type: 'string', default: '1' },
    },
  });
  const workload = values.workload as Workload;
  if (!workloads.includes(workload)) throw new Error(`bench/suite-worker: unknown workload ${values.workload} (expected ${workloads.join(' | ')})`);
  const steps = values.steps !== undefined ? Number(values.steps) : CLASSIC.steps;
  let r: Partial<SuiteResult>;
  switch (workload) {
    case 'w1': r = classic('threshold'); break;
    case 'w2': r = classic('cascade'); break;
    case 'naive-w1': r = naive('threshold', steps); break;
    case 'naive-w2': r = naive('cascade', steps); break;
    case 'w4': r = await calibration(Number(values.workers), Number(values.sims)); break;
    case 'w5': r = wattsStrogatzBuild(); break;
  }
  const result: SuiteResult = { workload, ...r, baselineMaxRssKiB, peakMaxRssKiB: process.resourceUsage().maxRSS };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
});
