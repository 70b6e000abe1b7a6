/**
 * The browser explorer in Debian's Chromium (headless, software WebGL: no GPU here), as a
 * student meets it: the bundles' sizes; the single town (20,000 agents, 548 days) simulated
 * in the page's worker; the frames drawn a second while the network plays; the world at
 * scale 50; and whether the page stays responsive while the worker runs (its longest task).
 *
 *   node --import tsx tests/bench/explorer.ts            # builds first; 5 runs of each
 *   node --import tsx tests/bench/explorer.ts --runs 9 --no-build
 *
 * tests/bench/suite.ts calls `explorerBench()` and reports its rows.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';

export const EXPLORER_GOALS = { singleTownMs: 1000, framesPerSecond: 20, worldScale50Ms: 5000 } as const;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface ExplorerBenchResult {
  bytes: Record<string, { raw: number; gzip: number }>;
  singleTown: { simulateMs: number[]; totalMs: number[] };
  framesPerSecond: number[];
  renderMs: number[];
  worldScale50: { simulateMs: number[]; totalMs: number[]; longestTaskMs: number[] };
  loadBefore: number;
  loadAfter: number;
  goals: typeof EXPLORER_GOALS;
}

async function ready(page: Page, before: string): Promise<void> {
  await page.waitForFunction((old) => {
    const t = document.getElementById('run-time')?.dataset.totalMs;
    return t !== undefined && t !== old && document.getElementById('status')?.textContent?.startsWith('Ready');
  }, before, { timeout: 300_000 });
}

const data = async (page: Page, key: string) => Number(await page.getAttribute('#run-time', `data-${key}`));

export async function explorerBench(options: { runs: number; build: boolean }): Promise<ExplorerBenchResult> {
  if (options.build || !existsSync(join(ROOT, 'dist', 'explorer', 'assets', 'explorer.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'hotbed-explorer-bench-'));
  const site = join(dir, 'site');
  execFileSync(process.execPath, [join(ROOT, 'dist', 'cli', 'hotbed.js'), 'explore', '--build', site], { stdio: 'ignore' });
  const bytes: ExplorerBenchResult['bytes'] = {};
  for (const f of ['explorer.js', 'worker-source.js', 'data.js', 'index.html', 'explorer.css']) {
    const content = readFileSync(join(site, f));
    bytes[f] = { raw: content.length, gzip: gzipSync(content).length };
  }
  const loadBefore = loadavg()[0]!;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const result: ExplorerBenchResult = { bytes, singleTown: { simulateMs: [], totalMs: [] }, framesPerSecond: [], renderMs: [], worldScale50: { simulateMs: [], totalMs: [], longestTaskMs: [] }, loadBefore, loadAfter: 0, goals: EXPLORER_GOALS };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    await ready(page, '');
    // The first run warms the worker's code; the counted ones follow, each from Setup.
    for (let i = 0; i < options.runs; i++) {
      const before = (await page.getAttribute('#run-time', 'data-total-ms'))!;
      await page.click('#setup');
      await ready(page, before);
      result.singleTown.simulateMs.push(await data(page, 'simulate-ms'));
      result.singleTown.totalMs.push(await data(page, 'total-ms'));
    }
    for (let i = 0; i < options.runs; i++) {
      await page.click('#reset');
      await page.click('#go');
      await page.waitForTimeout(1200);
      // The counter shows the last whole second's frames while playing.
      await page.waitForTimeout(1000);
      result.framesPerSecond.push(Number(await page.getAttribute('#fps', 'data-fps')));
      result.renderMs.push(Number(await page.getAttribute('#fps', 'data-render-ms')));
      await page.click('#go');
    }
    // The world at scale 50: chosen in the list, then its scale set as a student would.
    const world = await page.locator('#scenario option').evaluateAll((options) => (options as HTMLOptionElement[]).find((o) => o.textContent?.includes('(world.yaml)'))?.value);
    if (world !== undefined) {
      let before = (await page.getAttribute('#run-time', 'data-total-ms'))!;
      await page.selectOption('#scenario', world);
      await ready(page, before);
      for (let i = 0; i < options.runs; i++) {
        before = (await page.getAttribute('#run-time', 'data-total-ms'))!;
        await page.evaluate(() => {
          (globalThis as { longest?: number }).longest = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) (globalThis as { longest?: number }).longest = Math.max((globalThis as { longest?: number }).longest ?? 0, e.duration);
          }).observe({ type: 'longtask' });
        });
        await page.fill('#control-scale', String(i % 2 === 0 ? 50 : 49.99));
        await page.dispatchEvent('#control-scale', 'change');
        await ready(page, before);
        result.worldScale50.simulateMs.push(await data(page, 'simulate-ms'));
        result.worldScale50.totalMs.push(await data(page, 'total-ms'));
        result.worldScale50.longestTaskMs.push(await page.evaluate(() => (globalThis as { longest?: number }).longest ?? 0));
      }
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  result.loadAfter = loadavg()[0]!;
  return result;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};

export function explorerRows(r: ExplorerBenchResult): string[] {
  const kB = (n: number) => `${(n / 1000).toFixed(0)} kB`;
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const town = median(r.singleTown.simulateMs);
  const fps = median(r.framesPerSecond);
  const world = median(r.worldScale50.simulateMs);
  return [
    ...Object.entries(r.bytes).map(([f, b]) => `Explorer  ${f.padEnd(18)} ${kB(b.raw).padStart(9)} (${kB(b.gzip)} gzipped)`),
    `Explorer  single town, simulation in the page's worker: median ${town.toFixed(0)} ms (${r.singleTown.simulateMs.map((x) => x.toFixed(0)).join(', ')}), goal ≤ ${r.goals.singleTownMs} ms  ${verdict(town <= r.goals.singleTownMs)}`,
    `Explorer  single town, Setup to picture: median ${median(r.singleTown.totalMs).toFixed(0)} ms`,
    `Explorer  frames a second while playing: median ${fps} (${r.framesPerSecond.join(', ')}), goal ≥ ${r.goals.framesPerSecond}  ${verdict(fps >= r.goals.framesPerSecond)}; sigma's own time a frame ${median(r.renderMs).toFixed(1)} ms`,
    `Explorer  world at scale 50, simulation: median ${world.toFixed(0)} ms, goal ≤ ${r.goals.worldScale50Ms} ms  ${verdict(world <= r.goals.worldScale50Ms)}; Setup to picture ${median(r.worldScale50.totalMs).toFixed(0)} ms; the page's longest task meanwhile ${median(r.worldScale50.longestTaskMs).toFixed(0)} ms`,
    `Explorer  load average ${r.loadBefore.toFixed(1)} before, ${r.loadAfter.toFixed(1)} after (2 cores: above 2, times are inflated)`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'no-build': { type: 'boolean', default: false } } });
  const r = await explorerBench({ runs: Number(values.runs), build: !values['no-build'] });
  for (const row of explorerRows(r)) console.log(row);
}

