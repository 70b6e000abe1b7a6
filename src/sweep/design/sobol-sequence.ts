/**
 * Sobol' low-discrepancy sequence (Sobol' 1967) in up to 64 dimensions, with
 * the direction numbers of Joe & Kuo ("Constructing Sobol sequences with better
 * two-dimensional projections", SIAM J. Sci. Comput. 30, 2008; the published
 * table new-joe-kuo-6.21201), generated in Gray-code order (Antonov & Saleev
 * 1979), 32 bits per coordinate. Sobol indices estimated from these points
 * converge close to 1/n rather than Monte Carlo's 1/√n, which is what makes
 * Saltelli designs of a few thousand base rows usable.
 *
 * A random digital shift (each coordinate XORed with one random 32-bit word per
 * dimension; Owen 2003, "Variance with alternative scramblings") makes the
 * points random while keeping every dyadic stratification of the sequence, so
 * that each seed gives a different, equally balanced design.
 */

/**
 * Joe & Kuo's rows for dimensions 2..64: degree s of the primitive polynomial,
 * its inner coefficients a (bits, highest degree first), then m_1 … m_s.
 * Dimension 1 is van der Corput and needs none.
 */
const JOE_KUO: readonly (readonly [s: number, a: number, ...m: number[]])[] = [
  [1, 0, 1],
  [2, 1, 1, 3],
  [3, 1, 1, 3, 1],
  [3, 2, 1, 1, 1],
  [4, 1, 1, 1, 3, 3],
  [4, 4, 1, 3, 5, 13],
  [5, 2, 1, 1, 5, 5, 17],
  [5, 4, 1, 1, 5, 5, 5],
  [5, 7, 1, 1, 7, 11, 19],
  [5, 11, 1, 1, 5, 1, 1],
  [5, 13, 1, 1, 1, 3, 11],
  [5, 14, 1, 3, 5, 5, 31],
  [6, 1, 1, 3, 3, 9, 7, 49],
  [6, 13, 1, 1, 1, 15, 21, 21],
  [6, 16, 1, 3, 1, 13, 27, 49],
  [6, 19, 1, 1, 1, 15, 7, 5],
  [6, 22, 1, 3, 1, 15, 13, 25],
  [6, 25, 1, 1, 5, 5, 19, 61],
  [7, 1, 1, 3, 7, 11, 23, 15, 103],
  [7, 4, 1, 3, 7, 13, 13, 15, 69],
  [7, 7, 1, 1, 3, 13, 7, 35, 63],
  [7, 8, 1, 3, 5, 9, 1, 25, 53],
  [7, 14, 1, 3, 1, 13, 9, 35, 107],
  [7, 19, 1, 3, 1, 5, 27, 61, 31],
  [7, 21, 1, 1, 5, 11, 19, 41, 61],
  [7, 28, 1, 3, 5, 3, 3, 13, 69],
  [7, 31, 1, 1, 7, 13, 1, 19, 1],
  [7, 32, 1, 3, 7, 5, 13, 19, 59],
  [7, 37, 1, 1, 3, 9, 25, 29, 41],
  [7, 41, 1, 3, 5, 13, 23, 1, 55],
  [7, 42, 1, 3, 7, 3, 13, 59, 17],
  [7, 50, 1, 3, 1, 3, 5, 53, 69],
  [7, 55, 1, 1, 5, 5, 23, 33, 13],
  [7, 56, 1, 1, 7, 7, 1, 61, 123],
  [7, 59, 1, 1, 7, 9, 13, 61, 49],
  [7, 62, 1, 3, 3, 5, 3, 55, 33],
  [8, 14, 1, 3, 1, 15, 31, 13, 49, 245],
  [8, 21, 1, 3, 5, 15, 31, 59, 63, 97],
  [8, 22, 1, 3, 1, 11, 11, 11, 77, 249],
  [8, 38, 1, 3, 1, 11, 27, 43, 71, 9],
  [8, 47, 1, 1, 7, 15, 21, 11, 81, 45],
  [8, 49, 1, 3, 7, 3, 25, 31, 65, 79],
  [8, 50, 1, 3, 1, 1, 19, 11, 3, 205],
  [8, 52, 1, 1, 5, 9, 19, 21, 29, 157],
  [8, 56, 1, 3, 7, 11, 1, 33, 89, 185],
  [8, 67, 1, 3, 3, 3, 15, 9, 79, 71],
  [8, 70, 1, 3, 7, 11, 15, 39, 119, 27],
  [8, 84, 1, 1, 3, 1, 11, 31, 97, 225],
  [8, 97, 1, 1, 1, 3, 23, 43, 57, 177],
  [8, 103, 1, 3, 7, 7, 17, 17, 37, 71],
  [8, 115, 1, 3, 1, 5, 27, 63, 123, 213],
  [8, 122, 1, 1, 3, 5, 11, 43, 53, 133],
  [9, 8, 1, 3, 5, 5, 29, 17, 47, 173, 479],
  [9, 13, 1, 3, 3, 11, 3, 1, 109, 9, 69],
  [9, 16, 1, 1, 1, 5, 17, 39, 23, 5, 343],
  [9, 22, 1, 3, 1, 5, 25, 15, 31, 103, 499],
  [9, 25, 1, 1, 1, 11, 11, 17, 63, 105, 183],
  [9, 44, 1, 1, 5, 11, 9, 29, 97, 231, 363],
  [9, 47, 1, 1, 5, 15, 19, 45, 41, 7, 383],
  [9, 52, 1, 3, 7, 7, 31, 19, 83, 137, 221],
  [9, 55, 1, 1, 1, 3, 23, 15, 111, 223, 83],
  [9, 59, 1, 1, 5, 13, 31, 15, 55, 25, 161],
  [9, 62, 1, 1, 3, 13, 25, 47, 39, 87, 257],
];

