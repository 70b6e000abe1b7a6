/**
 * `npm run bench`: build and run a synthetic world of 1 000 000 agents and
 * ~5 000 000 ties over 548 days, and compare build time, run time and peak
 * memory with the goals (build ≤ 3 s, run ≤ 3 s, peak RSS ≤ 1 GiB on a 2-core
 * machine). Each workload runs in a fresh child process (tests/bench/world-worker.ts),
 * so that its peak RSS is its own. The busy workload runs --runs times (3 by
 * default) and is reported as median and min–max; the quiet one (same world,
 * no media, tiny stock) --quiet-runs times (1 by default), for reference.
 *
 *   npm run bench
 *   npm run bench -- --runs 5 --quiet-runs 3
 *
 * Prints a table and writes the same numbers as JSON to
 * tests/bench/results/world-<YYYY-MM-DD>.json (one file per day, overwritten).
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { WorkerResult } from './world-worker.js';
import { benchScenario, COUNTRIES_PER_REGION, PEOPLE_PER_COUNTRY, REGIONS, shapes, type Variant } from './world-scenario.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
/** The project root: the nearest folder above this one with a package.json (wherever bench/ is moved). */
const root = (() => {
  for (let dir = dirname(benchDir); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
})();
const workerPath = join(benchDir, 'world-worker.ts');

const GOALS = {
  buildMs: 3000,
  runMs: 3000,
  peakRssMiB: 1024,
} as const;

/** Runs one workload in a fresh process and returns what it printed. */
function runWorker(variant: Variant, replicate = 0): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', workerPath, '--variant', variant, '--replicate', String(replicate)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => { out += chunk; });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`bench: worker (${variant}) exited with ${signal ?? `code ${code}`}`));
        return;
      }
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as WorkerResult);
      } catch {
        reject(new Error(`bench: worker (${variant}) printed no result:\n${out}`));
      }
    });
  });
}

interface Stat { median: number; min: number; max: number; values: number[] }

function stat(values: number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, values };
}

interface Summary {
  runs: number;
  buildMs: Stat;
  csrMs: Stat;
  runMs: Stat;
  buildCpuMs: Stat;
  runCpuMs: Stat;
  buildPageFaults: Stat;
  runPageFaults: Stat;
  peakRssMiB: Stat;
  baselineRssMiB: Stat;
  tieVisitsPerSecond: Stat;
  eventsPerSecond: Stat;
  mobilizationsPerSecond: Stat;
  agents: number;
  ties: number;
  events: number;
  tieVisits: number;
  mobilized: WorkerResult['mobilized'];
  travellersStart: number;
  travellersEnd: number;
  /** Whether every run did exactly the same work (same events and tie visits): it should. */
  deterministic: boolean;
}

const mib = (kib: number) => kib / 1024;

function summarize(results: WorkerResult[]): Summary {
  const first = results[0]!;
  return {
    runs: results.length,
    buildMs: stat(results.map((r) => r.buildMs)),
    csrMs: stat(results.map((r) => r.csrMs)),
    runMs: stat(results.map((r) => r.runMs)),
    buildCpuMs: stat(results.map((r) => r.buildCpuMs)),
    runCpuMs: stat(results.map((r) => r.runCpuMs)),
    buildPageFaults: stat(results.map((r) => r.buildPageFaults)),
    runPageFaults: stat(results.map((r) => r.runPageFaults)),
    peakRssMiB: stat(results.map((r) => mib(r.peakMaxRssKiB))),
    baselineRssMiB: stat(results.map((r) => mib(r.baselineMaxRssKiB))),
    tieVisitsPerSecond: stat(results.map((r) => r.tieVisits / (r.runMs / 1000))),
    eventsPerSecond: stat(results.map((r) => r.events / (r.runMs / 1000))),
    mobilizationsPerSecond: stat(results.map((r) => r.mobilized.total / (r.runMs / 1000))),
    agents: first.agents,
    ties: first.ties,
    events: first.events,
    tieVisits: first.tieVisits,
    mobilized: first.mobilized,
    travellersStart: first.travellersStart,
    travellersEnd: first.travellersEnd,
    deterministic: results.every((r) => r.events === first.events && r.tieVisits === first.tieVisits && r.travellersEnd === first.travellersEnd),
  };
}

