/** The calibration charts drawn: from the hand-made fixture, and by a small real `calibrate` run into its folder. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { calibrate } from '../../../src/calibration/calibrate.js';
import { loadCalibration } from '../../../src/calibration/load.js';
import { calibrationChartList, calibrationCharts } from '../../../src/charts/calibration.js';
import { townCalibration, townTargets } from '../../calibration/helpers.js';
import { cleanup, tempDir, writeFixture } from '../../scenario/fixtures.js';
import { calibrationFixture } from '../calibration-fixture.js';
import { PNG_SIGNATURE, pngSize, svgSize } from '../helpers.js';

afterAll(cleanup);

const NAMES = ['posterior', 'tolerance', 'predictive', 'fit'];

describe('calibration charts', () => {
  it('renders every chart of the fixture to a spec, an SVG and a PNG twice its size, the same bytes each time', async () => {
    expect(calibrationChartList.map((c) => c.name)).toEqual(NAMES);
    const files = await calibrationCharts(calibrationFixture());
    expect(Object.keys(files)).toEqual(NAMES.flatMap((n) => [`charts/${n}.vl.json`, `charts/${n}.svg`, `charts/${n}.png`]));
    for (const n of NAMES) {
      const svg = files[`charts/${n}.svg`] as string;
      const png = files[`charts/${n}.png`] as Uint8Array;
      expect(svg.startsWith('<svg')).toBe(true);
      expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(pngSize(png).width).toBe(Math.round(svgSize(svg).width * 2));
      expect(JSON.parse(files[`charts/${n}.vl.json`] as string).title.text.length).toBeGreaterThan(5);
    }
    const again = await calibrationCharts(calibrationFixture());
    expect(again['charts/posterior.png']).toEqual(files['charts/posterior.png']);
  });

  it('are written by a small calibration into its folder, and listed in the manifest', async () => {
    const dir = tempDir('hotbed-calibration-charts-');
    const targets = townTargets(dir, 'targets.yaml', 350, 0.25);
    const file = writeFixture(dir, 'calibration.yaml', townCalibration({ targets, returnedShare: 0.1, returnedBand: 0.03, population: 12, generations: 2, point: { candidates: 1, replicates: 1 } }));
    const out = join(dir, 'out');
    const outcome = await calibrate(loadCalibration(file), { out, workers: 1 });
    expect(outcome.chartsError).toBeUndefined();
    for (const n of NAMES) {
      const png = readFileSync(join(out, 'charts', `${n}.png`));
      expect([...png.subarray(0, 8)], n).toEqual(PNG_SIGNATURE);
      expect(existsSync(join(out, 'charts', `${n}.svg`))).toBe(true);
      expect(existsSync(join(out, 'charts', `${n}.vl.json`))).toBe(true);
    }
    const predictive = readFileSync(join(out, 'charts', 'predictive.svg'), 'utf8');
    expect(predictive).toContain('Target 263–438 (Jun 2015)');
    expect(predictive).toContain('Start, Jun 2014: 30');
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).files['charts/']).toMatch(/posterior/);
  });

  it('a chart that fails leaves charts/ out as a whole; the other outputs are written complete', async () => {
    const dir = tempDir('hotbed-calibration-charts-fail-');
    const targets = townTargets(dir, 'targets.yaml', 350, 0.25);
    const file = writeFixture(dir, 'calibration.yaml', townCalibration({ targets, returnedShare: 0.1, returnedBand: 0.03, population: 8, generations: 1, point: { candidates: 1, replicates: 1 } }));
    const out = join(dir, 'out');
    // the fit chart (the last one) throws, after the other three are drawn
    const fit = calibrationChartList.find((c) => c.name === 'fit')!;
    const spy = vi.spyOn(fit, 'spec').mockImplementation(() => {
      throw new Error('boom');
    });
    const warned: string[] = [];
    try {
      const outcome = await calibrate(loadCalibration(file), { out, workers: 1, onChartsFailed: (m) => warned.push(m) });
      expect(outcome.chartsError).toBe('chart "fit" could not be drawn: boom');
      expect(outcome.charts).toEqual({});
    } finally {
      spy.mockRestore();
    }
    expect(warned).toEqual(['chart "fit" could not be drawn: boom']);
    expect(existsSync(join(out, 'charts'))).toBe(false);
    for (const name of ['posterior.csv', 'statistics.csv', 'fit.csv', 'summary.json', 'calibrated.yaml', 'manifest.json']) expect(existsSync(join(out, name)), name).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.chartsError).toBe('chart "fit" could not be drawn: boom');
    expect(manifest.files['charts/']).toBeUndefined();
  });
});