/** The Joe–Kuo rows, for the tests that check them (primitive polynomials, m_j odd and < 2^j). */
export const joeKuoRows = JOE_KUO;

/** Dimensions this module can generate. */
export const maxSobolDimensions = JOE_KUO.length + 1;

const BITS = 32;

/** Direction numbers v_1..v_32 of one dimension (0-based), as 32-bit words, bit 31 first. */
function directions(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dimension === 0) {
    for (let j = 0; j < BITS; j++) v[j] = 2 ** (BITS - 1 - j);
    return v;
  }
  const [s, a, ...m] = JOE_KUO[dimension - 1]!;
  for (let j = 0; j < BITS; j++) {
    if (j < s) {
      v[j] = m[j]! * 2 ** (BITS - 1 - j); // the table holds s values of m (tested)
      continue;
    }
    // Bratley & Fox (1988) recurrence, with the polynomial's inner
    // coefficients read from the bits of a.
    let x = v[j - s]! ^ (v[j - s]! >>> s);
    for (let i = 1; i < s; i++) if ((a >>> (s - 1 - i)) & 1) x ^= v[j - i]!;
    v[j] = x >>> 0;
  }
  return v;
}

/**
 * The first n points of the d-dimensional sequence as 32-bit integers (point i
 * at [i·d, (i+1)·d)), each dimension XORed with shift[j] (default 0, the plain
 * sequence, whose first point is the origin). Divide by 2^32 for [0, 1).
 */
export function sobolWords(d: number, n: number, shift?: ArrayLike<number>): Uint32Array {
  if (!Number.isSafeInteger(d) || d < 1 || d > maxSobolDimensions) {
    throw new RangeError(`sobolWords: d must be a whole number in 1..${maxSobolDimensions}, found ${d}`);
  }
  if (!Number.isSafeInteger(n) || n < 0 || n > 2 ** 31) {
    throw new RangeError(`sobolWords: n must be a whole number in 0..2^31, found ${n}`);
  }
  const v = Array.from({ length: d }, (_, j) => directions(j));
  const out = new Uint32Array(n * d);
  const x = new Uint32Array(d);
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      // Gray code: point i differs from point i−1 by the direction number of
      // the lowest set bit of i.
      const c = 31 - Math.clz32(i & -i);
      for (let j = 0; j < d; j++) x[j]! ^= v[j]![c]!;
    }
    for (let j = 0; j < d; j++) out[i * d + j] = (x[j]! ^ (shift?.[j] ?? 0)) >>> 0;
  }
  return out;
}

/** The first n points of the sequence in [0, 1)^d, digitally shifted by `shift` words. */
export function sobolPoints(d: number, n: number, shift?: ArrayLike<number>): number[][] {
  const words = sobolWords(d, n, shift);
  return Array.from({ length: n }, (_, i) => Array.from(words.subarray(i * d, (i + 1) * d), (w) => w / 2 ** BITS));
}

/** One random 32-bit word per dimension, for the digital shift (d draws). */
export function randomShift(d: number, random: () => number): Uint32Array {
  return Uint32Array.from({ length: d }, () => Math.floor(random() * 2 ** BITS));
}
