/**
 * Full factorial grid: every combination of each factor's listed values. The
 * first factor varies slowest (row-major, like nested loops written in factor
 * order), so a table of the grid reads like the declaration.
 */
import { fail } from './errors.js';

export function gridDesign(values: readonly (readonly number[])[]): number[][] {
  if (!Array.isArray(values) || values.length === 0) fail('gridDesign', 'values must list at least one factor', values);
  values.forEach((list, j) => {
    if (!Array.isArray(list) || list.length === 0) fail('gridDesign', `values[${j}] must be a non-empty array`, list);
    list.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) fail('gridDesign', `values[${j}][${i}] must be a finite number`, v);
    });
  });
  const size = values.reduce((n, list) => n * list.length, 1);
  if (!Number.isSafeInteger(size)) fail('gridDesign', 'the grid must have a countable number of points', size);
  const rows: number[][] = [];
  for (let r = 0; r < size; r++) {
    const row = new Array<number>(values.length);
    // Mixed-radix digits of r, the last factor being the fastest digit.
    let rest = r;
    for (let j = values.length - 1; j >= 0; j--) {
      const list = values[j];
      row[j] = list[rest % list.length];
      rest = Math.floor(rest / list.length);
    }
    rows.push(row);
  }
  return rows;
}
