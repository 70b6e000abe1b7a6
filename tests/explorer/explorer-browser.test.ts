/**
 * The explorer in a real browser (Debian's Chromium through playwright-core), as a student
 * uses it: `hotbed explore` serves it; the page runs the engine itself, with no request
 * outside its origin and no console error; moving a slider changes the result; the settings
 * exported run in `hotbed run` to the very numbers the page shows and exports; clicking a
 * recruit shows who brought them in. The folder `--build` writes opens from file:// too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOTBED, hotbed } from '../cli/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const work = mkdtempSync(join(tmpdir(), 'hotbed-explore-'));

let server: ChildProcess | undefined;
let url = '';
let browser: Browser;
/** The single town's figure as the served page showed it (the first test), for the page opened from file://. */
let servedFigure = '';
/** The first test's page, reused by the click test. */
let townPage: Page | undefined;

/** Starts `hotbed explore` on a free port and reads the address it prints. */
function serve(): Promise<string> {
  server = spawn(process.execPath, [HOTBED, 'explore'], { cwd: work, env: { ...process.env, NO_COLOR: '1' } });
  return new Promise((resolve, reject) => {
    let out = '';
    server!.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) resolve(m[0]);
    });
    server!.on('exit', (code) => reject(new Error(`hotbed explore exited (${code}) before serving: ${out}`)));
  });
}

interface Watch {
  outside: string[];
  errors: string[];
}

async function open(address: string, allowed: (u: string) => boolean): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const watch: Watch = { outside: [], errors: [] };
  page.on('request', (r) => {
    if (!allowed(r.url())) watch.outside.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(m.text());
  });
  page.on('pageerror', (e) => watch.errors.push(e.message));
  await page.route('**/*', (route) => (allowed(route.request().url()) ? route.continue() : route.abort()));
  await page.goto(address);
  await ready(page, '–');
  return { page, watch };
}

