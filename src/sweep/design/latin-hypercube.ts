/**
 * Latin hypercube sampling (McKay, Beckman & Conover 1979): each factor's unit
 * range is cut into n equal strata and each stratum holds exactly one of the n
 * points, at a uniform position inside it; strata are paired across factors by
 * independent random permutations. Every factor's marginal is covered evenly
 * even when n is small, which plain Monte Carlo does not promise.
 *
 * Draws, in order: for each factor, n − 1 for its permutation then n for the
 * positions inside the strata.
 */
import { checkFactors, fromUnit, type Factor } from './factors.js';
import { requireRandom, requireWhole } from './errors.js';
import { permutation } from './shuffle.js';

/** n points in [0, 1)^k; point i of factor j lies in stratum ⌊u·n⌋. */
export function latinHypercubeUnit(k: number, n: number, random: () => number): number[][] {
  requireWhole('latinHypercube', 'k', k, 1);
  requireWhole('latinHypercube', 'n', n, 1);
  requireRandom('latinHypercube', random);
  const rows = Array.from({ length: n }, () => new Array<number>(k));
  for (let j = 0; j < k; j++) {
    const strata = permutation(n, random);
    for (let i = 0; i < n; i++) {
      const s = strata[i]!;
      const at = s + random();
      // s + r rounds up to s + 1 when r is within an ulp of 1; the centre keeps
      // such a (very rare) point in its own stratum.
      rows[i]![j] = (at < s + 1 ? at : s + 0.5) / n;
    }
  }
  return rows;
}

/** n points of factor values. */
export function latinHypercube(factors: readonly Factor[], n: number, random: () => number): number[][] {
  checkFactors('latinHypercube', factors);
  return latinHypercubeUnit(factors.length, n, random).map((row) => row.map((u, j) => fromUnit(factors[j]!, u)));
}
