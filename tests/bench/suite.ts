/**
 * `npm run bench`: the whole benchmark suite (issue 6).
 *
 *   W1 classic threshold  BA 100,000 nodes, attach 5; fractional threshold 0.25; 1% active; 30 steps
 *   W2 classic cascade    same graph; cascade p = 0.1 per tie per day; 1% seeds; 30 steps
 *   W3 the world          1,000,000 agents, ~5,000,000 ties, 548 days (tests/bench/world.ts, run first, unchanged)
 *   W4 calibration        simulations per second of the CI calibration's model, 1 and 2 workers
 *   W5 network build      Watts–Strogatz 1,000,000 nodes, k = 10, into CSR
 *   Start-up              the built hotbed's --help, --version and a single-town run against node -e 0 (tests/bench/start-up.ts)
 *   W6 default command    `hotbed run scenarios/baseline.yaml` as a user runs it: result folder size, peak RSS
 *   W7 explorer           the browser explorer in Debian's Chromium: the single town and the world at scale 50
 *       simulated in the page's worker, frames a second while playing, bundle sizes (tests/bench/explorer.ts)
 *       (tests/bench/default-command.ts, once unless --default-command-runs says)
 *
 * plus the naive reference (tests/reference/naive.ts) on W1 and W2's graph and
 * rules. Every run of every workload is a fresh child process
 * (tests/bench/suite-worker.ts). Prints a table (median, min–max, goal, ratio,
 * PASS/MISS) and writes tests/bench/results/suite-<YYYY-MM-DD>.json.
 *
 *   npm run bench
 *   npm run bench -- --runs 5 --naive-w1-steps 10 --no-world --no-sweep --no-start-up --start-up-runs 20 --no-default-command
 *
 * If tests/bench/sweep.ts is there, its sweep throughput (1 and 2 workers) is run once at the end.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CLASSIC } from '../reference/classic.js';
import type { SuiteResult, Workload } from './suite-worker.js';
import { START_UP_GOALS, startUpBench, type StartUpResult } from './start-up.js';
import type { SweepBenchResult } from './sweep.js';
import { DEFAULT_COMMAND_GOALS, type DefaultCommandRun } from './default-command.js';
import { EXPLORER_GOALS, explorerBench, type ExplorerBenchResult } from './explorer.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..', '..');

const GOALS = {
  classicBuildMs: 500,
  w1MsPerStep: 2.5,
  w2MsPerStep: 1.5,
  naiveRatio: 30,
  w3BuildMs: 3000,
  w3RunMs: 3000,
  w3PeakRssMiB: 1024,
  w4Speedup: 1.8,
  startUpHelpOverNode: START_UP_GOALS.helpOverNode,
  startUpSingleTownMs: START_UP_GOALS.singleTownMs,
  /** Decimal MB (10^6 bytes), as the command prints sizes. */
  w6FolderMB: DEFAULT_COMMAND_GOALS.folderMB,
  w6PeakRssMB: DEFAULT_COMMAND_GOALS.peakRssMB,
  w7SingleTownMs: EXPLORER_GOALS.singleTownMs,
  w7FramesPerSecond: EXPLORER_GOALS.framesPerSecond,
  w7WorldScale50Ms: EXPLORER_GOALS.worldScale50Ms,
} as const;

function spawnNode(args: string[], capture: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let out = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => { out += chunk; });
    child.on('error', reject);
    child.on('close', (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`bench: ${args.join(' ')} exited with ${signal ?? `code ${code}`}`))));
  });
}

async function worker(workload: Workload, extra: string[] = []): Promise<SuiteResult> {
  const out = await spawnNode([join(benchDir, 'suite-worker.ts'), '--workload', workload, ...extra], true);
  return JSON.parse(out.trim().split('\n').at(-1) ?? '') as SuiteResult;
}

interface Stat { median: number; min: number; max: number; values: number[] }

function stat(values: number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, values };
}
const statOf = (rs: SuiteResult[], f: (r: SuiteResult) => number | undefined) => stat(rs.map((r) => f(r) ?? NaN));

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`);
const mibs = (x: number) => `${x.toFixed(0)} MiB`;
const mbs = (x: number) => `${x.toFixed(1)} MB`;
const times = (x: number) => `${x.toFixed(x >= 100 ? 0 : 1)}×`;
const perSec = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k/s` : `${x.toFixed(1)} /s`);

interface Row { workload: string; metric: string; median: string; range: string; goal: string; ratio: string; status: string }
interface Verdict { workload: string; metric: string; measured: number; goal: number; direction: 'max' | 'min'; ratio: number; status: 'PASS' | 'MISS' }

