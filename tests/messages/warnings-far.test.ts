import { describe, expect, it } from 'vitest';
import { warnings } from '../../src/messages/warnings.js';

describe('warnings.farFromTargets', () => {
  it('says so when the world total is more than twice or under half its target, and not otherwise', () => {
    expect(warnings.farFromTargets(58_000, 29_000, '2015-12-01', 'T')).toBeUndefined();
    expect(warnings.farFromTargets(14_500, 29_000, '2015-12-01', 'T')).toBeUndefined();
    expect(warnings.farFromTargets(90_000, 29_000, '2015-12-01', 'Soufan')).toBe(
      'the world total on 2015-12-01, 90,000, is 3.1 times its target of 29,000 (Soufan): the settings are far from the calibrated ones, so read the results as an experiment, not as the record');
    expect(warnings.farFromTargets(6_000, 29_000, '2015-12-01', 'Soufan')).toMatch(/6,000, is under half its target \(0\.207 times\) of 29,000/);
    expect(warnings.farFromTargets(100, 0, '2015-12-01', 'T')).toBeUndefined();
  });
});
