/**
 * The little linear algebra calibration and PRCC need, for a handful of
 * dimensions: weighted mean and covariance of a particle population, a Cholesky
 * factor (made positive definite by a small ridge when the population has
 * collapsed along a direction), triangular solves. Matrices are row-major arrays
 * of rows.
 */
export type Matrix = number[][];

export function weightedMean(points: readonly (readonly number[])[], weights: readonly number[]): number[] {
  const d = points[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  let total = 0;
  points.forEach((p, i) => {
    const w = weights[i]!;
    total += w;
    for (let k = 0; k < d; k++) mean[k]! += w * p[k]!;
  });
  return mean.map((m) => m / total);
}

/** Σ w (x − μ)(x − μ)ᵀ / Σ w: the weighted empirical covariance (Beaumont et al. 2009). */
export function weightedCovariance(points: readonly (readonly number[])[], weights: readonly number[]): Matrix {
  const d = points[0]?.length ?? 0;
  const mean = weightedMean(points, weights);
  const cov: Matrix = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  let total = 0;
  points.forEach((p, i) => {
    const w = weights[i]!;
    total += w;
    for (let r = 0; r < d; r++) {
      const dr = p[r]! - mean[r]!;
      for (let c = 0; c <= r; c++) cov[r]![c]! += w * dr * (p[c]! - mean[c]!);
    }
  });
  for (let r = 0; r < d; r++) {
    for (let c = 0; c <= r; c++) {
      cov[r]![c] = cov[r]![c]! / total;
      cov[c]![r] = cov[r]![c]!;
    }
  }
  return cov;
}

/** Lower-triangular L with L Lᵀ = A, or undefined when A is not positive definite. */
export function cholesky(a: Matrix): Matrix | undefined {
  const d = a.length;
  const l: Matrix = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return undefined;
        l[i]![i] = Math.sqrt(s);
      } else {
        l[i]![j] = s / l[j]![j]!;
      }
    }
  }
  return l;
}

/**
 * Cholesky factor of A, adding a ridge to the diagonal (growing tenfold from a
 * tiny share of the mean variance, or of `floor` per dimension when the matrix is
 * all zeros) until it factors.
 */
export function choleskyWithRidge(a: Matrix, floor: readonly number[]): Matrix {
  const d = a.length;
  const first = cholesky(a);
  if (first) return first;
  const meanDiag = a.reduce((s, row, i) => s + Math.max(0, row[i]!), 0) / Math.max(1, d);
  for (let ridge = 1e-10; ridge < 1e10; ridge *= 10) {
    const b = a.map((row, i) => row.map((v, j) => (i === j ? v + ridge * (meanDiag > 0 ? meanDiag : floor[i]!) : v)));
    const l = cholesky(b);
    if (l) return l;
  }
  throw new Error('numeric/linear-algebra: covariance cannot be made positive definite');
}

/** L z for a lower-triangular L. */
export function lowerTimes(l: Matrix, z: readonly number[]): number[] {
  return l.map((row, i) => {
    let s = 0;
    for (let k = 0; k <= i; k++) s += row[k]! * z[k]!;
    return s;
  });
}

/**
 * L⁻¹ x for a lower-triangular L (forward substitution), over L's rows; x needs
 * at least as many entries. ‖L⁻¹ x‖² is x's squared Mahalanobis length for L Lᵀ
 * (whitening). L may be ragged (row i holding columns 0…i only), as PRCC builds it.
 */
export function forwardSubstitution(l: readonly (readonly number[])[], x: readonly number[]): number[] {
  const d = l.length;
  const y = new Array<number>(d);
  for (let i = 0; i < d; i++) {
    let s = x[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  return y;
}

/** x with A x = b for a symmetric positive definite A (Cholesky, then two substitutions); undefined if A is not. */
export function solveSpd(a: Matrix, b: readonly number[]): number[] | undefined {
  const l = cholesky(a);
  if (!l) return undefined;
  return backSubstitution(l, forwardSubstitution(l, b));
}

/** x with Lᵀ x = y for a lower-triangular L (the second half of a Cholesky solve). */
export function backSubstitution(l: readonly (readonly number[])[], y: readonly number[]): number[] {
  const d = l.length;
  const x = new Array<number>(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < d; k++) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}