const rows: Row[] = [];
const verdicts: Verdict[] = [];

/** A measure against a goal: `max` = at most the goal, `min` = at least. Ratio is measured / goal. */
function goalRow(workload: string, metric: string, s: Stat, goal: number, direction: 'max' | 'min', f: (x: number) => string): void {
  const ratio = s.median / goal;
  const pass = direction === 'max' ? ratio <= 1 : ratio >= 1;
  verdicts.push({ workload, metric, measured: s.median, goal, direction, ratio, status: pass ? 'PASS' : 'MISS' });
  rows.push({ workload, metric, median: f(s.median), range: s.values.length > 1 ? `${f(s.min)} – ${f(s.max)}` : '', goal: `${direction === 'max' ? '≤' : '≥'} ${f(goal)}`, ratio: ratio.toFixed(2), status: pass ? 'PASS' : 'MISS' });
}
function infoRow(workload: string, metric: string, s: Stat, f: (x: number) => string): void {
  rows.push({ workload, metric, median: f(s.median), range: s.values.length > 1 ? `${f(s.min)} – ${f(s.max)}` : '', goal: '', ratio: '', status: '' });
}

function printTable(): void {
  const cols = ['workload', 'metric', 'median', 'range', 'goal', 'ratio', 'status'] as const;
  const head: Row = { workload: 'workload', metric: 'measure', median: 'median', range: 'min – max', goal: 'goal', ratio: 'ratio', status: '' };
  const width = cols.map((c) => Math.max(...[head, ...rows].map((r) => r[c].length)));
  const line = (r: Row) => cols.map((c, i) => r[c].padEnd(width[i]!)).join('  ').trimEnd();
  console.log(line(head));
  console.log(width.map((w) => '─'.repeat(w)).join('  '));
  let last = '';
  for (const r of rows) {
    console.log(line({ ...r, workload: r.workload === last ? '' : r.workload }));
    last = r.workload;
  }
}

const gitCommit = () => {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
};