// ---- formatting -------------------------------------------------------------

const int = (x: number) => Math.round(x).toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mibs = (x: number) => `${x.toFixed(0)} MiB`;
const perSec = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k/s` : `${x.toFixed(0)} /s`);
const range = (s: Stat, f: (x: number) => string) => (s.values.length > 1 ? `${f(s.min)} – ${f(s.max)}` : '');

interface Row {
  metric: string;
  measured: string;
  range: string;
  goal: string;
  ratio: string;
  status: string;
}

function goalRow(metric: string, s: Stat, goal: number, f: (x: number) => string, goalText: string): Row {
  const ratio = s.median / goal;
  return { metric, measured: f(s.median), range: range(s, f), goal: goalText, ratio: ratio.toFixed(2), status: ratio <= 1 ? 'PASS' : 'MISS' };
}

const info = (metric: string, measured: string, rangeText = ''): Row => ({ metric, measured, range: rangeText, goal: '', ratio: '', status: '' });

function table(rows: Row[]): string {
  const head: Row = { metric: 'metric', measured: 'median', range: 'min – max', goal: 'goal', ratio: 'ratio', status: 'status' };
  const all = [head, ...rows];
  const keys = Object.keys(head) as (keyof Row)[];
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...all.map((r) => r[k].length))])) as Record<keyof Row, number>;
  const line = (r: Row) => keys.map((k) => (k === 'metric' ? r[k].padEnd(width[k]) : r[k].padStart(width[k]))).join('  ').trimEnd();
  return [line(head), keys.map((k) => '-'.repeat(width[k])).join('  '), ...rows.map(line)].join('\n');
}

function gitCommit(): { commit: string; dirty: boolean } | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return { commit, dirty };
  } catch {
    return undefined;
  }
}

/** CPU time of all cores so far (ms): total and busy (not idle). */
function machineCpu(): { all: number; busy: number } {
  return os.cpus().reduce((acc, c) => {
    const t = c.times;
    const all = t.user + t.nice + t.sys + t.idle + t.irq;
    return { all: acc.all + all, busy: acc.busy + all - t.idle };
  }, { all: 0, busy: 0 });
}

/** Share of CPU time, over all cores, that was not idle during the next `ms` milliseconds (this process sleeps meanwhile). */
async function busyShare(ms: number): Promise<number> {
  const before = machineCpu();
  await new Promise((r) => setTimeout(r, ms));
  const after = machineCpu();
  const all = after.all - before.all;
  return all > 0 ? (after.busy - before.busy) / all : 0;
}

function count(name: string, text: string | undefined, min: number): number {
  const x = Number(text);
  if (!Number.isInteger(x) || x < min) throw new Error(`bench: --${name} must be an integer ≥ ${min}, not ${text}`);
  return x;
}

// ---- main -------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      'quiet-runs': { type: 'string', default: '1' },
    },
  });
  const runs = count('runs', values.runs, 1);
  const quietRuns = count('quiet-runs', values['quiet-runs'], 0);

  const cpus = os.cpus();
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryMiB: Math.round(os.totalmem() / 2 ** 20),
    loadAverageAtStart: os.loadavg(),
    /** Share of all cores busy with other work during the half second before the benchmark. */
    busyShareAtStart: await busyShare(500),
  };
  const busyScenario = benchScenario('busy');
  const recipe = busyScenario.networks.default!;
  const recipeText = Object.entries(recipe).map(([k, v]) => (k === 'kind' ? v : `${k} ${v}`)).join(', ');
  console.log(`Hotbed world benchmark — ${REGIONS * COUNTRIES_PER_REGION} communities × ${int(PEOPLE_PER_COUNTRY)} agents, ${recipeText}, ${busyScenario.dates.start} to ${busyScenario.dates.end}`);
  console.log(`node ${machine.node}, ${machine.cores} cores (${machine.cpu}), ${int(machine.memoryMiB)} MiB RAM, ${(100 * machine.busyShareAtStart).toFixed(0)}% busy before the start`);
  if (machine.busyShareAtStart > 0.2) {
    console.log('Note: the machine is not idle; wall times will be inflated. Compare CPU times, or run again when it is quiet.');
  }

  const cpuBefore = machineCpu();
  const ownBefore = process.cpuUsage();
  const busy: WorkerResult[] = [];
  for (let i = 0; i < runs; i++) {
    process.stderr.write(`busy run ${i + 1}/${runs} … `);
    const r = await runWorker('busy');
    busy.push(r);
    process.stderr.write(`build ${secs(r.buildMs)}, run ${secs(r.runMs)}, peak ${mibs(mib(r.peakMaxRssKiB))}\n`);
  }
  const quiet: WorkerResult[] = [];
  for (let i = 0; i < quietRuns; i++) {
    process.stderr.write(`quiet run ${i + 1}/${quietRuns} … `);
    const r = await runWorker('quiet');
    quiet.push(r);
    process.stderr.write(`build ${secs(r.buildMs)}, run ${secs(r.runMs)}, peak ${mibs(mib(r.peakMaxRssKiB))}\n`);
  }

  // Other work on the machine while the workers ran: all busy CPU time minus the workers' and this process's own.
  const cpuAfter = machineCpu();
  const own = process.cpuUsage(ownBefore);
  const workersCpuMs = [...busy, ...quiet].reduce((acc, r) => acc + r.processCpuMs, 0);
  const otherShare = Math.max(0, (cpuAfter.busy - cpuBefore.busy - workersCpuMs - (own.user + own.system) / 1000) / (cpuAfter.all - cpuBefore.all));
  const otherLoad = { share: otherShare, cores: otherShare * machine.cores };

  const b = summarize(busy);
  const q = quiet.length > 0 ? summarize(quiet) : undefined;

  const rows: Row[] = [
    goalRow('build time (networks + CSR + stock)', b.buildMs, GOALS.buildMs, secs, `≤ ${secs(GOALS.buildMs)}`),
    info('  of which CSR build', secs(b.csrMs.median), range(b.csrMs, secs)),
    info('  CPU time of the build (all threads)', secs(b.buildCpuMs.median), range(b.buildCpuMs, secs)),
    info('  minor page faults in the build', int(b.buildPageFaults.median), range(b.buildPageFaults, int)),
    goalRow('run time (548 days)', b.runMs, GOALS.runMs, secs, `≤ ${secs(GOALS.runMs)}`),
    info('  CPU time of the run (all threads)', secs(b.runCpuMs.median), range(b.runCpuMs, secs)),
    info('  minor page faults in the run', int(b.runPageFaults.median), range(b.runPageFaults, int)),
    goalRow('peak RSS', b.peakRssMiB, GOALS.peakRssMiB, mibs, `≤ ${mibs(GOALS.peakRssMiB)}`),
    info('  of which before the world (node + tsx + imports)', mibs(b.baselineRssMiB.median), range(b.baselineRssMiB, mibs)),
    info('  planWorld estimate (estimateBytes)', mibs(busy[0]!.estimatedBytes / 2 ** 20)),
    info('agents', int(b.agents)),
    info('ties', int(b.ties)),
    info('events (state changes)', int(b.events)),
    info('tie visits', int(b.tieVisits)),
    info('tie visits per second (run)', perSec(b.tieVisitsPerSecond.median), range(b.tieVisitsPerSecond, perSec)),
    info('contagion throughput: events per second', perSec(b.eventsPerSecond.median), range(b.eventsPerSecond, perSec)),
    info('contagion throughput: mobilizations per second', perSec(b.mobilizationsPerSecond.median), range(b.mobilizationsPerSecond, perSec)),
    info('mobilized in the run (media/peer/group)', `${int(b.mobilized.total)} (${int(b.mobilized.media)}/${int(b.mobilized.peer)}/${int(b.mobilized.group)})`),
    info('travellers at the start → end', `${int(b.travellersStart)} → ${int(b.travellersEnd)}`),
  ];
  console.log(`\nBusy world: all channels on (${b.runs} run${b.runs > 1 ? 's' : ''}, each in a fresh process)\n`);
  console.log(table(rows));
  if (!b.deterministic) console.log('\nWARNING: the busy runs did not all do the same work (events, tie visits or travellers differ).');

  if (q !== undefined) {
    const quietShare = q.runMs.median / b.runMs.median;
    const qRows: Row[] = [
      info('build time', secs(q.buildMs.median), range(q.buildMs, secs)),
      info('run time (548 days)', secs(q.runMs.median), range(q.runMs, secs)),
      info('run time, quiet ÷ busy', quietShare.toFixed(3)),
      info('  minor page faults in the run', int(q.runPageFaults.median), range(q.runPageFaults, int)),
      info('peak RSS', mibs(q.peakRssMiB.median), range(q.peakRssMiB, mibs)),
      info('events (state changes)', int(q.events)),
      info('tie visits', int(q.tieVisits)),
      info('mobilized in the run', int(q.mobilized.total)),
      info('travellers at the start → end', `${int(q.travellersStart)} → ${int(q.travellersEnd)}`),
    ];
    console.log(`\nQuiet world, for reference: same world, media rates 0, stock ${shapes.quiet.stockAbroad} abroad per community (${q.runs} run${q.runs > 1 ? 's' : ''})\n`);
    console.log(table(qRows));
  }

  console.log(`\nOther work on the machine during the runs: ${(100 * otherLoad.share).toFixed(0)}% of its CPU (${otherLoad.cores.toFixed(1)} of ${machine.cores} cores).`);
  if (otherLoad.share > 0.1) console.log('The machine was shared: wall times are inflated. Compare CPU times, or run again when it is quiet.');

  const verdict = (['buildMs', 'runMs', 'peakRssMiB'] as const).map((k) => ({ k, pass: b[k].median <= GOALS[k] }));
  console.log(`\n${verdict.every((v) => v.pass) ? 'All goals met' : `Goals missed: ${verdict.filter((v) => !v.pass).map((v) => v.k).join(', ')}`} (medians of ${b.runs} run${b.runs > 1 ? 's' : ''}).`);

  const date = new Date();
  const outDir = join(benchDir, 'results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `world-${date.toISOString().slice(0, 10)}.json`);
  const json = {
    benchmark: 'world',
    date: date.toISOString(),
    git: gitCommit(),
    machine,
    otherLoad,
    world: {
      communities: REGIONS * COUNTRIES_PER_REGION,
      peoplePerCommunity: PEOPLE_PER_COUNTRY,
      scale: busyScenario.scale,
      networks: busyScenario.networks,
      links: busyScenario.links.length,
      dates: busyScenario.dates,
      days: busy[0]!.days,
      variants: shapes,
      channels: { busy: busyScenario.channels, quiet: benchScenario('quiet').channels },
    },
    goals: GOALS,
    verdict: Object.fromEntries(verdict.map((v) => [v.k, {
      measured: b[v.k].median,
      goal: GOALS[v.k],
      ratio: b[v.k].median / GOALS[v.k],
      status: v.pass ? 'PASS' : 'MISS',
    }])),
    busy: b,
    quiet: q,
    quietOverBusyRunTime: q !== undefined ? q.runMs.median / b.runMs.median : undefined,
    raw: { busy, quiet },
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`Wrote ${relative(process.cwd(), file)}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
