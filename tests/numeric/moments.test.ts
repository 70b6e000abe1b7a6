import { describe, expect, it } from 'vitest';
import { mean } from '../../src/numeric/moments.js';

describe('mean', () => {
  it('of some values, of one, of none', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([-3])).toBe(-3);
    expect(mean([])).toBeNaN();
    expect(mean([1, NaN])).toBeNaN();
  });
});
