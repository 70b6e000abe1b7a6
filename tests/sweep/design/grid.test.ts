import { describe, expect, it } from 'vitest';
import { gridDesign } from '../../../src/sweep/design/grid.js';

describe('sweep/design/grid', () => {
  it('is the cartesian product with the first factor varying slowest', () => {
    expect(gridDesign([[1, 2], [10, 20, 30]])).toEqual([
      [1, 10], [1, 20], [1, 30],
      [2, 10], [2, 20], [2, 30],
    ]);
  });

  it('has the product of the list sizes as its size, every combination once', () => {
    const values = [[0, 1, 2], [5], [0.1, 0.2], [7, 8, 9, 10]];
    const rows = gridDesign(values);
    expect(rows).toHaveLength(3 * 1 * 2 * 4);
    expect(new Set(rows.map((r) => r.join(','))).size).toBe(rows.length);
    // The last factor is the fastest digit.
    expect(rows.slice(0, 4).map((r) => r[3])).toEqual([7, 8, 9, 10]);
    expect(rows.at(-1)).toEqual([2, 5, 0.2, 10]);
  });

  it('handles a single factor and refuses empty lists', () => {
    expect(gridDesign([[3, 1]])).toEqual([[3], [1]]);
    expect(() => gridDesign([])).toThrow('gridDesign: values must list at least one factor');
    expect(() => gridDesign([[1], []])).toThrow('gridDesign: values[1] must be a non-empty array, found an array of length 0');
    expect(() => gridDesign([[1, NaN]])).toThrow('gridDesign: values[0][1] must be a finite number, found NaN');
  });
});
