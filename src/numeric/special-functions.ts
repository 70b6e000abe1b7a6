/**
 * Special functions for the p-values of the sweep analyses. The two-sided
 * Student t tail is I_{df/(df + t²)}(df/2, 1/2); PRCC evaluates it from the
 * correlation directly (sweep/design/prcc.ts).
 */

/**
 * The regularized incomplete beta function I_x(a, b), for a, b > 0, by its
 * continued fraction (Abramowitz & Stegun 26.5.8), evaluated with the modified
 * Lentz method (as in Numerical Recipes §6.4); the fraction converges fast for
 * x < (a + 1)/(a + b + 2), and the symmetry I_x(a, b) = 1 − I_{1−x}(b, a)
 * covers the rest.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const guard = (v: number) => (Math.abs(v) < tiny ? tiny : v);
  let c = 1;
  let d = 1 / guard(1 - ((a + b) * x) / (a + 1));
  let h = d;
  // Terms needed grow like √max(a, b); the bound is far beyond what 10 million points need.
  for (let m = 1; m <= 100_000; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) return h;
  }
  return NaN;
}

/**
 * ln Γ(x) for x > 0: Stirling's series to the x⁻⁷ term for x ≥ 10, reached
 * from smaller x by Γ(x) = Γ(x + m)/(x(x + 1)…(x + m − 1)). The first term left
 * out, 1/(1188 x⁹), bounds the error: 8e-13 at x = 10, about 1e-15 at x = 21;
 * p-values are written to 6 significant digits, far coarser.
 */
export function logGamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}
