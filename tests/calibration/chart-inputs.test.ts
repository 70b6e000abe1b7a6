/** The calibration charts' inputs: each prior handed to the charts as a curve over its panel. */
import { describe, expect, it } from 'vitest';
import { panelRange, priorPanel } from '../../src/calibration/chart-inputs.js';
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
