/** The calibration charts' inputs: each prior handed to the charts as a curve over its panel. */
import { describe, expect, it } from 'vitest';
import { calibrationChartInputs, panelRange, priorPanel } from '../../src/calibration/chart-inputs.js';
import type { Generation } from '../../src/calibration/abc-smc.js';
import type { Intervention } from '../../src/scenario/schema.js';
import { priorDensity, type Prior } from '../../src/calibration/priors.js';

describe('calibration chart inputs: priors as curves', () => {
  it('a panel spans the prior\'s bounds, or the central 99.8 % of an unbounded normal, widened to the particles', () => {
    expect(panelRange({ kind: 'uniform', low: 0, high: 0.1 }, [0.05, NaN])).toEqual([0, 0.1]);
    expect(panelRange({ kind: 'uniform', low: 0, high: 0.1 }, [-0.01, 0.2])).toEqual([-0.01, 0.2]);
    const [low, high] = panelRange({ kind: 'normal', mean: 1, sd: 0.3 }, [5]);
    expect(low).toBeCloseTo(1 - 3.09 * 0.3, 2);
    expect(high).toBe(5);
    expect(panelRange({ kind: 'normal', mean: 1, sd: 0.3, low: 0.8 }, [])[0]).toBe(0.8);
  });

  it('the curve is the prior\'s density at points from one end of the panel to the other, evenly in log10 for a log-uniform prior', () => {
    const prior: Prior = { kind: 'log-uniform', low: 0.001, high: 0.01 };
    const panel = priorPanel(prior, [0.002, 0.02]);
    expect(panel.scale).toBe('log');
    expect(panel.range).toEqual([0.001, 0.02]);
    expect(panel.priorCurve[0]!.x).toBeCloseTo(0.001, 15);
    expect(panel.priorCurve.at(-1)!.x).toBeCloseTo(0.02, 15);
    const steps = panel.priorCurve.slice(1).map((c, k) => Math.log10(c.x) - Math.log10(panel.priorCurve[k]!.x));
    for (const s of steps) expect(s).toBeCloseTo(steps[0]!, 12);
    for (const c of panel.priorCurve) expect(c.density).toBe(priorDensity(prior, c.x));
    // beyond the prior's support the curve drops to zero
    expect(panel.priorCurve.at(-1)!.density).toBe(0);
    expect(priorPanel({ kind: 'normal', mean: 1, sd: 0.3 }, []).scale).toBe('linear');
  });
});

describe('calibration chart inputs: the world\'s path and the events', () => {
  const last = { generation: 1, tolerance: 1, particles: [[0.5]], weights: [1], distances: [0], stats: [[100, 60, 12]], attempts: [0], simulations: 1 } as unknown as Generation;
  const world = (date: string) => ({ name: 'travelled', measure: 'travelled' as const, level: 'world' as const, place: 'World', date });
  const base = {
    title: 'Town', startDate: '2014-06-01', endDate: '2015-06-01', targetDate: '2015-06-01', population: 1,
    last, generations: [last], parameters: [], statistics: ['world', 'world_2014-10-01', 'trace:2014-06-01'], fit: [],
  };

  it('holds the targets of the world total on their dates (sources, or the file\'s title) and the labelled interventions', () => {
    const inputs = calibrationChartInputs({
      ...base,
      targets: [
        { name: 'world', statistic: world('2015-06-01'), value: 300, low: 210, high: 390 },
        { name: 'world_2014-10-01', statistic: world('2014-10-01'), value: 60, low: 40, high: 80, source: 'Local newspaper' },
      ],
      targetsTitle: 'Town targets',
      interventions: [
        { kind: 'pull', label: 'A call to travel', start: '2014-08-15', ramp: 14, strength: 1.4, target: 'world' } as Intervention,
        { kind: 'pull', start: '2014-09-15', ramp: 0, strength: 1.2, target: 'world' } as Intervention,
      ],
    });
    expect(inputs.pathTargets).toEqual([
      { date: '2014-10-01', value: 60, low: 40, high: 80, source: 'Local newspaper', label: 'world_2014-10-01' },
      { date: '2015-06-01', value: 300, low: 210, high: 390, source: 'Town targets', label: 'world' },
    ]);
    expect(inputs.events).toEqual([{ label: 'A call to travel', date: '2014-08-15', kind: 'pull' }]);
  });

  it('has neither without targets or interventions', () => {
    const inputs = calibrationChartInputs(base);
    expect(inputs.pathTargets).toBeUndefined();
    expect(inputs.events).toBeUndefined();
  });
});
