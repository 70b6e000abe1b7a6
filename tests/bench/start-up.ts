/**
 * Start-up: the wall time of the installed command (the build, dist/cli/hotbed.js) for
 * `--help`, `--version` and a run of scenarios/single-town.yaml (with its report, and without
 * for reference), each in a fresh process,
 * against `node -e 0` (what any Node.js command costs here). Goals: `--help` at most 3× `node
 * -e 0`; the single-town run at most 1 s in all. `--help` from the sources through tsx (what
 * `npm run hotbed` and the tests run) is shown beside, for reference.
 *
 * The commands are interleaved (one of each, then again) so that a change in the machine's
 * load hits them alike; medians over the rounds, after one round not counted (disk cache).
 * The CPU time of each child (user + system, from /proc/self/stat's cutime and cstime, in
 * 10 ms ticks; Linux only) is less disturbed by other work than the wall time.
 *
 *   node --import tsx tests/bench/start-up.ts               # builds first (npm run build), 10 rounds
 *   node --import tsx tests/bench/start-up.ts --runs 20 --no-build
 *
 * tests/bench/suite.ts calls `startUpBench()` and reports its rows.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const START_UP_GOALS = { helpOverNode: 3, singleTownMs: 1000 } as const;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = join(ROOT, 'dist', 'cli', 'hotbed.js');
const SOURCES = join(ROOT, 'src', 'cli', 'hotbed.js');

export type StartUpCommand = 'node -e 0' | 'hotbed --help' | 'hotbed --version' | 'hotbed run single-town' | 'hotbed run single-town --no-report' | 'hotbed --help (sources, tsx)';

export interface StartUpTimes {
  command: StartUpCommand;
  /** Wall time of each counted run, spawn to exit. */
  wallMs: number[];
  /** CPU time (user + system) of each counted run; empty where /proc is missing. */
  cpuMs: number[];
}

export interface StartUpResult {
  runs: number;
  times: StartUpTimes[];
  /** The 1-minute load average before and after: above the machine's cores, the times are inflated. */
  loadBefore: number;
  loadAfter: number;
  goals: typeof START_UP_GOALS;
}

/** The CPU time of this process's waited-for children so far, in ms (cutime + cstime, fields 16–17 of /proc/self/stat). */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state), so field n is fields[n - 3]; clock ticks are 1/100 s on Linux.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

function timed(args: string[]): { wallMs: number; cpuMs: number | undefined } {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const wallMs = performance.now() - started;
  const cpuAfter = childrenCpuMs();
  if (r.status !== 0) throw new Error(`start-up bench: node ${args.join(' ')} exited with ${r.signal ?? `code ${r.status}`}\n${r.stderr}`);
  return { wallMs, cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

export function startUpBench(options: { runs: number; build: boolean }): StartUpResult {
  if (options.build) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(BUILT)) throw new Error(`start-up bench: ${BUILT} is missing; run npm run build (or drop --no-build)`);
  const out = mkdtempSync(join(tmpdir(), 'hotbed-start-up-'));
  let n = 0;
  const commands: [StartUpCommand, () => string[]][] = [
    ['node -e 0', () => ['-e', '0']],
    ['hotbed --help', () => [BUILT, '--help']],
    ['hotbed --version', () => [BUILT, '--version']],
    ['hotbed run single-town', () => [BUILT, 'run', 'scenarios/single-town.yaml', '--quiet', '--out', join(out, `run-${n++}`)]],
    // the same without the report: about when the run prints its results, and what the report costs
    ['hotbed run single-town --no-report', () => [BUILT, 'run', 'scenarios/single-town.yaml', '--quiet', '--no-report', '--out', join(out, `run-${n++}`)]],
    ['hotbed --help (sources, tsx)', () => [SOURCES, '--help']],
  ];
  const times: StartUpTimes[] = commands.map(([command]) => ({ command, wallMs: [], cpuMs: [] }));
  const loadBefore = loadavg()[0]!;
  try {
    for (let round = -1; round < options.runs; round++) {
      commands.forEach(([, args], i) => {
        const t = timed(args());
        if (round < 0) return;
        times[i]!.wallMs.push(t.wallMs);
        if (t.cpuMs !== undefined) times[i]!.cpuMs.push(t.cpuMs);
      });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { runs: options.runs, times, loadBefore, loadAfter: loadavg()[0]!, goals: START_UP_GOALS };
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, 'no-build': { type: 'boolean', default: false } } });
  const r = startUpBench({ runs: Number(values.runs), build: !values['no-build'] });
  const node = median(r.times[0]!.wallMs);
  process.stdout.write(`start-up, ${r.runs} rounds (load average ${r.loadBefore.toFixed(1)} before, ${r.loadAfter.toFixed(1)} after)\n`);
  process.stdout.write('command                              wall median  min–max          × node -e 0  CPU median\n');
  for (const t of r.times) {
    const wall = median(t.wallMs);
    process.stdout.write(`${t.command.padEnd(35)}  ${`${wall.toFixed(0)} ms`.padStart(11)}  ${`${Math.min(...t.wallMs).toFixed(0)}–${Math.max(...t.wallMs).toFixed(0)} ms`.padEnd(15)}  ${`${(wall / node).toFixed(2)}×`.padStart(11)}  ${t.cpuMs.length ? `${median(t.cpuMs).toFixed(0)} ms` : ''}\n`);
  }
  const help = median(r.times[1]!.wallMs) / node;
  const run = median(r.times[3]!.wallMs);
  process.stdout.write(`goals: --help ${help.toFixed(2)}× node -e 0 (≤ ${r.goals.helpOverNode}×) ${help <= r.goals.helpOverNode ? 'PASS' : 'MISS'}; `
    + `single-town run ${run.toFixed(0)} ms (≤ ${r.goals.singleTownMs} ms) ${run <= r.goals.singleTownMs ? 'PASS' : 'MISS'}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exitCode = 1;
  });
}