async function repeat(runs: number, workload: Workload, extra: string[] = []): Promise<SuiteResult[]> {
  const out: SuiteResult[] = [];
  for (let i = 0; i < runs; i++) out.push(await worker(workload, extra));
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      'naive-w1-steps': { type: 'string', default: '5' },
      'naive-w2-steps': { type: 'string', default: String(CLASSIC.steps) },
      'w4-sims': { type: 'string', default: '24' },
      'no-world': { type: 'boolean', default: false },
      'no-sweep': { type: 'boolean', default: false },
      'sweep-runs': { type: 'string', default: '24' },
      'no-start-up': { type: 'boolean', default: false },
      'start-up-runs': { type: 'string', default: '10' },
      'no-default-command': { type: 'boolean', default: false },
      'default-command-runs': { type: 'string', default: '1' },
      'no-explorer': { type: 'boolean', default: false },
      'explorer-runs': { type: 'string', default: '5' },
    },
  });
  const runs = Number(values.runs);
  const date = new Date();
  const day = date.toISOString().slice(0, 10);
  const started = performance.now();

  // W3: the existing world benchmark, unchanged, with its own table and JSON.
  let world: Record<string, unknown> | undefined;
  if (!values['no-world']) {
    console.log('── W3 the world (tests/bench/world.ts) ──────────────────────────────');
    await spawnNode([join(benchDir, 'world.ts'), '--runs', String(runs)], false);
    const file = join(benchDir, 'results', `world-${day}.json`);
    if (existsSync(file)) world = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    console.log('');
  }

  console.log(`── W1, W2, naive reference, W4, W5: ${runs} run${runs > 1 ? 's' : ''} each, a fresh process per run ──`);
  const w1 = await repeat(runs, 'w1');
  const w2 = await repeat(runs, 'w2');
  const naiveW1Steps = Number(values['naive-w1-steps']);
  const naiveW2Steps = Number(values['naive-w2-steps']);
  const naive1 = await repeat(runs, 'naive-w1', ['--steps', String(naiveW1Steps)]);
  const naive2 = await repeat(runs, 'naive-w2', ['--steps', String(naiveW2Steps)]);
  const sims = Number(values['w4-sims']);
  const w4one: SuiteResult[] = [];
  const w4two: SuiteResult[] = [];
  for (let i = 0; i < runs; i++) {
    w4one.push(await worker('w4', ['--workers', '1', '--sims', String(sims)]));
    w4two.push(await worker('w4', ['--workers', '2', '--sims', String(2 * sims)]));
  }
  const w5 = await repeat(runs, 'w5');

  // Sweep throughput (tests/bench/sweep.ts, another issue's workload), once, in its own process.
  let sweep: SweepBenchResult | undefined;
  const sweepFile = join(benchDir, 'sweep.ts');
  if (!values['no-sweep'] && existsSync(sweepFile)) {
    try {
      const out = await spawnNode([sweepFile, '--json', '--runs', String(values['sweep-runs'])], true);
      sweep = JSON.parse(out.trim().split('\n').at(-1) ?? '') as SweepBenchResult;
    } catch (e) {
      console.log(`Sweep bench skipped: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  // Start-up of the built command (npm run build first), its commands interleaved with node -e 0.
  let startUp: StartUpResult | undefined;
  if (!values['no-start-up']) {
    console.log(`── Start-up: ${values['start-up-runs']} rounds of node -e 0, hotbed --help, --version, a single-town run ──`);
    startUp = startUpBench({ runs: Number(values['start-up-runs']), build: true });
  }
  // The default command (W6), in a fresh process per run, as a user runs it.
  let defaultCommand: DefaultCommandRun[] | undefined;
  if (!values['no-default-command']) {
    const out = await spawnNode([join(benchDir, 'default-command.ts'), '--json', '--runs', String(values['default-command-runs'])], true);
    defaultCommand = (JSON.parse(out.trim().split('\n').at(-1) ?? '') as { runs: DefaultCommandRun[] }).runs;
  }

  // The browser explorer (W7), in Debian's Chromium, where there is one.
  let explorer: ExplorerBenchResult | undefined;
  if (!values['no-explorer'] && existsSync('/usr/bin/chromium')) {
    console.log(`── W7 the explorer in Chromium: ${values['explorer-runs']} runs of each ──`);
    explorer = await explorerBench({ runs: Number(values['explorer-runs']), build: values['no-start-up'] });
  }

  const rss = (rs: SuiteResult[]) => statOf(rs, (r) => r.peakMaxRssKiB / 1024);
  const classicRows = (name: string, eng: SuiteResult[], ref: SuiteResult[], goalPerStep: number) => {
    goalRow(name, 'build BA 100k/500k ties into CSR', statOf(eng, (r) => r.buildMs), GOALS.classicBuildMs, 'max', ms);
    const perStep = statOf(eng, (r) => r.msPerStep);
    goalRow(name, `time per step (run / ${CLASSIC.steps})`, perStep, goalPerStep, 'max', ms);
    const refStep = statOf(ref, (r) => r.msPerStep);
    const ratio: Stat = { median: refStep.median / perStep.median, min: refStep.min / perStep.max, max: refStep.max / perStep.min, values: ref.map((r, i) => r.msPerStep! / eng[i]!.msPerStep!) };
    goalRow(name, `× faster than naive per step`, ratio, GOALS.naiveRatio, 'min', times);
    // CPU time is less sensitive than wall time to other work on the machine (medians' ratio).
    const cpuStep = statOf(eng, (r) => r.cpuMsPerStep);
    infoRow(name, 'CPU per step (all threads)', cpuStep, ms);
    infoRow(name, 'warm: time per step (best of 3 more runs)', statOf(eng, (r) => r.warmMsPerStep), ms);
    infoRow(name, 'warm: CPU per step', statOf(eng, (r) => r.warmCpuMsPerStep), ms);
    infoRow(name, '× faster than naive, CPU per step', stat([statOf(ref, (r) => r.cpuMsPerStep).median / cpuStep.median]), times);
    infoRow(name, 'tie visits per second', statOf(eng, (r) => r.tieVisitsPerSecond), perSec);
    infoRow(name, 'peak RSS', rss(eng), mibs);
    infoRow(name, `active: ${eng[0]!.activeStart} at start, at end`, statOf(eng, (r) => r.activeEnd), (x) => x.toFixed(0));
    infoRow(`${name} naive`, `graphology graph build`, statOf(ref, (r) => r.buildMs), ms);
    infoRow(`${name} naive`, `time per step (${ref[0]!.steps} steps)`, refStep, ms);
    infoRow(`${name} naive`, 'tie visits per second', statOf(ref, (r) => r.tieVisitsPerSecond), perSec);
    infoRow(`${name} naive`, 'peak RSS', rss(ref), mibs);
    infoRow(`${name} naive`, `active at end (after ${ref[0]!.steps} steps)`, statOf(ref, (r) => r.activeEnd), (x) => x.toFixed(0));
  };
  classicRows('W1 threshold', w1, naive1, GOALS.w1MsPerStep);
  classicRows('W2 cascade', w2, naive2, GOALS.w2MsPerStep);

  if (world !== undefined) {
    const busy = world['busy'] as { buildMs: Stat; runMs: Stat; peakRssMiB: Stat; tieVisitsPerSecond: Stat };
    goalRow('W3 world', 'build', busy.buildMs, GOALS.w3BuildMs, 'max', ms);
    goalRow('W3 world', 'run (548 days)', busy.runMs, GOALS.w3RunMs, 'max', ms);
    goalRow('W3 world', 'peak RSS', busy.peakRssMiB, GOALS.w3PeakRssMiB, 'max', mibs);
    infoRow('W3 world', 'tie visits per second', busy.tieVisitsPerSecond, perSec);
  }

  infoRow('W4 calibration', `simulations/s, 1 worker (${sims} sims)`, statOf(w4one, (r) => r.simulationsPerSecond), perSec);
  infoRow('W4 calibration', `simulations/s, 2 workers (${2 * sims} sims)`, statOf(w4two, (r) => r.simulationsPerSecond), perSec);
  goalRow('W4 calibration', 'speedup with 2 workers', stat(w4two.map((r, i) => r.simulationsPerSecond! / w4one[i]!.simulationsPerSecond!)), GOALS.w4Speedup, 'min', times);
  const cores = (x: number) => x.toFixed(2);
  infoRow('W4 calibration', 'cores used by the process, 1 worker', statOf(w4one, (r) => r.coresUsed), cores);
  infoRow('W4 calibration', 'cores used by the process, 2 workers', statOf(w4two, (r) => r.coresUsed), cores);
  // Where a 1-worker run's cores go: above 1, the rest (JIT compiles, GC) also competes for the 2 cores.
  infoRow('W4 calibration', '  of which worker threads, 1 worker', statOf(w4one, (r) => r.workerThreadCores), cores);
  infoRow('W4 calibration', '  of which other threads (JIT, GC), 1 worker', statOf(w4one, (r) => r.helperThreadCores), cores);
  infoRow('W4 calibration', '  of which main thread, 1 worker', statOf(w4one, (r) => r.mainThreadCores), cores);
  infoRow('W4 calibration', 'other load on the machine (cores), 2 workers', statOf(w4two, (r) => r.otherLoadCores), cores);
  infoRow('W4 calibration', 'peak RSS, 1 worker', rss(w4one), mibs);
  infoRow('W4 calibration', 'peak RSS, 2 workers', rss(w4two), mibs);

  infoRow('W5 WS 1M k=10', `build (generator + CSR, no goal set)`, statOf(w5, (r) => r.buildMs), ms);
  infoRow('W5 WS 1M k=10', 'of which CSR build', statOf(w5, (r) => r.csrMs), ms);
  infoRow('W5 WS 1M k=10', 'ties built per second', statOf(w5, (r) => r.ties! / (r.buildMs! / 1000)), perSec);
  infoRow('W5 WS 1M k=10', 'peak RSS', rss(w5), mibs);

  if (sweep !== undefined) {
    for (const r of sweep.rows) {
      infoRow('Sweep (sweep.ts)', `runs/s steady, ${r.workers} worker${r.workers > 1 ? 's' : ''} (${r.runs} runs)`, stat([r.steadyRunsPerSecond]), perSec);
      infoRow('Sweep (sweep.ts)', `cores used, ${r.workers} worker${r.workers > 1 ? 's' : ''}`, stat([r.coresUsed]), (x) => x.toFixed(2));
    }
    if (Number.isFinite(sweep.speedup)) goalRow('Sweep (sweep.ts)', 'speedup with 2 workers (steady)', stat([sweep.speedup]), sweep.goal, 'min', times);
  }

  if (startUp !== undefined) {
    const wall = (c: string) => startUp.times.find((t) => t.command === c)!;
    const node = wall('node -e 0');
    // Ratios round by round: each round ran every command once, so they share the machine's load.
    const overNode = (c: string) => stat(wall(c).wallMs.map((w, i) => w / node.wallMs[i]!));
    infoRow('Start-up', 'node -e 0, wall', stat(node.wallMs), ms);
    goalRow('Start-up', 'hotbed --help, wall / node -e 0', overNode('hotbed --help'), GOALS.startUpHelpOverNode, 'max', times);
    infoRow('Start-up', 'hotbed --version, wall / node -e 0', overNode('hotbed --version'), times);
    goalRow('Start-up', 'hotbed run single-town.yaml, wall in all', stat(wall('hotbed run single-town').wallMs), GOALS.startUpSingleTownMs, 'max', ms);
    infoRow('Start-up', 'hotbed run single-town.yaml, wall / node -e 0', overNode('hotbed run single-town'), times);
    infoRow('Start-up', 'hotbed run single-town.yaml --no-report, wall in all', stat(wall('hotbed run single-town --no-report').wallMs), ms);
    infoRow('Start-up', 'hotbed --help from the sources (tsx) / node -e 0', overNode('hotbed --help (sources, tsx)'), times);
    for (const t of startUp.times) if (t.cpuMs.length) infoRow('Start-up', `CPU: ${t.command}`, stat(t.cpuMs), ms);
  }
  if (defaultCommand !== undefined) {
    const w6 = 'W6 default command';
    goalRow(w6, 'result folder (run baseline.yaml, 20 replicates)', stat(defaultCommand.map((r) => r.folderBytes / 1e6)), GOALS.w6FolderMB, 'max', mbs);
    goalRow(w6, 'peak RSS', stat(defaultCommand.map((r) => (r.peakRssKiB * 1024) / 1e6)), GOALS.w6PeakRssMB, 'max', mbs);
    infoRow(w6, 'wall time (report and tables included)', stat(defaultCommand.map((r) => r.wallMs)), ms);
  }

  if (explorer !== undefined) {
    const w7 = 'W7 explorer';
    const kB = (x: number) => `${x.toFixed(0)} kB`;
    goalRow(w7, 'single town simulated in the page\'s worker', stat(explorer.singleTown.simulateMs), GOALS.w7SingleTownMs, 'max', ms);
    infoRow(w7, 'single town, Setup to picture (layout, sigma, charts)', stat(explorer.singleTown.totalMs), ms);
    goalRow(w7, 'frames a second while the network plays', stat(explorer.framesPerSecond), GOALS.w7FramesPerSecond, 'min', (x) => x.toFixed(0));
    infoRow(w7, 'sigma\'s own time a frame', stat(explorer.renderMs), ms);
    goalRow(w7, 'world at scale 50 simulated', stat(explorer.worldScale50.simulateMs), GOALS.w7WorldScale50Ms, 'max', ms);
    infoRow(w7, 'page\'s longest task while the world runs', stat(explorer.worldScale50.longestTaskMs), ms);
    for (const [file, b] of Object.entries(explorer.bytes)) infoRow(w7, `${file} (gzipped ${kB(b.gzip / 1000)})`, stat([b.raw / 1000]), kB);
  }

  console.log('');
  printTable();
  const missed = verdicts.filter((v) => v.status === 'MISS');
  console.log(`\n${missed.length === 0 ? 'All goals met' : `Goals missed: ${missed.map((v) => `${v.workload} ${v.metric} (${v.ratio.toFixed(2)} of goal)`).join('; ')}`} (medians of ${runs} runs).`);
  const other = statOf(w4two, (r) => r.otherLoadCores).median;
  if (other > 0.3) console.log(`Note: other work used ${other.toFixed(2)} of the machine's ${os.cpus().length} cores during W4's 2-worker runs, so the speedup is understated; run again when the machine is quiet.`);
  if (startUp !== undefined && startUp.loadBefore > os.cpus().length) console.log(`Note: the load average was ${startUp.loadBefore.toFixed(1)} on ${os.cpus().length} cores before the start-up rounds, so their wall times are inflated; compare the CPU times or run again when the machine is quiet.`);
  console.log('Note: W2 is Hotbed\'s cascade, per tie per DAY (every active tie retries daily), not classic independent cascade (one chance per tie); see tests/bench/README.md.');

  const outDir = join(benchDir, 'results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `suite-${day}.json`);
  writeFileSync(file, `${JSON.stringify({
    benchmark: 'suite',
    date: date.toISOString(),
    git: gitCommit(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryMiB: Math.round(os.totalmem() / 2 ** 20), node: process.version, platform: `${os.platform()} ${os.release()}` },
    classic: CLASSIC,
    goals: GOALS,
    verdicts,
    rows,
    world: world === undefined ? undefined : { file: `world-${day}.json`, verdict: world['verdict'] },
    raw: { w1, w2, naiveW1: naive1, naiveW2: naive2, w4: { oneWorker: w4one, twoWorkers: w4two }, w5, sweep, startUp, defaultCommand, explorer },
    totalSeconds: (performance.now() - started) / 1000,
  }, null, 2)}\n`);
  console.log(`Wrote ${relative(process.cwd(), file)} (suite took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
