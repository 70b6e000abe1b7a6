/**
 * The default command's footprint: `hotbed run scenarios/baseline.yaml` (its 20 replicates,
 * the report included) run as a user runs it, through src/cli/hotbed.js in a fresh process,
 * into a temporary folder. Measures the result folder's size (every file's bytes), the
 * command's peak memory (its own max RSS, read by a preloaded exit hook) and its wall time,
 * against the goals below.
 *
 *   node --import tsx tests/bench/default-command.ts            # one run, a table
 *   node --import tsx tests/bench/default-command.ts --runs 3 --json
 *
 * tests/bench/suite.ts runs it once (W6) and reports its rows.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Decimal megabytes (10^6 bytes), as the command prints sizes. */
export const DEFAULT_COMMAND_GOALS = { folderMB: 25, peakRssMB: 600 } as const;

const root = fileURLToPath(new URL('../..', import.meta.url));
const HOTBED = join(root, 'src', 'cli', 'hotbed.js');
const MARK = 'bench-max-rss-kib';
/** Loaded before the command: at exit, the process's peak RSS on stderr. */
const PRELOAD = `data:text/javascript,${encodeURIComponent(`process.on('exit', () => process.stderr.write('\\n${MARK} ' + process.resourceUsage().maxRSS + '\\n'));`)}`;

export interface DefaultCommandRun {
  /** Bytes of every file in the result folder. */
  folderBytes: number;
  /** The largest files, bytes each. */
  files: Record<string, number>;
  peakRssKiB: number;
  wallMs: number;
}

function folderFiles(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, name));
    if (s.isFile()) out[name] = s.size;
  }
  return out;
}

export async function defaultCommandRun(): Promise<DefaultCommandRun> {
  const parent = mkdtempSync(join(tmpdir(), 'hotbed-bench-default-'));
  const out = join(parent, 'results');
  try {
    const started = performance.now();
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', PRELOAD, HOTBED, 'run', 'scenarios/baseline.yaml', '--out', out, '--quiet'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(err) : reject(new Error(`bench/default-command: hotbed run exited with ${code}\n${err}`))));
    });
    const wallMs = performance.now() - started;
    const rss = new RegExp(`^${MARK} (\\d+)$`, 'm').exec(stderr);
    if (!rss) throw new Error('bench/default-command: the command did not report its peak RSS');
    const all = folderFiles(out);
    const largest = Object.entries(all).sort((a, b) => b[1] - a[1]).slice(0, 4);
    return { folderBytes: Object.values(all).reduce((a, b) => a + b, 0), files: Object.fromEntries(largest), peakRssKiB: Number(rss[1]), wallMs };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' }, json: { type: 'boolean', default: false } } });
  const runs: DefaultCommandRun[] = [];
  for (let i = 0; i < Number(values.runs); i++) runs.push(await defaultCommandRun());
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ runs, goals: DEFAULT_COMMAND_GOALS })}\n`);
  } else {
    for (const r of runs) {
      const peak = r.peakRssKiB * 1024;
      console.log(`folder ${mb(r.folderBytes)} (goal ≤ ${DEFAULT_COMMAND_GOALS.folderMB} MB, ratio ${(r.folderBytes / 1e6 / DEFAULT_COMMAND_GOALS.folderMB).toFixed(2)}); `
        + `peak RSS ${mb(peak)} (goal ≤ ${DEFAULT_COMMAND_GOALS.peakRssMB} MB, ratio ${(peak / 1e6 / DEFAULT_COMMAND_GOALS.peakRssMB).toFixed(2)}); wall ${(r.wallMs / 1000).toFixed(1)} s`);
      console.log(`  largest files: ${Object.entries(r.files).map(([f, b]) => `${f} ${mb(b)}`).join(', ')}`);
    }
  }
}