/** Waits for a run other than the one showing `before` to be on the page. */
async function ready(page: Page, before: string): Promise<string> {
  await page.waitForFunction((old) => {
    const t = document.getElementById('travelled')?.textContent;
    return t !== '–' && t !== old && document.getElementById('status')?.textContent?.startsWith('Ready');
  }, before, { timeout: 90_000 });
  return (await page.textContent('#travelled'))!;
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = join(work, `download-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return readFileSync(path, 'utf8');
}

const people = (n: number) => n.toLocaleString('en-GB');

describe.skipIf(!haveChromium && !process.env.CI)('the explorer in a browser', () => {
  beforeAll(async () => {
    expect(haveChromium, `CI must provide ${CHROMIUM}`).toBe(true);
    url = await serve();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGINT');
    rmSync(work, { recursive: true, force: true });
  });

  it('runs the single town in the page with no request outside its origin and no error, and shows the number hotbed run prints', async () => {
    const { page, watch } = await open(url, (u) => u.startsWith(url) || u.startsWith('blob:'));
    const shown = await page.textContent('#travelled');
    const out = join(work, 'default');
    const run = await hotbed(['run', fileOfShipped('single-town.yaml'), '--no-report', '--quiet', '--out', out], work);
    expect(run.stderr).toBe('');
    expect(shown).toBe(people(lastWorldTravelled(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')))));
    await page.click('#go');
    await page.waitForFunction(() => Number(document.getElementById('day')?.textContent?.match(/Day (\d+)/)?.[1]) > 30, null, { timeout: 30_000 });
    await page.click('#go');
    await page.screenshot({ path: join(tmpdir(), 'hotbed-explorer.png') });
    expect(watch.outside).toEqual([]);
    expect(watch.errors).toEqual([]);
    servedFigure = shown!;
    townPage = page;
  }, 120_000);

  it('changes the result when a slider moves, and the exported settings give the page\'s numbers in hotbed run', async () => {
    const { page, watch } = await open(url, (u) => u.startsWith(url) || u.startsWith('blob:'));
    const before = (await page.textContent('#travelled'))!;
    // The cascade probability's slider, moved as a hand would: input events, then change on release.
    await page.locator('#control-channels-peer-cascade-probability').locator('xpath=preceding-sibling::input[@type="range"]').evaluate((slider: HTMLInputElement) => {
      slider.value = String(Number(slider.value) + 30);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      slider.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const afterSlider = await ready(page, before);
    expect(afterSlider).not.toBe(before);
    await page.fill('#control-channels-group-probability', '0.1');
    await page.dispatchEvent('#control-channels-group-probability', 'change');
    const shown = await ready(page, afterSlider);

    const settings = await download(page, '#export-settings');
    const summary = await download(page, '#export-summary');
    const series = await download(page, '#export-series');
    expect(settings).toMatch(/^extends: single-town\.yaml$/m);
    expect(settings).toMatch(/group:\n\s+probability: 0\.1/);

    const folder = join(work, 'scenarios');
    expect((await hotbed(['init', folder], work)).status).toBe(0);
    writeFileSync(join(folder, 'explorer-settings.yaml'), settings);
    const valid = await hotbed(['validate', join(folder, 'explorer-settings.yaml')], work);
    expect(valid.status, valid.stderr).toBe(0);
    const out = join(work, 'from-settings');
    const run = await hotbed(['run', join(folder, 'explorer-settings.yaml'), '--no-report', '--quiet', '--out', out], work);
    expect(run.status, run.stderr).toBe(0);
    expect(summary).toBe(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(series).toBe(gunzipSync(readFileSync(join(out, 'series.csv.gz'))).toString('utf8'));
    expect(shown).toBe(people(lastWorldTravelled(JSON.parse(summary))));
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('shows who recruited a person clicked in the network', async () => {
    const page = townPage ?? (await open(url, (u) => u.startsWith(url) || u.startsWith('blob:'))).page;
    await page.click('#to-end');
    const candidates = await page.locator('#person option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
    expect(candidates.length).toBeGreaterThan(0);
    const box = (await page.locator('#network').boundingBox())!;
    let seen = 0;
    for (const value of candidates) {
      const at = await page.evaluate((i) => (globalThis as unknown as { hotbedExplorer: { positionOf(i: number): { x: number; y: number } | undefined } }).hotbedExplorer.positionOf(i), Number(value));
      if (!at) continue;
      await page.mouse.click(box.x + at.x, box.y + at.y);
      const recruiter = await page.locator('#inspected-recruiter').textContent().catch(() => null);
      if (recruiter && /^Person \d+/.test(recruiter)) {
        seen++;
        // The recruiter can be shown in turn.
        const shown = recruiter.match(/^Person (\d+)/)![1];
        const button = page.getByRole('button', { name: 'Show the recruiter' });
        if (await button.count()) {
          await button.click();
          expect(await page.locator('#inspected dd').first().textContent()).toBe(shown);
        }
        break;
      }
    }
    expect(seen, 'a click on some recruit shows their recruiter').toBe(1);
    await page.close();
  }, 120_000);

  it('opens from file:// as the folder --build writes, running the same numbers', async () => {
    const dir = join(work, 'site');
    const built = await hotbed(['explore', '--build', dir], work);
    expect(built.status, built.stderr).toBe(0);
    const { page, watch } = await open(pathToFileURL(join(dir, 'index.html')).href, (u) => u.startsWith('file:') || u.startsWith('blob:'));
    expect(servedFigure, 'the first test records the served page\'s figure').not.toBe('');
    expect(await page.textContent('#travelled')).toBe(servedFigure);
    expect(watch.outside).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 120_000);
});

function fileOfShipped(name: string): string {
  return join(new URL('../../scenarios', import.meta.url).pathname, name);
}

function lastWorldTravelled(summary: { checkpoints: { places: { world: Record<string, { travelled: { median: number } }> } }[] }): number {
  return Object.values(summary.checkpoints.at(-1)!.places.world)[0]!.travelled.median;
}
