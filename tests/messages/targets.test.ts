/** The wording of results against target bands: inside the band, or how far beyond its nearer edge. */
import { describe, expect, it } from 'vitest';
import { bandText, figure, targetMessages } from '../../src/messages/targets.js';

const { bandPosition, checksMet, pointMisses } = targetMessages;

describe('bandPosition', () => {
  it('says "in band" anywhere inside the band, edges included, however far from its centre', () => {
    expect(bandPosition(29_000, 27_000, 31_000)).toBe('in band');
    expect(bandPosition(27_000, 27_000, 31_000)).toBe('in band');
    expect(bandPosition(31_000, 27_000, 31_000)).toBe('in band');
    // 0.459 is 53 % above the band's centre (0.3) and still inside it.
    expect(bandPosition(0.459, 0.2, 0.5)).toBe('in band');
    expect(bandPosition(96, 86, Infinity)).toBe('in band');
  });

  it('measures a value outside from the nearer edge, as a share of that edge', () => {
    expect(bandPosition(1_035, 744, 1_006)).toBe('3% above');
    expect(bandPosition(210, 246, 332)).toBe('15% below');
    expect(bandPosition(0.187, 0.2, 0.3)).toBe('7% below');
    expect(bandPosition(80, 86, Infinity)).toBe('7% below');
    expect(bandPosition(100.4, 0, 100)).toBe('<1% above');
  });

  it('gives the difference itself beyond an edge of 0, and "no value" for NaN', () => {
    expect(bandPosition(-0.02, 0, 5)).toBe('0.02 below');
    expect(bandPosition(Number.NaN, 0, 5)).toBe('no value');
  });
});

describe('figures and bands', () => {
  it('writes thousands from 100 and 3 significant digits below', () => {
    expect(figure(28_990.4)).toBe('28,990');
    expect(figure(0.18749)).toBe('0.187');
    expect(figure(4.99)).toBe('4.99');
    expect(bandText(27_000, 31_000)).toBe('27,000–31,000');
    expect(bandText(86, Infinity)).toBe('≥ 86');
  });
});

describe('summaries', () => {
  it('hotbed check: n of N checks met, and "missed:" before the list when some are', () => {
    expect(checksMet(30, 30, 100)).toBe('30 of 30 checks met in the median of 100 runs.');
    expect(checksMet(25, 30, 1)).toBe('25 of 30 checks met in the median of 1 run; missed:');
  });

  it('hotbed calibrate: how many fitted bands the point meets, then each miss with its value and band', () => {
    expect(pointMisses([], 29, 6)).toBe('The calibrated point (median of 6 simulations) meets 29 of 29 fitted target bands.');
    expect(pointMisses([
      { name: 'world', date: '2015-12-01', value: 25_600, low: 27_000, high: 31_000 },
      { name: 'countriesRepresented', value: 80, low: 86, high: Infinity },
    ], 29, 1)).toBe('The calibrated point (median of 1 simulation) meets 27 of 29 fitted target bands; it misses 2:\n'
      + '  world (2015-12-01): 25,600, band 27,000–31,000, 5% below\n'
      + '  countriesRepresented: 80, band ≥ 86, 7% below');
  });
});
