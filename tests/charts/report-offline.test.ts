/**
 * report.html in a real browser (Debian's Chromium through playwright-core): it must
 * open from disk with no request at all, show every chart, and run nothing (the
 * nasty fixture's place names hold a script tag).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/charts/index.js';
import { nastyInputs } from './fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('report.html in a browser', () => {
  // CI installs /usr/bin/chromium (.ci/run) and must run this test; on a developer machine
  // without Debian's Chromium (playwright cannot download one here) it is skipped.
  it.skipIf(!haveChromium && !process.env.CI)('opens offline: no request, every chart visible, no script run', async () => {
    expect(haveChromium, `CI must provide ${CHROMIUM}`).toBe(true);
    const files = await buildReport(nastyInputs());
    const html = files['report.html'] as string;
    const dir = mkdtempSync(join(tmpdir(), 'hotbed-report-'));
    writeFileSync(join(dir, 'report.html'), html);
    const pageUrl = pathToFileURL(join(dir, 'report.html')).href;
    const control = join(dir, 'control.html');
    writeFileSync(control, '<!doctype html><title>control</title><img src="chart.png">');
    const pages = new Set([pageUrl, pathToFileURL(control).href]);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const requests: string[] = [];
      const dialogs: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => {
        if (!pages.has(r.url())) requests.push(r.url());
      });
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      // the page itself loads; anything else (file:, http:, data: …) is recorded above and refused
      await page.route('**/*', (route) => (pages.has(route.request().url()) ? route.continue() : route.abort()));
      await page.goto(pageUrl, { waitUntil: 'load' });

      const expected = Object.keys(files).filter((f) => f.endsWith('.svg')).length;
      const charts = await page.locator('.chart > svg').evaluateAll((svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          // text is laid out (a font was found): the widest text, the title, has a real width
          const widest = Math.max(...[...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().width));
          return { width: box.width, height: box.height, visible: svg.checkVisibility({ visibilityProperty: true, opacityProperty: true }), widest };
        }),
      );
      expect(charts).toHaveLength(expected);
      for (const c of charts) {
        expect(c.visible).toBe(true);
        expect(c.width).toBeGreaterThan(300);
        expect(c.height).toBeGreaterThan(150);
        expect(c.widest).toBeGreaterThan(100);
      }
      // the script-like place name is text on the page, not an element
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.getByText('<script>alert(1)</script> & "Molenbeek"', { exact: true }).first().isVisible()).toBe(true);
      await page.screenshot({ path: join(tmpdir(), 'hotbed-report-offline.png') });

      expect(requests).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);

      // control: the same watch does see a page that fetches something
      await page.goto(pathToFileURL(control).href, { waitUntil: 'load' });
      expect(requests).toEqual([pathToFileURL(join(dir, 'chart.png')).href]);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
