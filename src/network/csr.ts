/**
 * Compressed sparse rows: the engine's view of the network. Neighbours of v are
 * neighbors[offsets[v] .. offsets[v + 1]), sorted ascending, each tie stored in
 * both directions, no self-loops, no repeats. Sorted lists make "is u a
 * neighbour of v" a binary search and triangle counting a merge.
 */
import type { TieSink } from './sink.js';

export interface Csr {
  nodeCount: number;
  /** Length nodeCount + 1. */
  offsets: Int32Array;
  /** Length 2 · ties. */
  neighbors: Int32Array;
}

/** Lists at most this long are insertion-sorted in place; longer ones use the native sort. */
const INSERTION_SORT_MAX = 32;

/**
 * Collects ties as flat (a, b) pairs in one growable Int32Array, then turns them
 * into CSR in build(). Keeping raw pairs until the end lets addTie stay a bounds
 * check and two stores, with no per-tie objects.
 */
export class CsrBuilder implements TieSink {
  readonly nodeCount: number;
  private ends: Int32Array;
  private used = 0;
  private built = false;

  /** expectedTies only presizes the buffer; the buffer doubles as needed. */
  constructor(nodeCount: number, expectedTies = 0) {
    if (!Number.isInteger(nodeCount) || nodeCount < 0 || nodeCount > 0x7fffffff) {
      throw new RangeError(`network/csr: invalid node count ${nodeCount}`);
    }
    this.nodeCount = nodeCount;
    this.ends = new Int32Array(Math.max(1024, 2 * Math.ceil(expectedTies)));
  }

  /** Ties held so far: self-loops were dropped on arrival, repeats are not merged until build(). */
  get tiesAdded(): number {
    return this.used / 2;
  }

  addTie(a: number, b: number): void {
    // `x >>> 0 !== x` rejects negatives, fractions and NaN in one comparison.
    if (a >>> 0 !== a || a >= this.nodeCount) this.outOfRange(a, a, b);
    if (b >>> 0 !== b || b >= this.nodeCount) this.outOfRange(b, a, b);
    if (a === b) return;
    if (this.used + 2 > this.ends.length) this.grow();
    this.ends[this.used] = a;
    this.ends[this.used + 1] = b;
    this.used += 2;
  }

  /** Builds the CSR once; the pair buffer is released, so the builder cannot be used again. */
  build(): Csr {
    if (this.built) throw new Error('network/csr: build() was already called on this CsrBuilder');
    this.built = true;
    const n = this.nodeCount;
    const ends = this.ends;
    const used = this.used;
    this.ends = new Int32Array(0);

    const offsets = arcOffsets(ends, used, n);
    const neighbors = scatterArcs(ends, used, offsets, n);
    const write = sortAndDedupe(neighbors, offsets, n);

    return {
      nodeCount: n,
      offsets,
      // A view, not a copy: repeats are few, and copying 40 MB costs more than the slack.
      neighbors: write === used ? neighbors : neighbors.subarray(0, write),
    };
  }

  private grow(): void {
    if (this.built) throw new Error('network/csr: addTie() after build()');
    const bigger = new Int32Array(this.ends.length * 2);
    bigger.set(this.ends);
    this.ends = bigger;
  }

  private outOfRange(id: number, a: number, b: number): never {
    throw new RangeError(
      `network/csr: node ${id} in tie (${a}, ${b}) is outside 0 .. ${this.nodeCount - 1}`,
    );
  }
}

// build()'s passes live in their own small functions: as one function, V8 optimized it
// on-stack in the first loop, before the later loops had any type feedback, and then
// deoptimized it once per later loop in each of the first simulations of a run.

/** Counting sort, first half: offsets[v] = where v's arcs start, arcs counted by their first end. */
function arcOffsets(ends: Int32Array, used: number, n: number): Int32Array {
  const offsets = new Int32Array(n + 1);
  countArcs(ends, used, offsets);
  prefixSums(offsets, n);
  return offsets;
}

function countArcs(ends: Int32Array, used: number, counts: Int32Array): void {
  for (let i = 0; i < used; i++) counts[ends[i]! + 1]!++;
}

function prefixSums(values: Int32Array, n: number): void {
  for (let v = 0; v < n; v++) values[v + 1]! += values[v]!;
}

/** Counting sort, second half: each tie (a, b) stored as b in a's list and a in b's. */
function scatterArcs(ends: Int32Array, used: number, offsets: Int32Array, n: number): Int32Array {
  const cursor = offsets.slice(0, n);
  const neighbors = new Int32Array(used);
  for (let i = 0; i < used; i += 2) {
    const a = ends[i]!;
    const b = ends[i + 1]!;
    neighbors[cursor[a]!++] = b;
    neighbors[cursor[b]!++] = a;
  }
  return neighbors;
}

/**
 * Sorts each list and squeezes out repeats, compacting leftwards in place (the
 * write position never overtakes the read position); rewrites offsets to match
 * and returns the number of arcs kept.
 */
function sortAndDedupe(neighbors: Int32Array, offsets: Int32Array, n: number): number {
  let write = 0;
  for (let v = 0; v < n; v++) {
    const start = offsets[v]!;
    const end = offsets[v + 1]!;
    sortRange(neighbors, start, end);
    offsets[v] = write;
    write = dedupeInto(neighbors, start, end, write);
  }
  offsets[n] = write;
  return write;
}

/** Copies values[start .. end), sorted, to `write` onwards without repeats; returns the new write position. */
function dedupeInto(values: Int32Array, start: number, end: number, write: number): number {
  let last = -1;
  for (let i = start; i < end; i++) {
    const u = values[i]!;
    if (u !== last) {
      values[write++] = u;
      last = u;
    }
  }
  return write;
}

/** Generator lists are short and often already sorted, where insertion sort is linear. */
function sortRange(values: Int32Array, start: number, end: number): void {
  if (end - start > INSERTION_SORT_MAX) {
    values.subarray(start, end).sort();
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const x = values[i]!;
    let j = i - 1;
    while (j >= start && values[j]! > x) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = x;
  }
}

export function tieCount(csr: Csr): number {
  return csr.offsets[csr.nodeCount]! / 2;
}

export function degree(csr: Csr, v: number): number {
  return csr.offsets[v + 1]! - csr.offsets[v]!;
}

/** Whether a and b are tied: a binary search in a's sorted list. */
export function hasTie(csr: Csr, a: number, b: number): boolean {
  const { offsets, neighbors } = csr;
  let lo = offsets[a]!;
  let hi = offsets[a + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const u = neighbors[mid]!;
    if (u === b) return true;
    if (u < b) lo = mid + 1;
    else hi = mid;
  }
  return false;
}
