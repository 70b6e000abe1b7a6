import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsrBuilder, degree, hasTie, tieCount } from '../../src/network/csr.js';
import { csrOf, tieList } from './helpers.js';

describe('CsrBuilder', () => {
  it('stores each tie both ways, sorted, without repeats or self-loops', () => {
    const csr = csrOf(5, [[3, 1], [1, 3], [0, 3], [3, 3], [2, 1], [1, 2], [3, 0]]);
    expect(csr.nodeCount).toBe(5);
    expect(Array.from(csr.offsets)).toEqual([0, 1, 3, 4, 6, 6]);
    expect(Array.from(csr.neighbors)).toEqual([3, 2, 3, 1, 0, 1]);
    expect(tieCount(csr)).toBe(3);
    expect(degree(csr, 3)).toBe(2);
    expect(degree(csr, 4)).toBe(0);
    expect(hasTie(csr, 1, 3)).toBe(true);
    expect(hasTie(csr, 3, 1)).toBe(true);
    expect(hasTie(csr, 0, 1)).toBe(false);
  });

  it('handles empty worlds and worlds without ties', () => {
    const empty = new CsrBuilder(0).build();
    expect(Array.from(empty.offsets)).toEqual([0]);
    expect(empty.neighbors.length).toBe(0);
    const lonely = new CsrBuilder(3).build();
    expect(Array.from(lonely.offsets)).toEqual([0, 0, 0, 0]);
    expect(tieCount(lonely)).toBe(0);
  });

  it.each([[-1, 0], [0, 5], [5, 0], [1.5, 0], [Number.NaN, 0], [0, 2 ** 32]])(
    'rejects the out-of-range tie (%s, %s) naming the module and node',
    (a, b) => {
      const builder = new CsrBuilder(5);
      const bad = a >>> 0 !== a || a >= 5 ? a : b;
      expect(() => builder.addTie(a, b)).toThrow(RangeError);
      expect(() => builder.addTie(a, b)).toThrow(new RegExp(`network/csr: node ${bad}`));
    },
  );

  it('grows past its initial buffer, and builds once (its buffer is released)', () => {
    const builder = new CsrBuilder(1000);
    const reference = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const a = i % 1000;
      const b = (i * 7 + 1) % 1000; // 6i + 1 is odd, so never ≡ 0 mod 1000: no self-loops
      builder.addTie(a, b);
      reference.add(a < b ? `${a}-${b}` : `${b}-${a}`);
    }
    expect(builder.tiesAdded).toBe(5000);
    const first = builder.build();
    expect(tieCount(first)).toBe(reference.size);
    expect(() => builder.build()).toThrow('network/csr: build() was already called');
  });

  it('sorts long neighbour lists (the native-sort path) too', () => {
    const ties: Array<[number, number]> = [];
    for (let i = 199; i >= 1; i--) ties.push([0, i], [i, 0]);
    const csr = csrOf(200, ties);
    expect(Array.from(csr.neighbors.subarray(csr.offsets[0], csr.offsets[1]))).toEqual(
      Array.from({ length: 199 }, (_, i) => i + 1),
    );
    expect(tieCount(csr)).toBe(199);
  });

  it('matches a set-based reference on arbitrary tie lists', () => {
    const tie = fc.tuple(fc.integer({ min: 0, max: 39 }), fc.integer({ min: 0, max: 39 }));
    fc.assert(
      fc.property(fc.array(tie, { maxLength: 400 }), (ties) => {
        const csr = csrOf(40, ties);
        const reference = new Set<string>();
        for (const [a, b] of ties) if (a !== b) reference.add(a < b ? `${a}-${b}` : `${b}-${a}`);
        const got = tieList(csr).map(([a, b]) => `${a}-${b}`);
        expect(got).toEqual([...reference].sort((x, y) => {
          const [xa, xb] = x.split('-').map(Number);
          const [ya, yb] = y.split('-').map(Number);
          return xa! - ya! || xb! - yb!;
        }));
        for (let v = 0; v < 40; v++) {
          for (let i = csr.offsets[v]!; i < csr.offsets[v + 1]!; i++) {
            expect(hasTie(csr, csr.neighbors[i]!, v)).toBe(true);
          }
        }
      }),
    );
  });
});
