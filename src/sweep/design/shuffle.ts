/**
 * A uniform random permutation of 0..n−1 (Fisher–Yates), drawing exactly n − 1
 * numbers from `random`, so that designs built on it consume a known count of
 * draws and stay reproducible.
 */
export function permutation(n: number, random: () => number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}
